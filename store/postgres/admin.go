package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// Admin site roles. A facilitator does everything in the kecamatan; a TPU
// member attaches the written proposals of a desa; a TV member records the
// verification verdicts; an auditor reads the access log. Above the
// kecamatan, a kabupaten facilitator (F-Kab) does what a facilitator does
// in every kecamatan of the kabupaten, and a kabupaten auditor reads what
// the F-Kab reads, and the access log, and changes nothing.
const (
	AdminFasilitator    = "FASILITATOR"
	AdminTPU            = "TPU"
	AdminTV             = "TV"
	AdminAuditor        = "AUDITOR"
	AdminFasilitatorKab = "FASILITATOR_KAB"
	AdminAuditorKab     = "AUDITOR_KAB"
)

// AdminRoles are all the admin site's roles.
var AdminRoles = []string{AdminFasilitator, AdminTPU, AdminTV, AdminAuditor, AdminFasilitatorKab, AdminAuditorKab}

// KabupatenRole tells whether a role belongs to a kabupaten (its users
// have a kabupaten_kode) rather than a kecamatan.
func KabupatenRole(role string) bool { return role == AdminFasilitatorKab || role == AdminAuditorKab }

// AdminUser is a person who logs in to the admin site.
type AdminUser struct {
	ID           int64  `db:"id"`
	Username     string `db:"username"`
	PasswordHash string `db:"password_hash"`
	Role         string `db:"role"`
	// KecamatanKode is the user's kecamatan, or KabupatenKode the user's
	// kabupaten (F-Kab, kabupaten auditor): one of them is set.
	KecamatanKode string  `db:"kecamatan_kode"`
	KabupatenKode string  `db:"kabupaten_kode"`
	DesaKode      *string `db:"desa_kode"`
	// TZ is the time zone of the user's kecamatan (IANA name), that of
	// every desa the user sees: the admin site shows times in it. A
	// kabupaten lies in one province, so in one zone: that of its
	// kecamatan.
	TZ string `db:"tz"`
}

// Scope is the region the user works in, as a code: the kabupaten's
// (34.04) or the kecamatan's (34.04.11). Every admin query narrows to it
// (inScope), and CanSeeDesa asks it; it is the one place the admin site's
// reach is decided.
func (u *AdminUser) Scope() string {
	if u.KabupatenKode != "" {
		return u.KabupatenKode
	}
	return u.KecamatanKode
}

// Kabupaten tells whether the user works above the kecamatan.
func (u *AdminUser) Kabupaten() bool { return u.KabupatenKode != "" }

// Facilitates tells whether the user acts as a facilitator: a kecamatan's
// (FASILITATOR) or a kabupaten's (FASILITATOR_KAB), with the same rules.
func (u *AdminUser) Facilitates() bool {
	return u.Role == AdminFasilitator || u.Role == AdminFasilitatorKab
}

// SeesPeople tells whether the user may see who residents are: their
// names, numbers and voices, the residents page, the personal-data
// export. Only the kecamatan's facilitator: the consent text residents
// agreed to (flows/catalog/id.toml, privacy) names the KPMD and the
// "fasilitator desa" as those who see them, and no officer of the
// kabupaten. A kabupaten facilitator does the facilitator's work on
// records (gagasan stages, meeting outcomes, kegiatan, complaints' status)
// without the sender's name; TPU, TV and the auditors see no resident
// either. The one rule: the admin site's routes (web adminRoutes) and
// pages ask it.
func (u *AdminUser) SeesPeople() bool { return u.Role == AdminFasilitator }

// WritesProposals tells whether the user may attach a written proposal
// (a facilitator or a TPU member).
func (u *AdminUser) WritesProposals() bool { return u.Facilitates() || u.Role == AdminTPU }

// Verifies tells whether the user may record the TV's verdict on a
// proposal (a facilitator or a TV member).
func (u *AdminUser) Verifies() bool { return u.Facilitates() || u.Role == AdminTV }

// ReadsPeta tells whether the user reads the social map (a facilitator or
// a kabupaten auditor).
func (u *AdminUser) ReadsPeta() bool { return u.Facilitates() || u.Role == AdminAuditorKab }

// ReadsGroups tells whether the user reads the WhatsApp groups page (a
// facilitator, who also links groups, or an auditor).
func (u *AdminUser) ReadsGroups() bool { return u.Facilitates() || u.Audits() }

