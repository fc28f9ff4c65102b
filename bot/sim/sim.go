// Package sim is the simulator channel: an HTTP contract that lets tests,
// the load generator and people at a demo speak to the bot as any number
// (docs/ARCHITECTURE.md, "The simulator contract"). It is on only where
// SIM_ENABLED says.
package sim

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// Name is the channel's name.
const Name = bot.KindSim

// Outbox lists the messages sent to numbers and finds their media.
type Outbox interface {
	SentToMany(ctx context.Context, channel string, qs []postgres.SentQuery, limit int) ([][]postgres.SentMessage, error)
	MediaSentTo(ctx context.Context, id int64, channel string, to domain.Phone) (path, mime string, err error)
}

// Channel is the simulator: a bot.Channel whose "sending" makes a message
// visible at GET /sim/outbound.
type Channel struct {
	Pipeline bot.Handler
	Outbox   Outbox
	Log      *slog.Logger
	// MediaDir is the media store's root, for GET /sim/media/{id}?to=….
	MediaDir string
	// Token, when set, must be given as "Authorization: Bearer …", in a
	// header only: an address (?token=) ends up in proxies' logs and in
	// browsers' history.
	Token string
	// MaxMedia is the media store's size limit (10 MB when zero): a body
	// may carry one such file in base64, and little more.
	MaxMedia int
	// GroupStore is told of the simulated groups (created, members
	// changed, settings, the bot removed) as the WhatsApp adapter tells it
	// of real ones; nil when the store keeps no groups.
	GroupStore bot.GroupStore
	// GroupGap is the least time between two posts to one group
	// (DefaultGroupGap, a minute as on WhatsApp, when zero).
	GroupGap time.Duration

	gmu    sync.Mutex
	groups map[string]*group // by JID

	mu      sync.Mutex
	rcpts   map[domain.Phone]*recipient
	pending []*readReq // reads of GET /sim/outbound waiting for a reader
	readers int        // readers running
}

// maxReads bounds the database reads of the long polls at once. Hundreds
// of waiting clients woken together would otherwise take every connection
// of the pool and crowd out the pipeline that writes their replies (see
// the README's benchmark notes).
const maxReads = 2

// maxReadBatch is the most long polls one read answers.
const maxReadBatch = 128

// readTimeout bounds one read, which serves many requests, none of whose
// ends cancels it.
const readTimeout = 10 * time.Second

// readReq is a long poll's read, waiting for a reader.
type readReq struct {
	ctx  context.Context
	q    postgres.SentQuery
	done chan readResult
}

type readResult struct {
	msgs []postgres.SentMessage
	err  error
}

