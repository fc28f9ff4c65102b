package postgres_test

import (
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// fundedGagasan registers a resident with a gagasan moved to DIDANAI.
func fundedGagasan(t *testing.T, st *postgres.Store, phone domain.Phone, code string) {
	t.Helper()
	register(t, st, phone, code)
	for _, s := range []domain.Status{domain.StatusDibahas, domain.StatusUsulanDesa, domain.StatusVerifikasi, domain.StatusPrioritasMAD, domain.StatusDidanai} {
		if _, _, err := st.SetGagasanStatus(ctx, postgres.StageMove{Code: code, To: s, By: "test"}); err != nil {
			t.Fatal(err)
		}
	}
}

func report(t *testing.T, st *postgres.Store, by domain.Phone, k *domain.Kegiatan, r domain.ProgressReport) error {
	t.Helper()
	turn, err := st.BeginTurn(ctx, by)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	r.KegiatanID = k.ID
	if err := turn.CreateReport(ctx, r, postgres.Texts{"id": "kabar {nama} " + k.Code}, nil); err != nil {
		return err
	}
	return turn.Commit()
}

func TestKegiatanTranchesAndReports(t *testing.T) {
	st := storetest.SeededStore(t)
	fundedGagasan(t, st, "+6281234567020", "G-777777")
	notice := func(_ string, g domain.Gagasan, _ string) string { return "kabar " + string(g.Status) }
	tpk := domain.Phone("+6281100000002")
	if _, err := st.CreateKegiatan(ctx, postgres.NewKegiatan{Code: "K-AAAAAA", GagasanCode: "G-MMMMMM", Budget: 100, TPK: []domain.Phone{tpk}, Notice: notice}); err == nil {
		t.Fatal("kegiatan of an unknown gagasan")
	}
	k, err := st.CreateKegiatan(ctx, postgres.NewKegiatan{Code: "K-AAAAAA", GagasanCode: "G-777777", Budget: 150000000, Unit: "m", TPK: []domain.Phone{tpk}, Notice: notice})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateKegiatan(ctx, postgres.NewKegiatan{Code: "K-CCCCCC", GagasanCode: "G-777777", Budget: 1, Notice: notice}); domain.ErrorCodeOf(err) == domain.EINTERNAL || err == nil {
		t.Fatalf("second kegiatan of one gagasan: %v", err)
	}
	g, _, _ := st.GagasanByCode(ctx, "G-777777")
	if g.Status != domain.StatusPelaksanaan {
		t.Fatalf("gagasan %s, want PELAKSANAAN", g.Status)
	}
	// A follower.
	turn, _ := st.BeginTurn(ctx, "+6281234567020")
	if err := turn.Follow(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()

	now := time.Now()
	if err := st.DisburseTranche(ctx, "K-AAAAAA", 2, "test", now); err == nil || !strings.Contains(err.Error(), "tranche 1 comes before") {
		t.Fatalf("tranche 2 first: %v", err)
	}
	if err := st.DisburseTranche(ctx, "K-AAAAAA", 1, "test", now); err != nil {
		t.Fatal(err)
	}
	if err := st.DisburseTranche(ctx, "K-AAAAAA", 1, "test", now); domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("tranche 1 twice: %v", err)
	}
	if err := st.DisburseTranche(ctx, "K-AAAAAA", 2, "test", now); err == nil || !strings.Contains(err.Error(), "at least 40%") {
		t.Fatalf("tranche 2 without progress: %v", err)
	}
	// A report with a photo reaches the follower with its photo.
	var photo int64
	_ = st.DB().Get(&photo, `INSERT INTO media (sha256, mime, kind, size, path) VALUES ('x', 'image/jpeg', 'image', 1, 'x.jpg') RETURNING id`)
	if err := report(t, st, tpk, k, domain.ProgressReport{Percent: 45, Note: "cor", PhotoIDs: []int64{photo}, Captions: []string{"utara"}}); err != nil {
		t.Fatal(err)
	}
	var pushed int
	_ = st.DB().Get(&pushed, `SELECT count(*) FROM outbound_messages WHERE kind = 'push' AND media_id = $1 AND to_phone = '+6281234567020' AND text LIKE 'kabar Siti K-AAAAAA'`, photo)
	if pushed != 1 {
		t.Fatalf("follower pushes with the photo: %d", pushed)
	}
	if err := report(t, st, tpk, k, domain.ProgressReport{Percent: 30}); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("lower report without a reason: %v", err)
	}
	if err := st.DisburseTranche(ctx, "K-AAAAAA", 2, "test", time.Now()); err == nil || !strings.Contains(err.Error(), "Pertanggungjawaban") {
		t.Fatalf("tranche 2 without the accountability meeting: %v", err)
	}
	// The MusDes Pertanggungjawaban is held after tranche 1: tranche 2 goes.
	held := time.Now().Add(time.Minute)
	if _, err := st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
		VALUES ('R-PPPPPP', 'MUSDES_PERTANGGUNGJAWABAN', '34.04.11.2002', 'DESA', $1, 'Balai', 'SELESAI')`, held); err != nil {
		t.Fatal(err)
	}
	// Paid on a day: not later than now, and the rules as of that day
	// (the meeting was not held yet an hour before it).
	if err := st.DisburseTrancheOn(ctx, "K-AAAAAA", 2, "test", held.Add(2*time.Hour), held.Add(time.Hour)); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("tranche 2 paid in the future: %v", err)
	}
	if err := st.DisburseTrancheOn(ctx, "K-AAAAAA", 2, "test", held.Add(-time.Hour), held.Add(time.Hour)); err == nil || !strings.Contains(err.Error(), "Pertanggungjawaban") {
		t.Fatalf("tranche 2 paid before the meeting: %v", err)
	}
	if err := st.DisburseTrancheOn(ctx, "K-AAAAAA", 2, "test", held.Add(30*time.Minute), held.Add(time.Hour)); err != nil {
		t.Fatalf("tranche 2 after report and meeting: %v", err)
	}
	var paid time.Time
	if err := st.DB().Get(&paid, `SELECT disbursed_at FROM tranches t JOIN kegiatan k ON k.id = t.kegiatan_id WHERE k.code = 'K-AAAAAA' AND t.no = 2`); err != nil ||
		paid.Sub(held.Add(30*time.Minute)).Abs() > time.Millisecond {
		t.Fatalf("tranche 2 recorded at %v, want the day paid (%v)", paid, err)
	}
	if err := st.DisburseTranche(ctx, "K-AAAAAA", 3, "test", held.Add(2*time.Hour)); err == nil || !strings.Contains(err.Error(), "at least 80%") {
		t.Fatalf("tranche 3: %v", err)
	}
	got, _ := st.KegiatanByCode(ctx, "K-AAAAAA")
	if got.Percent != 45 || got.Budget != 150000000 {
		t.Fatalf("kegiatan %+v", got)
	}
}

func TestComplaintRoutingAndAnonymity(t *testing.T) {
	st := storetest.SeededStore(t)
	register(t, st, "+6281234567021", "G-999999")
	turn, _ := st.BeginTurn(ctx, "+6281234567021")
	n, err := turn.CreateComplaint(ctx, domain.Complaint{Code: "A-AAAAAA", DesaKode: "34.04.11.2002", Anonymous: true, Text: "semen hilang"}, "Aduan baru A-AAAAAA dari warga (tanpa nama)")
	if err != nil || n != 1 {
		t.Fatalf("routed to %d facilitators: %v", n, err)
	}
	_ = turn.Commit()
	var to, text string
	_ = st.DB().QueryRow(`SELECT to_phone, text FROM outbound_messages WHERE kind = 'push'`).Scan(&to, &text)
	if to != "+6281100000003" || strings.Contains(text, "6281234567021") {
		t.Fatalf("complaint went to %s: %q", to, text)
	}
	err = st.SetComplaintStatus(ctx, postgres.ComplaintMove{Code: "A-AAAAAA", To: domain.ComplaintDitangani, Note: "mandor dipanggil",
		Notice: func(_ string, c domain.Complaint, _ string) string { return "kabar " + c.Code + " " + string(c.Status) }})
	if err != nil {
		t.Fatal(err)
	}
	var told int
	_ = st.DB().Get(&told, `SELECT count(*) FROM outbound_messages WHERE to_phone = '+6281234567021' AND text = 'kabar A-AAAAAA DITANGANI'`)
	if told != 1 {
		t.Fatal("complainant not told")
	}
	if err := st.SetComplaintStatus(ctx, postgres.ComplaintMove{Code: "A-AAAAAA", To: domain.ComplaintDiterima}); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("backwards: %v", err)
	}
}

func TestHandOver(t *testing.T) {
	st := storetest.SeededStore(t)
	fundedGagasan(t, st, "+6281234567022", "G-444444")
	tpk, pemelihara := domain.Phone("+6281100000002"), domain.Phone("+6281234567023")
	k, err := st.CreateKegiatan(ctx, postgres.NewKegiatan{Code: "K-AAAAAA", GagasanCode: "G-444444", Budget: 1000000, TPK: []domain.Phone{tpk}})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := st.HandOver(ctx, "K-AAAAAA", []domain.Phone{pemelihara}, now, nil); err == nil || !strings.Contains(err.Error(), "100%") {
		t.Fatalf("handover before 100%%: %v", err)
	}
	if err := report(t, st, tpk, k, domain.ProgressReport{Percent: 100, Note: "selesai"}); err != nil {
		t.Fatal(err)
	}
	if err := st.HandOver(ctx, "K-AAAAAA", []domain.Phone{pemelihara}, now, nil); err == nil || !strings.Contains(err.Error(), "Serah Terima") {
		t.Fatalf("handover without the meeting: %v", err)
	}
	held := time.Now().Add(time.Minute)
	if _, err := st.DB().Exec(`INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status)
		VALUES ('R-SSSSSS', 'MUSDES_SERAH_TERIMA', '34.04.11.2002', 'DESA', $1, 'Balai', 'SELESAI')`, held); err != nil {
		t.Fatal(err)
	}
	if err := st.HandOver(ctx, "K-AAAAAA", nil, held.Add(time.Hour), nil); err == nil {
		t.Fatal("handover without a Tim Pemelihara")
	}
	if err := st.HandOver(ctx, "K-AAAAAA", []domain.Phone{pemelihara}, held.Add(time.Hour), func(_ string, g domain.Gagasan, _ string) string { return "kabar " + string(g.Status) }); err != nil {
		t.Fatal(err)
	}
	g, _, _ := st.GagasanByCode(ctx, "G-444444")
	if g.Status != domain.StatusDiserahterimakan {
		t.Fatalf("gagasan %s", g.Status)
	}
	// Now the Tim Pemelihara reports on it, and the TPK no longer does.
	turn, _ := st.BeginTurn(ctx, pemelihara)
	defer turn.Rollback()
	if l, err := turn.KegiatanOfTPK(ctx, pemelihara); err != nil || len(l) != 1 || l[0].Status != domain.KegiatanDiserahkan {
		t.Fatalf("pemelihara's kegiatan %+v %v", l, err)
	}
	if l, _ := turn.KegiatanOfTPK(ctx, tpk); len(l) != 0 {
		t.Fatalf("tpk still reports on a handed-over kegiatan: %+v", l)
	}
}

// A kegiatan made without a code gets one drawn; a drawn code that is taken
// is drawn again, six times at most, and any other error ends the tries.
func TestCreateKegiatanDrawsCode(t *testing.T) {
	st := storetest.SeededStore(t)
	fundedGagasan(t, st, "+6281234567021", "G-888888")
	k, err := st.CreateKegiatan(ctx, postgres.NewKegiatan{GagasanCode: "G-888888", Budget: 1000000, TPK: []domain.Phone{"+6281100000002"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := domain.ParseCode(domain.CodeKegiatan, k.Code); err != nil {
		t.Fatalf("drawn code %q: %v", k.Code, err)
	}
	tries := 0
	if err := postgres.RetryCode(func() error { tries++; return postgres.ErrCodeTaken }); err != postgres.ErrCodeTaken || tries != 6 {
		t.Fatalf("always taken: %v after %d tries, want ErrCodeTaken after 6", err, tries)
	}
	tries = 0
	if err := postgres.RetryCode(func() error {
		tries++
		if tries < 3 {
			return postgres.ErrCodeTaken
		}
		return domain.ErrNotFound
	}); err != domain.ErrNotFound || tries != 3 {
		t.Fatalf("taken twice then not found: %v after %d tries", err, tries)
	}
}

// TestRevokedTPKCannotReport: a TPK whose role a facilitator revoked in a
// desa is in none of that desa's kegiatan teams any more, so LAPOR finds
// nothing to report on; another desa's team and the Tim Pemelihara stay.
func TestRevokedTPKCannotReport(t *testing.T) {
	st := storetest.SeededStore(t)
	fundedGagasan(t, st, "+6281234567020", "G-777777")
	notice := func(_ string, g domain.Gagasan, _ string) string { return "kabar" }
	tpk := domain.Phone("+6281100000009")
	ra := domain.RoleAssignment{Phone: tpk, Role: domain.RoleTPK, DesaKode: "34.04.11.2002"}
	if err := st.GrantRole(ctx, ra, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateKegiatan(ctx, postgres.NewKegiatan{Code: "K-AAAAAA", GagasanCode: "G-777777", Budget: 150000000, Unit: "m", TPK: []domain.Phone{tpk}, Notice: notice}); err != nil {
		t.Fatal(err)
	}
	kegiatanOf := func() int {
		turn, err := st.BeginTurn(ctx, tpk)
		if err != nil {
			t.Fatal(err)
		}
		defer turn.Rollback()
		l, err := turn.KegiatanOfTPK(ctx, tpk)
		if err != nil {
			t.Fatal(err)
		}
		return len(l)
	}
	if n := kegiatanOf(); n != 1 {
		t.Fatalf("before: %d kegiatan", n)
	}
	if err := st.RevokeRole(ctx, ra); err != nil {
		t.Fatal(err)
	}
	if n := kegiatanOf(); n != 0 {
		t.Fatalf("a revoked TPK still reports on %d kegiatan", n)
	}
}
