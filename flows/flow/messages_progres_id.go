package flow

// Message keys of kegiatan, progress reports and complaints.
const (
	MsgNotTPK          Key = "not_tpk"
	MsgLaporPick       Key = "lapor_pick"
	MsgLaporPercent    Key = "lapor_percent"
	MsgPercentRange    Key = "percent_range"
	MsgLaporReason     Key = "lapor_reason"
	MsgLaporPhotos     Key = "lapor_photos"
	MsgPhotoAdded      Key = "photo_added"
	MsgPhotoTooMany    Key = "photo_too_many"
	MsgPhotoNotImage   Key = "photo_not_image"
	MsgLaporNote       Key = "lapor_note"
	MsgLaporWorkers    Key = "lapor_workers"
	MsgWorkersHint     Key = "workers_hint"
	MsgLaporLocation   Key = "lapor_location"
	MsgLaporSummary    Key = "lapor_summary"
	MsgLaporSent       Key = "lapor_sent"
	MsgNoPhotoMark     Key = "no_photo_mark"
	MsgReportPush      Key = "report_push"
	MsgProgresNone     Key = "progres_none"
	MsgProgresList     Key = "progres_list"
	MsgProgresLine     Key = "progres_line"
	MsgProgresDetail   Key = "progres_detail"
	MsgProgresNoReport Key = "progres_no_report"
	MsgProgresLast     Key = "progres_last"
	MsgTrancheLine     Key = "tranche_line"
	MsgTranchePaid     Key = "tranche_paid"
	MsgTrancheWaiting  Key = "tranche_waiting"
	MsgKegiatanBadCode Key = "kegiatan_bad_code"
	MsgKegiatanUnknown Key = "kegiatan_unknown"
	MsgFollowing       Key = "following"
	MsgAduanText       Key = "aduan_text"
	MsgAduanPhoto      Key = "aduan_photo"
	MsgAduanAnon       Key = "aduan_anon"
	MsgAduanSaved      Key = "aduan_saved"
	MsgAduanFasil      Key = "aduan_fasil"
	MsgAduanAnonName   Key = "aduan_anon_name"
	MsgAduanStatus     Key = "aduan_status"
	MsgAduanNotFound   Key = "aduan_not_found"
	MsgAduanChanged    Key = "aduan_changed"
	MsgLaporCondition  Key = "lapor_condition"
	MsgConditionPush   Key = "condition_push"
	MsgConditionLine   Key = "condition_line"
)

// MsgAduanSavedHidden is the receipt of an anonymous complaint whose text
// held the sender's own name or number, taken out.
const MsgAduanSavedHidden Key = "aduan_saved_hidden"

var ConditionKeys = map[string]Key{"BAIK": "cond_baik", "RUSAK_RINGAN": "cond_rusak_ringan", "RUSAK_BERAT": "cond_rusak_berat"}

var ComplaintStageKeys = map[string]Key{
	"DITERIMA": "cs_diterima", "DIVERIFIKASI": "cs_diverifikasi", "DITERUSKAN": "cs_diteruskan",
	"DITANGANI": "cs_ditangani", "SELESAI": "cs_selesai",
}

var KegiatanStatusKeys = map[string]Key{"BERJALAN": "ks_berjalan", "SELESAI": "ks_selesai", "DISERAHTERIMAKAN": "ks_diserahkan"}