// sentTo reads the messages sent to a number after seq. Reads are
// gathered: the polls waiting while a read runs are answered together by
// the next, in one statement (Outbox.SentToMany), so that a dispatcher's
// batch of replies costs a few reads, not one a reply; at most maxReads
// run at once. As with the pipeline's group commit, a request never reads
// for others: a reader is a goroutine of its own that ends when no poll
// is waiting.
func (c *Channel) sentTo(ctx context.Context, to domain.Phone, after int64) ([]postgres.SentMessage, error) {
	req := &readReq{ctx: ctx, q: postgres.SentQuery{To: to, After: after}, done: make(chan readResult, 1)}
	c.mu.Lock()
	c.pending = append(c.pending, req)
	lead := c.readers < maxReads
	if lead {
		c.readers++
	}
	c.mu.Unlock()
	if lead {
		go c.read()
	}
	select {
	case r := <-req.done:
		return r.msgs, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// read answers waiting polls, a batch at a time, until none waits.
func (c *Channel) read() {
	for {
		c.mu.Lock()
		n := min(len(c.pending), maxReadBatch)
		if n == 0 {
			c.pending = nil // let the backing array go
			c.readers--
			c.mu.Unlock()
			return
		}
		reqs := slices.Clone(c.pending[:n])
		clear(c.pending[:n])
		c.pending = c.pending[n:]
		c.mu.Unlock()
		// A poll whose client went away is not read for.
		reqs = slices.DeleteFunc(reqs, func(r *readReq) bool { return r.ctx.Err() != nil })
		if len(reqs) == 0 {
			continue
		}
		qs := make([]postgres.SentQuery, len(reqs))
		for i, r := range reqs {
			qs[i] = r.q
		}
		ctx, cancel := context.WithTimeout(context.WithoutCancel(reqs[0].ctx), readTimeout)
		msgs, err := c.Outbox.SentToMany(ctx, Name, qs, outboundLimit)
		cancel()
		for i, r := range reqs {
			if err != nil {
				r.done <- readResult{err: err}
			} else {
				r.done <- readResult{msgs: msgs[i]}
			}
		}
	}
}

// recipient is what the simulator knows of the sends to one number: a
// channel closed at the next send (when someone waits), a count of the
// sends this process recorded, and the last read that found nothing new.
// A long poll asks the database first only when this process may have sent
// since that read, or the read is older than quietFor (another process may
// have) — one read per reply instead of two under load.
type recipient struct {
	changed    chan struct{}
	sends      uint64
	quiet      bool      // a read at quietAt, when sends were quietSends, found nothing after quietAfter
	quietAfter int64     //
	quietSends uint64    //
	quietAt    time.Time //
}

// quietFor is how long an empty read is trusted: as long as a waiting poll
// goes without looking again for other processes' sends.
const quietFor = time.Second

// maxRecipients bounds what the simulator remembers; past it, it forgets
// all (and reads the database first, as without the memory).
const maxRecipients = 100_000

// Name implements bot.Channel.
func (c *Channel) Name() string { return Name }

// Send implements bot.Channel: the message is already stored, so sending is
// only a matter of the dispatcher marking it sent. A post to a group (Group
// set, or a group's JID as the recipient, as the queue holds it) is paced
// per group as on WhatsApp.
func (c *Channel) Send(ctx context.Context, m bot.Message) (string, error) {
	group := m.Group
	if group == "" && IsGroupJID(string(m.To)) {
		group = string(m.To)
	}
	if group != "" {
		return "", c.post(ctx, group)
	}
	return "", nil // no id of its own: no delivery receipts to match
}

// Notify wakes the long polls of GET /sim/outbound for the given
// recipients (all of them when none is given); the dispatcher calls it
// after recording a batch as sent. Waking only those concerned keeps 200
// waiting residents from querying the database at every send.
func (c *Channel) Notify(to ...domain.Phone) {
	c.mu.Lock()
	defer c.mu.Unlock()
	wake := func(r *recipient) {
		r.sends++
		if r.changed != nil {
			close(r.changed)
			r.changed = nil
		}
	}
	if len(to) == 0 {
		for _, r := range c.rcpts {
			wake(r)
		}
		return
	}
	for _, p := range to {
		if r, ok := c.rcpts[p]; ok {
			wake(r)
		}
	}
}

// watch returns a channel closed at the next send to the number, the sends
// counted so far, and whether a read at that count already found nothing
// after seq (so reading again now would find nothing either).
func (c *Channel) watch(to domain.Phone, after int64) (<-chan struct{}, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rcpts == nil || len(c.rcpts) >= maxRecipients {
		c.rcpts = map[domain.Phone]*recipient{}
	}
	r, ok := c.rcpts[to]
	if !ok {
		r = &recipient{}
		c.rcpts[to] = r
	}
	if r.changed == nil {
		r.changed = make(chan struct{})
	}
	known := r.quiet && r.quietSends == r.sends && r.quietAfter == after && time.Since(r.quietAt) < quietFor
	return r.changed, r.sends, known
}

// quiet records that a read made when sends were counted found nothing
// after seq.
func (c *Channel) quiet(to domain.Phone, after int64, sends uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.rcpts[to]; ok {
		r.quiet, r.quietAfter, r.quietSends, r.quietAt = true, after, sends, time.Now()
	}
}

// Register adds the simulator's routes.
func (c *Channel) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /sim/inbound", c.auth(c.inbound))
	mux.HandleFunc("GET /sim/outbound", c.auth(c.outbound))
	mux.HandleFunc("GET /sim/media/{id}", c.auth(c.media))
	mux.HandleFunc("GET /sim/groups", c.auth(c.listGroups))
	mux.HandleFunc("POST /sim/groups", c.auth(c.createGroup))
	mux.HandleFunc("POST /sim/groups/{jid}/members", c.auth(c.changeMembers))
	mux.HandleFunc("POST /sim/groups/{jid}/settings", c.auth(c.changeSettings))
	mux.HandleFunc("DELETE /sim/groups/{jid}", c.auth(c.deleteGroup))
	// The page holds no data (it asks for the token and sends it with
	// every request), so a browser can open it.
	mux.HandleFunc("GET /sim", c.page)
}

// media serves a file only to the number a sent message carried it to,
// named by ?to= as in GET /sim/outbound (the media_url it lists has it),
// or to whoever names the group a post carried it to (?group=: all its
// members see it): a media id is a counter, and the files are residents'
// photos.
func (c *Channel) media(w http.ResponseWriter, r *http.Request) {
	to, _, err := recipientOf(r.URL.Query())
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	path, mime, err := c.Outbox.MediaSentTo(r.Context(), id, Name, to)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	f, err := os.Open(filepath.Join(c.MediaDir, filepath.Clean("/"+path)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", mime)
	_, _ = io.Copy(w, f)
}

func (c *Channel) auth(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if c.Token != "" {
			got, bearer := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !bearer || subtle.ConstantTimeCompare([]byte(got), []byte(c.Token)) != 1 {
				writeJSON(w, http.StatusUnauthorized, errorBody{"token required"})
				return
			}
		}
		h(w, r)
	}
}

// attachmentBody is a file in a simulated message.
type attachmentBody struct {
	Mime       string `json:"mime"`
	DataBase64 string `json:"data_base64"`
}

type inboundBody struct {
	From  string          `json:"from"`
	Text  string          `json:"text"`
	ID    string          `json:"id"`
	Image *attachmentBody `json:"image"`
	// Audio is a voice note (audio/ogg as WhatsApp sends them).
	Audio    *attachmentBody `json:"audio"`
	Location *struct {
		Lat *float64 `json:"lat"`
		Lng *float64 `json:"lng"`
	} `json:"location"`
	// Group is the JID of the simulated group the message is written in;
	// Mention marks one that mentions the bot (or replies to its post).
	Group   string `json:"group"`
	Mention bool   `json:"mention"`
}

type errorBody struct {
	Error string `json:"error"`
}

type acceptedBody struct {
	ID        string `json:"id"`
	Duplicate bool   `json:"duplicate"`
}

// maxBody bounds a request: one file of the media limit in base64, and
// 64 KB for the rest (a text longer than that is cut when stored anyway).
func (c *Channel) maxBody() int64 {
	limit := c.MaxMedia
	if limit <= 0 {
		limit = 10 << 20
	}
	return int64(base64.StdEncoding.EncodedLen(limit)) + 64<<10
}

// ParseInbound decodes and checks a POST /sim/inbound body. It is exported
// for the fuzz test; every error is a message for the client.
func ParseInbound(raw []byte) (bot.Inbound, error) {
	var b inboundBody
	if err := json.Unmarshal(raw, &b); err != nil {
		return bot.Inbound{}, errors.New("malformed JSON")
	}
	from, err := domain.ParsePhone(b.From)
	if err != nil {
		return bot.Inbound{}, errors.New("bad phone number in \"from\"")
	}
	in := bot.Inbound{Channel: Name, From: from, Text: b.Text, ExtID: b.ID, Group: b.Group, Mentioned: b.Mention}
	if b.Group != "" && !IsGroupJID(b.Group) {
		return bot.Inbound{}, errors.New("\"group\" must be a group's JID, ending in @g.us")
	}
	if b.Mention && b.Group == "" {
		return bot.Inbound{}, errors.New("\"mention\" is for a message in a group: give \"group\"")
	}
	if len(in.ExtID) > 200 {
		return bot.Inbound{}, errors.New("\"id\" longer than 200 characters")
	}
	if b.Image != nil && b.Audio != nil {
		return bot.Inbound{}, errors.New("one message carries an image or an audio, not both")
	}
	for name, a := range map[string]*attachmentBody{"image": b.Image, "audio": b.Audio} {
		if a == nil {
			continue
		}
		data, err := base64.StdEncoding.DecodeString(a.DataBase64)
		if err != nil {
			return bot.Inbound{}, errors.New(name + ".data_base64 is not base64")
		}
		if len(data) == 0 {
			return bot.Inbound{}, errors.New(name + " is empty")
		}
		in.Media = &bot.InboundMedia{Data: data, Mime: a.Mime}
	}
	if b.Location != nil {
		// The pipeline drops a bad pin of any channel; the simulator's
		// contract answers it 400, with the same rule.
		if b.Location.Lat == nil || b.Location.Lng == nil || !bot.ValidLocation(*b.Location.Lat, *b.Location.Lng) {
			return bot.Inbound{}, errors.New("location needs lat (-90..90) and lng (-180..180), not both 0")
		}
		in.Location = &domain.Location{Lat: *b.Location.Lat, Lng: *b.Location.Lng}
	}
	if b.Text == "" && in.Media == nil && in.Location == nil {
		return bot.Inbound{}, errors.New("one of text, image, audio or location is required")
	}
	return in, nil
}

func (c *Channel) inbound(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, c.maxBody()))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{fmt.Sprintf("body larger than %d KB", tooBig.Limit>>10)})
			return
		}
		writeJSON(w, http.StatusBadRequest, errorBody{"could not read the body"})
		return
	}
	in, err := ParseInbound(raw)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	if in.Group != "" {
		if err := c.checkMember(in.Group, in.From); err != nil {
			writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
			return
		}
	}
	clientID := in.ExtID
	if clientID == "" {
		clientID = newID()
	}
	// The dedupe key is the sender and the client's id.
	in.ExtID = string(in.From) + "/" + clientID
	acc, err := c.Pipeline.Handle(r.Context(), in)
	if err != nil {
		if domain.ErrorCodeOf(err) == domain.EINVALID {
			writeJSON(w, http.StatusBadRequest, errorBody{domain.ErrorMessageOf(err)})
			return
		}
		c.Log.Warn("sim inbound not handled", "err", err)
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"temporarily unavailable, send again with the same id"})
		return
	}
	writeJSON(w, http.StatusAccepted, acceptedBody{ID: clientID, Duplicate: acc.Duplicate})
}

