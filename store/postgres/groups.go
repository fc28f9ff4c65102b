package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// WhatsApp groups the bot's numbers are in (docs/ARCHITECTURE.md,
// "Groups"): what the adapter learns of them (bot.GroupStore, through
// bot.GroupRecords), who linked one to an audience, and the reads of the
// admin page and of the fan-out.

// WAGroup is one group a number is in, with its linked audience.
type WAGroup struct {
	ID       int64      `db:"id"`
	Channel  string     `db:"channel"`
	JID      string     `db:"jid"`
	Name     string     `db:"name"`
	Announce bool       `db:"announce"`
	CanPost  bool       `db:"can_post"`
	SeenAt   time.Time  `db:"seen_at"`
	LeftAt   *time.Time `db:"left_at"`
	// The linked audience: DesaKode and Audience both set or both nil;
	// DusunID with DUSUN.
	DesaKode   *string          `db:"desa_kode"`
	Audience   *domain.Audience `db:"audience"`
	DusunID    *int64           `db:"dusun_id"`
	LinkedBy   string           `db:"linked_by"` // the linker's phone (chat or admin site)
	LinkedAt   *time.Time       `db:"linked_at"`
	LastPostAt *time.Time       `db:"last_post_at"`
	// Read with the group for the admin page: the linked desa's and
	// dusun's names, the linker's name, the number of members.
	DesaNama     string `db:"desa_nama"`
	DusunNama    string `db:"dusun_nama"`
	LinkedByName string `db:"linked_by_name"`
	Members      int    `db:"members"`
}

// Linked tells whether the group is linked to an audience.
func (g WAGroup) Linked() bool { return g.LinkedAt != nil && g.Audience != nil }

// AudienceOf is the linked audience, "" when none.
func (g WAGroup) AudienceOf() string {
	if g.Audience == nil {
		return ""
	}
	return string(*g.Audience)
}

// DusunOf is the linked dusun's id, 0 when none.
func (g WAGroup) DusunOf() int64 {
	if g.DusunID == nil {
		return 0
	}
	return *g.DusunID
}

// Postable tells whether the bot may post into the group now.
func (g WAGroup) Postable() bool { return g.LeftAt == nil && g.CanPost }

// WAGroupMember is one participant by phone.
type WAGroupMember struct {
	Phone domain.Phone
	Admin bool
}

// Link errors: the reasons a group cannot be linked, which the chat and the
// admin page word each in their own way.
var (
	ErrGroupLeft    = domain.NewRule("group_left", domain.EINVALID, "the number is no longer in group %s")
	ErrGroupNoPost  = domain.NewRule("group_no_post", domain.EINVALID, "only admins may post in group %s")
	ErrGroupUnknown = domain.NewRule("group_unknown", domain.ENOTFOUND, "no group %s on channel %s")
)

const sqlGroupColumns = `g.id, g.channel, g.jid, g.name, g.announce, g.can_post, g.seen_at, g.left_at,
	g.desa_kode, g.audience, g.dusun_id, g.linked_by, g.linked_at, g.last_post_at,
	coalesce(d.nama, '') AS desa_nama, coalesce(u.nama, '') AS dusun_nama,
	coalesce((SELECT c.name FROM contacts c WHERE c.phone = g.linked_by), '') AS linked_by_name,
	(SELECT count(*) FROM wa_group_members m WHERE m.group_id = g.id) AS members`

const sqlGroupFrom = ` FROM wa_groups g LEFT JOIN desa d ON d.kode = g.desa_kode LEFT JOIN dusun u ON u.id = g.dusun_id`

// GroupSeen writes a group the adapter learned of (joined, its info read,
// listed at connect) and replaces its members, in one transaction; a group
// marked left is in again. When it shows that a linked group can no longer
// be posted into, the linker is told (tell: the message by language for
// the group's name), once: only when can_post turns false.
func (s *Store) GroupSeen(ctx context.Context, channel, jid, name string, announce, canPost bool, members []WAGroupMember, tell func(name string) Texts) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		id, err := groupSettings(ctx, tx, channel, jid, &name, announce, canPost, tell)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE wa_groups SET left_at = NULL WHERE id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM wa_group_members WHERE group_id = $1`, id); err != nil {
			return err
		}
		return addMembers(ctx, tx, id, members)
	})
}

// GroupLeft marks a group as left by the number (removed, or the group
// deleted): nothing is posted into it until it is seen again. An unknown
// group is recorded as left, so that a later link is refused with the
// reason.
func (s *Store) GroupLeft(ctx context.Context, channel, jid string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO wa_groups (channel, jid, left_at) VALUES ($1, $2, now())
		ON CONFLICT (channel, jid) DO UPDATE SET left_at = coalesce(wa_groups.left_at, now())`, channel, jid)
	if err != nil {
		return fmt.Errorf("marking group left: %w", err)
	}
	return nil
}

