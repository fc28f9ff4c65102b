package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The home page lists what needs the facilitator, each a link: new
// complaints, voice notes to write down, meetings past without an outcome,
// the next tranches ready or blocked and why, proposals waiting for the
// TV, gagasan per stage per desa. A TV user sees no resident's complaint.
func TestAdminHome(t *testing.T) {
	s := newSite(t)
	db := s.st.DB()
	// A meeting that has passed without its outcome, and a proposal that
	// waits for the Tim Verifikasi.
	if _, err := db.Exec(`UPDATE meetings SET starts_at = now() - interval '2 days' WHERE code = 'R-MKPAC3'`); err != nil {
		t.Fatal(err)
	}
	tpu := s.client(t)
	tpu.login("tpu", fasPassword)
	if code, _ := upload(t, tpu, "/admin/gagasan/G-HEMAT7/proposal", "berkas", "proposal.pdf", "application/pdf", []byte("%PDF-1.4\n%%EOF\n")); code != http.StatusSeeOther {
		t.Fatalf("proposal upload: %d", code)
	}
	var newComplaints, stagePelaksanaan int
	if err := db.Get(&newComplaints, `SELECT count(*) FROM complaints WHERE status = 'DITERIMA'`); err != nil || newComplaints == 0 {
		t.Fatalf("demo complaints: %d %v", newComplaints, err)
	}
	if err := db.Get(&stagePelaksanaan, `SELECT count(*) FROM gagasan WHERE status = 'PELAKSANAAN' AND desa_kode = '34.04.11.2002'`); err != nil || stagePelaksanaan == 0 {
		t.Fatalf("demo gagasan: %d %v", stagePelaksanaan, err)
	}

	fas := s.client(t)
	fas.login("fas", fasPassword)
	code, body := fas.get("/admin/")
	if code != 200 {
		t.Fatalf("home: %d", code)
	}
	start := time.Now()
	for range 10 {
		fas.get("/admin/")
	}
	t.Logf("home page on the demo data: %v a request, %d bytes", time.Since(start)/10, len(body))
	for _, want := range []string{
		`Aduan baru <span class="count">` + strconv.Itoa(newComplaints) + `</span>`,
		`<a href="/admin/aduan#A-HAR4NA">A-HAR4NA</a>`,
		`<a href="/admin/rapat/R-MKPAC3">`,
		`<a href="/admin/kegiatan/K-KEJAM3">`,
		`tertahan</span> <small>Tahap 2 baru dapat cair setelah ada laporan kemajuan paling sedikit 40%`,
		`<a href="/admin/gagasan/G-HEMAT7">G-HEMAT7`,
		`<a href="/admin/gagasan?desa=34.04.11.2002&amp;tahap=PELAKSANAAN">` + strconv.Itoa(stagePelaksanaan) + `</a>`,
		`Pesan suara untuk ditulis`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("home lacks %q", want)
		}
	}
	// A report at 40% and a Musdes Pertanggungjawaban held after the first
	// tranche make the second ready.
	if _, err := db.Exec(`INSERT INTO progress_reports (kegiatan_id, percent, by_name) SELECT id, 45, 'TPK' FROM kegiatan WHERE code = 'K-KEJAM3'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE meetings SET type = 'MUSDES_PERTANGGUNGJAWABAN', status = 'SELESAI', starts_at = now() - interval '1 hour' WHERE code = 'R-MKPAC3'`); err != nil {
		t.Fatal(err)
	}
	_, body = fas.get("/admin/")
	if !strings.Contains(body, `tahap 2:
<span class="tag ready">siap dicatat cair</span>`) {
		t.Errorf("tranche 2 not shown ready:\n%s", body)
	}
	if strings.Contains(body, `<a href="/admin/rapat/R-MKPAC3">`) {
		t.Error("a meeting with its outcome still listed")
	}

	tv := s.client(t)
	tv.login("tv", fasPassword)
	_, body = tv.get("/admin/")
	if strings.Contains(body, "Aduan baru") || strings.Contains(body, "A-HAR4NA") || !strings.Contains(body, `<a href="/admin/gagasan/G-HEMAT7">`) {
		t.Error("the TV's home: complaints shown or proposal missing")
	}
}
