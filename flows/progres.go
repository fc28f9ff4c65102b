package flows

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/answer"
)

// Flow names of kegiatan and complaints.
const (
	FlowLapor   = "lapor"    // a TPK member reports progress
	FlowProgres = "progres"  // a resident picks a kegiatan to see
	FlowAduan   = aduan.Name // a resident files a complaint
)

// startLapor begins a progress report; arg may already hold the percent
// ("LAPOR 60%"). From someone who reports on no kegiatan, "LAPOR <text>"
// is a resident's report of a problem: a complaint, with the text kept.
func (t *turn) startLapor(arg string) error {
	held := t.takeHeld()
	t.endFlow()
	list, err := t.View.KegiatanOfTPK(t.Ctx, t.Contact.Phone)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		if len(strings.Fields(arg)) >= 2 {
			t.say(MsgAduanFromLapor, nil)
			t.Sess.Held, _ = strconv.ParseInt(held, 10, 64)
			return t.startAduan(arg)
		}
		t.say(MsgNotTPK, nil)
		return nil
	}
	t.goTo(FlowLapor, "pick")
	switch {
	case t.In.Media != nil && t.In.Media.Kind == MediaImage:
		// A TPK's photo captioned "progres minggu ini": the report's first.
		t.Sess.Data["photos"] = strconv.FormatInt(t.In.Media.ID, 10)
		t.Sess.Data["captions"] = strings.ReplaceAll(cutRunes(t.Text, 200), "\x1f", " ")
		t.say(MsgPhotoAdded, A{"n": 1})
	case held != "":
		t.Sess.Data["photos"] = held
		t.Sess.Data["captions"] = ""
	}
	if p, ok := answer.Percent(arg); ok && p <= 100 && arg != "" {
		t.Sess.Data["early_percent"] = strconv.Itoa(p)
	}
	if len(list) == 1 {
		return t.laporChoose(list[0])
	}
	t.say(MsgLaporPick, A{"list": numbered(kegiatanItems(list))})
	return nil
}

func kegiatanItems(list []domain.Kegiatan) []string {
	items := make([]string, len(list))
	for i, k := range list {
		items[i] = k.Code + " " + k.Title
	}
	return items
}

func kegiatanCodes(list []domain.Kegiatan) []string {
	codes := make([]string, len(list))
	for i, k := range list {
		codes[i] = k.Code
	}
	return codes
}

func (t *turn) laporChoose(k domain.Kegiatan) error {
	d := t.Sess.Data
	d["code"], d["title"], d["last"] = k.Code, k.Title, strconv.Itoa(k.Percent)
	if k.Status == domain.KegiatanDiserahkan {
		// The Tim Pemelihara reports the asset's condition instead.
		t.Sess.Step = "condition"
		t.say(MsgLaporCondition, A{"code": k.Code, "title": k.Title})
		return nil
	}
	t.Sess.Step = "percent"
	if p := d["early_percent"]; p != "" {
		// "LAPOR 60%": the percent was in the first message.
		delete(d, "early_percent")
		t.Text = p
		return t.laporStep()
	}
	t.say(MsgLaporPercent, A{"code": k.Code, "title": k.Title, "last": k.Percent})
	return nil
}

