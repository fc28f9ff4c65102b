package flows_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Kegiatan data of the fixture: K-AAAAAA in Bimomartani, with TPK +6281234567001.

func fixtureKegiatan() []domain.Kegiatan {
	vol := 450.0
	return []domain.Kegiatan{
		{ID: 1, Code: "K-AAAAAA", DesaKode: "34.04.11.2002", DesaNama: "Bimomartani", Title: "Jalan rabat beton Kejambon",
			Budget: 150000000, Volume: &vol, Unit: "m", Status: domain.KegiatanBerjalan, Percent: 40, TZ: "Asia/Jakarta"},
		{ID: 2, Code: "K-CCCCCC", DesaKode: "34.04.11.2002", DesaNama: "Bimomartani", Title: "Sumur bor Sambiroto",
			Budget: 60000000, Status: domain.KegiatanBerjalan, TZ: "Asia/Jakarta"},
		{ID: 3, Code: "K-EEEEEE", DesaKode: "34.04.11.2002", DesaNama: "Bimomartani", Title: "Talud Bimo",
			Budget: 40000000, Status: domain.KegiatanDiserahkan, Percent: 100, TZ: "Asia/Jakarta"},
	}
}

func (f *fixture) Kegiatan(_ context.Context, code string) (*domain.Kegiatan, error) {
	for _, k := range fixtureKegiatan() {
		if k.Code == code {
			return &k, nil
		}
	}
	return nil, domain.ErrNotFound
}

func (f *fixture) KegiatanOfDesa(_ context.Context, desa string) ([]domain.Kegiatan, error) {
	if desa != "34.04.11.2002" {
		return nil, nil
	}
	return fixtureKegiatan(), nil
}

func (f *fixture) KegiatanOfTPK(_ context.Context, phone domain.Phone) ([]domain.Kegiatan, error) {
	if phone == "+6281234567001" {
		return fixtureKegiatan()[:1], nil
	}
	if phone == "+6281234567009" { // a Tim Pemelihara member
		return fixtureKegiatan()[2:], nil
	}
	return nil, nil
}

func (f *fixture) Tranches(context.Context, int64) ([]domain.Tranche, error) {
	paid := time.Date(2026, 10, 1, 3, 0, 0, 0, time.UTC)
	return []domain.Tranche{{No: 1, Percent: 40, Amount: 60000000, DisbursedAt: &paid}, {No: 2, Percent: 40, Amount: 60000000}, {No: 3, Percent: 20, Amount: 30000000}}, nil
}

func (f *fixture) LatestReport(_ context.Context, id int64) (*domain.ProgressReport, error) {
	if id != 1 {
		return nil, domain.ErrNotFound
	}
	return &domain.ProgressReport{ID: 5, KegiatanID: 1, Percent: 40, Note: "Pengecoran 180 m", PhotoIDs: []int64{71, 72}, At: time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)}, nil
}

func (f *fixture) Complaint(_ context.Context, code string) (*domain.Complaint, error) {
	seven := int64(7)
	if code == "A-AAAAAA" {
		return &domain.Complaint{ID: 1, Code: code, ContactID: &seven, Status: domain.ComplaintDitangani, Text: "x"}, nil
	}
	return nil, domain.ErrNotFound
}

// HideSender stands in for the store's masking (tested on Postgres in
// store/postgres): the fixture contact's name and number as typed.
func (f *fixture) HideSender(_ context.Context, text string) (string, error) {
	return strings.NewReplacer("Siti", "…", "081234567001", "…").Replace(text), nil
}

