package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
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

// Tolak asks first, and says when the gagasan is on a coming meeting's
// agenda; once rejected, the meeting's page, the board and its print show
// it as gone, with nothing to decide.
func TestRejectAsksAndLeavesAgenda(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	const g, meeting = "G-PAWAC6", "R-MKPAC3"
	var title string
	if err := s.st.DB().Get(&title, `SELECT title FROM gagasan WHERE code = $1`, g); err != nil {
		t.Fatal(err)
	}
	status := func() string {
		var st string
		_ = s.st.DB().Get(&st, `SELECT status FROM gagasan WHERE code = $1`, g)
		return st
	}
	fas.get("/admin/gagasan/" + g)
	form := url.Values{"tahap": {"DITOLAK"}, "catatan": {"Lahan belum tersedia"}}
	code, body, _ := fas.post("/admin/gagasan/"+g+"/tahap", form)
	if code != http.StatusOK || !strings.Contains(body, `id="yakin"`) || !strings.Contains(body, meeting) || !strings.Contains(body, "Lahan belum tersedia") {
		t.Fatalf("Tolak did not ask first, naming the coming meeting: %d", code)
	}
	if status() == "DITOLAK" {
		t.Fatal("rejected on one click")
	}
	form.Set("yakin", "ya")
	if code, _, _ = fas.post("/admin/gagasan/"+g+"/tahap", form); code != http.StatusSeeOther || status() != "DITOLAK" {
		t.Fatalf("confirmed rejection: %d, %s", code, status())
	}
	_, page := fas.get("/admin/rapat/" + meeting)
	if strings.Contains(page, `id="p-`+g+`"`) || !strings.Contains(page, `<s>`+g+` `+title+`</s>`) {
		t.Fatal("the meeting still asks for a decision on a rejected gagasan")
	}
	if !strings.Contains(page, `id="p-G-TAMAN4"`) {
		t.Fatal("the other agenda item lost its decision")
	}
	for _, path := range []string{"/desa/34.04.11.2002", "/desa/34.04.11.2002/cetak"} {
		_, board := fas.get(path)
		agenda := regexp.MustCompile(`Agenda: [^<]*`).FindString(board)
		if strings.Contains(agenda, title) || !strings.Contains(board, "sudah ditolak atau digabung: <s>"+title) {
			t.Fatalf("%s: a rejected gagasan still on the agenda (%q)", path, agenda)
		}
	}
}

// Catat cair asks first and takes the day the money was paid: not in the
// future, not before the previous tranche, and the rules as of that day.
func TestDisburseAsksWithDate(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	const k = "K-KEJAM3"
	if _, err := s.st.DB().Exec(`INSERT INTO progress_reports (kegiatan_id, percent, by_name) SELECT id, 45, 'uji' FROM kegiatan WHERE code = $1`, k); err != nil {
		t.Fatal(err)
	}
	zone, _ := time.LoadLocation("Asia/Jakarta")
	now := time.Now().In(zone)
	var first, lpj time.Time
	_ = s.st.DB().Get(&first, `SELECT disbursed_at FROM tranches t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE k.code = $1 AND t.no = 1`, k)
	_ = s.st.DB().Get(&lpj, `SELECT starts_at FROM meetings WHERE code = 'R-TANGJ4'`)
	_, page := fas.get("/admin/kegiatan/" + k)
	if !strings.Contains(page, `type="date" name="tanggal" value="`+now.Format("2006-01-02")+`" max="`+now.Format("2006-01-02")+`" min="`+first.In(zone).Format("2006-01-02")+`"`) {
		t.Fatalf("no date field bounded by today and the first tranche: %s", regexp.MustCompile(`<input id="tanggal-cair"[^>]*>`).FindString(page))
	}
	paid := func() *time.Time {
		var at *time.Time
		_ = s.st.DB().Get(&at, `SELECT disbursed_at FROM tranches t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE k.code = $1 AND t.no = 2`, k)
		return at
	}
	for _, c := range []struct{ day, why string }{
		{now.AddDate(0, 0, 1).Format("2006-01-02"), "masa depan"},
		{first.In(zone).AddDate(0, 0, -1).Format("2006-01-02"), "sebelum tahap sebelumnya"},
		{lpj.In(zone).AddDate(0, 0, -1).Format("2006-01-02"), "Pertanggungjawaban"},
		{"kemarin", "Tanggal tidak terbaca"},
	} {
		code, body, _ := fas.post("/admin/kegiatan/"+k+"/cair", url.Values{"tahap": {"2"}, "tanggal": {c.day}, "yakin": {"ya"}})
		if code != http.StatusBadRequest || !strings.Contains(body, c.why) || paid() != nil {
			t.Fatalf("paid %s: %d, want a refusal with %q", c.day, code, c.why)
		}
	}
	day := lpj.In(zone).AddDate(0, 0, 1)
	form := url.Values{"tahap": {"2"}, "tanggal": {day.Format("2006-01-02")}}
	code, body, _ := fas.post("/admin/kegiatan/"+k+"/cair", form)
	if code != http.StatusOK || !strings.Contains(body, `id="yakin"`) || paid() != nil {
		t.Fatalf("Catat cair did not ask first: %d", code)
	}
	form.Set("yakin", "ya")
	if code, _, _ := fas.post("/admin/kegiatan/"+k+"/cair", form); code != http.StatusSeeOther {
		t.Fatalf("confirmed disbursement: %d", code)
	}
	if at := paid(); at == nil || at.In(zone).Format("2006-01-02") != day.Format("2006-01-02") {
		t.Fatalf("tranche 2 recorded at %v, want %s", at, day.Format("2006-01-02"))
	}
}

