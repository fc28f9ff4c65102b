package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// turnAs runs fn in a turn of the demo KPMD and commits it.
func turnAs(t *testing.T, st *postgres.Store, phone domain.Phone, fn func(*postgres.Turn) error) error {
	t.Helper()
	turn, err := st.BeginTurn(ctx, phone)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	if err := fn(turn); err != nil {
		return err
	}
	return turn.Commit()
}

func TestSocialMap(t *testing.T) {
	st := storetest.SeededStore(t)
	dusun, _ := st.ListDusun(ctx, "34.04.11.2002")
	kej := dusun[0].ID
	const kpmd = domain.Phone("+6281100000001")
	add := func(kind domain.MapKind, title string) {
		t.Helper()
		if err := turnAs(t, st, kpmd, func(tr *postgres.Turn) error {
			return tr.AddMapItem(ctx, domain.MapItem{DusunID: kej, Kind: kind, Title: title}, false)
		}); err != nil {
			t.Fatal(err)
		}
	}
	add(domain.MapMasalah, "Jalan licin saat hujan")
	add(domain.MapPotensi, "Sawah irigasi")
	add(domain.MapBatasManusia, "Sedikit tukang batu")
	// A resident's suggestion waits for the KPMD.
	const warga = domain.Phone("+6281234567030")
	register(t, st, warga, "G-333333")
	if err := turnAs(t, st, warga, func(tr *postgres.Turn) error {
		return tr.AddMapItem(ctx, domain.MapItem{DusunID: kej, Kind: domain.MapPotensi, Title: "Kolam ikan bersama"}, true)
	}); err != nil {
		t.Fatal(err)
	}
	m, _ := st.DesaMapOf(ctx, "34.04.11.2002")
	if len(m.Dusun[0].Items) != 3 || len(m.Suggestions) != 1 {
		t.Fatalf("items %d, suggestions %d", len(m.Dusun[0].Items), len(m.Suggestions))
	}
	sug := m.Suggestions[0].ID
	var jalan int64
	for _, it := range m.Dusun[0].Items {
		if it.Title == "Jalan licin saat hujan" {
			jalan = it.ID
		}
	}
	if err := turnAs(t, st, kpmd, func(tr *postgres.Turn) error {
		if err := tr.ChangeMapItem(ctx, postgres.MapItemChange{DusunID: kej, ID: sug, Action: "confirm"}); err != nil {
			return err
		}
		if err := tr.ChangeMapItem(ctx, postgres.MapItemChange{DusunID: kej, ID: jalan, Action: "edit", Title: "Jalan tanah licin saat hujan", Desc: "300 m"}); err != nil {
			return err
		}
		if err := tr.AddCriterion(ctx, kej, domain.Miskin, "Tidak punya lahan"); err != nil {
			return err
		}
		return tr.SetRTMCount(ctx, domain.RTMCount{DusunID: kej, SangatMiskin: 2, Miskin: 15, Total: 120})
	}); err != nil {
		t.Fatal(err)
	}
	// Refusals: an item of another dusun, a count above the total, a
	// suggestion confirmed twice.
	if err := turnAs(t, st, kpmd, func(tr *postgres.Turn) error {
		return tr.ChangeMapItem(ctx, postgres.MapItemChange{DusunID: dusun[1].ID, ID: jalan, Action: "remove"})
	}); domain.ErrorCodeOf(err) != domain.ENOTFOUND {
		t.Fatalf("change through another dusun: %v", err)
	}
	if err := st.AdminSetRTMCount(ctx, domain.RTMCount{DusunID: kej, SangatMiskin: 100, Miskin: 100, Total: 120}, "web x"); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("impossible counts: %v", err)
	}
	if err := st.AdminChangeMapItem(ctx, postgres.MapItemChange{DusunID: kej, ID: sug, Action: "confirm"}, "web x"); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("confirmed twice: %v", err)
	}

	// A gagasan links a mapped problem of its own desa only.
	turn, _ := st.BeginTurn(ctx, warga)
	g := domain.Gagasan{Code: "G-444444", DesaKode: "34.04.11.2002", Category: domain.CategoryInfrastruktur, Title: "Cor jalan", Description: "Jalan licin", MapItemID: &jalan}
	if err := turn.CreateGagasan(ctx, g); err != nil {
		t.Fatal(err)
	}
	var otherDesaDusun int64
	_ = st.DB().Get(&otherDesaDusun, `SELECT id FROM dusun WHERE desa_kode = '34.04.11.2004' LIMIT 1`)
	var foreign int64
	_ = st.DB().Get(&foreign, `INSERT INTO map_items (dusun_id, kind, title) VALUES ($1, 'MASALAH', 'Banjir') RETURNING id`, otherDesaDusun)
	g2 := domain.Gagasan{Code: "G-666666", DesaKode: "34.04.11.2002", Category: domain.CategoryLainnya, Title: "Tanggul", Description: "Banjir", MapItemID: &foreign}
	if err := turn.CreateGagasan(ctx, g2); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	got, _, _ := st.GagasanByCode(ctx, "G-444444")
	if got.MapItemID == nil || *got.MapItemID != jalan || got.MapItemTitle != "Jalan tanah licin saat hujan" {
		t.Fatalf("link %+v %q", got.MapItemID, got.MapItemTitle)
	}
	if got, _, _ := st.GagasanByCode(ctx, "G-666666"); got.MapItemID != nil {
		t.Fatal("a gagasan linked another desa's map")
	}

	// The desa map is derived; removal keeps the item for its history and
	// its gagasan, off the map.
	if err := st.AdminChangeMapItem(ctx, postgres.MapItemChange{DusunID: kej, ID: jalan, Action: "remove"}, "web fas"); err != nil {
		t.Fatal(err)
	}
	m, _ = st.DesaMapOf(ctx, "34.04.11.2002")
	if m.Counted != 1 || m.Count.Miskin != 15 || len(m.ItemsOf(domain.MapPotensi)) != 2 || len(m.ItemsOf(domain.MapMasalah)) != 0 {
		t.Fatalf("desa map %+v", m.DesaMap)
	}
	if len(m.Answers[jalan]) != 1 || m.Answers[jalan][0].Code != "G-444444" {
		t.Fatalf("answers %+v", m.Answers)
	}
	var hist []struct {
		Action string `db:"action"`
		By     string `db:"by"`
	}
	_ = st.DB().Select(&hist, `SELECT action, by FROM map_history WHERE dusun_id = $1 ORDER BY id`, kej)
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action+" by "+h.By)
	}
	// A cadre is named with the role; a resident is "warga" (no name kept).
	k := "KPMD Sri Wahyuni (KPMD)"
	want := []string{"add by " + k, "add by " + k, "add by " + k, "suggest by warga",
		"confirm by " + k, "edit by " + k, "add by " + k, "set by " + k, "remove by web fas"}
	if len(actions) != len(want) {
		t.Fatalf("history %v", actions)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Fatalf("history %v", actions)
		}
	}
}

