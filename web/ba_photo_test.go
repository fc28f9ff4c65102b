package web_test

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/configs"
)

// The photo of a signed berita acara, sent by the KPMD by chat: the admin
// meeting page shows it (and the one it replaced) to everyone who sees the
// meeting; the board shows it only once a facilitator let it on, and only
// the photo the facilitator looked at.
func TestBAPhotoOnAdminAndBoard(t *testing.T) {
	s := newSite(t)
	var meetingID int64
	if err := s.st.DB().Get(&meetingID, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
		VALUES ('R-BAFOTO', 'MUSDES_PERENCANAAN', '34.04.11.2002', 'DESA', $1, 'Balai Desa', 'SELESAI') RETURNING id`, time.Now().Add(-24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	photo := func(i int) map[string]any {
		return map[string]any{"mime": "image/jpeg", "data_base64": base64.StdEncoding.EncodeToString(configs.DemoPhotos()[i])}
	}
	s.say(t, "081100000001", map[string]any{"text": "FOTO BA R-BAFOTO", "image": photo(0)})
	var first int64
	if err := s.st.DB().Get(&first, `SELECT ba_media_id FROM meetings WHERE id = $1`, meetingID); err != nil {
		t.Fatalf("the photo sent by chat is not the meeting's: %v", err)
	}
	anon := s.client(t)
	if _, board := anon.get("/desa/34.04.11.2002"); strings.Contains(board, "Berita acara yang ditandatangani") || strings.Contains(board, fmt.Sprintf("/foto/%d", first)) {
		t.Fatalf("the board shows the berita acara before a facilitator looked at it")
	}
	if code, _ := anon.get(fmt.Sprintf("/foto/%d?w=320", first)); code != 404 {
		t.Fatalf("the photo is public before anyone looked at it: %d", code)
	}

	fas := s.client(t)
	fas.login("fas", fasPassword)
	_, page := fas.get("/admin/rapat/R-BAFOTO")
	if !strings.Contains(page, fmt.Sprintf(`src="/admin/berkas/%d?w=640"`, first)) || !strings.Contains(page, "oleh Sri Wahyuni (KPMD)") ||
		!strings.Contains(page, "Belum tampil di papan informasi desa") || !strings.Contains(page, "Tampilkan di papan") {
		t.Fatalf("the admin meeting page lacks the photo or its board button:\n%s", page)
	}
	if code, _ := fas.get(fmt.Sprintf("/admin/berkas/%d?w=320", first)); code != 200 {
		t.Fatalf("the facilitator cannot open the photo: %d", code)
	}
	audit := s.client(t)
	audit.login("audit", fasPassword)
	if _, page := audit.get("/admin/rapat/R-BAFOTO"); !strings.Contains(page, fmt.Sprintf("/admin/berkas/%d", first)) || strings.Contains(page, "Tampilkan di papan") {
		t.Fatalf("the auditor sees no photo, or a button:\n%s", page)
	}
	other := s.client(t)
	other.login("lain", fasPassword)
	if code, _ := other.get(fmt.Sprintf("/admin/berkas/%d", first)); code != 404 {
		t.Fatalf("another kecamatan's facilitator opens the photo: %d", code)
	}

	// A clearer photo replaces the first, which stays on the page.
	s.say(t, "081100000001", map[string]any{"text": "foto berita acara R-BAFOTO", "image": photo(1)})
	var second int64
	_ = s.st.DB().Get(&second, `SELECT ba_media_id FROM meetings WHERE id = $1`, meetingID)
	if second == first || second == 0 {
		t.Fatalf("the second photo did not replace the first (%d, %d)", first, second)
	}
	_, page = fas.get("/admin/rapat/R-BAFOTO")
	if !strings.Contains(page, fmt.Sprintf(`src="/admin/berkas/%d?w=640"`, second)) || !strings.Contains(page, "Kiriman sebelumnya, tetap tersimpan") ||
		!strings.Contains(page, fmt.Sprintf(`href="/admin/berkas/%d"`, first)) {
		t.Fatalf("the admin page lacks the new photo or the replaced one:\n%s", page)
	}
	// A form for the photo replaced meanwhile is refused.
	if code, body, _ := fas.post("/admin/rapat/R-BAFOTO/ba", url.Values{"foto": {fmt.Sprint(first)}, "tampil": {"1"}}); code != 400 ||
		!strings.Contains(body, "Foto berita acara sudah diganti") {
		t.Fatalf("showing the replaced photo: %d\n%s", code, body)
	}
	if code, _, _ := fas.post("/admin/rapat/R-BAFOTO/ba", url.Values{"foto": {fmt.Sprint(second)}, "tampil": {"1"}}); code != 303 {
		t.Fatalf("showing the photo: %d", code)
	}
	_, board := anon.get("/desa/34.04.11.2002")
	if !strings.Contains(board, "Berita acara yang ditandatangani") || !strings.Contains(board, fmt.Sprintf(`src="/foto/%d?w=320"`, second)) ||
		strings.Contains(board, fmt.Sprintf("/foto/%d?", first)) || strings.Contains(board, "Sri Wahyuni") {
		t.Fatalf("the board does not show the photo looked at (only it, without the sender's name):\n%s", board)
	}
	if code, _ := anon.get(fmt.Sprintf("/foto/%d?w=320", second)); code != 200 {
		t.Fatalf("the board's photo is not served: %d", code)
	}
	if code, _ := anon.get(fmt.Sprintf("/foto/%d?w=320", first)); code != 404 {
		t.Fatalf("the replaced photo is public: %d", code)
	}
	// Taken off again.
	if code, _, _ := fas.post("/admin/rapat/R-BAFOTO/ba", url.Values{"foto": {fmt.Sprint(second)}, "tampil": {"0"}}); code != 303 {
		t.Fatalf("hiding the photo: %d", code)
	}
	if _, board := anon.get("/desa/34.04.11.2002"); strings.Contains(board, "Berita acara yang ditandatangani") {
		t.Fatalf("the board still shows the hidden photo")
	}

	// A second page, scanned to PDF, sent right after: the admin page
	// links it as page 2, a look at the first page alone is refused, and
	// the board links the PDF once the whole was looked at.
	s.say(t, "081100000001", map[string]any{"image": map[string]any{"mime": "application/pdf",
		"data_base64": base64.StdEncoding.EncodeToString([]byte("%PDF-1.4\n%halaman 2\n"))}})
	var scan int64
	_ = s.st.DB().Get(&scan, `SELECT media_id FROM meeting_ba_photos WHERE meeting_id = $1 AND page = 2`, meetingID)
	_, page = fas.get("/admin/rapat/R-BAFOTO")
	if scan == 0 || !strings.Contains(page, fmt.Sprintf(`<a href="/admin/berkas/%d">Halaman 2 (PDF)</a>`, scan)) ||
		!strings.Contains(page, fmt.Sprintf(`name="foto" value="%d"`, scan)) || !strings.Contains(page, "2 halaman") {
		t.Fatalf("the admin page lacks the PDF page %d, or names another last page:\n%s", scan, page)
	}
	if code, _, _ := fas.post("/admin/rapat/R-BAFOTO/ba", url.Values{"foto": {fmt.Sprint(second)}, "tampil": {"1"}}); code != 400 {
		t.Fatalf("showing with the first page alone seen: %d", code)
	}
	if code, _, _ := fas.post("/admin/rapat/R-BAFOTO/ba", url.Values{"foto": {fmt.Sprint(scan)}, "tampil": {"1"}}); code != 303 {
		t.Fatalf("showing both pages: %d", code)
	}
	_, board = anon.get("/desa/34.04.11.2002")
	if !strings.Contains(board, fmt.Sprintf(`src="/foto/%d?w=320"`, second)) || !strings.Contains(board, fmt.Sprintf(`<a href="/foto/%d">`, scan)) {
		t.Fatalf("the board lacks a page of the berita acara looked at:\n%s", board)
	}
	if code, body := anon.get(fmt.Sprintf("/foto/%d", scan)); code != 200 || !strings.HasPrefix(body, "%PDF") {
		t.Fatalf("the board's PDF page is not served as it is: %d", code)
	}
}
