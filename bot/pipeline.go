package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
)

// Inbound is a message as a channel adapter hands it over.
type Inbound struct {
	Channel  string
	ExtID    string // the channel's id of the message: the dedupe key
	From     domain.Phone
	Text     string
	Media    *InboundMedia
	Location *domain.Location
	// Stale marks a message that arrived long after it was sent (after
	// downtime): it is logged once and answered with a notice, not as if new.
	Stale bool
	// Group is the JID (…@g.us) of the WhatsApp group the message was
	// posted in, "" for a personal message. The pipeline stays quiet in a
	// group: it acts only on a message that addresses the bot (Mentioned)
	// or carries a command a member may give there (HUBUNGKAN, HADIR R-…),
	// and it answers privately (docs/ARCHITECTURE.md, "Groups").
	Group string
	// Mentioned marks a group message that mentions the bot's number or
	// replies to one of its posts.
	Mentioned bool
	// notice, when set by the pipeline, answers the message with that
	// notice alone, as for Stale (a pin that was refused and nothing else).
	notice flow.Key
}

// InboundMedia is an attachment's bytes and declared type.
type InboundMedia struct {
	Data []byte
	Mime string
}

// Accepted is the pipeline's answer to a channel.
type Accepted struct {
	ID        int64
	Duplicate bool
}

// Pipeline handles inbound messages: one contact at a time (a Redis lock),
// each message in one Postgres transaction that logs it, applies the flow
// step's commands and queues the replies. A channel acknowledges a message
// only after Handle returned without error, so nothing acknowledged is lost
// and nothing is processed twice.
type Pipeline struct {
	Store    *postgres.Store
	Sessions *redis.Sessions
	Media    media.Store
	Log      *slog.Logger
	// Wake tells the dispatcher that a channel has queued messages.
	Wake func(channel string)
	// Metrics counts messages and steps (nil: none).
	Metrics *Metrics
	// Controller is the data controller named in the consent text.
	Controller string
	// Timeout ends idle conversations (flow.DefaultTimeout when zero).
	Timeout time.Duration
	// LockWait bounds the wait for a busy contact (default 10 s).
	LockWait time.Duration
	// Now is the clock (time.Now when nil); tests set it.
	Now func() time.Time
	// Reminders are the meeting reminders to schedule (the day before and
	// two hours before when nil).
	Reminders postgres.ReminderPlan
	// Scopes gives each channel's scope to the flows (Env.Scope; every
	// channel serves everywhere when nil).
	Scopes *Scopes
	// MaxBatch is the most messages handled in one transaction (default
	// 32; 1 turns batching off), and Committers how many such transactions
	// run at once (default 2). See batch.go.
	MaxBatch   int
	Committers int

	batches batcher
}

// maxExtID is the longest message id stored as it is.
const maxExtID = 200

// StoredExtID is a channel's message id as the inbound log keeps it (its
// dedupe key): cleaned, and one longer than an index entry may be (its
// insert would fail at every redelivery) as its hash, which dedupes as
// well. A channel that looks an id up before handing it over uses this too.
func StoredExtID(id string) string {
	id = CleanText(id)
	if len(id) > maxExtID {
		sum := sha256.Sum256([]byte(id))
		id = "sha256:" + hex.EncodeToString(sum[:])
	}
	return id
}

// ErrBusy reports that a message could not be handled now; the channel
// should retry (a 503, a WhatsApp nack, an unprocessed modem row).
var ErrBusy = errors.New("busy, try again")

