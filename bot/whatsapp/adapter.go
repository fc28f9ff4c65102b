// Package whatsapp is the WhatsApp channel on go.mau.fi/whatsmeow, a
// multi-device web client: a phone number and a QR scan, no business
// verification. The adapter converts whatsmeow's events and message types
// at this boundary; nothing above it ever sees a JID.
//
// The adapter talks to whatsmeow through the narrow Client interface, so
// that tests drive it with real events.Message values and a fake client.
package whatsapp

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Client is the part of *whatsmeow.Client the adapter uses.
type Client interface {
	SendMessage(ctx context.Context, to types.JID, message *waE2E.Message, extra ...whatsmeow.SendRequestExtra) (whatsmeow.SendResponse, error)
	Upload(ctx context.Context, plaintext []byte, appInfo whatsmeow.MediaType) (whatsmeow.UploadResponse, error)
	Download(ctx context.Context, msg whatsmeow.DownloadableMessage) ([]byte, error)
	MarkRead(ctx context.Context, ids []types.MessageID, timestamp time.Time, chat, sender types.JID, receiptTypeExtra ...types.ReceiptType) error
	SendChatPresence(ctx context.Context, jid types.JID, state types.ChatPresence, media types.ChatPresenceMedia) error
	GetJoinedGroups(ctx context.Context) ([]*types.GroupInfo, error)
	GetGroupInfo(ctx context.Context, jid types.JID) (*types.GroupInfo, error)
}

// LIDStore is whatsmeow's device-store mapping of LIDs to phone numbers. It
// returns an empty JID, not an error, for a LID it does not know.
type LIDStore interface {
	GetPNForLID(ctx context.Context, lid types.JID) (types.JID, error)
	GetLIDForPN(ctx context.Context, pn types.JID) (types.JID, error)
}

// Store is what the adapter keeps in our database.
type Store interface {
	bot.StatusStore
	SaveLID(ctx context.Context, lid string, phone domain.Phone) error
	PhoneForLID(ctx context.Context, lid string) (domain.Phone, error)
	HoldForLID(ctx context.Context, channel, lid, extID, text, question string) (bool, error)
	TakePendingLID(ctx context.Context, channel, lid string) ([]postgres.PendingLIDMessage, error)
	OutboundText(ctx context.Context, channel, extID string) (string, error)
	Notice(ctx context.Context, channel, extID string, to domain.Phone, text string) (bool, error)
}

// State is the connection state of a number.
type State string

// States. The stopped ones need a person: pair again, update, or wait out a ban.
const (
	StateConnecting   State = "connecting"
	StateConnected    State = "connected"
	StateDisconnected State = "disconnected"
	StateLoggedOut    State = "logged_out"
	StateReplaced     State = "replaced"
	StateOutdated     State = "outdated"
	StateBanned       State = "banned"
)

// Stopped tells whether the number must not send or reconnect.
func (s State) Stopped() bool {
	return s == StateLoggedOut || s == StateReplaced || s == StateOutdated || s == StateBanned
}

// Config configures an adapter.
type Config struct {
	// MaxAge: a message older than this when it arrives (after downtime) is
	// stored and answered with a notice, not as if new. Default 6 h.
	MaxAge time.Duration
	Pace   Pace
	// Clock paces the number's sends (the wall clock when nil; benches
	// play a faster one).
	Clock bot.Clock
	// MaxMedia is the media store's size limit (10 MB when zero): a file
	// that declares more is not downloaded (whatsmeow reads a download
	// whole into memory, and a document may be 2 GB).
	MaxMedia int
	// Groups records the groups the number is in, from group events and
	// after each connect (nil: group events are not recorded).
	Groups bot.GroupStore
	// GroupSyncEvery is the least time between two reads of every joined
	// group (after a connect, or once the messages missed meanwhile were
	// delivered). Default 5 min.
	GroupSyncEvery time.Duration
}

