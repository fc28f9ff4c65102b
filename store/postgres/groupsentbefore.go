package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// MeetingsNotPostedIn lists the coming meetings of desa (scheduled, after
// from) none of whose posts went into the WhatsApp group jid: an
// invitation sent before the group was linked, which the link reply names
// (the caller keeps those whose audience the group is linked to).
func (t *Turn) MeetingsNotPostedIn(ctx context.Context, jid, desaKode string, from time.Time, limit int) ([]domain.Meeting, error) {
	var out []domain.Meeting
	err := t.tx.SelectContext(ctx, &out, `SELECT `+meetingColumns+meetingFrom+`
		WHERE m.desa_kode = $1 AND m.status = 'DIJADWALKAN' AND m.starts_at > $2
			AND NOT EXISTS (SELECT 1 FROM outbound_messages o JOIN wa_groups g ON g.id = o.to_group
				WHERE g.jid = $4 AND o.kind = 'group' AND o.to_group IS NOT NULL AND strpos(o.text, m.code) > 0)
		ORDER BY m.starts_at LIMIT $3`, desaKode, from, limit, jid)
	if err != nil {
		return nil, fmt.Errorf("listing meetings not posted in a group: %w", err)
	}
	return out, nil
}
