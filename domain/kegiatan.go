package domain

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kegiatan is a funded activity run by the desa's TPK.
type Kegiatan struct {
	ID        int64          `db:"id"`
	Code      string         `db:"code"`
	GagasanID int64          `db:"gagasan_id"`
	DesaKode  string         `db:"desa_kode"`
	DesaNama  string         `db:"desa_nama"`
	Title     string         `db:"title"`
	Budget    int64          `db:"budget"` // whole Rupiah
	Volume    *float64       `db:"volume"`
	Unit      string         `db:"unit"`
	Status    KegiatanStatus `db:"status"`
	Percent   int            `db:"percent"` // of the latest report
	LastAt    *time.Time     `db:"last_report_at"`
	TZ        string         `db:"tz"`
}

// KegiatanStatus is the state of a kegiatan.
type KegiatanStatus string

// Kegiatan states.
const (
	KegiatanBerjalan   KegiatanStatus = "BERJALAN"
	KegiatanSelesai    KegiatanStatus = "SELESAI"
	KegiatanDiserahkan KegiatanStatus = "DISERAHTERIMAKAN"
)

// Tranche is one disbursement of a kegiatan's budget.
type Tranche struct {
	No          int        `db:"no"`
	Percent     int        `db:"percent"`
	Amount      int64      `db:"amount"`
	DisbursedAt *time.Time `db:"disbursed_at"`
}

// DefaultTranches is the program's split of a budget: 40% / 40% / 20%.
const DefaultTranches = "40,40,20"

// ParseTranches reads a split such as "40,40,20"; it must add up to 100.
func ParseTranches(s string) ([]int, error) {
	var out []int
	sum := 0
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 || n > 100 {
			return nil, ruleTrancheSplitPart.Err(s)
		}
		out = append(out, n)
		sum += n
	}
	if sum != 100 {
		return nil, ruleTrancheSplitSum.Err(s, sum)
	}
	return out, nil
}

// SplitBudget divides a budget by a split; the last tranche takes the
// rounding so the tranches add up to the budget exactly.
func SplitBudget(budget int64, split []int) []Tranche {
	out := make([]Tranche, len(split))
	var given int64
	for i, p := range split {
		amount := budget * int64(p) / 100
		if i == len(split)-1 {
			amount = budget - given
		}
		given += amount
		out[i] = Tranche{No: i + 1, Percent: p, Amount: amount}
	}
	return out
}

// DisbursementFacts is what the rule for a tranche looks at.
type DisbursementFacts struct {
	Tranches []Tranche
	// BestPercent is the highest progress reported so far, with the time of
	// that report.
	BestPercent int
	// AccountabilityHeldAfterPrevious tells whether a MusDes
	// Pertanggungjawaban of the desa was held after the previous tranche.
	AccountabilityHeldAfterPrevious bool
}

// ProgressThreshold is the progress required before tranche n (n ≥ 2): the
// share of the budget already paid (40% after the first, 80% after two).
func ProgressThreshold(tranches []Tranche, n int) int {
	t := 0
	for _, tr := range tranches[:n-1] {
		t += tr.Percent
	}
	return t
}

// CheckDisburse says whether tranche n may be marked disbursed, or why not.
func CheckDisburse(n int, f DisbursementFacts) error {
	if n < 1 || n > len(f.Tranches) {
		return ruleTrancheUnknown.Err(n, len(f.Tranches))
	}
	if f.Tranches[n-1].DisbursedAt != nil {
		return ruleTrancheDisbursed.Err(n)
	}
	if n > 1 && f.Tranches[n-2].DisbursedAt == nil {
		return ruleTrancheOrder.Err(n-1, n)
	}
	if n == 1 {
		return nil
	}
	if need := ProgressThreshold(f.Tranches, n); f.BestPercent < need {
		return ruleTrancheProgress.Err(n, need, f.BestPercent)
	}
	if !f.AccountabilityHeldAfterPrevious {
		return ruleTrancheAccountability.Err(n, n-1)
	}
	return nil
}

