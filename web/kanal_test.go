package web_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/web"
)

// A desa without numbers of its own shows on its board the number of the
// channel that serves its kecamatan, and the warga page says so; the
// WhatsApp page says which region each number serves.
func TestBoardShowsTheScopesNumber(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	kec := "34.04.11"
	if err := s.st.TouchKanal(ctx, []postgres.KanalRun{{Nama: "sms:ngemplak", Nomor: "+6281200000002", Cakupan: &kec},
		{Nama: "whatsapp:+6281100000099", Nomor: "+6281100000099", Cakupan: &kec}}); err != nil {
		t.Fatal(err)
	}
	wa := &fakeWhatsApp{numbers: []web.WhatsAppNumber{{Phone: "+6281100000099", State: "connected"}}}
	mux := http.NewServeMux()
	(&web.Server{Store: s.st, Log: slog.New(slog.DiscardHandler), WhatsApp: wa}).Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := (&site{srv: srv, st: s.st}).client(t)
	c.login("fas", fasPassword)

	if _, board := c.get("/desa/34.04.11.2001"); !strings.Contains(board, `href="https://wa.me/6281100000099?text=HALO%2034.04.11.2001">0811-0000-0099</a>`) ||
		!strings.Contains(board, "0812-0000-0002") {
		t.Errorf("the board of a desa without numbers of its own: %s", visible(board))
	}
	_, page := c.get("/admin/warga")
	txt := visible(page)
	if !strings.Contains(txt, "Papan kini menampilkan nomor wilayahnya: WhatsApp 0811-0000-0099, SMS 0812-0000-0002.") {
		t.Errorf("the warga page does not say what the board shows: %s", txt)
	}
	if strings.Count(txt, "Papan kini menampilkan") != 4 { // not for the desa with numbers of its own
		t.Errorf("said for %d desa", strings.Count(txt, "Papan kini menampilkan"))
	}
	_, page = c.get("/admin/whatsapp")
	if txt := visible(page); !strings.Contains(txt, "melayani Kecamatan Ngemplak 34.04.11") {
		t.Errorf("whatsapp page: %s", txt)
	}
}

// TestWhatsAppNumbersInScope: the WhatsApp page shows a facilitator the
// numbers serving their residents (everywhere, their kabupaten, their
// kecamatan) and those within their scope, never another region's.
func TestWhatsAppNumbersInScope(t *testing.T) {
	ctx := context.Background()
	s := kabupatenSite(t)
	scopes := map[string]string{"+6281100000001": "", "+6281100000002": "34.04", "+6281100000003": "34.04.11",
		"+6281100000004": "34.04.13", "+6281100000005": "33.74.01"}
	var runs []postgres.KanalRun
	var numbers []web.WhatsAppNumber
	for phone, sc := range scopes {
		runs = append(runs, postgres.KanalRun{Nama: "whatsapp:" + phone, Nomor: domain.Phone(phone), Cakupan: &sc})
		numbers = append(numbers, web.WhatsAppNumber{Phone: phone, State: "connected"})
	}
	if err := s.st.TouchKanal(ctx, runs); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	(&web.Server{Store: s.st, Log: slog.New(slog.DiscardHandler), WhatsApp: &fakeWhatsApp{numbers: numbers}}).Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for who, want := range map[string]string{"fas": "123", "fkab": "1234", "lain": "15", "lainkab": "15"} {
		c := (&site{srv: srv, st: s.st}).client(t)
		c.login(who, fasPassword)
		_, page := c.get("/admin/whatsapp")
		txt, got := visible(page), ""
		for i := 1; i <= 5; i++ {
			if strings.Contains(txt, "+628110000000"+itoa(i)) {
				got += itoa(i)
			}
		}
		if got != want {
			t.Errorf("%s sees numbers %s, want %s: %s", who, got, want, txt)
		}
	}
}