// Handle processes one inbound message to the end: when it returns nil the
// message, its effects and its replies are stored.
func (p *Pipeline) Handle(ctx context.Context, in Inbound) (Accepted, error) {
	if in.ExtID == "" {
		return Accepted{}, domain.Errorf(domain.EINVALID, "message has no id")
	}
	in.Text = CleanText(in.Text)
	in.ExtID = StoredExtID(in.ExtID)
	if in.Group != "" {
		// In a group the bot stays quiet: files, pins and reactions are
		// not for it, and a message that is not addressed to it is not
		// even logged (its redelivery is ignored the same way).
		in.Media, in.Location = nil, nil
		var senderErr error
		sender := func() *domain.Contact {
			c, err := p.Store.ContactByPhone(ctx, in.From)
			if err != nil && !errors.Is(err, domain.ErrNotFound) {
				senderErr = err
			}
			return c
		}
		if !flows.ForGroup(in.Text, in.Mentioned, sender) {
			if senderErr != nil {
				p.Metrics.inboundDone(in.Channel, "refused")
				return Accepted{}, fmt.Errorf("%w: %v", ErrBusy, senderErr)
			}
			p.Metrics.inboundDone(in.Channel, "group")
			return Accepted{}, nil
		}
	}
	if l := in.Location; l != nil && !ValidLocation(l.Lat, l.Lng) {
		// A pin off the Earth (a client's bug, or a forged webhook) never
		// reaches a record or an export; the rest of the message goes on.
		p.Log.Info("location refused", "channel", in.Channel, "lat", l.Lat, "lng", l.Lng)
		in.Location = nil
		if strings.TrimSpace(in.Text) == "" && in.Media == nil {
			in.notice = flow.MsgBadLocation
		}
	}
	wait := p.LockWait
	if wait <= 0 {
		wait = 10 * time.Second
	}
	started := time.Now()
	lock, sess, err := p.Sessions.Acquire(ctx, in.From, wait)
	if err != nil {
		p.Metrics.inboundDone(in.Channel, "refused")
		if errors.Is(err, redis.ErrLockTimeout) {
			return Accepted{}, ErrBusy
		}
		return Accepted{}, fmt.Errorf("%w: %v", ErrBusy, err)
	}
	var (
		acc   Accepted
		res   flow.Result
		alive bool
	)
	saved := false
	if in.Media == nil && !in.Stale && in.notice == "" && in.Group == "" && p.maxBatch() > 1 {
		acc, res, alive, saved, err = p.batched(ctx, in, lock, sess)
	} else {
		acc, res, alive, err = p.alone(ctx, in, sess)
	}
	if err != nil || acc.Duplicate {
		_ = lock.Release(context.WithoutCancel(ctx))
		result := "duplicate"
		if err != nil {
			result = "refused"
		}
		p.Metrics.inboundDone(in.Channel, result)
		return acc, err
	}
	p.Metrics.inboundDone(in.Channel, "accepted")
	p.Metrics.step(res.Session.Flow, time.Since(started))
	// The records are committed; the session write is best effort: if it is
	// lost, the contact's counter tells the next message so.
	if !saved { // a batch saves its sessions together
		if err := lock.SaveAndRelease(context.WithoutCancel(ctx), res.Session, alive); err != nil {
			p.Log.Warn("session not saved", "err", err)
		}
	}
	if p.Wake != nil {
		p.Wake(in.Channel)
	}
	return acc, nil
}

// CleanText makes text storable: Postgres refuses invalid UTF-8 and NUL
// bytes, and a message that can never be stored would be redelivered forever.
func CleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return s
}

func (p *Pipeline) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// alone handles one message in a transaction of its own, trying again
// when a generated code was taken meanwhile.
func (p *Pipeline) alone(ctx context.Context, in Inbound, sess flow.Session) (acc Accepted, res flow.Result, alive bool, err error) {
	err = postgres.RetryCode(func() (err error) {
		acc, res, alive, err = p.turn(ctx, in, sess)
		return err
	})
	return acc, res, alive, err
}