// Audits tells whether the user reads the access log (an auditor of the
// kecamatan or of the kabupaten).
func (u *AdminUser) Audits() bool { return u.Role == AdminAuditor || u.Role == AdminAuditorKab }

// ReadsMAD tells whether the user reads a MAD of the scope (its page and
// its lists): the facilitators who run it and the auditors; not a TPU (one
// desa) nor the Tim Verifikasi, whose part ends with its verdict.
func (u *AdminUser) ReadsMAD() bool { return u.Facilitates() || u.Audits() }

// CanSeeDesa tells whether the user works on a desa of the scope, or
// (TPU) on that desa.
func (u *AdminUser) CanSeeDesa(d domain.Desa) bool {
	if d.KecamatanKode == "" || !domain.InScope(d.KecamatanKode, u.Scope()) {
		return false
	}
	return u.DesaKode == nil || *u.DesaKode == d.Kode
}

// inScope is the condition every admin query puts on its desa d: that it
// lies in the scope given as $1, a kecamatan's code or a kabupaten's
// (codes of the two levels differ in their number of parts, so one code
// matches one level). It reads the kecamatan table's indexes (its key and
// kabupaten_kode), then desa by kecamatan_kode.
const inScope = `d.kecamatan_kode IN (SELECT kode FROM kecamatan WHERE kode = $1 OR kabupaten_kode = $1)`

// adminUserCols are an admin user's columns (a users table aliased u).
const adminUserCols = `u.id, u.username, u.password_hash, u.role, coalesce(u.kecamatan_kode, '') AS kecamatan_kode,
	coalesce(u.kabupaten_kode, '') AS kabupaten_kode, u.desa_kode`

// CreateAdminUser adds a user; the name must be new. A kabupaten role
// needs a kabupaten with at least one kecamatan on the service (its
// kabupaten row may be missing: `wilayah import` adds it), any other
// role a kecamatan.
func (s *Store) CreateAdminUser(ctx context.Context, u AdminUser) error {
	switch u.Role {
	case AdminFasilitator, AdminTPU, AdminTV, AdminAuditor:
		if u.KecamatanKode == "" || u.KabupatenKode != "" {
			return domain.Errorf(domain.EINVALID, "role %s belongs to a kecamatan (--kecamatan)", u.Role)
		}
	case AdminFasilitatorKab, AdminAuditorKab:
		if u.KabupatenKode == "" || u.KecamatanKode != "" || u.DesaKode != nil {
			return domain.Errorf(domain.EINVALID, "role %s belongs to a kabupaten (--kabupaten), without kecamatan or desa", u.Role)
		}
		if domain.KabupatenKodeOf(u.KabupatenKode) != u.KabupatenKode || strings.Count(u.KabupatenKode, ".") != 1 {
			return domain.Errorf(domain.EINVALID, "kabupaten %q: its code, like 34.04", u.KabupatenKode)
		}
		var n int
		if err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM kecamatan WHERE kabupaten_kode = $1`, u.KabupatenKode); err != nil {
			return fmt.Errorf("checking kabupaten: %w", err)
		}
		if n == 0 {
			return domain.Errorf(domain.ENOTFOUND, "no kecamatan of kabupaten %s on this service", u.KabupatenKode)
		}
	default:
		return domain.Errorf(domain.EINVALID, "role %q: FASILITATOR, TPU, TV, AUDITOR, FASILITATOR_KAB or AUDITOR_KAB", u.Role)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO admin_users (username, password_hash, role, kecamatan_kode, kabupaten_kode, desa_kode)
		VALUES ($1, $2, $3, nullif($4, ''), nullif($5, ''), $6)`, u.Username, u.PasswordHash, u.Role, u.KecamatanKode, u.KabupatenKode, u.DesaKode)
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == "23505" {
		return domain.Errorf(domain.EINVALID, "user %q exists", u.Username)
	}
	if errors.As(err, &pqErr) && pqErr.Code == "23503" {
		return domain.Errorf(domain.ENOTFOUND, "no kecamatan %s or desa", u.KecamatanKode)
	}
	if err != nil {
		return fmt.Errorf("creating admin user: %w", err)
	}
	return nil
}