// Bind ties the adapter to ctx (Run's): a group sync ends with it, and none
// starts after it ended.
func (a *Adapter) Bind(ctx context.Context) { a.life.Store(&ctx) }

func (a *Adapter) lifeCtx() context.Context { return *a.life.Load() }

// Adapter is one WhatsApp number as a bot.Channel.
type Adapter struct {
	name   string
	phone  domain.Phone
	client Client
	lids   LIDStore
	store  Store
	pipe   bot.Handler
	log    *slog.Logger
	cfg    Config
	pacer  *pacer
	// Now is the clock; tests set it.
	Now func() time.Time
	// Alert tells facilitators that the number stopped (logged out,
	// replaced, outdated, banned). The default logs at error level.
	Alert func(state State, detail string)
	// LID is the number's own LID (the device store's; Attach sets it), by
	// which groups that address members by LID mention the bot. When it is
	// empty (a session paired before LIDs), the device store's LID map is
	// asked for the number's (ownLID).
	LID          func() types.JID
	ownLIDFound  atomic.Pointer[types.JID]
	ownLIDMissed atomic.Int64 // unix ns of the last lookup that found none

	// life is the adapter's context (Run's); a group sync ends with it.
	life atomic.Pointer[context.Context]
	// groupMu serializes the group sync with the group event handlers, so
	// that a snapshot read before a join or leave is never written after
	// it; syncing keeps to one sync at a time, lastSync (unix ns) to one
	// every Config.GroupSyncEvery.
	groupMu  sync.Mutex
	syncing  atomic.Bool
	lastSync atomic.Int64

	state         atomic.Value // State
	bannedUntil   atomic.Int64 // unix seconds
	undecryptable atomic.Int64

	mu    sync.Mutex
	chats map[domain.Phone]types.JID // the chat each person last wrote from
}

// New returns an adapter for the number phone (E.164).
func New(phone domain.Phone, client Client, lids LIDStore, store Store, pipe bot.Handler, log *slog.Logger, cfg Config) *Adapter {
	if cfg.MaxAge <= 0 {
		cfg.MaxAge = 6 * time.Hour
	}
	if cfg.GroupSyncEvery <= 0 {
		cfg.GroupSyncEvery = 5 * time.Minute
	}
	a := &Adapter{
		name: ChannelName(phone), phone: phone, client: client, lids: lids, store: store, pipe: pipe, log: log.With("channel", ChannelName(phone)),
		cfg: cfg, pacer: newPacer(cfg.Pace, cfg.Clock), Now: time.Now, chats: map[domain.Phone]types.JID{},
	}
	a.state.Store(StateConnecting)
	bg := context.Background()
	a.life.Store(&bg)
	a.LID = func() types.JID { return types.EmptyJID }
	a.Alert = func(state State, detail string) {
		a.log.Error("WHATSAPP NUMBER STOPPED: a facilitator must act", "state", state, "detail", detail)
	}
	return a
}

// ChannelName is the channel name of a WhatsApp number: one channel per
// number, so replies leave by the number the resident wrote to.
func ChannelName(phone domain.Phone) string { return bot.ChannelName(bot.KindWhatsApp, string(phone)) }

// Name implements bot.Channel.
func (a *Adapter) Name() string { return a.name }

// State returns the connection state.
func (a *Adapter) State() State { return a.state.Load().(State) }

// Undecryptable counts messages that could not be decrypted.
func (a *Adapter) Undecryptable() int64 { return a.undecryptable.Load() }

// Ready reports an error unless the number is connected (for /readyz).
func (a *Adapter) Ready(context.Context) error {
	if s := a.State(); s != StateConnected {
		return fmt.Errorf("whatsapp %s", s)
	}
	return nil
}

func (a *Adapter) setState(s State) {
	if a.State().Stopped() && !s.Stopped() {
		return // a stopped number stays stopped until a person acts
	}
	a.state.Store(s)
}

func (a *Adapter) stop(s State, detail string) {
	a.state.Store(s)
	a.Alert(s, detail)
}

