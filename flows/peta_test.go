package flows_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/peta"
)

func (f *fixture) DusunMap(_ context.Context, dusunID int64) (domain.DusunMap, error) {
	if f.fail {
		return domain.DusunMap{}, errDown
	}
	if m, ok := f.maps[dusunID]; ok {
		return *m, nil
	}
	for _, ds := range f.dusuns {
		for _, d := range ds {
			if d.ID == dusunID {
				return domain.DusunMap{Dusun: d}, nil
			}
		}
	}
	return domain.DusunMap{}, domain.Errorf(domain.ENOTFOUND, "no dusun")
}

func (f *fixture) MapSuggestions(_ context.Context, dusunID int64) ([]domain.MapItem, error) {
	return f.sugs[dusunID], nil
}

// applyMap plays the store's part for the map commands, so that the next
// message sees the change.
func (f *fixture) applyMap(cmd flow.Command) {
	if f.maps == nil {
		f.maps = map[int64]*domain.DusunMap{}
		f.sugs = map[int64][]domain.MapItem{}
	}
	get := func(id int64) *domain.DusunMap {
		if f.maps[id] == nil {
			m, _ := f.DusunMap(context.Background(), id)
			f.maps[id] = &m
		}
		return f.maps[id]
	}
	switch x := cmd.(type) {
	case flow.AddMapItem:
		x.Item.ID = int64(100 + len(get(x.Item.DusunID).Items) + len(f.sugs[x.Item.DusunID]))
		if x.Suggest {
			x.Item.Suggested = true
			f.sugs[x.Item.DusunID] = append(f.sugs[x.Item.DusunID], x.Item)
		} else {
			m := get(x.Item.DusunID)
			m.Items = append(m.Items, x.Item)
		}
	case flow.ChangeMapItem:
		m := get(x.DusunID)
		for i, it := range m.Items {
			if it.ID == x.ID {
				switch x.Action {
				case "remove":
					m.Items = append(m.Items[:i], m.Items[i+1:]...)
				case "edit":
					if x.Title != "" {
						m.Items[i].Title = x.Title
					}
					if x.Desc != "" {
						m.Items[i].Description = x.Desc
					}
				}
				return
			}
		}
		for i, it := range f.sugs[x.DusunID] {
			if it.ID == x.ID {
				f.sugs[x.DusunID] = append(f.sugs[x.DusunID][:i], f.sugs[x.DusunID][i+1:]...)
				if x.Action == "confirm" {
					it.Suggested = false
					m.Items = append(m.Items, it)
				}
			}
		}
	case flow.AddCriterion:
		m := get(x.DusunID)
		m.Criteria = append(m.Criteria, domain.Criterion{ID: int64(200 + len(m.Criteria)), DusunID: x.DusunID, Level: x.Level, Text: x.Text})
	case flow.RemoveCriterion:
		m := get(x.DusunID)
		for i, c := range m.Criteria {
			if c.ID == x.ID {
				m.Criteria = append(m.Criteria[:i], m.Criteria[i+1:]...)
				break
			}
		}
	case flow.SetRTMCount:
		c := x.Count
		get(c.DusunID).Count = &c
	}
}

func TestPetaWrongRoleIsResidentView(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.run([]msg{
		{text: "PETA", want: []string{"Peta sosial Dusun Kejambon belum diisi", "Balas 1 untuk mengusulkan"}, notWant: []string{"Tambah potensi"}},
		{text: "1", want: []string{"1. Masalah"}},
		{text: "1", want: []string{"Tulis singkat"}},
		{text: "ab", want: []string{"3 sampai 80"}},
		{text: "Air sumur kering saat kemarau", want: []string{"diteruskan ke kader"}, commands: []string{"AddMapItem"}},
	})
	if s := c.fx.sugs[11]; len(s) != 1 || !s[0].Suggested || s[0].Kind != domain.MapMasalah {
		t.Fatalf("suggestion %+v", s)
	}
	// A resident cannot reach the KPMD's steps by typing their numbers.
	c.run([]msg{{text: "PETA", want: []string{"Balas 1 untuk mengusulkan"}}, {text: "4", want: []string{"HAPUS DATA"}, commands: []string{}}})
}