// AdminUserByName loads an enabled user.
func (s *Store) AdminUserByName(ctx context.Context, username string) (*AdminUser, error) {
	var u AdminUser
	err := s.db.GetContext(ctx, &u, `SELECT `+adminUserCols+`
		FROM admin_users u WHERE u.username = $1 AND u.disabled_at IS NULL`, username)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no user %q", username)
	}
	if err != nil {
		return nil, fmt.Errorf("loading admin user: %w", err)
	}
	return &u, nil
}

// CreateAdminSession stores a session by its token's hash; expired
// sessions are swept on the way.
func (s *Store) CreateAdminSession(ctx context.Context, tokenHash []byte, userID int64, csrf string, expires time.Time) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM admin_sessions WHERE expires_at < now()`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO admin_sessions (token_hash, user_id, csrf, expires_at) VALUES ($1, $2, $3, $4)`,
			tokenHash, userID, csrf, expires)
		return err
	})
}

// AdminSession returns the user of a live session and its CSRF token.
func (s *Store) AdminSession(ctx context.Context, tokenHash []byte) (*AdminUser, string, error) {
	var row struct {
		AdminUser
		CSRF string `db:"csrf"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT `+adminUserCols+`, coalesce(k.tz, 'Asia/Jakarta') AS tz, s.csrf
		FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id
		LEFT JOIN LATERAL (SELECT tz FROM kecamatan WHERE kode = u.kecamatan_kode OR kabupaten_kode = u.kabupaten_kode
			ORDER BY kode LIMIT 1) k ON true
		WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`, tokenHash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", domain.Errorf(domain.ENOTFOUND, "no session")
	}
	if err != nil {
		return nil, "", fmt.Errorf("loading session: %w", err)
	}
	return &row.AdminUser, row.CSRF, nil
}

