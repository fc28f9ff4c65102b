// Package gammu is the SMS channel on Gammu SMSD with its PostgreSQL
// backend: a GSM modem (or an old phone) on a serial port, driven by
// gammu-smsd, which stores what it receives in its "inbox" table and sends
// what we put in "outbox" (and "outbox_multipart"), logging each part in
// "sentitems". The tables are Gammu's (schema version 17 as Debian ships
// it, and 18, which only adds columns); they live in their own database or
// schema, reached by URL. Nothing here runs gammu-smsd itself.
package gammu

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the Postgres driver

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

// Config is one modem.
type Config struct {
	// Name tells several modems apart (one per desa): the channel is "sms:<name>".
	Name string
	// URL is Gammu's database, e.g. postgres://smsd:…@host/smsd; a schema
	// other than public goes in the URL (…?search_path=gammu).
	URL string
	// PhoneID is gammu-smsd's PhoneID when several daemons share the
	// tables: our outbox rows carry it as SenderID, and only inbox rows it
	// received (RecipientID) are ours. Empty: all rows.
	PhoneID string
	// Poll is how often the tables are read (default 2 s).
	Poll time.Duration
	// PartsWait is how long the parts of a long SMS are awaited before what
	// arrived is handled as it is (default 10 minutes).
	PartsWait time.Duration
}

// Adapter is one modem as a bot.Channel.
type Adapter struct {
	cfg     Config
	db      *sqlx.DB
	pipe    bot.Handler
	store   bot.StatusStore
	log     *slog.Logger
	version int
	// cursor is the newest sentitems change already read.
	cursor time.Time
}

// creatorPrefix marks our outbox rows; the rest of CreatorID is our
// outbound message id, so a resend after a crash finds the first.
const creatorPrefix = "suaradesa:"

// Open connects to Gammu's database and checks its schema version.
func Open(ctx context.Context, cfg Config, pipe bot.Handler, store bot.StatusStore, log *slog.Logger) (*Adapter, error) {
	if cfg.Poll <= 0 {
		cfg.Poll = 2 * time.Second
	}
	if cfg.PartsWait <= 0 {
		cfg.PartsWait = 10 * time.Minute
	}
	db, err := sqlx.Open("postgres", cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("gammu database: %w", err)
	}
	db.SetMaxOpenConns(4)
	a := &Adapter{cfg: cfg, db: db, pipe: pipe, store: store, log: log.With("channel", "sms:"+cfg.Name)}
	if err := db.GetContext(ctx, &a.version, `SELECT max("Version") FROM gammu`); err != nil {
		db.Close()
		return nil, fmt.Errorf("gammu database: reading schema version: %w", err)
	}
	if a.version < 17 {
		db.Close()
		return nil, fmt.Errorf("gammu database: schema version %d; need 17 or later (upgrade gammu-smsd's tables)", a.version)
	}
	if err := db.GetContext(ctx, &a.cursor, `SELECT LOCALTIMESTAMP(0) - interval '1 day'`); err != nil {
		db.Close()
		return nil, fmt.Errorf("gammu database: %w", err)
	}
	return a, nil
}

// Close closes the connection to Gammu's database.
func (a *Adapter) Close() error { return a.db.Close() }

// Version is the schema version of Gammu's tables.
func (a *Adapter) Version() int { return a.version }

// Name implements bot.Channel.
func (a *Adapter) Name() string { return bot.ChannelName(bot.KindSMS, a.cfg.Name) }

// Ready reports whether gammu-smsd is alive: it refreshes its row in
// "phones" (TimeOut lies ahead) while it runs.
func (a *Adapter) Ready(ctx context.Context) error {
	var alive bool
	err := a.db.GetContext(ctx, &alive, `SELECT coalesce(bool_or("TimeOut" > LOCALTIMESTAMP(0)), false) FROM phones
		WHERE $1 = '' OR "ID" = $1`, a.cfg.PhoneID)
	if err != nil {
		return fmt.Errorf("gammu database: %w", err)
	}
	if !alive {
		return errors.New("gammu-smsd is not running (no fresh row in its phones table)")
	}
	return nil
}