func TestPetaKPMDMapsADusun(t *testing.T) {
	c := kpmd(newConversation(t))
	c.run([]msg{
		{text: "PETA", want: []string{"dusun mana", "1. Kejambon", "2. Sambiroto"}},
		{text: "1", want: []string{"Peta sosial Dusun Kejambon", "0 masalah", "RTM belum dihitung", "1. Tambah"}},
		// An item with its photo and pin.
		{text: "1", want: []string{"1. Masalah", "2. Potensi", "Keterbatasan sumber daya alam"}},
		{text: "9", want: []string{"1 sampai 5"}},
		{text: "1", want: []string{"judul singkat"}},
		{text: "Jalan licin saat hujan", want: []string{"penjelasan singkat"}},
		{text: "LEWATI", want: []string{"kirim satu foto"}},
		{text: "ini fotonya", want: []string{"kirim satu foto"}}, // text is not a photo
		{text: "", image: true, want: []string{"lokasi (pin)"}},
		{text: "", pin: true, want: []string{"Tersimpan", "Masalah \"Jalan licin saat hujan\"", "Lanjut: 1. Tambah"}, commands: []string{"AddMapItem"}},
		// A potential, without photo or pin.
		{text: "1"}, {text: "2"}, {text: "Sawah irigasi teknis"}, {text: "Dialiri sepanjang tahun"}, {text: "lewati"},
		{text: "lewati", commands: []string{"AddMapItem"}},
		{text: "BATAL"}, {text: "PETA"}, {text: "1", want: []string{"1 masalah, 1 potensi"}},
		// Correct the first item's title, then remove the second.
		{text: "2", want: []string{"1. Masalah: Jalan licin saat hujan", "2. Potensi: Sawah irigasi teknis"}},
		{text: "1", want: []string{"1. Ubah judul"}},
		{text: "1", want: []string{"judul yang baru"}},
		{text: "Jalan tanah licin saat hujan", want: []string{"Diubah"}, commands: []string{"ChangeMapItem"}},
		{text: "2"}, {text: "2"},
		{text: "3", want: []string{"Dihapus dari peta", "Riwayatnya tetap tersimpan"}, commands: []string{"ChangeMapItem"}},
		// Criteria: one per message; a criterion starting with TIDAK is text, not an RSVP.
		{text: "3", want: []string{"1. Sangat miskin"}},
		{text: "2", want: []string{"Kriteria miskin", "(belum ada)", "HAPUS nomor"}},
		{text: "Tidak punya lahan sendiri", want: []string{"ditambahkan (1)"}, commands: []string{"AddCriterion"}},
		{text: "Rumah berlantai tanah", want: []string{"ditambahkan (2)"}, commands: []string{"AddCriterion"}},
		{text: "HAPUS 5", want: []string{"1 sampai 2"}, commands: []string{}},
		{text: "HAPUS 2", want: []string{"Rumah berlantai tanah\" dihapus"}, commands: []string{"RemoveCriterion"}},
		{text: "SELESAI", want: []string{"Lanjut"}},
		// Counts only, never names.
		{text: "4", want: []string{"Hanya jumlah, tanpa nama"}},
		{text: "Bu Sri dan Pak Min", want: []string{"dua atau tiga angka"}, commands: []string{}},
		{text: "30 20 40", want: []string{"tidak boleh lebih"}, commands: []string{}},
		{text: "4, 20 dan 180", want: []string{"disimpan"}, commands: []string{"SetRTMCount"}},
		{text: "6", want: []string{"sangat miskin 4, miskin 20, seluruh KK 180", "Masalah: Jalan tanah licin saat hujan", "Potensi: (belum ada)", "Kriteria miskin: Tidak punya lahan sendiri"}},
		{text: "SELESAI", want: []string{"Menu"}},
	})
	m := c.fx.maps[11]
	if len(m.Items) != 1 || m.Items[0].Title != "Jalan tanah licin saat hujan" || m.Items[0].PhotoID == nil || m.Items[0].Lat == nil {
		t.Fatalf("map items %+v", m.Items)
	}
	if m.Count == nil || m.Count.SangatMiskin != 4 || m.Count.Total != 180 || len(m.Criteria) != 1 {
		t.Fatalf("counts %+v criteria %+v", m.Count, m.Criteria)
	}
}

