package progres

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// report is what a progress report holds while it is written.
type report struct {
	Code  string `json:"code,omitempty"`
	Title string `json:"title,omitempty"`
	Last  int    `json:"last,omitempty"` // the kegiatan's percent so far
	// Early is the percent given with the keyword ("LAPOR 60%").
	Early     *int             `json:"early,omitempty"`
	Percent   *int             `json:"percent,omitempty"`
	Reason    string           `json:"reason,omitempty"`
	Condition domain.Condition `json:"condition,omitempty"`
	Photos    []int64          `json:"photos,omitempty"`
	Captions  []string         `json:"captions,omitempty"` // one a photo
	Note      string           `json:"note,omitempty"`
	Voice     int64            `json:"voice,omitempty"`
	Workers   *int             `json:"workers,omitempty"`
	Women     *int             `json:"women,omitempty"`
	Days      *int             `json:"days,omitempty"`
	Lat       *float64         `json:"lat,omitempty"`
	Lng       *float64         `json:"lng,omitempty"`
}

var laporSteps = []flow.Step[report]{
	{Spec: flow.Pick("pick"), Run: kegiatanStep},
	{Spec: flow.Pick("condition"), Run: conditionStep, Needs: hasKegiatan},
	{Spec: flow.Pick("percent"), Run: percentStep, Needs: hasKegiatan},
	{Spec: flow.Free("reason"), Run: reasonStep, Needs: hasPercent},
	{Spec: flow.Pick("photos"), Run: photosStep, Needs: hasPercent},
	{Spec: flow.Free("note"), Run: noteStep, Needs: hasPercent},
	{Spec: flow.Pick("workers"), Run: workersStep, Needs: hasPercent},
	{Spec: flow.Pick("location"), Run: locationStep, Needs: hasPercent},
	{Spec: flow.Pick("summary"), Run: summaryStep, Needs: hasPercent},
}

func hasKegiatan(r report) bool { return r.Code != "" }

func hasPercent(r report) bool {
	return hasKegiatan(r) && r.Percent != nil && *r.Percent >= 0 && *r.Percent <= 100
}

// StartLapor begins a progress report; arg may already hold the percent
// ("LAPOR 60%"). From someone who reports on no kegiatan, "LAPOR <text>"
// is a resident's report of a problem: a complaint, with the text kept.
func StartLapor(t *flow.Turn, arg string) error {
	held := t.Sess.Held
	t.Sess.Held = 0
	t.EndFlow()
	list, err := t.View.KegiatanOfTPK(t.Ctx, t.Contact.Phone)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		if len(strings.Fields(arg)) >= 2 {
			t.Say(flow.MsgAduanFromLapor, nil)
			t.Sess.Held = held
			return aduan.Start(t, complaintText(t.Text, arg))
		}
		t.Say(flow.MsgNotTPK, nil)
		return nil
	}
	t.GoTo(LaporName, "pick")
	var r report
	switch {
	case t.In.Media != nil && t.In.Media.Kind == flow.MediaImage:
		// A TPK's photo captioned "progres minggu ini": the report's first.
		r.Photos, r.Captions = []int64{t.In.Media.ID}, []string{flow.CutRunes(t.Text, 200)}
		t.Say(flow.MsgPhotoAdded, flow.A{"n": 1})
	case held != 0:
		r.Photos, r.Captions = []int64{held}, []string{""}
	}
	if p, ok := answer.Percent(arg); ok && p <= 100 && arg != "" {
		r.Early = &p
	}
	defer func() {
		if t.Sess.Flow == LaporName {
			flow.Save(t, r)
		}
	}()
	if len(list) == 1 {
		return choose(t, &r, list[0])
	}
	t.Say(flow.MsgLaporPick, flow.A{"list": flow.Numbered(kegiatanItems(list))})
	return nil
}