// HandleEvent is registered with AddEventHandlerWithSuccessStatus. With
// SynchronousAck, WhatsApp gets the message's ack only when this returns
// true, so a message is acknowledged only after it was stored; false makes
// WhatsApp deliver it again.
func (a *Adapter) HandleEvent(evt any) bool {
	ctx := context.Background()
	switch e := evt.(type) {
	case *events.Message:
		return a.onMessage(ctx, e)
	case *events.Receipt:
		a.onReceipt(ctx, e)
	case *events.UndecryptableMessage:
		a.onUndecryptable(ctx, e)
	case *events.Connected:
		a.setState(StateConnected)
		a.startGroupSync()
	case *events.OfflineSyncCompleted:
		// The events missed while disconnected were delivered: a sync now
		// sees what they changed (when the connect's own sync is not
		// within GroupSyncEvery).
		a.startGroupSync()
	case *events.JoinedGroup:
		return a.onJoinedGroup(ctx, e)
	case *events.GroupInfo:
		return a.onGroupInfo(ctx, e)
	case *events.Disconnected:
		a.setState(StateDisconnected)
	case *events.LoggedOut:
		a.stop(StateLoggedOut, "the phone logged this device out; pair again with `suaradesa whatsapp pair`")
	case *events.StreamReplaced:
		a.stop(StateReplaced, "another client connected with this number")
	case *events.ClientOutdated:
		a.stop(StateOutdated, "WhatsApp rejected this client version (405): update go.mau.fi/whatsmeow and rebuild")
	case *events.TemporaryBan:
		a.bannedUntil.Store(a.Now().Add(e.Expire).Unix())
		a.stop(StateBanned, e.String())
	}
	return true
}

// skip tells whether a message is not for us: broadcasts, status,
// newsletters, our own messages. Group messages are for us (inGroup).
func skip(info types.MessageInfo) bool {
	switch {
	case info.IsFromMe:
		return true
	case info.Chat.Server == types.BroadcastServer,
		info.Chat.Server == types.NewsletterServer, info.Chat.User == "status":
		return true
	}
	return false
}

func (a *Adapter) onMessage(ctx context.Context, e *events.Message) bool {
	if skip(e.Info) || e.Message == nil {
		return true
	}
	group := inGroup(e.Info)
	mentioned := group && a.mentioned(ctx, e.Message)
	// Group chatter reaches the pipeline only to be ignored there: its
	// media is not fetched.
	in, ok := a.convert(ctx, e, !group || mentioned)
	if !ok {
		return true // reactions, edits, protocol messages: nothing to answer
	}
	if group {
		in.Group, in.Mentioned = bot.CleanText(e.Info.Chat.ToNonAD().String()), mentioned
		// WhatsApp keys a message by chat and id (whatsmeow too): the
		// chat keeps two groups' ids apart in our dedupe.
		in.ExtID = in.Group + "/" + in.ExtID
	}
	phone, lid, known := a.resolve(ctx, e.Info)
	if !known {
		if group {
			return a.unknownMember(ctx, lid, in)
		}
		return a.unknownSender(ctx, lid, in)
	}
	in.From = phone
	if !group {
		a.rememberChat(phone, e.Info.Chat) // a reply to a group message goes to the person
	}
	if !group || mentioned {
		// The reply is paced from now; group chatter gets none, and must
		// not hold back the member's private replies.
		a.pacer.sched.Heard(phone)
	}
	if _, err := a.pipe.Handle(ctx, in); err != nil {
		if domain.ErrorCodeOf(err) == domain.EINVALID {
			a.log.Info("message refused", "err", domain.ErrorMessageOf(err))
			return true
		}
		a.log.Warn("message not stored; WhatsApp will deliver it again", "err", err)
		return false
	}
	if !group { // no read receipts nor "typing…" in a group
		go a.acknowledge(e.Info)
	}
	return true
}