func TestPetaSuggestionReviewAndGagasanLink(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.fx.maps = map[int64]*domain.DusunMap{11: {Dusun: domain.Dusun{ID: 11, Nama: "Kejambon"}, Items: []domain.MapItem{
		{ID: 1, DusunID: 11, Kind: domain.MapMasalah, Title: "Jalan licin saat hujan"},
		{ID: 2, DusunID: 11, Kind: domain.MapBatasAlam, Title: "Tanah kapur"},
		{ID: 3, DusunID: 11, Kind: domain.MapPotensi, Title: "Sawah irigasi"},
	}}}
	c.fx.sugs = map[int64][]domain.MapItem{}
	// The resident reads titles only, and suggests.
	c.run([]msg{
		{text: "peta", want: []string{"Masalah: Jalan licin saat hujan", "Keterbatasan sumber daya alam: Tanah kapur"}},
		{text: "1"}, {text: "2"}, {text: "Kolam ikan bersama", commands: []string{"AddMapItem"}},
	})
	// A gagasan answers a mapped problem: limits are not offered.
	c.run([]msg{
		{text: "GAGASAN", want: []string{"tentang apa"}},
		{text: "1", want: []string{"menjawab masalah atau potensi apa", "1. Masalah: Jalan licin saat hujan", "2. Potensi: Sawah irigasi", "3. Lainnya"},
			notWant: []string{"Tanah kapur"}},
		{text: "4", want: []string{"1 sampai 3"}},
		{text: "1", want: []string{"judul"}},
		{text: "Cor jalan Kejambon"}, {text: "Jalan licin membuat anak jatuh"}, {text: "1"}, {text: "LEWATI"}, {text: "LEWATI"},
		{text: "LEWATI", want: []string{"Menjawab peta: Jalan licin saat hujan"}},
		{text: "YA", commands: []string{"CreateGagasan"}},
	})
	if got := c.saved[len(c.saved)-1]; got.MapItemID == nil || *got.MapItemID != 1 {
		t.Fatalf("gagasan map link %+v", got.MapItemID)
	}
	// "Lainnya" links nothing.
	c.run([]msg{{text: "GAGASAN"}, {text: "2"}, {text: "3", want: []string{"judul"}}})
	if _, ok := c.sess.Data["map"]; ok {
		t.Fatal("lainnya linked an item")
	}

	// The KPMD of the desa sees the suggestion and accepts it.
	k := kpmd(newConversation(t))
	k.fx = c.fx
	k.run([]msg{
		{text: "PETA"}, {text: "1", want: []string{"Usulan warga (1)"}},
		{text: "5", want: []string{"1. Potensi: Kolam ikan bersama"}},
		{text: "1", want: []string{"1. Terima"}},
		{text: "1", want: []string{"diterima ke peta"}, commands: []string{"ChangeMapItem"}},
		{text: "SELESAI"}, {text: "PETA"}, {text: "1", want: []string{"Usulan warga (0)", "2 potensi"}},
	})
}

func TestPetaSMSLength(t *testing.T) {
	// The KPMD's menu must fit the SMS budget.
	msg := flow.Render(flow.LangID, peta.MsgMenu, flow.A{"dusun": "Kejambon", "n": 2, "summary": strings.Repeat("x", 90)})
	if len(msg) > 459 {
		t.Fatalf("PETA menu is %d characters", len(msg))
	}
}

// TestPetaSessionFromOlderCode: a PETA session as older code wrote it (its
// answers in a map) or a damaged one is answered as a timed-out session:
// nothing is stored, the person is told and may start again.
func TestPetaSessionFromOlderCode(t *testing.T) {
	for name, sess := range map[string]flow.Session{
		// An older session's map reads (TestLegacySessions), unless a value is damaged.
		"map":     {Flow: "peta", Step: "action", Data: map[string]string{"dusun": "11", "dusun_nama": "Kejambon", "item": "tiga"}},
		"damaged": {Flow: "peta", Step: "action", State: []byte(`{"dusun":"sebelas"}`)},
		"unknown": {Flow: "peta", Step: "action", State: []byte(`{"dusun":11,"warna":"merah"}`)},
		"no item": {Flow: "peta", Step: "action", State: []byte(`{"dusun":11,"dusun_nama":"Kejambon"}`)},
	} {
		t.Run(name, func(t *testing.T) {
			c := kpmd(newConversation(t))
			sess.At = c.now
			c.sess = sess
			c.run([]msg{
				{text: "3", want: []string{"berakhir karena lama", "Menu"}, notWant: []string{"Dihapus"}, commands: []string{}},
				{text: "PETA", want: []string{"dusun mana"}},
			})
		})
	}
}

// TestPetaPausedKeepsState: a PETA flow that timed out keeps its typed
// state for LANJUT; the item is added to the dusun chosen before.
func TestPetaPausedKeepsState(t *testing.T) {
	c := kpmd(newConversation(t))
	c.run([]msg{
		{text: "PETA"}, {text: "2", want: []string{"Peta sosial Dusun Sambiroto"}},
		{text: "1", want: []string{"1. Masalah"}},
		{text: "1", advance: 31 * time.Minute, want: []string{"LANJUT"}, commands: []string{}},
		{text: "LANJUT", want: []string{"judul singkat"}},
		{text: "Jalan licin saat hujan"}, {text: "LEWATI"}, {text: "LEWATI"},
		{text: "LEWATI", want: []string{"Tersimpan", "Sambiroto"}, commands: []string{"AddMapItem"}},
	})
	if m := c.fx.maps[12]; m == nil || len(m.Items) != 1 || m.Items[0].Title != "Jalan licin saat hujan" {
		t.Fatalf("Sambiroto's map: %+v", m)
	}
}