// UBAH DATA registers again: the answers change, the registration date
// stays; DATA SAYA reads what is kept.
func TestReRegisterAndPersonalData(t *testing.T) {
	st := storetest.SeededStore(t)
	const who = domain.Phone("+6281234567031")
	register(t, st, who, "G-777333")
	first, _ := st.ContactByPhone(ctx, who)
	dusun, _ := st.ListDusun(ctx, "34.04.11.2002")
	if err := turnAs(t, st, who, func(tr *postgres.Turn) error {
		return tr.Register(ctx, "Siti Aminah", "34.04.11.2002", dusun[1].ID, domain.GenderFemale)
	}); err != nil {
		t.Fatal(err)
	}
	again, _ := st.ContactByPhone(ctx, who)
	if again.Name != "Siti Aminah" || again.DusunID != dusun[1].ID || !again.RegisteredAt.Equal(*first.RegisteredAt) {
		t.Fatalf("after re-registering: %+v (registered %v, was %v)", again, again.RegisteredAt, first.RegisteredAt)
	}
	var pd domain.PersonalData
	_ = turnAs(t, st, who, func(tr *postgres.Turn) (err error) {
		pd, err = tr.PersonalData(ctx, again.ID)
		return err
	})
	if pd.DesaNama != "Bimomartani" || pd.DusunNama != dusun[1].Nama || len(pd.Gagasan) != 1 || pd.Gagasan[0] != "G-777333" || len(pd.Channels) != 1 {
		t.Fatalf("personal data %+v", pd)
	}
}

func TestRetentionPurge(t *testing.T) {
	st := storetest.SeededStore(t)
	const who = domain.Phone("+6281234567032")
	register(t, st, who, "G-777444")
	db := st.DB()
	var kept, loose int64
	_ = db.Get(&kept, `INSERT INTO media (sha256, mime, kind, size, path, created_at) VALUES ('a', 'image/jpeg', 'image', 1, 'aa/kept.jpg', now() - interval '400 days') RETURNING id`)
	_ = db.Get(&loose, `INSERT INTO media (sha256, mime, kind, size, path, created_at) VALUES ('b', 'image/jpeg', 'image', 1, 'bb/loose.jpg', now() - interval '400 days') RETURNING id`)
	db.MustExec(`UPDATE gagasan SET photo_id = $1 WHERE code = 'G-777444'`, kept)
	db.MustExec(`UPDATE inbound_messages SET received_at = now() - interval '400 days', media_id = $1, text = 'ya'`, loose)
	res, err := st.Purge(ctx, postgres.Retention{Messages: 365 * 24 * time.Hour, Media: 180 * 24 * time.Hour}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var texts, media int
	_ = db.Get(&texts, `SELECT count(*) FROM inbound_messages WHERE text IS NOT NULL`)
	_ = db.Get(&media, `SELECT count(*) FROM media`)
	if res.Inbound == 0 || texts != 0 || media != 1 || len(res.MediaPaths) != 1 || res.MediaPaths[0] != "bb/loose.jpg" {
		t.Fatalf("purge %+v; texts left %d, media left %d", res, texts, media)
	}
	// A second purge finds nothing more.
	if res, _ := st.Purge(ctx, postgres.Retention{Messages: 365 * 24 * time.Hour, Media: 180 * 24 * time.Hour}, time.Now()); res.Inbound != 0 || len(res.MediaPaths) != 0 {
		t.Fatalf("second purge %+v", res)
	}
}
