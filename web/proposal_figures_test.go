package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The facilitator writes a proposal's budget as people write money ("1,5
// M"), its beneficiaries in jiwa and whether it came from the MKP; the page
// shows them written one way (Rp 1.500.000.000) to the Tim Verifikasi, who
// cannot change them; a budget that is no amount, or negative, is refused
// on the same form with what was typed kept; a gagasan not yet a desa's
// proposal has no figures to write.
func TestProposalFigures(t *testing.T) {
	s := newSite(t)
	const page = "/admin/gagasan/G-HEMAT7"
	figures := func() (budget, people *int64, mkp *bool) {
		t.Helper()
		row := s.st.DB().QueryRow(`SELECT p.budget, p.beneficiaries, p.from_mkp FROM proposals p JOIN gagasan g ON g.id = p.gagasan_id WHERE g.code = 'G-HEMAT7'`)
		if err := row.Scan(&budget, &people, &mkp); err != nil {
			t.Fatal(err)
		}
		return
	}
	fas := s.client(t)
	fas.login("fas", fasPassword)
	if _, body := fas.get(page); !strings.Contains(body, `action="/admin/gagasan/G-HEMAT7/anggaran"`) ||
		!strings.Contains(body, "belum ditulis (wajib sebelum MAD memeringkat)") {
		t.Fatal("the facilitator gets no figures form, or an unwritten budget is not said")
	}
	code, _, h := fas.post(page+"/anggaran", url.Values{"anggaran": {"1,5 M"}, "penerima": {"320"}, "mkp": {"ya"}})
	body := fas.follow(code, h)
	for _, want := range []string{`<dd id="anggaran-proposal">Rp 1.500.000.000</dd>`, "320 jiwa", "Ya (ditetapkan fasilitator)",
		`name="anggaran" maxlength="40" autocomplete="off" aria-describedby="anggaran-contoh" value="Rp 1.500.000.000"`} {
		if !strings.Contains(body, want) {
			t.Errorf("after saving, the page lacks %q", want)
		}
	}
	if b, p, m := figures(); b == nil || *b != 1_500_000_000 || p == nil || *p != 320 || m == nil || !*m {
		t.Fatalf("stored %v %v %v", b, p, m)
	}
	// What the form shows reads back as the same amount.
	code, _, h = fas.post(page+"/anggaran", url.Values{"anggaran": {"Rp 1.500.000.000"}, "penerima": {"320"}, "mkp": {""}})
	fas.follow(code, h)
	if b, _, m := figures(); b == nil || *b != 1_500_000_000 || m != nil {
		t.Fatalf("saved again: %v %v", b, m)
	}
	for _, bad := range []struct{ budget, why string }{
		{"seratus juta", "„seratus juta” tidak terbaca sebagai jumlah Rupiah"},
		{"-5 juta", "Jumlah Rupiah tidak boleh negatif"},
		{"20 T", "lebih dari Rp 10 triliun"},
	} {
		code, body, _ := fas.post(page+"/anggaran", url.Values{"anggaran": {bad.budget}, "penerima": {"12"}})
		if code != http.StatusBadRequest || !strings.Contains(body, bad.why) || !strings.Contains(body, `value="`+bad.budget+`"`) {
			t.Errorf("%q: %d, reason or typed value missing", bad.budget, code)
		}
	}
	if b, p, _ := figures(); *b != 1_500_000_000 || *p != 320 {
		t.Fatal("a refused form changed the figures")
	}
	// The Tim Verifikasi reads them and has no form.
	tv := s.client(t)
	tv.login("tv", fasPassword)
	_, body = tv.get(page)
	if !strings.Contains(body, "Rp 1.500.000.000") || !strings.Contains(body, "320 jiwa") || strings.Contains(body, `/anggaran"`) {
		t.Error("the TV does not read the figures, or gets their form")
	}
	if code, _, _ := tv.post(page+"/anggaran", url.Values{"anggaran": {"1 juta"}}); code != http.StatusForbidden {
		t.Errorf("TV writes figures: %d", code)
	}
	// Emptied fields clear what was written.
	code, _, h = fas.post(page+"/anggaran", url.Values{"anggaran": {""}, "penerima": {""}, "mkp": {"tidak"}})
	fas.follow(code, h)
	if b, p, m := figures(); b != nil || p != nil || m == nil || *m {
		t.Fatalf("cleared: %v %v %v", b, p, m)
	}
	// G-TAMAN4 is still being discussed: no proposal, no figures.
	if _, body := fas.get("/admin/gagasan/G-TAMAN4"); strings.Contains(body, `id="angka"`) {
		t.Error("a gagasan in discussion shows the figures form")
	}
	if code, body, _ := fas.post("/admin/gagasan/G-TAMAN4/anggaran", url.Values{"anggaran": {"5 juta"}}); code != http.StatusBadRequest ||
		!strings.Contains(body, "sejak gagasan menjadi usulan desa") {
		t.Errorf("figures on a gagasan in discussion: %d", code)
	}
}