func (t *turn) laporStep() error {
	d := t.Sess.Data
	switch t.Sess.Step {
	case "pick":
		list, err := t.View.KegiatanOfTPK(t.Ctx, t.Contact.Phone)
		if err != nil {
			return err
		}
		n, ok := t.chooseFrom(optionsOf(kegiatanItems(list), kegiatanCodes(list)))
		if !ok {
			return nil
		}
		return t.laporChoose(list[n-1])
	case "condition":
		n, ok := t.choose(MsgLaporCondition, A{"code": d["code"], "title": d["title"]})
		if !ok {
			return nil
		}
		d["condition"], d["percent"] = string(domain.Conditions[n-1]), "100"
		t.Sess.Step = "photos"
		t.say(MsgLaporPhotos, nil)
	case "percent":
		n, ok := answer.Percent(t.Text)
		if !ok || n > 100 {
			t.say(MsgPercentRange, nil)
			return nil
		}
		d["percent"] = strconv.Itoa(n)
		if last, _ := strconv.Atoi(d["last"]); n < last {
			t.Sess.Step = "reason"
			t.say(MsgLaporReason, A{"last": last})
			return nil
		}
		delete(d, "reason")
		t.Sess.Step = "photos"
		t.say(MsgLaporPhotos, nil)
	case "reason":
		// "eh salah, tiga perempat maksudnya": a corrected percent, not a reason.
		if p, ok := answer.Percent(t.Text); ok && p <= 100 {
			if last, _ := strconv.Atoi(d["last"]); p >= last {
				t.Sess.Step = "percent"
				t.Text = strconv.Itoa(p)
				return t.laporStep()
			}
		}
		if utf8.RuneCountInString(t.Text) < 3 || !hasLetter(t.Text) {
			t.say(MsgLaporReason, A{"last": d["last"]})
			return nil
		}
		d["reason"] = cutRunes(t.Text, 300)
		t.Sess.Step = "photos"
		t.say(MsgLaporPhotos, nil)
	case "photos":
		photos := splitList(d["photos"])
		switch {
		case t.In.Media != nil && t.In.Media.Kind == MediaImage:
			if len(photos) >= domain.MaxReportPhotos {
				t.say(MsgPhotoTooMany, nil)
				return nil
			}
			photos = append(photos, strconv.FormatInt(t.In.Media.ID, 10))
			d["photos"] = strings.Join(photos, ",")
			caps := strings.Split(d["captions"], "\x1f")
			if d["captions"] == "" {
				caps = nil
			}
			d["captions"] = strings.Join(append(caps, strings.ReplaceAll(cutRunes(t.Text, 200), "\x1f", " ")), "\x1f")
			t.say(MsgPhotoAdded, A{"n": len(photos)})
			return nil
		case t.In.Media != nil:
			t.say(MsgPhotoNotImage, nil)
			return nil
		case answer.Done(t.Text) || answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No:
			if !answer.Done(t.Text) {
				delete(d, "photos")
				delete(d, "captions")
			}
			t.Sess.Step = "note"
			t.say(MsgLaporNote, nil)
		default:
			t.say(MsgLaporPhotos, nil)
		}
	case "note":
		if t.In.Media != nil && t.In.Media.Kind == MediaAudio {
			// A voice note tells it; someone writes it down later.
			d["note_voice"] = strconv.FormatInt(t.In.Media.ID, 10)
			d["note"] = cutRunes(t.Text, domain.MaxNoteLen)
			t.say(MsgVoiceKept, nil)
		} else if !answer.Skip(t.Text) {
			if t.Text == "" {
				t.say(MsgLaporNote, nil)
				return nil
			}
			d["note"] = cutRunes(t.Text, domain.MaxNoteLen)
		}
		if d["condition"] != "" {
			t.Sess.Step = "location"
			t.say(MsgLaporLocation, nil)
			return nil
		}
		t.Sess.Step = "workers"
		t.say(MsgLaporWorkers, nil)
	case "workers":
		if !answer.Skip(t.Text) {
			nums := answer.Numbers(t.Text)
			if len(nums) != 3 || nums[1] > nums[0] || nums[0] > 100000 || nums[2] > 100000 {
				t.say(MsgWorkersHint, nil)
				return nil
			}
			d["workers"], d["women"], d["days"] = strconv.Itoa(nums[0]), strconv.Itoa(nums[1]), strconv.Itoa(nums[2])
		}
		t.Sess.Step = "location"
		t.say(MsgLaporLocation, nil)
	case "location":
		switch {
		case t.In.Location != nil:
			d["lat"] = strconv.FormatFloat(t.In.Location.Lat, 'f', 6, 64)
			d["lng"] = strconv.FormatFloat(t.In.Location.Lng, 'f', 6, 64)
		case answer.Skip(t.Text):
		default:
			t.say(MsgLaporLocation, nil)
			return nil
		}
		return t.laporSummary()
	case "summary":
		switch {
		case answer.Change(t.Text):
			k, err := t.loadKegiatan(d["code"])
			if k == nil || err != nil {
				t.endFlow()
				return err
			}
			for _, key := range []string{"percent", "reason", "condition", "photos", "captions", "note", "workers", "women", "days", "lat", "lng"} {
				delete(d, key)
			}
			return t.laporChoose(*k)
		case answer.YesNo(t.Text) == answer.Yes:
			return t.laporSend()
		}
		return t.laporSummary()
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func (t *turn) laporSummary() error {
	d := t.Sess.Data
	t.Sess.Step = "summary"
	note, workers := d["note"], Render(t.Lang, MsgNone, nil)
	if note == "" && d["note_voice"] != "" {
		note = Render(t.Lang, MsgVoiceWord, nil)
	}
	if note == "" {
		note = Render(t.Lang, MsgNone, nil)
	}
	if d["workers"] != "" {
		workers = Render(t.Lang, MsgWorkersLine, A{"workers": d["workers"], "women": d["women"], "days": d["days"]})
	}
	percent := d["percent"]
	if c := d["condition"]; c != "" {
		percent += "; " + Render(t.Lang, MsgConditionLine, A{"condition": Render(t.Lang, conditionKeys[c], nil)})
	}
	t.say(MsgLaporSummary, A{"code": d["code"], "percent": percent, "photos": len(splitList(d["photos"])),
		"note": shorten(note, 200), "workers": workers})
	return nil
}

func (t *turn) laporSend() error {
	d := t.Sess.Data
	k, err := t.View.Kegiatan(t.Ctx, d["code"])
	if errors.Is(err, domain.ErrNotFound) {
		t.endFlow()
		t.say(MsgKegiatanUnknown, A{"code": d["code"]})
		return nil
	}
	if err != nil {
		return err
	}
	percent, _ := strconv.Atoi(d["percent"])
	r := domain.ProgressReport{KegiatanID: k.ID, Percent: percent, Reason: d["reason"], Note: d["note"], Condition: domain.Condition(d["condition"]),
		Workers: intPtr(d["workers"]), Women: intPtr(d["women"]), PersonDays: intPtr(d["days"]), VoiceID: int64Ptr(d["note_voice"])}
	for _, p := range splitList(d["photos"]) {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			r.PhotoIDs = append(r.PhotoIDs, id)
		}
	}
	if d["captions"] != "" {
		r.Captions = strings.Split(d["captions"], "\x1f")
	}
	if d["lat"] != "" {
		lat, _ := strconv.ParseFloat(d["lat"], 64)
		lng, _ := strconv.ParseFloat(d["lng"], 64)
		r.Lat, r.Lng = &lat, &lng
	}
	if err := domain.CheckReport(r, k.Percent); err != nil {
		// Another report came in meanwhile: start again from the percent.
		t.Sess.Step = "percent"
		d["last"] = strconv.Itoa(k.Percent)
		t.say(MsgLaporPercent, A{"code": k.Code, "title": k.Title, "last": k.Percent})
		return nil
	}
	push := RenderAll(MsgReportPush, A{"code": k.Code, "title": k.Title, "percent": percent, "note": r.Note})
	if r.Condition != "" {
		for _, l := range Langs {
			push[l] = Render(l, MsgConditionPush, A{"code": k.Code, "title": k.Title, "note": r.Note,
				"condition": Render(l, conditionKeys[string(r.Condition)], nil)})
		}
	}
	t.cmd(CreateReport{Report: r, Push: push})
	t.endFlow()
	mark := ""
	if len(r.PhotoIDs) == 0 {
		mark = Render(t.Lang, MsgNoPhotoMark, nil)
	}
	t.say(MsgLaporSent, A{"code": k.Code, "percent": percent, "mark": mark})
	return nil
}

// progres lists the desa's kegiatan, or shows one (PROGRES K-…).
func (t *turn) progres(arg string) error {
	t.endFlow()
	if strings.TrimSpace(arg) != "" {
		return t.kegiatanDetail(arg)
	}
	list, err := t.View.KegiatanOfDesa(t.Ctx, t.Contact.DesaKode)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		t.say(MsgProgresNone, nil)
		return nil
	}
	items := make([]string, len(list))
	for i, k := range list {
		items[i] = Render(t.Lang, MsgProgresLine, A{"code": k.Code, "title": k.Title, "percent": k.Percent,
			"status": Render(t.Lang, kegiatanStatusKeys[string(k.Status)], nil)})
	}
	t.goTo(FlowProgres, "pick")
	t.say(MsgProgresList, A{"list": numbered(items)})
	return nil
}

