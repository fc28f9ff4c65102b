package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// A follow-up reply typed without touching the stage list keeps the
// complaint where it is: the list starts at the complaint's own stage, the
// sender is told, and every reply shows in the complaint's history.
func TestComplaintReplyKeepsStage(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	const c = "A-HAR4NA"
	told := func() int {
		var n int
		if err := s.st.DB().Get(&n, `SELECT count(*) FROM outbound_messages WHERE text LIKE '%`+c+`%' AND to_phone = '+6281100000012'`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	fas.get("/admin/aduan")
	code, _, h := fas.post("/admin/aduan/"+c, url.Values{"status": {"DIVERIFIKASI"}, "jawaban": {"Sudah kami tanyakan ke TPK."}})
	fas.follow(code, h)
	_, page := fas.get("/admin/aduan")
	selected := regexp.MustCompile(`<select id="s-` + c + `" name="status">.*?</select>`).FindString(page)
	if !strings.Contains(selected, `<option value="DIVERIFIKASI" selected>`) || strings.Contains(selected, `value="DITERIMA"`) {
		t.Fatalf("the stage list does not start at the complaint's stage: %s", selected)
	}
	// The form as the page sends it, untouched but for the reply.
	code, _, h = fas.post("/admin/aduan/"+c, url.Values{"status": {"DIVERIFIKASI"}, "jawaban": {"Mandor dipanggil Senin."}})
	if code != http.StatusSeeOther {
		t.Fatalf("a reply at the same stage answered %d", code)
	}
	if page := fas.follow(code, h); !strings.Contains(page, "Jawaban untuk pengadu "+c+" dikirim") {
		t.Fatal("reply not confirmed")
	}
	var status string
	_ = s.st.DB().Get(&status, `SELECT status FROM complaints WHERE code = $1`, c)
	if status != "DIVERIFIKASI" || told() != 2 {
		t.Fatalf("after a reply: status %s, sender told %d times", status, told())
	}
	_, page = fas.get("/admin/aduan")
	card := page[strings.Index(page, `id="`+c+`"`):]
	if !strings.Contains(card, "Sudah kami tanyakan ke TPK.") || !strings.Contains(card, "Mandor dipanggil Senin.") {
		t.Fatal("earlier replies not in the complaint's history")
	}
	// Staying put with nothing to say is refused in words.
	code, body, _ := fas.post("/admin/aduan/"+c, url.Values{"status": {"DIVERIFIKASI"}, "jawaban": {" "}})
	if code != http.StatusBadRequest || !strings.Contains(body, "tulis jawaban untuk pengadu") {
		t.Fatalf("empty reply: %d", code)
	}
	if told() != 2 {
		t.Fatal("an empty reply was sent")
	}
}

// A success banner is only what this site said after a change: any ?ok=
// text in a link shows nothing.
func TestFlashOnlyFromTheSite(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	_, page := fas.get("/admin/gagasan/G-TAMAN4?ok=Dana+tahap+3+sudah+cair")
	if strings.Contains(page, "Dana tahap 3") || strings.Contains(page, `class="flash"`) {
		t.Fatal("free text from the address shown as a success banner")
	}
	_, page = fas.get("/admin/gagasan/G-TAMAN4?ok=Dana+tahap+3+sudah+cair&oks=00112233445566778899aabbccddeeff")
	if strings.Contains(page, "Dana tahap 3") {
		t.Fatal("a made-up signature accepted")
	}
	code, _, h := fas.post("/admin/aduan/A-HAR4NA", url.Values{"status": {"DIVERIFIKASI"}, "jawaban": {"Sedang kami periksa."}})
	page = fas.follow(code, h)
	if !regexp.MustCompile(`class="flash"[^>]*>Aduan A-HAR4NA: sedang diperiksa\. Pengadu diberi tahu\.<`).MatchString(page) {
		t.Fatalf("the site's own banner missing or with a double full stop: %s", regexp.MustCompile(`<p class="flash".*`).FindString(page))
	}
	// Another session's link does not carry it over.
	other := s.client(t)
	other.login("fas", fasPassword)
	u, _ := url.Parse(h.Get("Location"))
	if _, page := other.get(u.RequestURI()); strings.Contains(page, `class="flash"`) {
		t.Fatal("a banner signed for another session shown")
	}
}
