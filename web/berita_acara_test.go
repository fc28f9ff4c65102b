package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// baMeeting stores a meeting of Bimomartani of the given type that began
// an hour ago, with two of the desa's gagasan on its agenda, the first
// sent by "Painem Rahayu"; the facilitator records its outcome on the
// admin site, moving that gagasan one stage on. It returns the stage.
func baMeeting(t *testing.T, s *site, fas *client, code string, typ domain.MeetingType, audience domain.Audience) domain.Status {
	t.Helper()
	var id int64
	if err := s.st.DB().Get(&id, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place)
		VALUES ($1, $2, '34.04.11.2002', $3, $4, 'Balai Desa Bimomartani') RETURNING id`,
		code, string(typ), string(audience), time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	var agenda []struct {
		ID     int64         `db:"id"`
		Code   string        `db:"code"`
		Status domain.Status `db:"status"`
	}
	if err := s.st.DB().Select(&agenda, `SELECT id, code, status FROM gagasan WHERE desa_kode = '34.04.11.2002'
		AND status IN ('DIAJUKAN', 'DIBAHAS', 'USULAN_DESA')
		ORDER BY array_position(ARRAY['DIAJUKAN', 'DIBAHAS', 'USULAN_DESA'], status), id LIMIT 2`); err != nil || len(agenda) < 2 {
		t.Fatalf("agenda %v %v", agenda, err)
	}
	for _, g := range agenda {
		if _, err := s.st.DB().Exec(`INSERT INTO meeting_agenda (meeting_id, gagasan_id) VALUES ($1, $2)`, id, g.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.st.DB().Exec(`WITH c AS (INSERT INTO contacts (phone, name, desa_kode, gender, channel, consent_at, registered_at)
			VALUES ('+6281399887766', 'Painem Rahayu', '34.04.11.2002', 'P', 'sim', now(), now())
			ON CONFLICT (phone) DO UPDATE SET name = EXCLUDED.name RETURNING id)
		UPDATE gagasan SET sender_id = (SELECT id FROM c) WHERE id = $1`, agenda[0].ID); err != nil {
		t.Fatal(err)
	}
	to := agenda[0].Status.Next()[0]
	c, _, h := fas.post("/admin/rapat/"+code+"/hasil", url.Values{"hadir": {"40"}, "perempuan": {"17"},
		"putusan_" + agenda[0].Code: {string(to)}, "catatan_" + agenda[0].Code: {"disepakati warga"}})
	fas.follow(c, h)
	return to
}

// An election with a phone grants the role, naming the meeting; the
// admin's berita acara names the elected, the board's names no resident
// (not the sender of a gagasan on the agenda, not the elected).
func TestBeritaAcaraAndElections(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	to := baMeeting(t, s, fas, "R-BAMUSD", domain.MeetingMusdesSosialisasi, domain.AudienceDesa)

	// A man as a delegate of the women's meeting is refused, with why.
	code, body, _ := fas.post("/admin/rapat/R-BAMUSD/pemilihan", url.Values{
		"pilih_1_jabatan": {"DELEGASI_MKP"}, "pilih_1_nama": {"Sugeng Riyadi"}, "pilih_1_jk": {"L"}})
	if code != 400 || !strings.Contains(body, "delegasi perempuan MKP harus perempuan") {
		t.Fatalf("a man as MKP delegate: %d\n%s", code, body)
	}
	// Every row's mistakes at once, each naming its row; the typed rows
	// are kept.
	code, body, _ = fas.post("/admin/rapat/R-BAMUSD/pemilihan", url.Values{
		"pilih_1_jabatan": {"KPMD"}, "pilih_1_nama": {"Painem Rahayu"}, "pilih_1_jk": {"P"}, "pilih_1_nomor": {"0812-4455-6677"},
		"pilih_2_jabatan": {"TPU"}, "pilih_2_nama": {"Tukiyem Lestari"}, "pilih_2_jk": {"P"},
		"pilih_3_jabatan": {"TPK"}, "pilih_3_nama": {"Bejo"}, "pilih_3_jk": {"X"},
		"pilih_4_jabatan": {""}, "pilih_4_nama": {"Darto"}, "pilih_4_jk": {"L"},
		"pilih_5_jabatan": {"TPK"}, "pilih_5_nama": {"Sarno"}, "pilih_5_jk": {"L"}, "pilih_5_nomor": {"12345"},
		"pilih_6_jabatan": {"TPK"}, "pilih_6_nama": {"Parjo"}, "pilih_6_jk": {"L"}, "pilih_6_nomor": {"(0274) 868 123"},
		"pilih_7_jabatan": {"DELEGASI_MAD"}, "pilih_7_nama": {"Suti"}, "pilih_7_jk": {"P"},
	})
	for _, want := range []string{"Orang ke-3: Pilih jenis kelamin Bejo", "Orang ke-4: Pilih jabatannya.",
		"Orang ke-5: Nomor „12345” bukan nomor Indonesia yang berlaku", "Orang ke-6: Nomor „(0274) 868 123” bukan nomor HP",
		"Orang ke-7: Musyawarah Desa Sosialisasi tidak memilih Delegasi desa ke MAD", `value="Tukiyem Lestari"`} {
		if code != 400 || !strings.Contains(body, want) {
			t.Fatalf("rows refused lack %q: %d\n%s", want, code, body)
		}
	}
	if strings.Contains(body, "Orang ke-1:") || strings.Contains(body, "Orang ke-2:") {
		t.Fatalf("good rows refused:\n%s", body)
	}
	// They are a list, one line a refused row, under what to do.
	list := regexp.MustCompile(`<div class="error" role="alert" id="ditolak" tabindex="-1" autofocus><p>Belum disimpan. Perbaiki dulu:</p>\s*<ul>((?:<li>[^<]*</li>)*)</ul></div>`).FindStringSubmatch(body)
	if list == nil {
		t.Fatalf("the refused rows are no list:\n%s", body)
	}
	if items := strings.Split(strings.TrimSuffix(strings.TrimPrefix(list[1], "<li>"), "</li>"), "</li><li>"); len(items) != 5 ||
		!strings.HasPrefix(items[0], "Orang ke-3: ") || !strings.HasPrefix(items[4], "Orang ke-7: ") {
		t.Fatalf("the refused rows' lines: %q", items)
	}
	elect := url.Values{
		"pilih_1_jabatan": {"KPMD"}, "pilih_1_nama": {"Painem Rahayu"}, "pilih_1_jk": {"P"}, "pilih_1_nomor": {"0812-4455-6677"},
		"pilih_2_jabatan": {"TPU"}, "pilih_2_nama": {"Tukiyem Lestari"}, "pilih_2_jk": {"P"},
	}
	code, _, h := fas.post("/admin/rapat/R-BAMUSD/pemilihan", elect)
	page := fas.follow(code, h)
	if !strings.Contains(page, "2 orang terpilih dicatat. 1 peran diberikan") || !strings.Contains(page, "Tukiyem Lestari") {
		t.Fatalf("elections not recorded:\n%s", page)
	}
	// The form holds the recorded rows, so that saving again edits them;
	// the same form posted again records nobody twice and grants nothing.
	if !strings.Contains(page, `name="pilih_2_nama" type="text" maxlength="60" value="Tukiyem Lestari"`) || !strings.Contains(page, `<option value="">— pilih jabatan —</option>`) {
		t.Fatalf("the form does not hold the recorded rows:\n%s", page)
	}
	code, _, h = fas.post("/admin/rapat/R-BAMUSD/pemilihan", elect)
	if page = fas.follow(code, h); !strings.Contains(page, "2 orang terpilih dicatat.") || strings.Contains(page, "peran diberikan") ||
		strings.Count(page, "<b>Tukiyem Lestari</b>") != 1 {
		t.Fatalf("the same form posted twice:\n%s", page)
	}
	var source string
	if err := s.st.DB().Get(&source, `SELECT m.code FROM roles r JOIN meetings m ON m.id = r.source_meeting_id
		WHERE r.phone = '+6281244556677' AND r.role = 'KPMD' AND r.desa_kode = '34.04.11.2002'`); err != nil || source != "R-BAMUSD" {
		t.Fatalf("the elected KPMD's role: %q %v", source, err)
	}
	_, people := fas.get("/admin/warga?desa=34.04.11.2002")
	if !strings.Contains(people, `dipilih di rapat <a href="/admin/rapat/R-BAMUSD">`) {
		t.Fatalf("the people page does not show the role's source meeting:\n%s", people)
	}

	_, admin := fas.get("/admin/rapat/R-BAMUSD/berita-acara")
	for _, want := range []string{"BERITA ACARA", "Musyawarah Desa Sosialisasi", "Painem Rahayu", "Tukiyem Lestari", "Kader desa (KPMD)",
		"40 orang", "17 orang (43%", "disepakati warga", "Pimpinan rapat", "Notulen", "Wakil masyarakat", "Cetak / Simpan PDF"} {
		if !strings.Contains(admin, want) {
			t.Fatalf("admin berita acara lacks %q:\n%s", want, admin)
		}
	}
	code, public := s.client(t).get("/desa/34.04.11.2002/rapat/R-BAMUSD/berita-acara")
	if code != 200 || !strings.Contains(public, "BERITA ACARA") || !strings.Contains(public, "Tim Penulis Usulan") {
		t.Fatalf("public berita acara %d:\n%s", code, public)
	}
	if !strings.Contains(admin, ">"+flow.StageText(flow.LangID, to)) || !strings.Contains(public, ">"+flow.StageText(flow.LangID, to)) {
		t.Fatalf("the decision (%s) is not on the berita acara", to)
	}
	for _, name := range []string{"Painem", "Rahayu", "Tukiyem", "disepakati warga", "+62812", "0812"} {
		if strings.Contains(public, name) {
			t.Fatalf("the board's berita acara shows %q:\n%s", name, public)
		}
	}
	if _, board := s.client(t).get("/desa/34.04.11.2002"); !strings.Contains(board, `href="/desa/34.04.11.2002/rapat/R-BAMUSD/berita-acara"`) {
		t.Fatalf("the board does not link the berita acara:\n%s", board)
	}
	// Another desa's path, a meeting not held: not found.
	if code, _ := s.client(t).get("/desa/34.04.11.2001/rapat/R-BAMUSD/berita-acara"); code != 404 {
		t.Fatalf("another desa's path answered %d", code)
	}
}

// siteWithElected is a site with a held Musdes Sosialisasi code
// (baMeeting) whose elections the facilitator recorded with form; it
// returns the facilitator and the meeting page after.
func siteWithElected(t *testing.T, code string, form url.Values) (*site, *client, string) {
	t.Helper()
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	baMeeting(t, s, fas, code, domain.MeetingMusdesSosialisasi, domain.AudienceDesa)
	c, _, h := fas.post("/admin/rapat/"+code+"/pemilihan", form)
	return s, fas, fas.follow(c, h)
}

// Who sees the elected people's numbers (those who see residents), how the
// board counts the women among them, and the meeting page's words: the
// elections form of a meeting not held is disabled with why, after the
// outcome form; the chat invitations are labelled so.
func TestElectionsSeenAndCounted(t *testing.T) {
	s, fas, page := siteWithElected(t, "R-BAPRIV", url.Values{
		"pilih_1_jabatan": {"KPMD"}, "pilih_1_nama": {"Painem Rahayu"}, "pilih_1_jk": {"P"}, "pilih_1_nomor": {"0812-4455-6677"}})
	if !strings.Contains(page, "6281244556677") {
		t.Fatalf("the facilitator does not see the elected's number:\n%s", page)
	}
	for _, who := range []string{"tpu", "tv", "audit", "fkab"} {
		c := s.client(t)
		c.login(who, fasPassword)
		code, page := c.get("/admin/rapat/R-BAPRIV")
		if code != 200 || !strings.Contains(page, "Painem Rahayu") || strings.Contains(page, "6677") || strings.Contains(page, `action="/admin/rapat/R-BAPRIV/pemilihan"`) {
			t.Fatalf("%s sees the meeting page (%d) with a number or the form:\n%s", who, code, page)
		}
	}
	kab := s.client(t)
	kab.login("fkab", fasPassword)
	if code, _, _ := kab.post("/admin/rapat/R-BAPRIV/pemilihan", url.Values{"pilih_1_jabatan": {"KPMD"}, "pilih_1_nama": {"Darto"}, "pilih_1_jk": {"L"}}); code != 403 {
		t.Fatalf("the kabupaten's facilitator recorded an election: %d", code)
	}
	// The board: one KPMD, a woman: "< 3", not "1".
	_, public := s.client(t).get("/desa/34.04.11.2002/rapat/R-BAPRIV/berita-acara")
	if !strings.Contains(public, "<td>Kader desa (KPMD)</td><td>1</td><td>&lt; 3</td>") {
		t.Fatalf("the board's count of elected women:\n%s", public)
	}

	if _, err := s.st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place)
		VALUES ('R-BABLM1', 'MUSDES_SOSIALISASI', '34.04.11.2002', 'DESA', now() + interval '2 days', 'Balai Desa')`); err != nil {
		t.Fatal(err)
	}
	_, page = fas.get("/admin/rapat/R-BABLM1")
	if !strings.Contains(page, `id="why-pilih"`) || !strings.Contains(page, `<button type="submit" disabled aria-describedby="why-pilih">`) ||
		strings.Contains(page, "pilih_1_nama") {
		t.Fatalf("the elections form of a meeting not held:\n%s", page)
	}
	if i, j := strings.Index(page, "Catat hasil rapat"), strings.Index(page, `id="pemilihan"`); i < 0 || j < i {
		t.Fatalf("Yang terpilih (%d) is not after Catat hasil rapat (%d)", j, i)
	}
	if !strings.Contains(page, "Undangan lewat chat: diundang 0") {
		t.Fatalf("the invitations are not labelled:\n%s", page)
	}

	// A held meeting without agenda: its berita acara does not point to a
	// list below.
	if _, err := s.st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women, outcome_at)
		VALUES ('R-BANOAG', 'MUSDES_SERAH_TERIMA', '34.04.11.2002', 'DESA', now() - interval '2 hours', 'Balai Desa', 'SELESAI', 30, 12, now())`); err != nil {
		t.Fatal(err)
	}
	_, ba := fas.get("/admin/rapat/R-BANOAG/berita-acara")
	if strings.Contains(ba, "daftar di bawah") || !strings.Contains(ba, "Rapat ini tidak membahas gagasan") {
		t.Fatalf("a berita acara without agenda:\n%s", ba)
	}
}

// Elections recorded before positions per meeting type can still be
// corrected: a MAD (which elects nobody now) with recorded delegates
// keeps its form, row 1 offering its recorded position, a new row not;
// a row in a position its type no longer offers shows it chosen.
func TestElectionsOldRows(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	for _, m := range []struct{ code, typ, pos string }{{"R-OLDMAD", "MAD_PRIORITAS", "DELEGASI_MAD"}, {"R-OLDINF", "MUSDES_INFORMASI", "KPMD"}} {
		var id int64
		if err := s.st.DB().Get(&id, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
			VALUES ($1, $2, '34.04.11.2002', 'DESA', now() - interval '1 day', 'Balai', 'SELESAI') RETURNING id`, m.code, m.typ); err != nil {
			t.Fatal(err)
		}
		s.st.DB().MustExec(`INSERT INTO meeting_elections (meeting_id, position, name, gender, desa_kode) VALUES ($1, $2, 'Darto', 'L', '34.04.11.2002')`, id, m.pos)
		_, page := fas.get("/admin/rapat/" + m.code)
		if !strings.Contains(page, `<option value="`+m.pos+`" selected>`) || strings.Contains(page, `disabled aria-describedby="why-pilih"`) {
			t.Fatalf("%s: the old row cannot be corrected:\n%s", m.code, page)
		}
		if i := strings.Index(page, `name="pilih_2_jabatan"`); i < 0 || strings.Contains(page[i:], `value="`+m.pos+`"`) {
			t.Fatalf("%s: a new row offers %s", m.code, m.pos)
		}
	}
	code, body, _ := fas.post("/admin/rapat/R-OLDMAD/pemilihan", url.Values{
		"pilih_1_jabatan": {"DELEGASI_MAD"}, "pilih_1_nama": {"Darto"}, "pilih_1_jk": {"L"},
		"pilih_2_jabatan": {"DELEGASI_MAD"}, "pilih_2_nama": {"Suti"}, "pilih_2_jk": {"P"}})
	if code != 400 || !strings.Contains(body, "Orang ke-2:") || strings.Contains(body, "Orang ke-1:") {
		t.Fatalf("a new delegate at a MAD: %d\n%s", code, body)
	}
	code, _, h := fas.post("/admin/rapat/R-OLDMAD/pemilihan", url.Values{
		"pilih_1_jabatan": {"DELEGASI_MAD"}, "pilih_1_nama": {"Darti"}, "pilih_1_jk": {"P"}})
	if page := fas.follow(code, h); !strings.Contains(page, "<b>Darti</b>") {
		t.Fatalf("the old MAD row not corrected:\n%s", page)
	}
	code, _, h = fas.post("/admin/rapat/R-OLDINF/pemilihan", url.Values{"pilih_1_nama": {""}})
	if page := fas.follow(code, h); strings.Contains(page, "<b>Darto</b>") {
		t.Fatalf("the old KPMD row not removed:\n%s", page)
	}
}