// turn runs one message in one transaction. alive tells whether a session
// is worth keeping (a contact exists, or registration is under way).
func (p *Pipeline) turn(ctx context.Context, in Inbound, sess flow.Session) (acc Accepted, res flow.Result, alive bool, err error) {
	input := flow.Input{Channel: in.Channel, Text: in.Text, Location: in.Location}
	var (
		turn      *postgres.Turn
		inboundID int64
		dup       bool
	)
	logged := postgres.Inbound{Channel: in.Channel, ExtID: in.ExtID, Phone: in.From, Text: in.Text}
	if in.Media == nil {
		// The common case: the contact read and the log in one round trip.
		turn, inboundID, dup, err = p.Store.BeginLoggedTurn(ctx, logged)
		if err != nil || dup {
			return Accepted{Duplicate: dup}, res, false, err
		}
		defer turn.Rollback()
	} else {
		turn, err = p.Store.BeginTurn(ctx, in.From)
		if err != nil {
			return acc, res, false, err
		}
		defer turn.Rollback()
		if input.Media, input.NotKept, err = p.keepMedia(ctx, turn, in); err != nil {
			return acc, res, false, err
		}
		// Neither kept nor held back for consent: refused (too large to
		// keep or to decode, or empty), and the flow says so.
		input.MediaRefused = input.Media == nil && input.NotKept == ""
		if input.Media != nil {
			logged.MediaID = &input.Media.ID
		}
		inboundID, dup, err = turn.LogInbound(ctx, logged)
		if err != nil || dup {
			return Accepted{Duplicate: dup}, res, false, err
		}
	}
	if in.Stale || in.notice != "" {
		return p.stale(ctx, turn, in, inboundID, sess)
	}
	if in.Group != "" {
		if input.Group, err = groupInput(ctx, turn, in); err != nil {
			return acc, res, false, err
		}
	}
	st, err := p.step(ctx, turn, in, inboundID, sess, input)
	if err != nil {
		return acc, st.res, false, err
	}
	seq, err := p.finish(ctx, turn, in, st)
	if err != nil {
		return acc, st.res, false, err
	}
	st.res.Session.Seq = seq
	if err := turn.Commit(); err != nil {
		return acc, st.res, false, err
	}
	return Accepted{ID: inboundID}, st.res, st.alive(), nil
}

// groupInput is what the step knows of the group a message was posted in:
// the store's record of it (the adapter reports groups as it learns of
// them; one not yet reported is taken as one the bot may post in).
func groupInput(ctx context.Context, turn *postgres.Turn, in Inbound) (*flow.GroupInput, error) {
	gi := &flow.GroupInput{JID: in.Group, Mentioned: in.Mentioned, CanPost: true}
	g, err := turn.WAGroup(ctx, in.Channel, in.Group)
	if err != nil || g == nil {
		return gi, err
	}
	gi.Known, gi.Name, gi.Left, gi.CanPost = true, g.Name, g.LeftAt != nil, g.CanPost
	if g.Linked() {
		gi.DesaKode, gi.Audience = *g.DesaKode, *g.Audience
		if g.DusunID != nil {
			gi.DusunID = *g.DusunID
		}
	}
	return gi, nil
}

// keepMedia stores an attachment once the sender's contact is read: a
// file from someone who has not consented is dropped unstored (its kind
// is returned for the reply), and so is one too large or empty.
func (p *Pipeline) keepMedia(ctx context.Context, turn *postgres.Turn, in Inbound) (*flow.Media, flow.MediaKind, error) {
	if turn.Contact() == nil {
		_, kind := media.Classify(in.Media.Data, in.Media.Mime)
		p.Log.Info("media before consent not stored", "channel", in.Channel, "kind", kind)
		return nil, flow.MediaKind(kind), nil
	}
	st, err := p.Media.Put(in.Media.Data, in.Media.Mime)
	if err != nil {
		if domain.ErrorCodeOf(err) != domain.EINVALID {
			return nil, "", fmt.Errorf("storing media: %w", err)
		}
		// A file too large or empty: handled as a message without it.
		p.Log.Info("media refused", "channel", in.Channel, "err", domain.ErrorMessageOf(err))
		return nil, "", nil
	}
	id, err := turn.SaveMedia(ctx, postgres.Media{SHA256: st.SHA256, Mime: st.Mime, Kind: st.Kind, Size: st.Size, Path: st.Path})
	if err != nil {
		return nil, "", err
	}
	return &flow.Media{ID: id, Kind: flow.MediaKind(st.Kind), Mime: st.Mime}, "", nil
}

// stepped is a message's flow step with its own commands applied; its
// replies, fan-out commands and counter are still to be written.
type stepped struct {
	res     flow.Result
	contact *domain.Contact // after the step's commands (consent creates one)
	replies []postgres.Outbound
	fanOut  []flow.Command
}

// Env is what the flows get of a message that came by channel: the clock,
// the code generator, the time-out, the data controller, the channel's SMS
// budget by its kind and the region its number serves (Scopes).
func (p *Pipeline) Env(ctx context.Context, channel string) (flow.Env, error) {
	env := flow.Env{
		Now:         p.now(),
		Timeout:     p.Timeout,
		NewCode:     func(k domain.CodeKind) string { return domain.NewCode(k, nil) },
		Controller:  p.Controller,
		SMSSegments: SMSSegments(channel),
	}
	var err error
	if env.Scope, err = p.Scopes.Of(ctx, channel); err != nil {
		return env, fmt.Errorf("channel scope: %w", err)
	}
	return env, nil
}