// outboundBody and outboundMessage are GET /sim/outbound's answer: the
// simulator's contract (README), written here, not by the store's rows.
type outboundBody struct {
	Messages []outboundMessage `json:"messages"`
	Last     int64             `json:"last"`
}

type outboundMessage struct {
	Seq      int64     `json:"seq"`
	To       string    `json:"to"`
	Text     string    `json:"text"`
	MediaURL *string   `json:"media_url"`
	At       time.Time `json:"at"`
}

// maxWait bounds a long poll.
const maxWait = 30 * time.Second

// recipientOf reads whose messages a request names: a number (?to=) or a
// group (?group=, its JID; a group's posts are stored with the JID as their
// recipient). It returns the query's name of it too, for media_url.
func recipientOf(q url.Values) (domain.Phone, string, error) {
	if jid := q.Get("group"); q.Has("group") {
		if !IsGroupJID(jid) {
			return "", "", errors.New("\"group\" must be a group's JID, ending in @g.us")
		}
		return domain.Phone(jid), "group", nil
	}
	to, err := domain.ParsePhone(q.Get("to"))
	if err != nil {
		return "", "", errors.New("bad phone number in \"to\"")
	}
	return to, "to", nil
}

func (c *Channel) outbound(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	to, param, err := recipientOf(q)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	var after int64
	if s := q.Get("after"); s != "" {
		if after, err = strconv.ParseInt(s, 10, 64); err != nil || after < 0 {
			writeJSON(w, http.StatusBadRequest, errorBody{"\"after\" must be a sequence number"})
			return
		}
	}
	var wait time.Duration
	if s := q.Get("wait"); s != "" {
		if wait, err = time.ParseDuration(s); err != nil || wait < 0 {
			writeJSON(w, http.StatusBadRequest, errorBody{"\"wait\" must be a duration such as 5s"})
			return
		}
		wait = min(wait, maxWait)
	}
	deadline := time.Now().Add(wait)
	for first := true; ; first = false {
		// Take the change signal before reading, so a send in between is
		// not missed. Only the first look may trust the memory of an
		// earlier empty read: a wake or the timer always reads, since
		// another process may have sent.
		changed, sends, known := c.watch(to, after)
		if !first || !known {
			msgs, err := c.sentTo(r.Context(), to, after)
			if r.Context().Err() != nil {
				return // the client went away
			}
			if err != nil {
				c.Log.Warn("sim outbound", "err", err)
				writeJSON(w, http.StatusServiceUnavailable, errorBody{"temporarily unavailable"})
				return
			}
			last := after
			out := make([]outboundMessage, len(msgs))
			for i, m := range msgs {
				last = m.Seq
				out[i] = outboundMessage{Seq: m.Seq, To: m.To, Text: m.Text, At: m.At}
				if m.MediaID != nil {
					u := "/sim/media/" + strconv.FormatInt(*m.MediaID, 10) + "?" + param + "=" + url.QueryEscape(string(to))
					out[i].MediaURL = &u
				}
			}
			if len(msgs) < outboundLimit {
				c.quiet(to, last, sends)
			}
			if len(msgs) > 0 || time.Until(deadline) <= 0 {
				writeJSON(w, http.StatusOK, outboundBody{Messages: out, Last: last})
				return
			}
		}
		left := time.Until(deadline)
		if left <= 0 {
			writeJSON(w, http.StatusOK, outboundBody{Messages: []outboundMessage{}, Last: after})
			return
		}
		// Another process may send; look again at least every second.
		t := time.NewTimer(min(left, quietFor))
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-changed:
		case <-t.C:
		}
		t.Stop()
	}
}

// outboundLimit is the most messages one GET /sim/outbound returns.
const outboundLimit = 100

//go:embed page.html
var pageHTML []byte

func (c *Channel) page(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(pageHTML)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
