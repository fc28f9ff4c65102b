package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// MeetingsPostedIn lists the upcoming scheduled meetings contact c may
// answer (as MeetingsFor) that were posted into the WhatsApp group jid: a
// group post (kind 'group', to_group the group) that names the meeting's
// code — the invitation, a change or the reminder. "nggih hadir" written
// in the group answers the one there is (flows.View).
func (t *Turn) MeetingsPostedIn(ctx context.Context, jid string, c *domain.Contact, from time.Time, limit int) ([]domain.Meeting, error) {
	var out []domain.Meeting
	err := t.tx.SelectContext(ctx, &out, `SELECT `+meetingColumns+meetingFrom+` JOIN contacts c ON c.id = $1
		WHERE m.status = 'DIJADWALKAN' AND m.starts_at > $2 AND (
			EXISTS (SELECT 1 FROM invitations i WHERE i.meeting_id = m.id AND i.contact_id = c.id) OR `+ofMeeting.Replace(inAudienceSQL)+`)
			AND EXISTS (SELECT 1 FROM outbound_messages o JOIN wa_groups g ON g.id = o.to_group
				WHERE g.jid = $4 AND o.kind = 'group' AND o.to_group IS NOT NULL AND strpos(o.text, m.code) > 0)
		ORDER BY m.starts_at LIMIT $3`, int64(c.ID), from, limit, jid)
	if err != nil {
		return nil, fmt.Errorf("listing meetings posted in a group: %w", err)
	}
	return out, nil
}