// CheckDisburseDate says whether money may be recorded as paid at paid:
// not later than now, and not before the previous tranche was paid (prev,
// nil for the first).
func CheckDisburseDate(paid, now time.Time, prev *time.Time) error {
	if paid.After(now) {
		return ruleTranchePaidFuture.Err()
	}
	if prev != nil && paid.Before(*prev) {
		return ruleTranchePaidBeforePrevious.Err()
	}
	return nil
}

// CheckCompletion says whether a kegiatan may be handed over: a final
// report at 100% and a MusDes Serah Terima held.
func CheckCompletion(bestPercent int, serahTerimaHeld bool) error {
	if bestPercent < 100 {
		return ruleHandoverProgress.Err(bestPercent)
	}
	if !serahTerimaHeld {
		return ruleHandoverMeeting.Err()
	}
	return nil
}

// Condition is the state of a handed-over asset, as its Tim Pemelihara reports it.
type Condition string

// Conditions, in menu order.
const (
	ConditionBaik        Condition = "BAIK"
	ConditionRusakRingan Condition = "RUSAK_RINGAN"
	ConditionRusakBerat  Condition = "RUSAK_BERAT"
)

// Conditions lists the conditions in menu order.
var Conditions = []Condition{ConditionBaik, ConditionRusakRingan, ConditionRusakBerat}

// Report limits.
const (
	MaxReportPhotos = 5
	MaxNoteLen      = 500
)

// ProgressReport is a TPK's report on a kegiatan.
type ProgressReport struct {
	ID         int64     `db:"id"`
	KegiatanID int64     `db:"kegiatan_id"`
	Percent    int       `db:"percent"`
	Reason     string    `db:"reason"`    // why lower than before
	Condition  Condition `db:"condition"` // after the handover, instead of percent
	Note       string    `db:"note"`
	Workers    *int      `db:"workers"`
	Women      *int      `db:"women"`
	PersonDays *int      `db:"person_days"`
	Lat        *float64  `db:"lat"`
	Lng        *float64  `db:"lng"`
	PhotoIDs   []int64   `db:"-"`
	Captions   []string  `db:"-"`
	VoiceID    *int64    `db:"-"` // a voice note that tells the note
	At         time.Time `db:"at"`
	By         string    `db:"by_name"`
}

// CheckReport checks a report against the last one's percent.
func CheckReport(r ProgressReport, lastPercent int) error {
	switch {
	case r.Percent < 0 || r.Percent > 100:
		return ruleReportPercent.Err()
	case r.Percent < lastPercent && utf8.RuneCountInString(strings.TrimSpace(r.Reason)) < 3:
		return ruleReportLowerReason.Err(lastPercent)
	case len(r.PhotoIDs) > MaxReportPhotos:
		return ruleReportPhotos.Err(MaxReportPhotos)
	case r.Women != nil && r.Workers != nil && *r.Women > *r.Workers:
		return ruleReportWomen.Err()
	case utf8.RuneCountInString(r.Note) > MaxNoteLen:
		return ruleReportNoteLong.Err()
	}
	return nil
}

// ComplaintStatus is the stage of a complaint (Penanganan Pengaduan Masyarakat).
type ComplaintStatus string

// Complaint stages, in order.
const (
	ComplaintDiterima     ComplaintStatus = "DITERIMA"
	ComplaintDiverifikasi ComplaintStatus = "DIVERIFIKASI"
	ComplaintDiteruskan   ComplaintStatus = "DITERUSKAN"
	ComplaintDitangani    ComplaintStatus = "DITANGANI"
	ComplaintSelesai      ComplaintStatus = "SELESAI"
)

// ComplaintStatuses lists the stages in order.
var ComplaintStatuses = []ComplaintStatus{ComplaintDiterima, ComplaintDiverifikasi, ComplaintDiteruskan, ComplaintDitangani, ComplaintSelesai}