func TestLapor(t *testing.T) {
	wrong := newConversation(t).registered(domain.GenderMale)
	wrong.contact.Phone = "+6281299999999"
	wrong.run([]msg{{text: "LAPOR", want: []string{"hanya untuk anggota TPK"}, commands: []string{}}})

	c := newConversation(t).registered(domain.GenderMale)
	res := c.run2([]msg{
		{text: "lapor", want: []string{"K-AAAAAA Jalan rabat beton Kejambon", "laporan terakhir 40%"}},
		{text: "120", want: []string{"0 sampai 100"}},
		{text: "35", want: []string{"lebih rendah dari laporan terakhir (40%)"}},
		{text: "ok", want: []string{"lebih rendah"}},
		{text: "Sebagian dibongkar karena retak", want: []string{"Kirim 1 sampai 5 foto"}},
		{audio: true, want: []string{"bukan foto"}},
		{image: true, text: "sisi utara", want: []string{"Foto 1 diterima"}},
		{image: true, want: []string{"Foto 2 diterima"}},
		{image: true, want: []string{"Foto 3"}},
		{image: true, want: []string{"Foto 4"}},
		{image: true, want: []string{"Foto 5"}},
		{image: true, want: []string{"Sudah 5 foto"}},
		{text: "selesai", want: []string{"catatan singkat"}},
		{text: "Pengecoran ulang minggu depan", want: []string{"tiga angka"}},
		{text: "12 dan 15", want: []string{"Mohon balas tiga angka"}},
		{text: "12 4 60", want: []string{"lokasi (pin)"}},
		{pin: true, want: []string{"Ringkasan laporan K-AAAAAA", "Kemajuan: 35%", "Foto: 5", "Pekerja: 12 (4 perempuan), 60 hari orang"}},
		{text: "KIRIM", want: []string{"Laporan K-AAAAAA tercatat (35%)"}, notWant: []string{"tanpa foto"}, commands: []string{"CreateReport"}},
	})
	r := res.Commands[0].(flow.CreateReport)
	if r.Report.Percent != 35 || len(r.Report.PhotoIDs) != 5 || r.Report.Captions[0] != "sisi utara" || *r.Report.Workers != 12 ||
		*r.Report.Women != 4 || r.Report.Lat == nil || r.Report.Reason == "" || !strings.Contains(r.Push[flow.LangID], "kemajuan 35%") || !strings.Contains(r.Push[flow.LangJV], "35%") {
		t.Fatalf("report %+v push %q", r.Report, r.Push)
	}
	// Its post into the desa's groups asks for PROGRES in private chat.
	if p := r.Post[flow.LangID]; !strings.Contains(p, "kemajuan 35%") || !strings.Contains(p, "PROGRES K-AAAAAA ke nomor ini secara pribadi") ||
		strings.Contains(p, "{nama}") || !strings.Contains(r.Post[flow.LangSU], "35%") {
		t.Fatalf("report post %q", r.Post)
	}
	c.run([]msg{
		{text: "LAPOR"},
		{text: "60"},
		{text: "LEWATI"},
		{text: "LEWATI"},
		{text: "LEWATI"},
		{text: "LEWATI", want: []string{"Foto: 0"}},
		{text: "KIRIM", want: []string{"tanpa foto"}, commands: []string{"CreateReport"}},
	})
}

func TestLaporCondition(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.contact.Phone = "+6281234567009"
	res := c.run2([]msg{
		{text: "LAPOR", want: []string{"K-EEEEEE Talud Bimo sudah diserahterimakan", "1. Baik"}},
		{text: "4", want: []string{"1 sampai 3"}},
		{text: "2", want: []string{"Kirim 1 sampai 5 foto"}},
		{image: true, want: []string{"Foto 1"}},
		{text: "SELESAI"},
		{text: "Retak di ujung timur", want: []string{"lokasi (pin)"}}, // no workers question
		{text: "LEWATI", want: []string{"Kemajuan: 100; Kondisi: rusak ringan"}},
		{text: "KIRIM", commands: []string{"CreateReport"}},
	})
	r := res.Commands[0].(flow.CreateReport)
	if r.Report.Condition != domain.ConditionRusakRingan || r.Report.Percent != 100 || !strings.Contains(r.Push[flow.LangID], "kondisi rusak ringan") {
		t.Fatalf("condition report %+v %q", r.Report, r.Push)
	}
}

func TestProgresIkuti(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	res := c.run2([]msg{
		{text: "PROGRES", want: []string{"1. K-AAAAAA Jalan rabat beton Kejambon - 40% (berjalan)", "2. K-CCCCCC"}},
		{text: "1", want: []string{"Desa Bimomartani, 450 m", "Anggaran: Rp 150.000.000", "Tahap 1 (40%): Rp 60.000.000, sudah cair 01/10/2026",
			"Tahap 2 (40%): Rp 60.000.000, belum cair", "Laporan terakhir 20/11/2026: Pengecoran 180 m", "IKUTI K-AAAAAA"}},
	})
	if res.Replies[0].MediaID != 72 {
		t.Fatalf("detail without the latest photo: %+v", res.Replies[0])
	}
	c.run([]msg{
		{text: "PROGRES K-CCCCCC", want: []string{"Belum ada laporan"}},
		{text: "status k-aaaaaa", want: []string{"Anggaran"}},
		{text: "PROGRES K-MMMMMM", want: []string{"tidak ditemukan"}},
		{text: "IKUTI K-AAAAAA", want: []string{"mendapat kabar setiap ada laporan"}, commands: []string{"Follow"}},
		{text: "IKUTI X", want: []string{"bukan kode kegiatan"}, commands: []string{}},
	})
}