// baKegiatan gives Bimomartani n more kegiatan (beside the demo's
// K-KEJAM3), each made 60 days ago with three tranches, the first paid
// 50 days ago, and a report at 10n% by a named TPK member a day ago.
func baKegiatan(t *testing.T, s *site, n int) {
	t.Helper()
	if _, err := s.st.DB().Exec(`
		WITH g AS (INSERT INTO gagasan (code, desa_kode, category, title, status)
			SELECT 'G-BAPJ' || i, '34.04.11.2002', 'INFRASTRUKTUR', 'Rabat beton jalan lingkungan RT 0' || i, 'PELAKSANAAN'
			FROM generate_series(1, $1) i RETURNING id, code, title),
		k AS (INSERT INTO kegiatan (code, gagasan_id, desa_kode, title, budget, created_at)
			SELECT 'K' || substr(g.code, 2), g.id, '34.04.11.2002', g.title, 80000000, now() - interval '60 days' FROM g RETURNING id, code),
		t AS (INSERT INTO tranches (kegiatan_id, no, percent, amount, disbursed_at)
			SELECT k.id, x.no, x.pct, 800000 * x.pct, CASE WHEN x.no = 1 THEN now() - interval '50 days' END
			FROM k, (VALUES (1, 40), (2, 40), (3, 20)) AS x (no, pct))
		INSERT INTO progress_reports (kegiatan_id, percent, by_name, at)
			SELECT k.id, 10 * substr(k.code, 7)::int, 'Tukijo Wiryosuwarno', now() - interval '1 day' FROM k`, n); err != nil {
		t.Fatal(err)
	}
}

