package postgres

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// Posts into linked WhatsApp groups (docs/ARCHITECTURE.md, "Groups"). A
// post is an outbound row like any other — kind 'group', to_phone the
// group's JID, to_group its row — queued in the transaction and the
// statement that queues the personal messages, so it goes exactly once.
// Which groups get it is domain.GroupPostsFor; a resident who is a member
// of one of them gets no personal copy (byGroupSQL).

// groupPostsCTE is the WITH items g (the groups that get a post: linked to
// desa, of one of auds — a text[] — and of dusun when not NULL, not left,
// and the bot may post there) and gp (the posts of text, by language — in
// the desa's — with media, queued; it returns each post's id and group).
// What references g sees which groups get the post. copies, when not "",
// is what a post stands in for — the SELECT list after the post's id of a
// group_post_copies row: meeting, text, kind, priority, invitation,
// skip_tidak — written with each post (item gc) so that the fallback round
// can queue the personal copies should the post fail (ReleaseGroupPosts),
// with the fan-out (the statement's least post id) and the meeting's time,
// place and status as the notice found them.
func groupPostsCTE(desa, auds, dusun, text, media, copies string) string {
	cte := `g AS MATERIALIZED (` + postedGroupsSQL(desa, auds, dusun) + `),
		gp AS (
			INSERT INTO outbound_messages (channel, to_phone, to_group, text, media_id, kind, priority)
			SELECT g.channel, g.jid, g.id, ` + localizedIn(text, `COALESCE(NULLIF(d.lang, ''), 'id')`) + `, ` + media + `, 'group', ` + fmt.Sprint(PriorityPush) + `
			FROM g JOIN desa d ON d.kode = g.desa_kode
			RETURNING id, to_group)`
	if copies != "" {
		cte += `,
		gc AS (
			INSERT INTO group_post_copies (post_id, fanout, meeting_id, text, kind, priority, invitation, skip_tidak, starts_at, place, status)
			SELECT gp.id, min(gp.id) OVER (), k.*, m.starts_at, m.place, m.status
			FROM gp CROSS JOIN (SELECT ` + copies + `) k (meeting_id, text, kind, priority, invitation, skip_tidak)
				JOIN meetings m ON m.id = k.meeting_id)`
	}
	return cte
}

// postedGroupsSQL selects the groups that get a post (groupPostsCTE): one
// row per WhatsApp group (JID) — when two of the desa's numbers are in one
// group and each row was linked, the one that may post, latest seen.
func postedGroupsSQL(desa, auds, dusun string) string {
	return `SELECT DISTINCT ON (g.jid) g.id, g.channel, g.jid, g.desa_kode FROM wa_groups g
		WHERE g.desa_kode = ` + desa + ` AND g.linked_at IS NOT NULL AND g.left_at IS NULL AND g.can_post
			AND g.audience = ANY(` + auds + `::text[]) AND (` + dusun + `::bigint IS NULL OR g.dusun_id = ` + dusun + `)
		ORDER BY g.jid, g.can_post DESC, g.seen_at DESC, g.id DESC`
}

// byGroupSQL tells whether contact c, writing on channel (its push
// channel), is reached by the post into the groups g: a member of one by
// phone, who did not ask for personal messages, and not on SMS (which has
// no groups).
func byGroupSQL(c, channel string) string {
	return `(NOT ` + c + `.wants_personal AND ` + channel + ` NOT LIKE 'sms:%' AND EXISTS (
		SELECT 1 FROM wa_group_members gm WHERE gm.phone = ` + c + `.phone AND gm.group_id IN (SELECT id FROM g)))`
}

// groupPostArgs are the parameters of groupPostsCTE for a post of text
// addressed to aud (dusun) in desa, and whether any group gets it now:
// none without a text. The fan-outs take their plain statement when none
// does (most desa), which costs what it did before groups.
func groupPostArgs(ctx context.Context, q sqlx.QueryerContext, desa string, aud domain.Audience, dusun *int64, text Texts) (
	auds any, dusunFilter *int64, texts string, any bool, err error) {
	gp := domain.GroupPostsFor(aud, dusun)
	if len(text) == 0 || gp.None() {
		return pq.Array([]string{}), nil, textsJSON(text), false, nil
	}
	auds = pq.Array(gp.Strings())
	if err := sqlx.GetContext(ctx, q, &any, `SELECT EXISTS (`+postedGroupsSQL("$1", "$2", "$3")+`)`, desa, auds, gp.Dusun); err != nil {
		return nil, nil, "", false, fmt.Errorf("looking for groups to post into: %w", err)
	}
	return auds, gp.Dusun, textsJSON(text), any, nil
}

// QueueGroupPosts queues text (by language; the desa's is posted) with an
// optional photo into every group of desa linked for audience aud (dusun
// for DUSUN) by domain.GroupPostsFor, in tx: one post per group. It returns
// how many it queued. Stage changes that concern the whole desa (the MAD
// result) call it with domain.AudienceDesa.
func QueueGroupPosts(ctx context.Context, tx sqlx.ExtContext, desaKode string, aud domain.Audience, dusunID *int64, text Texts, mediaID *int64) (int, error) {
	auds, dusun, texts, some, err := groupPostArgs(ctx, tx, desaKode, aud, dusunID, text)
	if err != nil || !some {
		return 0, err
	}
	var n int
	err = sqlx.GetContext(ctx, tx, &n, `WITH `+groupPostsCTE("$1", "$2", "$3", "$4", "$5::bigint", "")+`
		SELECT count(*) FROM g`, desaKode, auds, dusun, texts, mediaID)
	if err != nil {
		return 0, fmt.Errorf("queueing group posts: %w", err)
	}
	return n, nil
}

// QueueGroupPosts is QueueGroupPosts in the turn's transaction.
func (t *Turn) QueueGroupPosts(ctx context.Context, desaKode string, aud domain.Audience, dusunID *int64, text Texts, mediaID *int64) (int, error) {
	return QueueGroupPosts(ctx, t.tx, desaKode, aud, dusunID, text, mediaID)
}

// GroupReach counts who an invitation to an audience would reach, and how
// (flows.View, the KIRIM preview).
func (t *Turn) GroupReach(ctx context.Context, desaKode string, dusunID *int64, aud domain.Audience) (domain.GroupReach, error) {
	gp := domain.GroupPostsFor(aud, dusunID)
	auds, dusun := pq.Array(gp.Strings()), gp.Dusun
	var r domain.GroupReach
	err := t.tx.GetContext(ctx, &r, `
		WITH g AS MATERIALIZED (`+postedGroupsSQL("$1", "$4", "$5")+`),
		r AS (SELECT c.wants_personal, c.phone, `+pushChannelSQL("c")+` AS channel
			FROM (`+audienceRows("c.phone, c.wants_personal, c.channel, c.channel_pinned, c.desa_kode")+`) c),
		b AS (SELECT r.channel, `+byGroupSQL("r", "r.channel")+` AS by_group FROM r)
		SELECT (SELECT count(*) FROM g) AS groups,
			count(*) FILTER (WHERE by_group) AS by_group,
			count(*) FILTER (WHERE NOT by_group) AS personal,
			count(*) FILTER (WHERE NOT by_group AND channel LIKE 'sms:%') AS sms
		FROM b`, desaKode, dusunID, string(aud), auds, dusun)
	if err != nil {
		return r, fmt.Errorf("counting group reach: %w", err)
	}
	return r, nil
}