// acknowledge shows the resident that the message was read and that a
// reply is coming.
func (a *Adapter) acknowledge(info types.MessageInfo) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := a.client.MarkRead(ctx, []types.MessageID{info.ID}, a.Now(), info.Chat, info.Sender); err != nil {
		a.log.Debug("mark read", "err", err)
	}
	if err := a.client.SendChatPresence(ctx, info.Chat, types.ChatPresenceComposing, types.ChatPresenceMediaText); err != nil {
		a.log.Debug("typing indicator", "err", err)
	}
}

// resolve finds the sender's phone number: the sender's own JID when it is a
// phone number, else the alternative address, else the device store's LID
// map, else ours. It records every (LID, phone) pair it learns.
func (a *Adapter) resolve(ctx context.Context, info types.MessageInfo) (domain.Phone, string, bool) {
	sender, alt := info.Sender.ToNonAD(), info.SenderAlt.ToNonAD()
	if sender.Server == types.DefaultUserServer {
		phone, err := phoneOf(sender)
		if err == nil && alt.Server == types.HiddenUserServer {
			a.saveLID(ctx, bot.CleanText(alt.String()), phone)
		}
		return phone, "", err == nil
	}
	if sender.Server != types.HiddenUserServer {
		return "", "", false
	}
	// Cleaned once here: Postgres refuses invalid UTF-8, and a message that
	// can never be stored would be redelivered forever.
	lid := bot.CleanText(sender.String())
	if alt.Server == types.DefaultUserServer {
		if phone, err := phoneOf(alt); err == nil {
			a.saveLID(ctx, lid, phone)
			return phone, lid, true
		}
	}
	if a.lids != nil {
		if pn, err := a.lids.GetPNForLID(ctx, sender); err == nil && !pn.IsEmpty() {
			if phone, err := phoneOf(pn); err == nil {
				a.saveLID(ctx, lid, phone)
				return phone, lid, true
			}
		}
	}
	if phone, err := a.store.PhoneForLID(ctx, lid); err == nil {
		return phone, lid, true
	}
	return "", lid, false
}

func (a *Adapter) saveLID(ctx context.Context, lid string, phone domain.Phone) {
	if err := a.store.SaveLID(ctx, lid, phone); err != nil {
		a.log.Warn("saving lid", "err", err)
	}
}

func phoneOf(jid types.JID) (domain.Phone, error) {
	return domain.ParsePhone("+" + jid.User)
}

var (
	phoneInText = regexp.MustCompile(`(?:\+?62|0)[\d\s.-]{8,16}\d`)
	waidInVCard = regexp.MustCompile(`waid=(\d{8,15})`)
)

// unknownSender keeps a message from a sender whose number WhatsApp hides
// and asks them for it; when they answer with their number (typed, or a
// contact card), the messages kept are handled as theirs.
func (a *Adapter) unknownSender(ctx context.Context, lid string, in bot.Inbound) bool {
	if lid == "" {
		a.log.Warn("message from an address that is neither a number nor a LID; ignored")
		return true
	}
	if phone, ok := NumberIn(in.Text); ok {
		a.saveLID(ctx, lid, phone)
		held, err := a.store.TakePendingLID(ctx, a.name, lid)
		if err != nil {
			a.log.Warn("taking held messages", "err", err)
			return false
		}
		for _, h := range held {
			if _, err := a.pipe.Handle(ctx, bot.Inbound{Channel: a.name, ExtID: h.ExtID, From: phone, Text: h.Text}); err != nil {
				a.log.Warn("held message not stored", "err", err)
			}
		}
		if len(held) == 0 {
			in.From = phone
			_, err := a.pipe.Handle(ctx, in)
			return err == nil
		}
		return true
	}
	return a.hold(ctx, lid, in)
}