// A Musdes Pertanggungjawaban's berita acara lists the kegiatan it
// accounted for, before the agenda: title, budget, the money paid out by
// then (tranches paid), the latest report's progress by then and the
// state; the board's copy too, naming no TPK member or reporter. Another
// meeting type has no such section.
func TestBeritaAcaraPertanggungjawaban(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	baKegiatan(t, s, 2)
	baMeeting(t, s, fas, "R-BAPJB1", domain.MeetingPertanggungjawaban, domain.AudienceDesa)
	baMeeting(t, s, fas, "R-BAPJB2", domain.MeetingMusdesPerencanaan, domain.AudienceDesa)
	var tpk []string
	if err := s.st.DB().Select(&tpk, `SELECT c.name FROM kegiatan_tpk m JOIN contacts c ON c.phone = m.phone`); err != nil || len(tpk) == 0 {
		t.Fatalf("the demo's TPK: %v %v", tpk, err)
	}
	_, admin := fas.get("/admin/rapat/R-BAPJB1/berita-acara")
	code, public := s.client(t).get("/desa/34.04.11.2002/rapat/R-BAPJB1/berita-acara")
	if code != 200 {
		t.Fatalf("public berita acara: %d", code)
	}
	for name, body := range map[string]string{"admin": admin, "board": public} {
		for _, want := range []string{
			"<h2>2. Kegiatan yang dipertanggungjawabkan</h2>", "<h2>3. Agenda dan keputusan</h2>", "<h2>4. Yang terpilih</h2>",
			// The demo's road: tranche 1 of 40% paid; its report came
			// after the meeting began.
			"Perbaikan jalan Dusun Kejambon <small>(K-KEJAM3)</small></td>\n<td class=\"uang\">Rp 150.000.000<br><small>cair Rp 60.000.000<br>tahap 1 dari 3</small></td>\n<td>belum ada laporan<br><small>sedang dikerjakan</small></td>",
			"Rabat beton jalan lingkungan RT 01 <small>(K-BAPJ1)</small></td>\n<td class=\"uang\">Rp 80.000.000<br><small>cair Rp 32.000.000<br>tahap 1 dari 3</small></td>\n<td>10%<br><small>sedang dikerjakan</small></td>",
			"<td>20%<br>",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s berita acara lacks %q:\n%s", name, want, body)
			}
		}
	}
	for _, never := range append(tpk, "Tukijo", "Painem") {
		if strings.Contains(public, never) {
			t.Errorf("the board's berita acara names %q", never)
		}
	}
	_, other := fas.get("/admin/rapat/R-BAPJB2/berita-acara")
	if strings.Contains(other, "dipertanggungjawabkan") || !strings.Contains(other, "<h2>2. Agenda dan keputusan</h2>") || !strings.Contains(other, "<h2>3. Yang terpilih</h2>") {
		t.Errorf("a Musdes Perencanaan's berita acara:\n%s", other)
	}
}