// complaintText is a resident's whole message that asked to "lapor"
// without the word that asked ("lha piye to, kula badhe lapor got banjir"
// is "lha piye to, kula badhe got banjir", not only "got banjir"): the
// words before the request are hers too. arg is the text after that word;
// it is all there is when text does not hold it.
func complaintText(text, arg string) string {
	low := strings.ToLower(text)
	i := strings.LastIndex(low, strings.ToLower(arg))
	if arg == "" || i < 0 || len(low) != len(text) {
		return arg
	}
	before := strings.Fields(text[:i])
	if len(before) > 0 {
		before = before[:len(before)-1]
	}
	return strings.TrimSpace(strings.Join(append(before, text[i:]), " "))
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

// choose starts the report on a kegiatan: its percent, or the condition
// of an asset handed over.
func choose(t *flow.Turn, r *report, k domain.Kegiatan) error {
	r.Code, r.Title, r.Last = k.Code, k.Title, k.Percent
	if k.Status == domain.KegiatanDiserahkan {
		// The Tim Pemelihara reports the asset's condition instead.
		t.Sess.Step = "condition"
		t.Say(flow.MsgLaporCondition, flow.A{"code": k.Code, "title": k.Title})
		return nil
	}
	t.Sess.Step = "percent"
	if p := r.Early; p != nil {
		// "LAPOR 60%": the percent was in the first message.
		r.Early = nil
		return readPercent(t, r, *p)
	}
	t.Say(flow.MsgLaporPercent, flow.A{"code": k.Code, "title": k.Title, "last": k.Percent})
	return nil
}

// kegiatanStep: which of the TPK's kegiatan.
func kegiatanStep(t *flow.Turn, r *report) error {
	list, err := t.View.KegiatanOfTPK(t.Ctx, t.Contact.Phone)
	if err != nil {
		return err
	}
	n, ok := t.ChooseFrom(flow.OptionsOf(kegiatanItems(list), kegiatanCodes(list)))
	if !ok {
		return nil
	}
	return choose(t, r, list[n-1])
}

// conditionStep: the condition of an asset handed over.
func conditionStep(t *flow.Turn, r *report) error {
	n, ok := t.Choose(flow.MsgLaporCondition, flow.A{"code": r.Code, "title": r.Title})
	if !ok {
		return nil
	}
	full := 100
	r.Condition, r.Percent = domain.Conditions[n-1], &full
	t.Sess.Step = "photos"
	t.Say(flow.MsgLaporPhotos, nil)
	return nil
}

// percentStep: how far the work is.
func percentStep(t *flow.Turn, r *report) error {
	n, ok := answer.Percent(t.Text)
	if !ok || n > 100 {
		t.Say(flow.MsgPercentRange, nil)
		return nil
	}
	return readPercent(t, r, n)
}

// readPercent keeps the percent; one lower than the last report's asks why.
func readPercent(t *flow.Turn, r *report, n int) error {
	r.Percent = &n
	if n < r.Last {
		t.Sess.Step = "reason"
		t.Say(flow.MsgLaporReason, flow.A{"last": r.Last})
		return nil
	}
	r.Reason = ""
	t.Sess.Step = "photos"
	t.Say(flow.MsgLaporPhotos, nil)
	return nil
}

// reasonStep: why the percent went down.
func reasonStep(t *flow.Turn, r *report) error {
	// "eh salah, tiga perempat maksudnya": a corrected percent, not a reason.
	if p, ok := answer.Percent(t.Text); ok && p <= 100 && p >= r.Last {
		t.Sess.Step = "percent"
		return readPercent(t, r, p)
	}
	if utf8.RuneCountInString(t.Text) < 3 || !flow.HasLetter(t.Text) {
		t.Say(flow.MsgLaporReason, flow.A{"last": r.Last})
		return nil
	}
	r.Reason = flow.CutRunes(t.Text, 300)
	t.Sess.Step = "photos"
	t.Say(flow.MsgLaporPhotos, nil)
	return nil
}

// photosStep: a photo a message, until SELESAI (or none: LEWATI).
func photosStep(t *flow.Turn, r *report) error {
	switch {
	case t.In.Media != nil && t.In.Media.Kind == flow.MediaImage:
		if len(r.Photos) >= domain.MaxReportPhotos {
			t.Say(flow.MsgPhotoTooMany, nil)
			return nil
		}
		r.Photos = append(r.Photos, t.In.Media.ID)
		r.Captions = append(r.Captions, flow.CutRunes(t.Text, 200))
		t.Say(flow.MsgPhotoAdded, flow.A{"n": len(r.Photos)})
	case t.In.Media != nil:
		t.Say(flow.MsgPhotoNotImage, nil)
	case answer.Done(t.Text) || answer.Skip(t.Text) || answer.YesNo(t.Text) == answer.No:
		if !answer.Done(t.Text) {
			r.Photos, r.Captions = nil, nil
		}
		t.Sess.Step = "note"
		t.Say(flow.MsgLaporNote, nil)
	default:
		t.Say(flow.MsgLaporPhotos, nil)
	}
	return nil
}

// noteStep: a short note (or a voice note), or LEWATI.
func noteStep(t *flow.Turn, r *report) error {
	if t.In.Media != nil && t.In.Media.Kind == flow.MediaAudio {
		// A voice note tells it; someone writes it down later.
		r.Voice = t.In.Media.ID
		r.Note = flow.CutRunes(t.Text, domain.MaxNoteLen)
		t.Say(flow.MsgVoiceKept, nil)
	} else if !answer.Skip(t.Text) {
		if t.Text == "" {
			t.Say(flow.MsgLaporNote, nil)
			return nil
		}
		r.Note = flow.CutRunes(t.Text, domain.MaxNoteLen)
	}
	if r.Condition != "" {
		t.Sess.Step = "location"
		t.Say(flow.MsgLaporLocation, nil)
		return nil
	}
	t.Sess.Step = "workers"
	t.Say(flow.MsgLaporWorkers, nil)
	return nil
}

// workersStep: workers, of them women, and person-days; or LEWATI.
func workersStep(t *flow.Turn, r *report) error {
	if !answer.Skip(t.Text) {
		nums := answer.Numbers(t.Text)
		if len(nums) != 3 || nums[1] > nums[0] || nums[0] > 100000 || nums[2] > 100000 {
			t.Say(flow.MsgWorkersHint, nil)
			return nil
		}
		r.Workers, r.Women, r.Days = &nums[0], &nums[1], &nums[2]
	}
	t.Sess.Step = "location"
	t.Say(flow.MsgLaporLocation, nil)
	return nil
}

// locationStep: where the work is (a pin), or LEWATI.
func locationStep(t *flow.Turn, r *report) error {
	switch {
	case t.In.Location != nil:
		lat, lng := round6(t.In.Location.Lat), round6(t.In.Location.Lng)
		r.Lat, r.Lng = &lat, &lng
	case answer.Skip(t.Text):
	default:
		t.Say(flow.MsgLaporLocation, nil)
		return nil
	}
	return summary(t, r)
}

// summaryStep: KIRIM sends the report; UBAH starts it again.
func summaryStep(t *flow.Turn, r *report) error {
	switch {
	case answer.Change(t.Text):
		k, err := load(t, r.Code)
		if k == nil || err != nil {
			t.EndFlow()
			return err
		}
		*r = report{}
		return choose(t, r, *k)
	case answer.YesNo(t.Text) == answer.Yes:
		return send(t, r)
	}
	return summary(t, r)
}

func summary(t *flow.Turn, r *report) error {
	t.Sess.Step = "summary"
	note, workers := r.Note, flow.Render(t.Lang, flow.MsgNone, nil)
	if note == "" && r.Voice != 0 {
		note = flow.Render(t.Lang, flow.MsgVoiceWord, nil)
	}
	if note == "" {
		note = flow.Render(t.Lang, flow.MsgNone, nil)
	}
	if r.Workers != nil {
		workers = flow.Render(t.Lang, flow.MsgWorkersLine, flow.A{"workers": *r.Workers, "women": orZero(r.Women), "days": orZero(r.Days)})
	}
	percent := strconv.Itoa(*r.Percent)
	if r.Condition != "" {
		percent += "; " + conditionLine(t.Lang, r.Condition)
	}
	t.Say(flow.MsgLaporSummary, flow.A{"code": r.Code, "percent": percent, "photos": len(r.Photos),
		"note": flow.Shorten(note, 200), "workers": workers})
	return nil
}

func send(t *flow.Turn, st *report) error {
	k, err := t.View.Kegiatan(t.Ctx, st.Code)
	if errors.Is(err, domain.ErrNotFound) {
		t.EndFlow()
		t.Say(flow.MsgKegiatanUnknown, flow.A{"code": st.Code})
		return nil
	}
	if err != nil {
		return err
	}
	percent := *st.Percent
	r := domain.ProgressReport{KegiatanID: k.ID, Percent: percent, Reason: st.Reason, Note: st.Note, Condition: st.Condition,
		Workers: st.Workers, Women: st.Women, PersonDays: st.Days, PhotoIDs: st.Photos, Lat: st.Lat, Lng: st.Lng}
	if st.Voice != 0 {
		r.VoiceID = &st.Voice
	}
	if slices.ContainsFunc(st.Captions, func(c string) bool { return c != "" }) {
		r.Captions = st.Captions
	}
	if err := domain.CheckReport(r, k.Percent); err != nil {
		// Another report came in meanwhile: start again from the percent.
		t.Sess.Step = "percent"
		st.Last = k.Percent
		t.Say(flow.MsgLaporPercent, flow.A{"code": k.Code, "title": k.Title, "last": k.Percent})
		return nil
	}
	push := flow.RenderAll(flow.MsgReportPush, flow.A{"code": k.Code, "title": k.Title, "percent": percent, "note": r.Note})
	if r.Condition != "" {
		for _, l := range flow.Langs {
			push[l] = flow.Render(l, flow.MsgConditionPush, flow.A{"code": k.Code, "title": k.Title, "note": r.Note,
				"condition": flow.Render(l, flow.ConditionKeys[string(r.Condition)], nil)})
		}
	}
	post := flow.RenderAll(flow.MsgGroupReport, flow.A{"code": k.Code, "title": k.Title, "percent": percent, "note": r.Note})
	t.Cmd(flow.CreateReport{Report: r, Push: push, Post: post})
	t.EndFlow()
	mark := ""
	if len(r.PhotoIDs) == 0 {
		mark = flow.Render(t.Lang, flow.MsgNoPhotoMark, nil)
	}
	t.Say(flow.MsgLaporSent, flow.A{"code": k.Code, "percent": percent, "mark": mark})
	return nil
}

func orZero(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}

// round6 keeps a coordinate to six decimals (about 10 cm), as reports
// always kept it.
func round6(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
	return v
}