// Run polls the inbox and the delivery reports until ctx ends.
func (a *Adapter) Run(ctx context.Context) {
	t := time.NewTicker(a.cfg.Poll)
	defer t.Stop()
	for {
		if n, err := a.PollInbox(ctx); err != nil {
			a.log.Warn("reading gammu inbox", "err", err)
		} else if n > 0 {
			a.log.Debug("sms received", "messages", n)
		}
		if err := a.PollStatus(ctx); err != nil {
			a.log.Warn("reading gammu sentitems", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// InboxRow is one part as gammu-smsd stored it.
type InboxRow struct {
	ID      int64  `db:"ID"`
	Sender  string `db:"SenderNumber"`
	UDH     string `db:"UDH"`
	Text    string `db:"TextDecoded"`
	Expired bool   `db:"expired"`
}

// Message is a whole inbound SMS: one row, or the rows of a long SMS in
// order.
type Message struct {
	Sender string
	Text   string
	IDs    []int64 // the inbox rows, first the one that names it
	// Tail marks empty later parts of a long SMS whose first part came
	// before: gammu-smsd, when it has every part at once, writes the
	// decoded text of all of them into part 1 and an empty text into the
	// others. They belong to that message: marked processed, never handled
	// on their own.
	Tail bool
}

// onePart is more characters than one part of a long SMS can carry (153
// GSM-7 or 67 UCS-2): a first part longer than that holds the whole text.
const onePart = 160

// group is the parts of one long SMS that Assemble has.
type group struct {
	parts   map[int]InboxRow
	dups    []int64 // a part delivered twice: processed, not repeated
	expired bool
}

// empty tells whether no part has any text.
func (g *group) empty() bool {
	for _, r := range g.parts {
		if strings.TrimSpace(r.Text) != "" {
			return false
		}
	}
	return true
}

// Assemble groups inbox rows into whole messages. The parts of a long SMS
// (same sender, reference and total) make one message once all are in, or
// once the oldest waited longer than PartsWait (then with what arrived);
// until then they are left for a later poll. A missing part is never
// invented, and a repeated part is taken once. A first part that holds
// the whole text (gammu-smsd's decoding) is ready at once, and empty later
// parts without their first part come back as a Tail.
func Assemble(rows []InboxRow) (ready []Message, waiting int) {
	type key struct {
		sender     string
		ref, total int
	}

	groups := map[key]*group{}
	var order []key
	for _, r := range rows {
		c, ok, err := ParseUDH(r.UDH)
		if err != nil || !ok || c.Total == 1 {
			// A header we cannot read is a message of its own: better
			// answered alone than lost.
			ready = append(ready, Message{Sender: r.Sender, Text: r.Text, IDs: []int64{r.ID}})
			continue
		}
		k := key{r.Sender, c.Ref, c.Total}
		g := groups[k]
		if g == nil {
			g = &group{parts: map[int]InboxRow{}}
			groups[k] = g
			order = append(order, k)
		}
		if _, dup := g.parts[c.Seq]; dup {
			g.dups = append(g.dups, r.ID)
			continue
		}
		g.parts[c.Seq] = r
		g.expired = g.expired || r.Expired
	}
	for _, k := range order {
		g := groups[k]
		first, hasFirst := g.parts[1]
		if !hasFirst && g.empty() {
			// Parts gammu-smsd left empty are stored after their first
			// part, so it was handled already: nothing to wait for.
			m := Message{Sender: k.sender, Tail: true}
			for _, r := range g.parts {
				m.IDs = append(m.IDs, r.ID)
			}
			m.IDs = append(m.IDs, g.dups...)
			ready = append(ready, m)
			continue
		}
		whole := hasFirst && utf8.RuneCountInString(first.Text) > onePart
		if len(g.parts) < k.total && !g.expired && !whole {
			waiting += len(g.parts) + len(g.dups)
			continue
		}
		seqs := make([]int, 0, len(g.parts))
		for seq := range g.parts {
			seqs = append(seqs, seq)
		}
		sort.Ints(seqs)
		m := Message{Sender: k.sender}
		var b strings.Builder
		for _, seq := range seqs {
			m.IDs = append(m.IDs, g.parts[seq].ID)
			b.WriteString(g.parts[seq].Text)
		}
		m.IDs = append(m.IDs, g.dups...)
		m.Text = b.String()
		ready = append(ready, m)
	}
	return ready, waiting
}

// PollInbox handles the unprocessed inbox rows: each whole message goes
// through the pipeline and its rows are marked processed in the same Gammu
// transaction. The pipeline dedupes on the first row's id, so a crash
// between our commit and Gammu's repeats nothing.
func (a *Adapter) PollInbox(ctx context.Context) (int, error) {
	tx, err := a.db.BeginTxx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }()
	var rows []InboxRow
	err = tx.SelectContext(ctx, &rows, `
		SELECT "ID", "SenderNumber", "UDH", "TextDecoded",
			"ReceivingDateTime" < LOCALTIMESTAMP(0) - make_interval(secs => $2) AS expired
		FROM inbox
		WHERE NOT "Processed" AND ($1 = '' OR "RecipientID" = $1)
		ORDER BY "ID" LIMIT 500
		FOR UPDATE SKIP LOCKED`, a.cfg.PhoneID, a.cfg.PartsWait.Seconds())
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	msgs, _ := Assemble(rows)
	var done []int64
	handled := 0
	for _, m := range msgs {
		if m.Tail {
			a.log.Debug("empty later parts of a long sms taken with its first part", "rows", m.IDs)
			done = append(done, m.IDs...)
			continue
		}
		handled++
		if err := a.handle(ctx, m); err != nil {
			// Handled so far is kept; the rest is read again next poll.
			if len(done) > 0 {
				_ = a.markProcessed(ctx, tx, done)
				_ = tx.Commit()
			}
			return 0, err
		}
		done = append(done, m.IDs...)
	}
	if err := a.markProcessed(ctx, tx, done); err != nil {
		return 0, err
	}
	return handled, tx.Commit()
}

func (a *Adapter) markProcessed(ctx context.Context, tx *sqlx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	q, args, err := sqlx.In(`UPDATE inbox SET "Processed" = true WHERE "ID" IN (?)`, ids)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, tx.Rebind(q), args...)
	return err
}

// handle passes one message to the pipeline. A sender number we cannot
// read (an operator's alphanumeric sender, a short code) is logged and
// dropped: it cannot be answered.
func (a *Adapter) handle(ctx context.Context, m Message) error {
	from, err := domain.ParsePhone(m.Sender)
	if err != nil {
		a.log.Info("sms from a sender that cannot be answered, ignored", "sender", m.Sender)
		return nil
	}
	text := m.Text
	if strings.TrimSpace(text) == "" {
		text = " "
	}
	_, err = a.pipe.Handle(ctx, bot.Inbound{Channel: a.Name(), ExtID: "inbox/" + strconv.FormatInt(m.IDs[0], 10), From: from, Text: text})
	return err
}

// Part is one row of an outbound SMS for Gammu's outbox.
type Part struct {
	Text   string
	Coding string // Default_No_Compression or Unicode_No_Compression
	UDH    string // empty for a single SMS
}

// Encode cuts a text into the parts Gammu sends: one part without a header
// for a short text, else concatenated parts with an 8-bit reference.
func Encode(text string, ref int) []Part {
	chunks, gsm7 := smstext.Split(text)
	coding := "Default_No_Compression"
	if !gsm7 {
		coding = "Unicode_No_Compression"
	}
	parts := make([]Part, len(chunks))
	for i, c := range chunks {
		parts[i] = Part{Text: c, Coding: coding}
		if len(chunks) > 1 {
			parts[i].UDH = UDH(ref, len(chunks), i+1)
		}
	}
	return parts
}

// Send implements bot.Channel: the text, fitted to at most three SMS, goes
// into outbox (its first part) and outbox_multipart (the others) in one
// transaction. A resend of a message already handed over returns the
// first one's id.
func (a *Adapter) Send(ctx context.Context, m bot.Message) (string, error) {
	creator := creatorPrefix + strconv.FormatInt(m.ID, 10)
	tx, err := a.db.BeginTxx(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("gammu database: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	var existing int64
	err = tx.GetContext(ctx, &existing, `SELECT "ID" FROM outbox WHERE "CreatorID" = $1
		UNION ALL SELECT "ID" FROM sentitems WHERE "CreatorID" = $1 LIMIT 1`, creator)
	if err == nil {
		return strconv.FormatInt(existing, 10), nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("gammu database: %w", err)
	}
	text := smstext.Fit(m.Text, flow.Render(flow.LangID, flow.MsgSMSCut, nil))
	parts := Encode(text, int(m.ID))
	var sender any
	if a.cfg.PhoneID != "" {
		sender = a.cfg.PhoneID
	}
	var id int64
	err = tx.GetContext(ctx, &id, `INSERT INTO outbox ("DestinationNumber", "TextDecoded", "Coding", "UDH", "MultiPart",
			"CreatorID", "SenderID", "DeliveryReport", "Class")
		VALUES ($1, $2, $3, $4, $5, $6, $7, 'yes', -1) RETURNING "ID"`,
		string(m.To), parts[0].Text, parts[0].Coding, parts[0].UDH, len(parts) > 1, creator, sender)
	if err != nil {
		return "", fmt.Errorf("gammu outbox: %w", err)
	}
	for i, p := range parts[1:] {
		_, err := tx.ExecContext(ctx, `INSERT INTO outbox_multipart ("ID", "SequencePosition", "TextDecoded", "Coding", "UDH", "Class")
			VALUES ($1, $2, $3, $4, $5, -1)`, id, i+2, p.Text, p.Coding, p.UDH)
		if err != nil {
			return "", fmt.Errorf("gammu outbox_multipart: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("gammu database: %w", err)
	}
	return strconv.FormatInt(id, 10), nil
}

// PollStatus reads what gammu-smsd logged in sentitems since the last
// poll: a message whose every part was delivered is "delivered"; one with
// a part that failed to send or to deliver is "failed".
func (a *Adapter) PollStatus(ctx context.Context) error {
	var rows []struct {
		ID        int64     `db:"ID"`
		Failed    bool      `db:"failed"`
		Delivered bool      `db:"delivered"`
		Updated   time.Time `db:"updated"`
	}
	err := a.db.SelectContext(ctx, &rows, `
		SELECT "ID", bool_or("Status" IN ('SendingError', 'Error', 'DeliveryFailed')) AS failed,
			bool_and("Status" = 'DeliveryOK') AS delivered, max("UpdatedInDB") AS updated
		FROM sentitems
		WHERE "ID" IN (SELECT "ID" FROM sentitems WHERE "UpdatedInDB" >= $1 AND "CreatorID" LIKE $2)
		GROUP BY "ID"`, a.cursor, creatorPrefix+"%")
	if err != nil {
		return err
	}
	var delivered []string
	for _, r := range rows {
		ext := strconv.FormatInt(r.ID, 10)
		switch {
		case r.Failed:
			if err := a.store.FailOutbound(ctx, a.Name(), ext, "gammu-smsd: sending or delivery failed"); err != nil {
				return err
			}
		case r.Delivered:
			delivered = append(delivered, ext)
		}
		if r.Updated.After(a.cursor) {
			a.cursor = r.Updated
		}
	}
	if len(delivered) > 0 {
		if _, err := a.store.MarkOutboundStatus(ctx, a.Name(), delivered, "delivered"); err != nil {
			return err
		}
	}
	return nil
}
