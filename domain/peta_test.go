package domain_test

import (
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
)

func TestMapItemValidate(t *testing.T) {
	for _, tc := range []struct {
		item domain.MapItem
		ok   bool
	}{
		{domain.MapItem{Kind: domain.MapMasalah, DusunID: 1, Title: "  Jalan   licin saat hujan "}, true},
		{domain.MapItem{Kind: domain.MapBatasManusia, DusunID: 1, Title: "Sedikit tukang batu"}, true},
		{domain.MapItem{Kind: "LAIN", DusunID: 1, Title: "Jalan"}, false},
		{domain.MapItem{Kind: domain.MapPotensi, Title: "Sawah"}, false},
		{domain.MapItem{Kind: domain.MapPotensi, DusunID: 1, Title: "ab"}, false},
		{domain.MapItem{Kind: domain.MapPotensi, DusunID: 1, Title: strings.Repeat("a", 81)}, false},
		{domain.MapItem{Kind: domain.MapPotensi, DusunID: 1, Title: "Sawah", Description: strings.Repeat("b", 501)}, false},
	} {
		it := tc.item
		err := it.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("%+v: %v", tc.item, err)
		}
		if err == nil && it.Title != strings.Join(strings.Fields(tc.item.Title), " ") {
			t.Errorf("title not tidied: %q", it.Title)
		}
	}
	if !domain.MapMasalah.Answerable() || !domain.MapPotensi.Answerable() || domain.MapBatasAlam.Answerable() {
		t.Fatal("only problems and potentials are answered by a gagasan")
	}
}

func TestCriteriaAndCounts(t *testing.T) {
	if txt, err := domain.ValidateCriterion(domain.Miskin, "  rumah  berlantai tanah "); err != nil || txt != "rumah berlantai tanah" {
		t.Fatalf("%q %v", txt, err)
	}
	for _, bad := range []struct {
		l domain.PovertyLevel
		s string
	}{{domain.Miskin, "ab"}, {"KAYA", "punya mobil"}, {domain.SangatMiskin, strings.Repeat("x", 161)}} {
		if _, err := domain.ValidateCriterion(bad.l, bad.s); err == nil {
			t.Errorf("criterion %v accepted", bad)
		}
	}
	for _, tc := range []struct {
		c  domain.RTMCount
		ok bool
	}{
		{domain.RTMCount{SangatMiskin: 4, Miskin: 20, Total: 180}, true},
		{domain.RTMCount{SangatMiskin: 4, Miskin: 20}, true}, // total not counted
		{domain.RTMCount{SangatMiskin: 100, Miskin: 90, Total: 180}, false},
		{domain.RTMCount{SangatMiskin: -1}, false},
		{domain.RTMCount{Total: 20001}, false},
	} {
		if err := tc.c.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: %v", tc.c, err)
		}
	}
}

func TestDerivedDesaMap(t *testing.T) {
	a := domain.DusunMap{Dusun: domain.Dusun{ID: 1, Nama: "Kejambon"}, Count: &domain.RTMCount{SangatMiskin: 2, Miskin: 10, Total: 90},
		Items: []domain.MapItem{{Kind: domain.MapMasalah, Title: "Jalan rusak"}, {Kind: domain.MapPotensi, Title: "Sawah irigasi"}}}
	b := domain.DusunMap{Dusun: domain.Dusun{ID: 2, Nama: "Bimo"}, Count: &domain.RTMCount{SangatMiskin: 5, Miskin: 7},
		Items: []domain.MapItem{{Kind: domain.MapMasalah, Title: "Air bersih kurang"}}}
	c := domain.DusunMap{Dusun: domain.Dusun{ID: 3, Nama: "Sambiroto"}} // not counted yet
	d := domain.DeriveDesaMap([]domain.DusunMap{a, b, c})
	if d.Counted != 2 || d.Count.SangatMiskin != 7 || d.Count.Miskin != 17 || d.Count.Total != 90 {
		t.Fatalf("desa counts %+v (%d counted)", d.Count, d.Counted)
	}
	if got := d.ItemsOf(domain.MapMasalah); len(got) != 2 || got[1].Title != "Air bersih kurang" {
		t.Fatalf("problems %+v", got)
	}
}

func TestPublicCount(t *testing.T) {
	for _, tc := range []struct {
		n, min int
		want   string
	}{{0, 3, "0"}, {1, 3, "< 3"}, {2, 3, "< 3"}, {3, 3, "3"}, {40, 3, "40"}, {4, 5, "< 5"}, {2, 0, "< 3"}} {
		if got := domain.PublicCount(tc.n, tc.min); got != tc.want {
			t.Errorf("PublicCount(%d, %d) = %q, want %q", tc.n, tc.min, got, tc.want)
		}
	}
}
