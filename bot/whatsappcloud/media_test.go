package whatsappcloud_test

import (
	"strings"
	"testing"
	"time"
)

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// A message already stored is not downloaded again when Meta redelivers
// it; a file over the download limit is handed over empty (the pipeline
// refuses it and says so), never cut.
func TestMediaFetchedOnceAndBounded(t *testing.T) {
	f := newFixture(t)
	ts := itoa(time.Now().Unix())
	image := func(id, media string) string {
		return `{"from":"6281234567001","id":"` + id + `","timestamp":"` + ts + `","type":"image","image":{"id":"` + media + `","mime_type":"image/jpeg"}}`
	}
	f.st.DB().MustExec(`INSERT INTO inbound_messages (channel, ext_id, phone) VALUES ($1, 'wamid.SEEN', '+6281234567001')`, "whatsappcloud:"+pnid)
	body := webhook(strings.Join([]string{image("wamid.SEEN", "MEDIA-IN-1"), image("wamid.NEW", "MEDIA-IN-1"), image("wamid.BIG", "MEDIA-BIG")}, ","), "")
	if code := f.post(t, body, sign(body)); code != 200 {
		t.Fatalf("webhook %d", code)
	}
	got := f.rec.got
	if len(got) != 3 {
		t.Fatalf("%d messages reached the pipeline", len(got))
	}
	if f.g.fetched != 1 || got[0].Media != nil || got[1].Media == nil {
		t.Fatalf("%d downloads; the redelivered message carries %+v", f.g.fetched, got[0].Media)
	}
	if got[2].Media == nil || len(got[2].Media.Data) != 0 {
		t.Fatalf("a file over the limit reached the pipeline with %d bytes", len(got[2].Media.Data))
	}
}