// DeleteAdminSession ends a session.
func (s *Store) DeleteAdminSession(ctx context.Context, tokenHash []byte) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM admin_sessions WHERE token_hash = $1`, tokenHash)
	return err
}

// DesaInScope lists the desa of a scope (a kecamatan or a kabupaten, see
// inScope), by name.
func (s *Store) DesaInScope(ctx context.Context, scope string) ([]domain.Desa, error) {
	var out []domain.Desa
	err := s.db.SelectContext(ctx, &out, `SELECT d.kode, d.nama, d.kecamatan_kode, d.lang FROM desa d WHERE `+inScope+` ORDER BY d.nama, d.kode`, scope)
	if err != nil {
		return nil, fmt.Errorf("listing desa: %w", err)
	}
	return out, nil
}

// KecamatanInScope lists the kecamatan of a scope (a kecamatan or a
// kabupaten, see inScope), by name.
func (s *Store) KecamatanInScope(ctx context.Context, scope string) ([]domain.Kecamatan, error) {
	var out []domain.Kecamatan
	err := s.db.SelectContext(ctx, &out, `SELECT kode, nama, tz FROM kecamatan WHERE kode = $1 OR kabupaten_kode = $1 ORDER BY nama, kode`, scope)
	if err != nil {
		return nil, fmt.Errorf("listing kecamatan: %w", err)
	}
	return out, nil
}

// DesaByKode loads one desa.
func (s *Store) DesaByKode(ctx context.Context, kode string) (domain.Desa, error) {
	var d domain.Desa
	err := s.db.GetContext(ctx, &d, `SELECT kode, nama, kecamatan_kode, lang FROM desa WHERE kode = $1`, kode)
	if errors.Is(err, sql.ErrNoRows) {
		return d, domain.Errorf(domain.ENOTFOUND, "no desa %s", kode)
	}
	return d, err
}

// GagasanFilter narrows the admin's gagasan list; empty fields match all.
type GagasanFilter struct {
	// Scope is a kecamatan's or a kabupaten's code (see inScope).
	Scope    string
	Desa     string
	DusunID  int64
	Status   string
	Category string
	// Query finds a text in the code, title or description.
	Query string
}

// sqlKecamatanNama is the name of the kecamatan of desa d, for lists
// that span a kabupaten.
const sqlKecamatanNama = `coalesce((SELECT kn.nama FROM kecamatan kn WHERE kn.kode = d.kecamatan_kode), '') AS kecamatan_nama`

// AdminGagasan is a gagasan row of the admin list, with its sender.
type AdminGagasan struct {
	domain.Gagasan
	DesaNama string `db:"desa_nama"`
	// KecamatanNama names the desa's kecamatan (kabupaten-wide lists).
	KecamatanNama string `db:"kecamatan_nama"`
	SenderName    string `db:"sender_name"`
	MergedInto    string `db:"merged_into_code"`
	// FiledByName is the KPMD who filed it for ForName (GAGASAN UNTUK).
	FiledByName  string `db:"filed_by_name"`
	ForDusunNama string `db:"for_dusun_nama"`
	// VoiceTodo counts its voice notes still to be written down.
	VoiceTodo int `db:"voice_todo"`
}

const adminGagasanSelectCols = `SELECT ` + gagasanColumns + `, d.nama AS desa_nama, ` + sqlKecamatanNama + `, coalesce(c.name, '') AS sender_name,
		coalesce(mg.code, '') AS merged_into_code, coalesce(fb.name, '') AS filed_by_name,
		coalesce((SELECT fd.nama FROM dusun fd WHERE fd.id = g.for_dusun_id), '') AS for_dusun_nama,
		(SELECT count(*) FROM voice_notes v WHERE v.gagasan_id = g.id AND v.transcribed_at IS NULL) AS voice_todo`

const adminGagasanSelect = adminGagasanSelectCols + adminGagasanFrom

// ListAdminGagasan lists every gagasan of a kecamatan by the filter, newest
// first, for an export (the admin list pages: GagasanPage).
func (s *Store) ListAdminGagasan(ctx context.Context, f GagasanFilter) ([]AdminGagasan, error) {
	var out []AdminGagasan
	err := s.db.SelectContext(ctx, &out, adminGagasanSelect+` WHERE `+adminGagasanWhere+`
		ORDER BY g.created_at DESC, g.id DESC`, f.args()...)
	if err != nil {
		return nil, fmt.Errorf("listing gagasan: %w", err)
	}
	return out, nil
}

// AdminGagasanByCode loads one gagasan with its history.
func (s *Store) AdminGagasanByCode(ctx context.Context, code string) (*AdminGagasan, []domain.StatusChange, error) {
	var g AdminGagasan
	err := s.db.GetContext(ctx, &g, adminGagasanSelect+` WHERE g.code = $1`, code)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, domain.Errorf(domain.ENOTFOUND, "no gagasan %s", code)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("loading gagasan: %w", err)
	}
	var hist []domain.StatusChange
	if err := s.db.SelectContext(ctx, &hist, sqlGagasanHistory, g.ID); err != nil {
		return nil, nil, fmt.Errorf("loading history: %w", err)
	}
	return &g, hist, nil
}

// MergeGagasan merges a gagasan into another of the same desa: it moves to
// DIGABUNG (the stage rule decides whether it may), points at the other,
// and its sender is told, in one transaction.
func (s *Store) MergeGagasan(ctx context.Context, code, into, by string, notice StatusNotice) error {
	if code == into {
		return ruleMergeSelf.Err()
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var target struct {
			ID   int64  `db:"id"`
			Desa string `db:"desa_kode"`
		}
		err := tx.GetContext(ctx, &target, `SELECT id, desa_kode FROM gagasan WHERE code = $1 AND merged_into IS NULL`, into)
		if errors.Is(err, sql.ErrNoRows) {
			return ruleMergeUnknown.Err(into)
		}
		if err != nil {
			return err
		}
		g, _, err := setGagasanStatus(ctx, tx, StageMove{Code: code, To: domain.StatusDigabung, Note: "digabung dengan " + into, By: by, Notice: notice})
		if err != nil {
			return err
		}
		if g.DesaKode != target.Desa {
			return ruleMergeOtherDesa.Err(code, into)
		}
		_, err = tx.ExecContext(ctx, `UPDATE gagasan SET merged_into = $2 WHERE id = $1`, g.ID, target.ID)
		return err
	})
}

// Proposal is the written proposal of a gagasan and the TV's verdict.
type Proposal struct {
	Verdict   *string    `db:"verdict"`
	Reason    string     `db:"reason"`
	VerdictBy string     `db:"verdict_by"`
	VerdictAt *time.Time `db:"verdict_at"`
	Files     []ProposalFile
	ProposalFigures
	// OnMKPAgenda: the gagasan was on the agenda of a women's meeting
	// (MKP) not cancelled, which is what a nil FromMKP stands for.
	OnMKPAgenda bool `db:"-"`
}

// CameFromMKP is whether the proposal came from the MKP by the one rule
// (fromMKPSQL): its own flag when set, else OnMKPAgenda.
func (p Proposal) CameFromMKP() bool {
	if p.FromMKP != nil {
		return *p.FromMKP
	}
	return p.OnMKPAgenda
}

// ProposalFile is one attached file.
type ProposalFile struct {
	ID         int64     `db:"id"`
	MediaID    int64     `db:"media_id"`
	Name       string    `db:"name"`
	Mime       string    `db:"mime"`
	UploadedBy string    `db:"uploaded_by"`
	At         time.Time `db:"uploaded_at"`
}

// ProposalOf loads a gagasan's proposal (empty when none).
func (s *Store) ProposalOf(ctx context.Context, gagasanID int64) (Proposal, error) {
	var p Proposal
	err := s.db.GetContext(ctx, &p, `SELECT verdict, reason, verdict_by, verdict_at, budget, beneficiaries, from_mkp
		FROM proposals WHERE gagasan_id = $1`, gagasanID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		// sqlx allocates the pointer fields before it finds no row.
		p = Proposal{}
	case err != nil:
		return p, fmt.Errorf("loading proposal: %w", err)
	}
	err = s.db.SelectContext(ctx, &p.Files, `SELECT f.id, f.media_id, f.name, m.mime, f.uploaded_by, f.uploaded_at
		FROM proposal_files f JOIN media m ON m.id = f.media_id WHERE f.gagasan_id = $1 ORDER BY f.id`, gagasanID)
	if err != nil {
		return p, fmt.Errorf("loading proposal files: %w", err)
	}
	if p.OnMKPAgenda, err = onMKPAgenda(ctx, s.db, gagasanID); err != nil {
		return p, err
	}
	return p, nil
}

// proposalStages are the stages at which a desa's adopted gagasan has a
// written proposal: from USULAN_DESA until the MAD decides.
var proposalStages = map[domain.Status]bool{domain.StatusUsulanDesa: true, domain.StatusVerifikasi: true, domain.StatusPrioritasMAD: true}

// AddProposalFile records a stored file as part of a gagasan's proposal.
// CheckProposalStage says whether a proposal may be attached to a
// gagasan at stage st, or why not.
func CheckProposalStage(st domain.Status) error {
	if !proposalStages[st] {
		return ruleProposalStage.Err(st)
	}
	return nil
}

func (s *Store) AddProposalFile(ctx context.Context, code string, m Media, name, by string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		g, _, err := gagasanByCode(ctx, tx, code)
		if err != nil {
			return err
		}
		if err := CheckProposalStage(g.Status); err != nil {
			return err
		}
		if m.Kind != "image" && m.Mime != "application/pdf" {
			return ruleProposalFileType.Err()
		}
		var mediaID int64
		if err := tx.GetContext(ctx, &mediaID, `INSERT INTO media (sha256, mime, kind, size, path) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			m.SHA256, m.Mime, m.Kind, m.Size, m.Path); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO proposals (gagasan_id) VALUES ($1) ON CONFLICT DO NOTHING`, g.ID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO proposal_files (gagasan_id, media_id, name, uploaded_by) VALUES ($1, $2, $3, $4)`,
			g.ID, mediaID, name, by)
		return err
	})
}

