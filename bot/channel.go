// Package bot is the runtime of Suara Desa: the channels, the inbound
// pipeline that turns a channel's message into one transaction, and the
// dispatcher that sends what the transactions queued.
package bot

import (
	"context"
	"errors"
	"math"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// Channel is a way to reach people: the simulator, WhatsApp, SMS. Each
// adapter converts its own wire format at its boundary; nothing above it
// sees a JID, a webhook or a modem.
type Channel interface {
	// Name is the channel's name as stored with messages ("sim", "whatsapp").
	Name() string
	// Send delivers one message and returns the channel's id for it. It must
	// be safe to call again with the same Message.ID (a retry after a crash).
	Send(ctx context.Context, m Message) (extID string, err error)
}

// Handler receives a channel's inbound messages: the pipeline. Every
// adapter hands its messages to one, and acknowledges a message only after
// Handle returned without error.
type Handler interface {
	Handle(ctx context.Context, in Inbound) (Accepted, error)
}

// StatusStore records what a channel reports about the messages it sent:
// delivered or read (MarkOutboundStatus), refused for good (FailOutbound).
type StatusStore interface {
	MarkOutboundStatus(ctx context.Context, channel string, extIDs []string, status string) (int64, error)
	FailOutbound(ctx context.Context, channel, extID, reason string) error
}

// Pacer is implemented by channels that must not send in bursts (a
// WhatsApp number): the dispatcher books each message's time with Book and
// waits for it on Clock; a *Scheduler is one. Conversations proceed
// together, each at its own pace, under the number's ceiling.
type Pacer interface {
	// Book returns when a message of kind to `to` may go and, when that is
	// within `within` from now, books it (true).
	Book(to domain.Phone, kind string, within time.Duration) (time.Time, bool)
	Clock() Clock
}

// Typer is a paced channel that can show a person that we are typing,
// while a message to them waits for its time.
type Typer interface {
	Typing(ctx context.Context, to domain.Phone)
}

// Message is an outbound message as a channel sends it.
type Message struct {
	ID        int64
	To        domain.Phone
	Text      string
	MediaPath string // absolute path of an attached file, or ""
	MediaMime string
	Kind      string // reply, push, broadcast, group
	// Group is the JID (…@g.us) of the WhatsApp group a post goes to (kind
	// "group"); To is then empty. Only a channel that implements
	// GroupChannel is given such a message.
	Group string
}

// PermanentError marks a send failure that no retry will cure (an invalid
// number, a blocked recipient).
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return "permanent: " + e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// DeferError asks the dispatcher to hold a message until a time without
// counting a failed attempt: a daily cap reached, a number temporarily banned.
type DeferError struct {
	Until  time.Time
	Reason string
}

func (e *DeferError) Error() string {
	return "deferred until " + e.Until.Format(time.RFC3339) + ": " + e.Reason
}

// IsPermanent tells whether err is a PermanentError.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// ValidLocation tells whether a pin is a place on Earth: a finite latitude
// in [-90, 90] and longitude in [-180, 180], and not exactly (0, 0) — "Null
// Island" in the Gulf of Guinea, which is what a phone whose GPS has no fix
// sends, never a village. Every channel's pins are checked once, as they
// enter the pipeline.
func ValidLocation(lat, lng float64) bool {
	if lat == 0 && lng == 0 {
		return false
	}
	return !math.IsNaN(lat) && !math.IsNaN(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180
}