// GroupMembersChanged adds the members who joined (or became or stopped
// being admins) and removes those who left. A group not yet known is
// written with no name; its info comes with the next GroupSeen.
func (s *Store) GroupMembersChanged(ctx context.Context, channel, jid string, joined, left []WAGroupMember) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var id int64
		if err := tx.GetContext(ctx, &id, `INSERT INTO wa_groups (channel, jid) VALUES ($1, $2)
			ON CONFLICT (channel, jid) DO UPDATE SET seen_at = now() RETURNING id`, channel, jid); err != nil {
			return err
		}
		if len(left) > 0 {
			phones := make([]string, len(left))
			for i, m := range left {
				phones[i] = string(m.Phone)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM wa_group_members WHERE group_id = $1 AND phone = ANY($2)`,
				id, pq.Array(phones)); err != nil {
				return err
			}
		}
		return addMembers(ctx, tx, id, joined)
	})
}

// GroupSettings records that posting in a group was restricted to admins
// (or opened again) and whether the number may still post; the linker is
// told as in GroupSeen.
func (s *Store) GroupSettings(ctx context.Context, channel, jid string, announce, canPost bool, tell func(name string) Texts) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := groupSettings(ctx, tx, channel, jid, nil, announce, canPost, tell)
		return err
	})
}

// groupSettings writes a group's settings (and its name, when given) and
// queues the message to its linker when can_post turned false on a linked
// group that is not left. It returns the group's id.
func groupSettings(ctx context.Context, tx *sqlx.Tx, channel, jid string, name *string, announce, canPost bool, tell func(name string) Texts) (int64, error) {
	// The row as it was, locked, then as it is.
	var was struct {
		CanPost bool `db:"can_post"`
		Linked  bool `db:"linked"`
	}
	was.CanPost = true
	err := tx.GetContext(ctx, &was, `SELECT can_post, linked_at IS NOT NULL AND left_at IS NULL AS linked FROM wa_groups
		WHERE channel = $1 AND jid = $2 FOR UPDATE`, channel, jid)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	var now struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := tx.GetContext(ctx, &now, `INSERT INTO wa_groups (channel, jid, name, announce, can_post) VALUES ($1, $2, coalesce($3, ''), $4, $5)
		ON CONFLICT (channel, jid) DO UPDATE SET name = coalesce($3, wa_groups.name), announce = $4, can_post = $5, seen_at = now()
		RETURNING id, coalesce(name, '') AS name`, channel, jid, name, announce, canPost); err != nil {
		return 0, err
	}
	id := now.ID
	if was.CanPost && !canPost && was.Linked && tell != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbound_messages (channel, to_phone, contact_id, text, kind, priority)
			SELECT `+pushChannelSQL("c")+`, c.phone, c.id, `+personalSQL(localizedSQL("$2"), "c.name", "c.gender")+`, 'push', $3
			FROM wa_groups g JOIN contacts c ON c.phone = g.linked_by
			WHERE g.id = $1 AND c.opted_out_at IS NULL AND `+pushChannelSQL("c")+` <> ''`,
			id, textsJSON(tell(now.Name)), PriorityPush); err != nil {
			return 0, fmt.Errorf("telling the linker: %w", err)
		}
	}
	return id, nil
}

func addMembers(ctx context.Context, tx *sqlx.Tx, id int64, members []WAGroupMember) error {
	if len(members) == 0 {
		return nil
	}
	phones, admins := make([]string, len(members)), make([]bool, len(members))
	for i, m := range members {
		phones[i], admins[i] = string(m.Phone), m.Admin
	}
	// A number listed twice (a LID and a phone resolved to one) counts once.
	_, err := tx.ExecContext(ctx, `INSERT INTO wa_group_members (group_id, phone, admin)
		SELECT $1, p, bool_or(a) FROM unnest($2::text[], $3::bool[]) AS x(p, a) WHERE p <> '' GROUP BY p
		ON CONFLICT (group_id, phone) DO UPDATE SET admin = excluded.admin`, id, pq.Array(phones), pq.Array(admins))
	return err
}

// WAGroupOf reads one group by its channel and JID; nil when unknown.
func (s *Store) WAGroupOf(ctx context.Context, channel, jid string) (*WAGroup, error) {
	return waGroupOf(ctx, s.db, channel, jid)
}

// WAGroup reads one group of a turn's channel (the pipeline, for a message
// posted in it); nil when unknown.
func (t *Turn) WAGroup(ctx context.Context, channel, jid string) (*WAGroup, error) {
	return waGroupOf(ctx, t.tx, channel, jid)
}