func TestAduan(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	res := c.run2([]msg{
		{text: "ADUAN", want: []string{"Tulis aduan"}},
		{text: "?", want: []string{"Tulis aduan"}},
		{text: "Semen proyek jalan dibawa pulang oleh mandor", want: []string{"kirim satu foto"}},
		{image: true, want: []string{"tanpa nama?"}},
		{text: "1", want: []string{"Aduan tercatat dengan kode A-TEST01", "STATUS A-TEST01"}, commands: []string{"CreateComplaint"}},
	})
	cc := res.Commands[0].(flow.CreateComplaint)
	if !cc.Complaint.Anonymous || cc.Complaint.PhotoID == nil || strings.Contains(cc.ForFasilitator, "Siti") ||
		strings.Contains(cc.ForFasilitator, "81234567001") || !strings.Contains(cc.ForFasilitator, "warga (tanpa nama)") {
		t.Fatalf("anonymous complaint leaks: %+v %q", cc.Complaint, cc.ForFasilitator)
	}
	res = c.run2([]msg{
		{text: "ADUAN Jalan baru sudah retak", want: []string{"kirim satu foto"}},
		{text: "LEWATI"},
		{text: "2", commands: []string{"CreateComplaint"}},
	})
	if cc := res.Commands[0].(flow.CreateComplaint); cc.Complaint.Anonymous || !strings.Contains(cc.ForFasilitator, "Siti (+6281234567001)") {
		t.Fatalf("named complaint: %q", cc.ForFasilitator)
	}
	c.run([]msg{
		{text: "STATUS A-AAAAAA", want: []string{"sedang ditindaklanjuti"}},
		{text: "STATUS A-MMMMMM", want: []string{"tidak ditemukan"}},
	})
	other := newConversation(t).registered(domain.GenderFemale)
	other.contact.ID = 99
	other.run([]msg{{text: "STATUS A-AAAAAA", want: []string{"tidak ditemukan"}}})
}

// An anonymous complaint whose text names its sender ("kula Siti
// 081234567001") goes to the facilitator, and into the record, without
// them, and the receipt says so; signed, or anonymous without them, the
// text is kept as written and the usual receipt is sent.
func TestAduanAnonymousHidesSenderInText(t *testing.T) {
	const raw = "Lampu jalan mati sebulan, kula Siti 081234567001 sudah lapor pak dukuh"
	for _, tc := range []struct {
		lang, answer, text, want, receipt string
	}{
		{flow.LangID, "1", raw, "Lampu jalan mati sebulan, kula … … sudah lapor pak dukuh", "nama dan nomor Bapak/Ibu juga kami hapus"},
		{"jv", "1", raw, "Lampu jalan mati sebulan, kula … … sudah lapor pak dukuh", "asma lan nomer Panjenengan ugi dipunbusak"},
		{"su", "1", raw, "Lampu jalan mati sebulan, kula … … sudah lapor pak dukuh", "nami sareng nomer Bapa/Ibu ogé dihapus"},
		{flow.LangID, "2", raw, raw, "Aduan tercatat dengan kode"},
		{flow.LangID, "1", "Lampu jalan mati sebulan", "Lampu jalan mati sebulan", "Aduan tercatat dengan kode"},
	} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = tc.lang
		res := c.run2([]msg{
			{text: "ADUAN " + tc.text},
			{text: "LEWATI"},
			{text: tc.answer, want: []string{tc.receipt, "STATUS A-TEST01"}, commands: []string{"CreateComplaint"}},
		})
		cc := res.Commands[0].(flow.CreateComplaint)
		if cc.Complaint.Text != tc.want || !strings.HasSuffix(cc.ForFasilitator, "\n"+tc.want) {
			t.Errorf("%s %s %q: stored %q, facilitator reads %q; want %q", tc.lang, tc.answer, tc.text, cc.Complaint.Text, cc.ForFasilitator, tc.want)
		}
	}
}

// TestLaporSessionFromOlderCode: a report written into the session by
// older code (a map: photos packed with commas) with a damaged value is
// answered as a timed-out session; nothing is sent, and LAPOR starts
// again. (One that reads goes on: TestLegacySessions.)
func TestLaporSessionFromOlderCode(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.sess = flow.Session{Flow: "lapor", Step: "summary", At: c.now,
		Data: map[string]string{"code": "K-AAAAAA", "last": "40", "percent": "50", "photos": "5,enam"}}
	c.run([]msg{
		{text: "KIRIM", want: []string{"berakhir karena lama"}, notWant: []string{"tercatat"}, commands: []string{}},
		{text: "LAPOR", want: []string{"laporan terakhir 40%"}},
	})
}