// SetVerdict records the TV's verdict on a proposal; a verdict needs a
// reason and a proposal to judge.
func (s *Store) SetVerdict(ctx context.Context, code, verdict, reason, by string) error {
	if verdict != "LAYAK" && verdict != "TIDAK_LAYAK" {
		return ruleVerdictValue.Err()
	}
	if len([]rune(reason)) < 3 {
		return ruleVerdictReason.Err()
	}
	res, err := s.db.ExecContext(ctx, `UPDATE proposals p SET verdict = $2, reason = $3, verdict_by = $4, verdict_at = now(), updated_at = now()
		FROM gagasan g WHERE g.id = p.gagasan_id AND g.code = $1
			AND EXISTS (SELECT 1 FROM proposal_files f WHERE f.gagasan_id = g.id)`, code, verdict, reason, by)
	if err != nil {
		return fmt.Errorf("recording verdict: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ruleVerdictNoProposal.Err(code)
	}
	return nil
}

// MediaRecord returns a media file's path and type, for the admin site.
func (s *Store) MediaRecord(ctx context.Context, id int64) (path, mime string, err error) {
	err = s.db.QueryRowxContext(ctx, `SELECT path, mime FROM media WHERE id = $1`, id).Scan(&path, &mime)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", domain.Errorf(domain.ENOTFOUND, "no media %d", id)
	}
	return path, mime, err
}

