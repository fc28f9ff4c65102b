package web

import (
	"html/template"
	"net/http"
	"sync"
	"testing"
)

// Servers registered at the same time (the simulator's transcripts run
// several in parallel) share one parse of the templates: under -race, a
// parse per Register wrote the inlined stylesheet while another server's
// page read it.
func TestRegisterConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	servers := make([]*Server, 4)
	for i := range servers {
		servers[i] = &Server{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			servers[i].Register(http.NewServeMux())
			if _, ok := servers[i].pages["board"]; !ok {
				t.Error("no board template after Register")
			}
			if css := funcs["css"].(func() template.CSS)(); len(css) < 100 {
				t.Errorf("stylesheet of %d bytes", len(css))
			}
		}()
	}
	wg.Wait()
	if servers[0].pages["board"] != servers[3].pages["board"] {
		t.Error("each Register parsed the templates again")
	}
}
