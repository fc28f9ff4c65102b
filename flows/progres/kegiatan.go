package progres

import (
	"errors"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// list lists the desa's kegiatan, or shows one (PROGRES K-…).
func list(t *flow.Turn, arg string) error {
	t.EndFlow()
	if strings.TrimSpace(arg) != "" {
		return Detail(t, arg)
	}
	list, err := t.View.KegiatanOfDesa(t.Ctx, t.Contact.DesaKode)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		t.Say(flow.MsgProgresNone, nil)
		return nil
	}
	items := make([]string, len(list))
	for i, k := range list {
		items[i] = flow.Render(t.Lang, flow.MsgProgresLine, flow.A{"code": k.Code, "title": k.Title, "percent": k.Percent,
			"status": flow.Render(t.Lang, flow.KegiatanStatusKeys[string(k.Status)], nil)})
	}
	t.GoTo(ProgresName, "pick")
	t.Say(flow.MsgProgresList, flow.A{"list": flow.Numbered(items)})
	return nil
}

// pickStep: which kegiatan of the list to see.
func pickStep(t *flow.Turn) error {
	list, err := t.View.KegiatanOfDesa(t.Ctx, t.Contact.DesaKode)
	if err != nil {
		return err
	}
	n, ok := t.Choice(len(list))
	if !ok {
		return nil
	}
	t.EndFlow()
	return Detail(t, list[n-1].Code)
}

// load reads a kegiatan by a typed code; nil when it replied.
func load(t *flow.Turn, arg string) (*domain.Kegiatan, error) {
	code, err := domain.ParseCode(domain.CodeKegiatan, arg)
	if err != nil {
		t.Say(flow.MsgKegiatanBadCode, flow.A{"text": flow.CutRunes(strings.TrimSpace(arg), 20)})
		return nil, nil
	}
	k, err := t.View.Kegiatan(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.Say(flow.MsgKegiatanUnknown, flow.A{"code": code})
		return nil, nil
	}
	return k, err
}

// Detail shows a kegiatan: its budget, tranches and latest report, with
// the report's last photo.
func Detail(t *flow.Turn, arg string) error {
	k, err := load(t, arg)
	if k == nil || err != nil {
		return err
	}
	trs, err := t.View.Tranches(t.Ctx, k.ID)
	if err != nil {
		return err
	}
	loc := domain.Kecamatan{TimeZone: k.TZ}.Location()
	lines := make([]string, len(trs))
	for i, tr := range trs {
		state := flow.Render(t.Lang, flow.MsgTrancheWaiting, nil)
		if tr.DisbursedAt != nil {
			state = flow.Render(t.Lang, flow.MsgTranchePaid, flow.A{"date": tr.DisbursedAt.In(loc).Format("02/01/2006")})
		}
		lines[i] = flow.Render(t.Lang, flow.MsgTrancheLine, flow.A{"no": tr.No, "percent": tr.Percent, "amount": domain.FormatRupiah(tr.Amount), "state": state})
	}
	last := flow.Render(t.Lang, flow.MsgProgresNoReport, nil)
	var photo int64
	r, err := t.View.LatestReport(t.Ctx, k.ID)
	switch {
	case err == nil:
		note := r.Note
		if note == "" {
			note = flow.Render(t.Lang, flow.MsgNone, nil)
		}
		if r.Condition != "" {
			note = conditionLine(t.Lang, r.Condition) + " " + note
		}
		last = flow.Render(t.Lang, flow.MsgProgresLast, flow.A{"date": r.At.In(loc).Format("02/01/2006"), "note": flow.Shorten(note, 200)})
		if len(r.PhotoIDs) > 0 {
			photo = r.PhotoIDs[len(r.PhotoIDs)-1]
		}
	case !errors.Is(err, domain.ErrNotFound):
		return err
	}
	volume := ""
	if k.Volume != nil {
		volume = ", " + strconv.FormatFloat(*k.Volume, 'f', -1, 64) + " " + k.Unit
	}
	text := flow.Render(t.Lang, flow.MsgProgresDetail, flow.A{"code": k.Code, "title": k.Title, "desa": k.DesaNama, "volume": volume,
		"budget": domain.FormatRupiah(k.Budget), "tranches": strings.Join(lines, "\n"), "percent": k.Percent, "last": last})
	t.Out.Replies = append(t.Out.Replies, flow.Reply{Text: text, MediaID: photo})
	return nil
}

// conditionLine names an asset's condition ("Kondisi: baik").
func conditionLine(lang string, c domain.Condition) string {
	return flow.Render(lang, flow.MsgConditionLine, flow.A{"condition": flow.Render(lang, flow.ConditionKeys[string(c)], nil)})
}

// follow subscribes the contact to a kegiatan (IKUTI K-…); IKUTI alone
// lists them.
func follow(t *flow.Turn, arg string) error {
	t.EndFlow()
	if strings.TrimSpace(arg) == "" {
		return list(t, "")
	}
	k, err := load(t, arg)
	if k == nil || err != nil {
		return err
	}
	t.Cmd(flow.Follow{KegiatanID: k.ID})
	t.Say(flow.MsgFollowing, flow.A{"code": k.Code})
	return nil
}
