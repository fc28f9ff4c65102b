package flow

import (
	"sort"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// placeFolds are the folded names (FoldName) an answer to "which desa?"
// may give for a kecamatan and for a dusun, most literal first: each
// reading of answer.PlaceReadings, and without a leading "kec." or
// "dusun" (which then names only that kind of place).
func placeFolds(text string) (kecs, dusuns []string) {
	add := func(to *[]string, ws []string) {
		if f := FoldName(strings.Join(ws, "")); f != "" {
			*to = append(*to, f)
		}
	}
	for _, r := range answer.PlaceReadings(text) {
		switch {
		case len(r) == 0:
		case answer.IsKecamatanWord(r[0]):
			add(&kecs, r[1:])
		case answer.IsDusunWord(r[0]):
			add(&dusuns, r[1:])
		default:
			add(&kecs, r)
			add(&dusuns, r)
		}
	}
	return dedupe(kecs), dedupe(dusuns)
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// readOtherPlace reads an answer to "which desa?" that names no desa for
// the name of a kecamatan or a dusun in the choice's scope: a kecamatan's
// desa are listed (at most MaxDesaList, else its desa's name is asked);
// the one desa with a dusun of that name is proposed with the dusun, to
// confirm with YA; the few that have one are listed. It tells whether it
// has replied.
func (t *Turn) readOtherPlace(c *DesaChoice, all []domain.DesaPlace, text string) (bool, error) {
	ix := indexOf(all)
	kecs, dusuns := placeFolds(text)
	for _, k := range kecs {
		in := ix.kecs[k]
		if len(in) == 0 {
			continue
		}
		ds := make([]domain.DesaPlace, len(in))
		for i, j := range in {
			ds[i] = all[j]
		}
		c.Proposed, c.ProposedDusun, c.CandDusuns = "", 0, nil
		if len(ds) > MaxDesaList {
			c.Cands = nil
			t.Say(MsgDesaKecamatanName, A{"kecamatan": ds[0].Kecamatan, "contoh": ds[0].Nama})
			return true, nil
		}
		c.Cands = make([]string, len(ds))
		for i, d := range ds {
			c.Cands[i] = d.Kode
		}
		t.Say(MsgDesaKecamatanChoose, A{"kecamatan": ds[0].Kecamatan, "list": Numbered(t.desaLabels(ds, false))})
		return true, nil
	}
	scopes := c.Within
	if len(scopes) == 0 {
		scopes = []string{t.Env.Scope}
	}
	for _, f := range dusuns {
		var found []domain.Dusun
		for _, s := range scopes {
			ds, err := t.View.DusunsNamed(t.Ctx, s, f)
			if err != nil {
				return false, err
			}
			for _, d := range ds {
				if _, ok := ix.byKode[d.DesaKode]; ok && FoldName(d.Nama) == f {
					found = append(found, d)
				}
			}
		}
		// As the desa are listed: by the desa's name.
		sort.SliceStable(found, func(i, j int) bool { return ix.byKode[found[i].DesaKode] < ix.byKode[found[j].DesaKode] })
		switch {
		case len(found) == 0:
			continue
		case len(found) == 1:
			d := all[ix.byKode[found[0].DesaKode]]
			c.Cands, c.CandDusuns = nil, nil
			c.Proposed, c.ProposedDusun = d.Kode, found[0].ID
			t.Say(MsgDesaDusunConfirm, A{"dusun": found[0].Nama, "desa": d.Nama})
		case len(found) > MaxDesaList:
			c.Cands, c.CandDusuns = nil, nil
			t.Say(MsgDesaDusunMany, A{"text": CutRunes(found[0].Nama, 40), "contoh": all[ix.byKode[found[0].DesaKode]].Nama})
		default:
			c.Cands, c.CandDusuns = make([]string, len(found)), make([]int64, len(found))
			labels := make([]string, len(found))
			for i, d := range found {
				p := all[ix.byKode[d.DesaKode]]
				c.Cands[i], c.CandDusuns[i] = p.Kode, d.ID
				labels[i] = Render(t.Lang, MsgDesaDusunPlace, A{"dusun": d.Nama, "desa": p.Nama})
			}
			t.Say(MsgDesaDusunChoose, A{"text": CutRunes(found[0].Nama, 40), "list": Numbered(labels)})
		}
		return true, nil
	}
	return false, nil
}