func waGroupOf(ctx context.Context, q sqlx.QueryerContext, channel, jid string) (*WAGroup, error) {
	var g WAGroup
	err := sqlx.GetContext(ctx, q, &g, `SELECT `+sqlGroupColumns+sqlGroupFrom+` WHERE g.channel = $1 AND g.jid = $2`, channel, jid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading group: %w", err)
	}
	return &g, nil
}

// WAGroupByID reads one group by id; domain.ErrNotFound when none.
func (s *Store) WAGroupByID(ctx context.Context, id int64) (*WAGroup, error) {
	var g WAGroup
	err := s.db.GetContext(ctx, &g, `SELECT `+sqlGroupColumns+sqlGroupFrom+` WHERE g.id = $1`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "no group %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading group: %w", err)
	}
	return &g, nil
}

// groupCoversSQL tells whether group g's channel serves desa (an SQL
// expression): its kanal's scope covers the desa.
func groupCoversSQL(desa string) string {
	return `EXISTS (SELECT 1 FROM kanal kn WHERE kn.nama = g.channel
		AND (kn.cakupan = '' OR ` + desa + ` = kn.cakupan OR ` + desa + ` LIKE kn.cakupan || '.%'))`
}

// groupInScopeSQL tells whether group g is unlinked or linked to a desa of
// the scope given as the parameter p (an SQL expression): a kecamatan's or
// a kabupaten's code, "" for everywhere. A group linked elsewhere is
// neither shown to nor changed by a user of another region.
func groupInScopeSQL(p string) string {
	return `(g.desa_kode IS NULL OR ` + p + ` = '' OR g.desa_kode LIKE ` + p + ` || '.%')`
}

// GroupsOfDesa lists the groups the admin page of a desa shows to a user
// of scope (AdminUser.Scope): those of the numbers that serve the desa
// (their kanal's scope covers it) and those linked to it, linked first,
// then by name; a group linked to a desa outside the scope is left out.
func (s *Store) GroupsOfDesa(ctx context.Context, desaKode, scope string) ([]WAGroup, error) {
	var out []WAGroup
	err := s.db.SelectContext(ctx, &out, `SELECT `+sqlGroupColumns+sqlGroupFrom+`
		WHERE (g.desa_kode = $1 OR `+groupCoversSQL("$1")+`) AND `+groupInScopeSQL("$2")+`
		ORDER BY g.desa_kode = $1 IS NOT TRUE, g.left_at IS NOT NULL, lower(g.name), g.id`, desaKode, scope)
	if err != nil {
		return nil, fmt.Errorf("listing groups: %w", err)
	}
	return out, nil
}

// MayLinkFrom tells whether a user of scope (AdminUser.Scope) may link a
// group to a desa of theirs, change or unlink it: the group's number
// serves the desa (its kanal's scope covers it) or the group is linked to
// it, and the group is not linked to a desa outside the user's scope.
func (s *Store) MayLinkFrom(ctx context.Context, groupID int64, desaKode, scope string) (bool, error) {
	var ok bool
	err := s.db.GetContext(ctx, &ok, `SELECT (coalesce(g.desa_kode = $2, false) OR `+groupCoversSQL("$2")+`) AND `+groupInScopeSQL("$3")+`
		FROM wa_groups g WHERE g.id = $1`, groupID, desaKode, scope)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return ok, err
}

// GroupLink is an audience a group is linked to.
type GroupLink struct {
	DesaKode string
	Audience domain.Audience
	DusunID  *int64
	By       string // the phone of the KPMD or facilitator who linked it by chat, or "web <user>"
}

// LinkGroup links a group to an audience (or changes its audience); a
// group the number left, or where it may not post, is refused with the
// reason (ErrGroupLeft, ErrGroupNoPost). The same WhatsApp group's rows of
// other numbers (channels) are unlinked: it takes over.
func (s *Store) LinkGroup(ctx context.Context, groupID int64, l GroupLink) error {
	return linkGroup(ctx, s.db, "id = $1", []any{groupID}, l)
}

// LinkGroup is Store.LinkGroup on the turn, by the group's channel and JID
// (HUBUNGKAN in the group). A group the adapter has not reported yet is
// written first; its name and members come with its next GroupSeen.
func (t *Turn) LinkGroup(ctx context.Context, channel, jid string, l GroupLink) error {
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO wa_groups (channel, jid) VALUES ($1, $2) ON CONFLICT (channel, jid) DO NOTHING`,
		channel, jid); err != nil {
		return fmt.Errorf("linking group: %w", err)
	}
	return linkGroup(ctx, t.tx, "channel = $1 AND jid = $2", []any{channel, jid}, l)
}

// SetWantsPersonal records whether the turn's contact wants personal
// messages even when a linked group of theirs gets the post.
func (t *Turn) SetWantsPersonal(ctx context.Context, on bool) error {
	if t.contact == nil {
		return nil
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE contacts SET wants_personal = $2, updated_at = now() WHERE id = $1`,
		int64(t.contact.ID), on); err != nil {
		return fmt.Errorf("setting personal messages: %w", err)
	}
	return nil
}