// MediaDesa tells which desa a media file belongs to (through the gagasan,
// report, complaint or proposal it is part of), so that the admin site
// shows a facilitator only files of their kecamatan.
func (s *Store) MediaDesa(ctx context.Context, id int64) (string, error) {
	var desa string
	err := s.db.GetContext(ctx, &desa, `
		SELECT desa_kode FROM gagasan WHERE photo_id = $1
		UNION ALL SELECT k.desa_kode FROM report_photos p JOIN progress_reports r ON r.id = p.report_id
			JOIN kegiatan k ON k.id = r.kegiatan_id WHERE p.media_id = $1
		UNION ALL SELECT desa_kode FROM complaints WHERE photo_id = $1
		UNION ALL SELECT g.desa_kode FROM proposal_files f JOIN gagasan g ON g.id = f.gagasan_id WHERE f.media_id = $1
		UNION ALL SELECT desa_kode FROM voice_notes WHERE media_id = $1
		UNION ALL SELECT mt.desa_kode FROM meeting_ba_photos b JOIN meetings mt ON mt.id = b.meeting_id WHERE b.media_id = $1
		UNION ALL SELECT desa_kode FROM meetings WHERE ba_media_id = $1
		LIMIT 1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", domain.Errorf(domain.ENOTFOUND, "media %d is part of no record", id)
	}
	return desa, err
}

// ContactRow is a resident as the admin site lists them.
type ContactRow struct {
	ID        int64      `db:"id"`
	Phone     string     `db:"phone"`
	Name      string     `db:"name"`
	DesaKode  *string    `db:"desa_kode"`
	DesaNama  string     `db:"desa_nama"`
	DusunNama string     `db:"dusun_nama"`
	Gender    string     `db:"gender"`
	Channel   string     `db:"channel"`
	OptedOut  *time.Time `db:"opted_out_at"`
	Roles     string     `db:"roles"`
}

// AdminComplaint is a complaint as a facilitator reads it: the sender is
// shown only when the complaint is not anonymous.
type AdminComplaint struct {
	domain.Complaint
	DesaNama      string `db:"desa_nama"`
	KecamatanNama string `db:"kecamatan_nama"`
	SenderName    string `db:"sender_name"`
}

// Access is one line of the access log.
type Access struct {
	Admin string `db:"admin"`
	// Scope is the admin user's (AdminUser.Scope): the auditors of that
	// scope read the line (AccessPage).
	Scope   string    `db:"scope"`
	Action  string    `db:"action"`
	Subject string    `db:"subject"`
	At      time.Time `db:"at"`
}

// LogAccess records that an admin user saw or exported personal data.
func (s *Store) LogAccess(ctx context.Context, a Access) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO access_log (admin, scope, action, subject) VALUES ($1, $2, $3, $4)`,
		a.Admin, a.Scope, a.Action, a.Subject)
	if err != nil {
		return fmt.Errorf("logging access: %w", err)
	}
	return nil
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleMergeSelf         = domain.NewRule("merge_self", domain.EINVALID, "gagasan tidak dapat digabung ke dirinya sendiri")
	ruleMergeUnknown      = domain.NewRule("merge_unknown", domain.EINVALID, "no gagasan %s to merge into")
	ruleMergeOtherDesa    = domain.NewRule("merge_other_desa", domain.EINVALID, "%s dan %s berasal dari desa yang berbeda")
	ruleProposalStage     = domain.NewRule("proposal_stage", domain.EINVALID, "proposal dilampirkan setelah gagasan diterima sebagai usulan desa, bukan pada tahap %s")
	ruleProposalFileType  = domain.NewRule("proposal_file_type", domain.EINVALID, "proposal berupa PDF atau foto halaman-halamannya")
	ruleVerdictValue      = domain.NewRule("verdict_value", domain.EINVALID, "hasil verifikasi: LAYAK atau TIDAK_LAYAK")
	ruleVerdictReason     = domain.NewRule("verdict_reason", domain.EINVALID, "hasil verifikasi perlu alasannya")
	ruleVerdictNoProposal = domain.NewRule("verdict_no_proposal", domain.EINVALID, "%s belum punya proposal tertulis untuk diverifikasi")
)