// Exports have headers in words, and beside each CSV link the page says
// that Excel in Indonesian settings should use the XLSX.
func TestExportHeadersInWords(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	for _, e := range []struct{ page, csv, head string }{
		{"/admin/gagasan", "/admin/gagasan.csv", "Kode,Kecamatan,Desa,Dusun,Kategori,Judul,Uraian,Tahap,KK penerima manfaat,KK miskin,Tanggal masuk,Lintang,Bujur,Digabung ke gagasan"},
		{"/admin/peta?desa=34.04.11.2002", "/admin/peta.csv?desa=34.04.11.2002", "Desa,Dusun,Jenis,Judul,Uraian,Gagasan yang menjawab,RTM sangat miskin,RTM miskin,Seluruh KK"},
	} {
		_, csv := fas.get(e.csv)
		if !strings.Contains(csv, e.head) || regexp.MustCompile(`\b(kk_penerima|kk_miskin|lat|lng|digabung_ke|seluruh_kk)\b`).MatchString(strings.SplitN(csv, "\n", 3)[1]) {
			t.Fatalf("%s header: %q", e.csv, strings.SplitN(csv, "\n", 3)[:2])
		}
		if _, page := fas.get(e.page); !strings.Contains(page, "pengaturan bahasa Indonesia membuka CSV dalam satu kolom: pakai XLSX") {
			t.Fatalf("%s: no word on which file Excel should open", e.page)
		}
	}
}

// The small words: a revoke names the role and the person; the gagasan
// history says who moved it; a proposal is offered only where the rule
// allows, with why not; the home says where and how long each new
// complaint has waited.
func TestFacilitatorWords(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	var tpk, name string
	if err := s.st.DB().QueryRow(`SELECT r.phone, c.name FROM roles r JOIN contacts c ON c.phone = r.phone WHERE r.role = 'TPK' AND c.name <> '' LIMIT 1`).Scan(&tpk, &name); err != nil {
		t.Fatal(err)
	}
	fas.get("/admin/warga")
	_, body, _ := fas.post("/admin/peran", url.Values{"nomor": {tpk}, "peran": {"TPK"}, "desa": {"34.04.11.2002"}, "aksi": {"cabut"}})
	q := html.UnescapeString(regexp.MustCompile(`<p id="pertanyaan">[^<]*`).FindString(body))
	if !strings.Contains(q, "Tim Pelaksana Kegiatan (TPK)") || !strings.Contains(q, name+" ("+tpk+")") {
		t.Fatalf("revoke question: %s", q)
	}

	fas.get("/admin/gagasan/G-PAWAC6")
	fas.post("/admin/gagasan/G-PAWAC6/tahap", url.Values{"tahap": {"DIBAHAS"}, "catatan": {"dibahas di musdus"}})
	_, page := fas.get("/admin/gagasan/G-PAWAC6")
	if !strings.Contains(page, "oleh fas, lewat situs admin") || strings.Contains(page, "<small>web fas</small>") {
		t.Fatal("the history does not say who in words")
	}
	if !regexp.MustCompile(`<button type="submit" disabled aria-describedby="why-proposal">Lampirkan</button></div>\s*<p class="why" id="why-proposal">Tidak dapat dilampirkan sekarang: Proposal dilampirkan setelah`).MatchString(page) {
		t.Fatalf("Lampirkan proposal offered at a stage the rule refuses, or without why: %s", page[strings.Index(page, "Proposal tertulis"):])
	}
	if _, page := fas.get("/admin/gagasan/G-HEMAT7"); strings.Contains(page, `id="why-proposal"`) {
		t.Fatal("Lampirkan proposal refused where the rule allows it")
	}

	if _, err := s.st.DB().Exec(`UPDATE complaints SET created_at = now() - interval '3 days 2 hours' WHERE code = 'A-HAR4NA'`); err != nil {
		t.Fatal(err)
	}
	_, home := fas.get("/admin/")
	if !strings.Contains(home, `<a href="/admin/aduan#A-HAR4NA">A-HAR4NA</a> · Desa Bimomartani · <b>menunggu 3 hari</b>`) {
		t.Fatalf("home: new complaint without its desa and wait: %s", regexp.MustCompile(`<li><a href="/admin/aduan#A-HAR4NA">.*`).FindString(home))
	}
}
