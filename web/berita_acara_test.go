package web_test

import (
	"net/url"
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
	to := baMeeting(t, s, fas, "R-BAMUSD", domain.MeetingMusdus, domain.AudienceDesa)

	// A man as a delegate of the women's meeting is refused, with why.
	code, body, _ := fas.post("/admin/rapat/R-BAMUSD/pemilihan", url.Values{
		"pilih_1_jabatan": {"DELEGASI_MKP"}, "pilih_1_nama": {"Sugeng Riyadi"}, "pilih_1_jk": {"L"}})
	if code != 400 || !strings.Contains(body, "delegasi perempuan MKP harus perempuan") {
		t.Fatalf("a man as MKP delegate: %d\n%s", code, body)
	}
	code, body, _ = fas.post("/admin/rapat/R-BAMUSD/pemilihan", url.Values{
		"pilih_1_jabatan": {"KPMD"}, "pilih_1_nama": {"Painem Rahayu"}, "pilih_1_jk": {"P"}, "pilih_1_nomor": {"0812-4455-6677"},
		"pilih_2_jabatan": {"PEMELIHARA"}, "pilih_2_nama": {"Tukiyem Lestari"}, "pilih_2_jk": {"P"},
		"pilih_3_jabatan": {"TPK"}, "pilih_3_nama": {"Bejo"}, "pilih_3_jk": {"X"},
	})
	if code != 400 || !strings.Contains(body, "Pilih jenis kelamin Bejo") {
		t.Fatalf("a row without gender: %d\n%s", code, body)
	}
	code, _, h := fas.post("/admin/rapat/R-BAMUSD/pemilihan", url.Values{
		"pilih_1_jabatan": {"KPMD"}, "pilih_1_nama": {"Painem Rahayu"}, "pilih_1_jk": {"P"}, "pilih_1_nomor": {"0812-4455-6677"},
		"pilih_2_jabatan": {"PEMELIHARA"}, "pilih_2_nama": {"Tukiyem Lestari"}, "pilih_2_jk": {"P"},
	})
	page := fas.follow(code, h)
	if !strings.Contains(page, "2 orang terpilih dicatat. 1 peran diberikan") || !strings.Contains(page, "Tukiyem Lestari") {
		t.Fatalf("elections not recorded:\n%s", page)
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
	for _, want := range []string{"BERITA ACARA", "Musyawarah Dusun", "Painem Rahayu", "Tukiyem Lestari", "Kader desa (KPMD)",
		"40 orang", "17 orang (43%", "disepakati warga", "Pimpinan rapat", "Notulen", "Wakil masyarakat", "Cetak / Simpan PDF"} {
		if !strings.Contains(admin, want) {
			t.Fatalf("admin berita acara lacks %q:\n%s", want, admin)
		}
	}
	code, public := s.client(t).get("/desa/34.04.11.2002/rapat/R-BAMUSD/berita-acara")
	if code != 200 || !strings.Contains(public, "BERITA ACARA") || !strings.Contains(public, "Tim Pemelihara") {
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
