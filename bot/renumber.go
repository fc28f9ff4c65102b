package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// NumberChange is a channel's report that a person now uses another number
// (WhatsApp's "user_changed_number"), once per ExtID.
type NumberChange struct {
	Channel, ExtID string
	From, To       domain.Phone
}

// RenumberHandler is a Handler that also moves a contact to the new number
// their channel reported (the pipeline), for channels that report it.
type RenumberHandler interface {
	Handler
	// MoveNumber moves a contact to the new number, tells them once there,
	// and reports what it did.
	MoveNumber(ctx context.Context, c NumberChange) (postgres.MoveOutcome, error)
}

// MoveNumber moves the contact of c.From to c.To with everything kept about
// them (postgres.Store.MoveContact), tells them once on the new number, and
// moves their conversation: both numbers are locked meanwhile, so no
// message of either is handled halfway through the move.
func (p *Pipeline) MoveNumber(ctx context.Context, c NumberChange) (postgres.MoveOutcome, error) {
	if c.From == c.To {
		return postgres.MoveDuplicate, nil
	}
	first, second := c.From, c.To
	if second < first { // one order for every process: no deadlock
		first, second = second, first
	}
	wait := p.LockWait
	if wait <= 0 {
		wait = 10 * time.Second
	}
	l1, s1, err := p.Sessions.Acquire(ctx, first, wait)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBusy, err)
	}
	defer func() { _ = l1.Release(context.WithoutCancel(ctx)) }()
	l2, s2, err := p.Sessions.Acquire(ctx, second, wait)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBusy, err)
	}
	defer func() { _ = l2.Release(context.WithoutCancel(ctx)) }()
	out, err := p.Store.MoveContact(ctx, postgres.NumberMove{Channel: c.Channel, ExtID: c.ExtID, From: c.From, To: c.To},
		func(lang string) string { return flow.Render(lang, flow.MsgNumberMoved, nil) })
	if err != nil || out != postgres.MoveDone {
		return out, err
	}
	oldLock, oldSess, newLock := l1, s1, l2
	if first != c.From {
		oldLock, oldSess, newLock = l2, s2, l1
	}
	// The records are committed; the session is best effort, as for any
	// message: if it is lost, the contact's counter tells the next message.
	bg := context.WithoutCancel(ctx)
	if err := newLock.SaveAndRelease(bg, oldSess, true); err != nil {
		p.Log.Warn("session not moved", "err", err)
	}
	if err := oldLock.SaveAndRelease(bg, flow.Session{}, false); err != nil {
		p.Log.Warn("old session not dropped", "err", err)
	}
	if p.Wake != nil {
		p.Wake(c.Channel)
	}
	return out, nil
}