func (t *turn) progresStep() error {
	list, err := t.View.KegiatanOfDesa(t.Ctx, t.Contact.DesaKode)
	if err != nil {
		return err
	}
	n, ok := t.choice(len(list))
	if !ok {
		return nil
	}
	t.endFlow()
	return t.kegiatanDetail(list[n-1].Code)
}

// loadKegiatan reads a kegiatan by a typed code; nil when it replied.
func (t *turn) loadKegiatan(arg string) (*domain.Kegiatan, error) {
	code, err := domain.ParseCode(domain.CodeKegiatan, arg)
	if err != nil {
		t.say(MsgKegiatanBadCode, A{"text": cutRunes(strings.TrimSpace(arg), 20)})
		return nil, nil
	}
	k, err := t.View.Kegiatan(t.Ctx, code)
	if errors.Is(err, domain.ErrNotFound) {
		t.say(MsgKegiatanUnknown, A{"code": code})
		return nil, nil
	}
	return k, err
}

func (t *turn) kegiatanDetail(arg string) error {
	k, err := t.loadKegiatan(arg)
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
		state := Render(t.Lang, MsgTrancheWaiting, nil)
		if tr.DisbursedAt != nil {
			state = Render(t.Lang, MsgTranchePaid, A{"date": tr.DisbursedAt.In(loc).Format("02/01/2006")})
		}
		lines[i] = Render(t.Lang, MsgTrancheLine, A{"no": tr.No, "percent": tr.Percent, "amount": domain.Rupiah(tr.Amount), "state": state})
	}
	last := Render(t.Lang, MsgProgresNoReport, nil)
	var photo int64
	r, err := t.View.LatestReport(t.Ctx, k.ID)
	switch {
	case err == nil:
		note := r.Note
		if note == "" {
			note = Render(t.Lang, MsgNone, nil)
		}
		if r.Condition != "" {
			note = Render(t.Lang, MsgConditionLine, A{"condition": Render(t.Lang, conditionKeys[string(r.Condition)], nil)}) + " " + note
		}
		last = Render(t.Lang, MsgProgresLast, A{"date": r.At.In(loc).Format("02/01/2006"), "note": shorten(note, 200)})
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
	text := Render(t.Lang, MsgProgresDetail, A{"code": k.Code, "title": k.Title, "desa": k.DesaNama, "volume": volume,
		"budget": domain.Rupiah(k.Budget), "tranches": strings.Join(lines, "\n"), "percent": k.Percent, "last": last})
	t.Out.Replies = append(t.Out.Replies, Reply{Text: text, MediaID: photo})
	return nil
}

func (t *turn) ikuti(arg string) error {
	t.endFlow()
	if strings.TrimSpace(arg) == "" {
		return t.progres("")
	}
	k, err := t.loadKegiatan(arg)
	if k == nil || err != nil {
		return err
	}
	t.cmd(Follow{KegiatanID: k.ID})
	t.say(MsgFollowing, A{"code": k.Code})
	return nil
}

func (t *turn) startAduan(text string) error { return aduan.Start(t.Turn, text) }

func (t *turn) aduanStatus(arg string) error { return aduan.Status(t.Turn, arg) }