// alive tells whether a session is worth keeping: a contact exists, or
// registration is under way.
func (s stepped) alive() bool { return s.contact != nil || !s.res.Session.Idle() }

func (p *Pipeline) step(ctx context.Context, turn *postgres.Turn, in Inbound, inboundID int64, sess flow.Session, input flow.Input) (stepped, error) {
	env, err := p.Env(ctx, in.Channel)
	if err != nil {
		return stepped{}, err
	}
	res, err := flows.Step(ctx, env, turn, turn.Contact(), sess, input)
	if err != nil {
		return stepped{res: res}, fmt.Errorf("flow step: %w", err)
	}
	// Each command's effect says whether it runs before the replies are
	// queued or after them (effects.go).
	personal, fanOut, err := byPhase(res.Commands)
	if err != nil {
		return stepped{res: res}, err
	}
	if err := p.apply(ctx, turn, in, personal, &res.Replies, nil); err != nil {
		return stepped{res: res}, err
	}
	contact := turn.Contact()
	var contactID *domain.ContactID
	if contact != nil {
		id := contact.ID
		contactID = &id
	}
	out := make([]postgres.Outbound, 0, len(res.Replies))
	for _, r := range res.Replies {
		o := postgres.Outbound{Channel: in.Channel, To: in.From, ContactID: contactID, Text: r.Text,
			Kind: "reply", Priority: postgres.PriorityReply, InboundID: &inboundID}
		if r.MediaID != 0 {
			mid := r.MediaID
			o.MediaID = &mid
		}
		out = append(out, o)
	}
	return stepped{res: res, contact: contact, replies: out, fanOut: fanOut}, nil
}

// finish writes a step's replies, runs its fan-out commands and advances
// the contact's counter, which it returns.
func (p *Pipeline) finish(ctx context.Context, turn *postgres.Turn, in Inbound, st stepped) (int64, error) {
	if len(st.fanOut) == 0 {
		// The replies and the counter in one statement.
		return turn.FinishWithReplies(ctx, st.replies, st.res.Session.Flow, in.Channel)
	}
	if _, err := turn.QueueOutbound(ctx, st.replies); err != nil {
		return 0, err
	}
	followUp := func(ctx context.Context, text string) error {
		o := postgres.Outbound{Channel: in.Channel, To: in.From, Text: text, Kind: "reply", Priority: postgres.PriorityReply}
		if st.contact != nil {
			id := st.contact.ID
			o.ContactID = &id
		}
		if len(st.replies) > 0 {
			o.InboundID = st.replies[0].InboundID
		}
		_, err := turn.QueueOutbound(ctx, []postgres.Outbound{o})
		return err
	}
	if err := p.apply(ctx, turn, in, st.fanOut, nil, followUp); err != nil {
		return 0, err
	}
	return turn.FinishTurn(ctx, st.res.Session.Flow, in.Channel)
}

func (p *Pipeline) reminders() postgres.ReminderPlan {
	if p.Reminders != nil {
		return p.Reminders
	}
	return postgres.DefaultReminders
}

// stale answers a late message (or one the pipeline refused, in.notice)
// with a notice and leaves the conversation as it was.
func (p *Pipeline) stale(ctx context.Context, turn *postgres.Turn, in Inbound, inboundID int64, sess flow.Session) (Accepted, flow.Result, bool, error) {
	key := flow.MsgLate
	if !in.Stale {
		key = in.notice
	}
	contact := turn.Contact()
	lang := flow.LangID
	var contactID *domain.ContactID
	if contact != nil {
		contactID, lang = &contact.ID, contact.Lang
	}
	_, err := turn.QueueOutbound(ctx, []postgres.Outbound{{Channel: in.Channel, To: in.From, ContactID: contactID,
		Text: flow.Render(lang, key, nil), Kind: "reply", Priority: postgres.PriorityReply, InboundID: &inboundID}})
	if err != nil {
		return Accepted{}, flow.Result{}, false, err
	}
	if err := turn.Commit(); err != nil {
		return Accepted{}, flow.Result{}, false, err
	}
	return Accepted{ID: inboundID}, flow.Result{Session: sess}, contact != nil || !sess.Idle(), nil
}