// hold keeps the message of a sender whose number is unknown and asks
// them, privately, for their number.
func (a *Adapter) hold(ctx context.Context, lid string, in bot.Inbound) bool {
	question := flow.Render(flow.LangID, flow.MsgAskNumber, nil)
	if _, err := a.store.HoldForLID(ctx, a.name, lid, bot.CleanText(in.ExtID), bot.CleanText(in.Text), question); err != nil {
		a.log.Warn("holding message from unknown lid", "err", err)
		return false
	}
	return true
}

// NumberIn finds a phone number in a typed answer or a shared contact card.
func NumberIn(text string) (domain.Phone, bool) {
	if m := waidInVCard.FindStringSubmatch(text); m != nil {
		if p, err := domain.ParsePhone("+" + m[1]); err == nil {
			return p, true
		}
	}
	if m := phoneInText.FindString(text); m != "" {
		if p, err := domain.ParsePhone(m); err == nil {
			return p, true
		}
	}
	return "", false
}

func (a *Adapter) rememberChat(phone domain.Phone, chat types.JID) {
	a.mu.Lock()
	a.chats[phone] = chat.ToNonAD()
	a.mu.Unlock()
}

// chatFor is where a message to phone goes: the chat the person last wrote
// from (it may be a LID chat), else their number.
func (a *Adapter) chatFor(to string) (types.JID, error) {
	if strings.HasSuffix(to, "@"+types.HiddenUserServer) {
		return types.ParseJID(to) // a question to a sender whose number is unknown
	}
	phone := domain.Phone(to)
	a.mu.Lock()
	chat, ok := a.chats[phone]
	a.mu.Unlock()
	if ok {
		return chat, nil
	}
	if !strings.HasPrefix(to, "+") {
		return types.JID{}, &bot.PermanentError{Err: errors.New("not a phone number")}
	}
	return types.NewJID(strings.TrimPrefix(to, "+"), types.DefaultUserServer), nil
}

func (a *Adapter) convert(ctx context.Context, e *events.Message, fetch bool) (bot.Inbound, bool) {
	in, ok := Convert(ctx, e, a.name, a.Now(), a.cfg.MaxAge, func(ctx context.Context, m whatsmeow.DownloadableMessage) ([]byte, error) {
		if !fetch {
			return nil, errors.New("group media not fetched")
		}
		limit := a.cfg.MaxMedia
		if limit <= 0 {
			limit = 10 << 20
		}
		if sized, ok := m.(interface{ GetFileLength() uint64 }); ok && sized.GetFileLength() > uint64(limit) {
			// Handled as a file we could not fetch; the caption still counts.
			a.log.Info("media over the size limit not downloaded", "bytes", sized.GetFileLength(), "limit", limit)
			return nil, errors.New("media over the size limit")
		}
		data, err := a.client.Download(ctx, m)
		if err != nil {
			// Expired or broken media: the caption still counts, and the
			// flow asks again for what it needs.
			a.log.Warn("media download failed", "err", err)
		}
		return data, err
	})
	return in, ok
}