func linkGroup(ctx context.Context, q sqlx.ExtContext, where string, key []any, l GroupLink) error {
	var g struct {
		JID     string     `db:"jid"`
		Channel string     `db:"channel"`
		LeftAt  *time.Time `db:"left_at"`
		CanPost bool       `db:"can_post"`
	}
	err := sqlx.GetContext(ctx, q, &g, `SELECT jid, channel, left_at, can_post FROM wa_groups WHERE `+where+` FOR UPDATE`, key...)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrGroupUnknown.Err(key[len(key)-1], key[0])
	}
	if err != nil {
		return fmt.Errorf("linking group: %w", err)
	}
	switch {
	case g.LeftAt != nil:
		return ErrGroupLeft.Err(g.JID)
	case !g.CanPost:
		return ErrGroupNoPost.Err(g.JID)
	}
	if l.Audience != domain.AudienceDusun {
		l.DusunID = nil
	}
	n := len(key)
	_, err = q.ExecContext(ctx, fmt.Sprintf(`UPDATE wa_groups SET desa_kode = $%d, audience = $%d, dusun_id = $%d, linked_by = $%d, linked_at = now()
		WHERE `+where, n+1, n+2, n+3, n+4), append(key, l.DesaKode, string(l.Audience), l.DusunID, l.By)...)
	if err != nil {
		return fmt.Errorf("linking group: %w", err)
	}
	// One WhatsApp group, one link per desa: the rows of the same group
	// seen by the desa's other numbers and linked to this desa are
	// unlinked, so that it gets each post once. Another desa's link of the
	// same group (a kecamatan-wide group) is that desa's, and stays.
	if _, err := q.ExecContext(ctx, `UPDATE wa_groups SET desa_kode = NULL, audience = NULL, dusun_id = NULL, linked_by = '', linked_at = NULL
		WHERE jid = $1 AND channel <> $2 AND linked_at IS NOT NULL AND desa_kode = $3`, g.JID, g.Channel, l.DesaKode); err != nil {
		return fmt.Errorf("linking group: %w", err)
	}
	return nil
}

// UnlinkGroup removes a group's audience: nothing is posted into it again
// until it is linked.
func (s *Store) UnlinkGroup(ctx context.Context, groupID int64) error {
	return unlinkGroup(ctx, s.db, "id = $1", groupID)
}

// UnlinkGroup is Store.UnlinkGroup on the turn (LEPASKAN in the group).
func (t *Turn) UnlinkGroup(ctx context.Context, channel, jid string) error {
	return unlinkGroup(ctx, t.tx, "channel = $1 AND jid = $2", channel, jid)
}

func unlinkGroup(ctx context.Context, q sqlx.ExecerContext, where string, key ...any) error {
	_, err := q.ExecContext(ctx, `UPDATE wa_groups SET desa_kode = NULL, audience = NULL, dusun_id = NULL, linked_by = '', linked_at = NULL
		WHERE `+where, key...)
	if err != nil {
		return fmt.Errorf("unlinking group: %w", err)
	}
	return nil
}

// LinkedGroups lists the groups linked to exactly one audience of a desa
// (a DUSUN audience: that dusun's) that can be posted into now: not left,
// not restricted to admins, in q (tests read it). The fan-outs do not: they
// choose the groups that get a post in their own statement
// (postedGroupsSQL, one row per JID).
func LinkedGroups(ctx context.Context, q sqlx.QueryerContext, desaKode string, audience domain.Audience, dusunID *int64) ([]WAGroup, error) {
	if audience != domain.AudienceDusun {
		dusunID = nil
	}
	var out []WAGroup
	err := sqlx.SelectContext(ctx, q, &out, `SELECT `+sqlGroupColumns+sqlGroupFrom+`
		WHERE g.desa_kode = $1 AND g.audience = $2 AND g.dusun_id IS NOT DISTINCT FROM $3
			AND g.linked_at IS NOT NULL AND g.left_at IS NULL AND g.can_post
		ORDER BY g.id`, desaKode, string(audience), dusunID)
	if err != nil {
		return nil, fmt.Errorf("listing linked groups: %w", err)
	}
	return out, nil
}
