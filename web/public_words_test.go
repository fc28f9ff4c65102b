package web_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestPublicListsSayStageAndHow: the list of every stage names each
// gagasan's stage in words; the board (on screen and in print) says how to
// send a gagasan and ask about one; a gagasan on a scheduled meeting's
// agenda names that meeting and its date, one on none names no meeting.
func TestPublicListsSayStageAndHow(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	_, all := c.get("/desa/" + demoDesa + "/gagasan")
	for _, want := range []string{
		`<li id="G-TAMAN4">`, `<li id="G-PAWAC6">`,
	} {
		_, item, ok := strings.Cut(all, want)
		item, _, _ = strings.Cut(item, "</li>")
		if !ok || !strings.Contains(item, `Tahap: <b>`) {
			t.Errorf("the list of every stage does not say the stage of %s: %s", want, item)
		}
	}
	if !strings.Contains(all, `Tahap: <b>Dikerjakan</b>`) {
		t.Error("the road under construction is not said to be Dikerjakan")
	}
	if _, one := c.get("/desa/" + demoDesa + "/gagasan?tahap=DIAJUKAN"); strings.Contains(one, "Tahap: <b>") {
		t.Error("a one-stage list repeats the stage on every line")
	}
	for _, path := range []string{"/desa/" + demoDesa, "/desa/" + demoDesa + "/cetak"} {
		_, b := c.get(path)
		_, reach, _ := strings.Cut(b, `id="hubungi"`)
		reach, _, _ = strings.Cut(reach, "</section>")
		if !strings.Contains(reach, "Kirim gagasan: tulis <b>GAGASAN</b> lalu isinya.") || !strings.Contains(reach, "Tanya kabarnya: <b class=\"nw\">STATUS G-…</b>") {
			t.Errorf("%s does not say how to send a gagasan and ask about it", path)
		}
	}
	// R-MKPAC3, the Musdes Perencanaan in five days, has G-TAMAN4 on its agenda.
	_, g := c.get("/desa/" + demoDesa + "/gagasan/G-TAMAN4")
	if !strings.Contains(g, `id="rapat-berikut">Akan dibahas di Musyawarah Desa Perencanaan: `) || !strings.Contains(g, "Balai Desa Bimomartani.") {
		t.Errorf("the gagasan page does not name its meeting: %s", g)
	}
	if _, g = c.get("/desa/" + demoDesa + "/gagasan/G-HEMAT7"); strings.Contains(g, "Akan dibahas") {
		t.Error("a gagasan on no agenda names a meeting")
	}
	if _, err := s.st.DB().Exec(`UPDATE meetings SET status = 'DIBATALKAN' WHERE code = 'R-MKPAC3'`); err != nil {
		t.Fatal(err)
	}
	if _, g = c.get("/desa/" + demoDesa + "/gagasan/G-TAMAN4"); strings.Contains(g, "Akan dibahas") {
		t.Error("a cancelled meeting is still named")
	}
}

// TestPublicPagesSayItPlainly: the board and a kegiatan's page use words,
// not the program's abbreviations or accountants' terms: no "RTM" or "KK"
// (rumah tangga miskin, kepala keluarga), one term for money not yet paid
// ("Belum cair", as on the kegiatan page, never "Sisa"), and no "poin".
func TestPublicPagesSayItPlainly(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	jargon := regexp.MustCompile(`\bRTM\b|\bKK\b|\bSisa\b|\bpoin\b`)
	for _, path := range []string{"/desa/" + demoDesa, "/desa/" + demoDesa + "/cetak", kegiatanPath} {
		_, b := c.get(path)
		text := regexp.MustCompile(`(?s)<style.*?</style>|<[^>]*>`).ReplaceAllString(b, " ")
		if m := jargon.FindAllString(text, -1); m != nil {
			t.Errorf("%s says %q", path, m)
		}
		if !strings.Contains(b, "Belum cair") {
			t.Errorf("%s does not say Belum cair", path)
		}
	}
}

// TestReportPhotosDated: when the latest report has no photos, the board
// says so beside its date and dates the photos it shows with their own
// (earlier) report; the public and admin kegiatan pages mark each report
// without photos, as the README says a report without a photo is marked.
func TestReportPhotosDated(t *testing.T) {
	s := newSite(t)
	c := s.client(t)
	_, board := c.get("/desa/" + demoDesa)
	if !strings.Contains(board, "Foto dari laporan ") || strings.Contains(board, "tanpa foto") {
		t.Error("with photos on the latest report the board dates them wrongly or says there are none")
	}
	// A report from 20 days on, without photos.
	reportWithPin(t, s)
	if _, err := s.st.DB().Exec(`UPDATE progress_reports SET at = now() + interval '20 days' WHERE percent = 60`); err != nil {
		t.Fatal(err)
	}
	_, board = c.get("/desa/" + demoDesa)
	m := regexp.MustCompile(`Laporan terakhir ([^<]+?), tanpa foto</small>\s*<p class="foto-dari"><small>Foto dari laporan ([^<:]+):`).FindStringSubmatch(board)
	if m == nil || m[1] == m[2] {
		t.Fatalf("the board does not date the earlier report's photos apart from the latest without any: %v %s", m, board[strings.Index(board, "Laporan terakhir"):][:400])
	}
	fas := s.client(t)
	fas.login("fas", fasPassword)
	for path, who := range map[string]*client{kegiatanPath: c, "/admin/kegiatan/K-KEJAM3": fas} {
		_, page := who.get(path)
		if n := strings.Count(page, "Laporan ini tanpa foto."); n != 1 {
			t.Errorf("%s marks %d reports without photos, want the one", path, n)
		}
	}
}