// Convert turns a WhatsApp message into a pipeline message, with no I/O but
// download: text, captions, images, voice notes and documents, location
// pins, button and list replies, contact cards. It reports false for
// messages with nothing to answer (reactions, edits, protocol messages).
func Convert(ctx context.Context, e *events.Message, channel string, now time.Time, maxAge time.Duration,
	download func(context.Context, whatsmeow.DownloadableMessage) ([]byte, error)) (bot.Inbound, bool) {
	m := e.Message
	in := bot.Inbound{Channel: channel, ExtID: string(e.Info.ID)}
	if !e.Info.Timestamp.IsZero() && now.Sub(e.Info.Timestamp) > maxAge {
		in.Stale = true
	}
	var media whatsmeow.DownloadableMessage
	var mime string
	switch {
	case m.GetConversation() != "":
		in.Text = m.GetConversation()
	case m.GetExtendedTextMessage() != nil:
		in.Text = m.GetExtendedTextMessage().GetText()
	case m.GetImageMessage() != nil:
		img := m.GetImageMessage()
		in.Text, media, mime = img.GetCaption(), img, img.GetMimetype()
	case m.GetAudioMessage() != nil:
		au := m.GetAudioMessage()
		media, mime = au, au.GetMimetype()
	case m.GetDocumentMessage() != nil:
		doc := m.GetDocumentMessage()
		in.Text, media, mime = doc.GetCaption(), doc, doc.GetMimetype()
	case m.GetLocationMessage() != nil:
		loc := m.GetLocationMessage()
		in.Location = &domain.Location{Lat: loc.GetDegreesLatitude(), Lng: loc.GetDegreesLongitude()}
	case m.GetButtonsResponseMessage() != nil:
		in.Text = m.GetButtonsResponseMessage().GetSelectedButtonID()
	case m.GetListResponseMessage() != nil:
		in.Text = m.GetListResponseMessage().GetSingleSelectReply().GetSelectedRowID()
	case m.GetTemplateButtonReplyMessage() != nil:
		in.Text = m.GetTemplateButtonReplyMessage().GetSelectedID()
	case m.GetContactMessage() != nil:
		in.Text = m.GetContactMessage().GetVcard()
	default:
		return in, false
	}
	if media != nil {
		if data, err := download(ctx, media); err == nil {
			in.Media = &bot.InboundMedia{Data: data, Mime: mime}
		}
	}
	if in.Text == "" && in.Media == nil && in.Location == nil {
		in.Text = " " // a file we could not fetch: the flow answers like an empty message
	}
	return in, true
}

func (a *Adapter) onReceipt(ctx context.Context, e *events.Receipt) {
	var status string
	switch e.Type {
	case types.ReceiptTypeDelivered:
		status = "delivered"
	case types.ReceiptTypeRead, types.ReceiptTypeReadSelf:
		status = "read"
	default:
		return
	}
	ids := make([]string, len(e.MessageIDs))
	for i, id := range e.MessageIDs {
		ids[i] = string(id)
	}
	if _, err := a.store.MarkOutboundStatus(ctx, a.name, ids, status); err != nil {
		a.log.Warn("receipt", "err", err)
	}
}

// onUndecryptable counts messages WhatsApp could not decrypt. whatsmeow asks
// the sender's phone to retry; when the message is unavailable for good the
// resident is asked to send it again.
func (a *Adapter) onUndecryptable(ctx context.Context, e *events.UndecryptableMessage) {
	a.undecryptable.Add(1)
	a.log.Warn("undecryptable message", "unavailable", e.IsUnavailable, "type", e.UnavailableType)
	if skip(e.Info) || inGroup(e.Info) || e.DecryptFailMode == events.DecryptFailHide {
		return // not asked in a group: most of it was chatter
	}
	phone, _, known := a.resolve(ctx, e.Info)
	if !known {
		return
	}
	a.rememberChat(phone, e.Info.Chat)
	text := flow.Render(flow.LangID, flow.MsgResend, nil)
	// Logged under a derived id so that WhatsApp's own retries of the same
	// message ask only once.
	if _, err := a.store.Notice(ctx, a.name, "undecryptable/"+string(e.Info.ID), phone, text); err != nil {
		a.log.Warn("asking to resend", "err", err)
	}
}

// messageID derives our WhatsApp message id from the outbound row, so that
// a resend after a crash is the same message to the recipient.
func (a *Adapter) messageID(outboundID int64) types.MessageID {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", a.name, outboundID)))
	return types.MessageID("3EB0" + strings.ToUpper(hex.EncodeToString(sum[:8])))
}

// MessageForRetry serves whatsmeow's GetMessageForRetry from our outbound
// table, so a recipient whose device asks again never sees "waiting for
// this message".
func (a *Adapter) MessageForRetry(_, _ types.JID, id types.MessageID) *waE2E.Message {
	text, err := a.store.OutboundText(context.Background(), a.name, string(id))
	if err != nil {
		return nil
	}
	return &waE2E.Message{Conversation: &text}
}