// CheckComplaintMove allows a complaint only forward (a stage may be skipped).
func CheckComplaintMove(from, to ComplaintStatus) error {
	fi, ti := -1, -1
	for i, s := range ComplaintStatuses {
		if s == from {
			fi = i
		}
		if s == to {
			ti = i
		}
	}
	if ti < 0 {
		return ruleComplaintStageUnknown.Err(to)
	}
	if ti <= fi {
		return ruleComplaintBackward.Err(from, to)
	}
	return nil
}

// CheckComplaintReply allows what a facilitator sends on a complaint: a
// move forward (with or without a note), or a note to the sender that
// leaves the stage as it is (a reply while the complaint is looked into).
// Staying put without a note would tell the sender nothing.
func CheckComplaintReply(from, to ComplaintStatus, note string) error {
	if to == from {
		if strings.TrimSpace(note) == "" {
			return ruleComplaintReplyEmpty.Err(from)
		}
		return nil
	}
	return CheckComplaintMove(from, to)
}

// Complaint is a resident's complaint.
type Complaint struct {
	ID        int64           `db:"id"`
	Code      string          `db:"code"`
	DesaKode  string          `db:"desa_kode"`
	ContactID *int64          `db:"contact_id"`
	Anonymous bool            `db:"anonymous"`
	Text      string          `db:"text"`
	PhotoID   *int64          `db:"photo_id"`
	Status    ComplaintStatus `db:"status"`
	CreatedAt time.Time       `db:"created_at"`
	VoiceID   *int64          `db:"-"` // a voice note that tells the text
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleTrancheSplitPart          = NewRule("tranche_split_part", EINVALID, "tranche split %q: each part is a percent")
	ruleTrancheSplitSum           = NewRule("tranche_split_sum", EINVALID, "tranche split %q adds up to %d, not 100")
	ruleTrancheUnknown            = NewRule("tranche_unknown", EINVALID, "tranche %d does not exist (1 to %d)")
	ruleTrancheDisbursed          = NewRule("tranche_disbursed", ECONFLICT, "tranche %d was already disbursed")
	ruleTranchePaidFuture         = NewRule("tranche_paid_future", EINVALID, "money cannot be recorded as paid in the future")
	ruleTranchePaidBeforePrevious = NewRule("tranche_paid_before_previous", EINVALID, "money cannot be recorded as paid before the previous tranche was")
	ruleTrancheOrder              = NewRule("tranche_order", EINVALID, "tranche %d comes before tranche %d")
	ruleTrancheProgress           = NewRule("tranche_progress", EINVALID, "tranche %d needs a progress report of at least %d%% (latest best: %d%%)")
	ruleTrancheAccountability     = NewRule("tranche_accountability", EINVALID, "tranche %d needs a Musyawarah Desa Pertanggungjawaban held after tranche %d")
	ruleHandoverProgress          = NewRule("handover_progress", EINVALID, "handover needs a final report at 100%% (best so far: %d%%)")
	ruleHandoverMeeting           = NewRule("handover_meeting", EINVALID, "handover needs a Musyawarah Desa Serah Terima held")
	ruleReportPercent             = NewRule("report_percent", EINVALID, "progress is a percent from 0 to 100")
	ruleReportLowerReason         = NewRule("report_lower_reason", EINVALID, "progress lower than the last report (%d%%) needs a reason")
	ruleReportPhotos              = NewRule("report_photos", EINVALID, "at most %d photos")
	ruleReportWomen               = NewRule("report_women", EINVALID, "more women than workers")
	ruleReportNoteLong            = NewRule("report_note_long", EINVALID, "note too long")
	ruleComplaintStageUnknown     = NewRule("complaint_stage_unknown", EINVALID, "unknown complaint stage %q")
	ruleComplaintBackward         = NewRule("complaint_backward", EINVALID, "a complaint cannot move from %s back to %s")
	ruleComplaintReplyEmpty       = NewRule("complaint_reply_empty", EINVALID, "the complaint stays %s: write a reply for the sender or choose a later stage")
)
