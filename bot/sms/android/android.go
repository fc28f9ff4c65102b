// Package android is the SMS channel on "SMS Gateway for Android" (the
// open-source app capcom6/android-sms-gateway): a cheap Android phone with
// a local SIM, in local-server mode (the phone's own API) or cloud/private
// server mode (/3rdparty/v1). The wire format is the app's.
package android

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/smstext"
)

// Config is one phone.
type Config struct {
	// Name tells several phones apart (one per desa): the channel is "sms:<name>".
	Name string
	// URL is the API root: http://PHONE-IP:8080 (local mode) or
	// https://api.sms-gate.app/3rdparty/v1 (server mode).
	URL      string
	User     string // Basic auth, from the app's Home tab
	Password string
	// SigningKey verifies the webhooks (the app's Settings → Webhooks).
	SigningKey string
	// MaxSkew bounds the age of a webhook's timestamp (default 5 minutes).
	MaxSkew time.Duration
}

// Adapter is one phone as a bot.Channel.
type Adapter struct {
	cfg   Config
	pipe  bot.Handler
	store bot.StatusStore
	http  *http.Client
	log   *slog.Logger
	// Now is the clock; tests set it.
	Now func() time.Time
}

// New returns the adapter.
func New(cfg Config, pipe bot.Handler, store bot.StatusStore, log *slog.Logger) *Adapter {
	if cfg.MaxSkew <= 0 {
		cfg.MaxSkew = 5 * time.Minute
	}
	cfg.URL = strings.TrimRight(cfg.URL, "/")
	return &Adapter{cfg: cfg, pipe: pipe, store: store, http: &http.Client{Timeout: 30 * time.Second},
		log: log.With("channel", "sms:"+cfg.Name), Now: time.Now}
}

// Name implements bot.Channel.
func (a *Adapter) Name() string { return bot.ChannelName(bot.KindSMS, a.cfg.Name) }

// WebhookPath is where the phone posts its events.
func (a *Adapter) WebhookPath() string { return "/sms/android/" + a.cfg.Name + "/webhook" }

// Register adds the webhook route.
func (a *Adapter) Register(mux *http.ServeMux) { mux.HandleFunc("POST "+a.WebhookPath(), a.webhook) }

// Envelope is a webhook request body.
type Envelope struct {
	ID        string          `json:"id"`
	WebhookID string          `json:"webhookId"`
	Event     string          `json:"event"`
	DeviceID  string          `json:"deviceId"`
	Payload   json.RawMessage `json:"payload"`
}

// Payload is the union of the events' payloads (the app's
// SmsEventPayload): Sender is who wrote a received SMS, Recipient whom a
// sent one was for; PhoneNumber, deprecated, is whichever of them the event
// is about.
type Payload struct {
	MessageID   string `json:"messageId"`
	Message     string `json:"message"`
	Sender      string `json:"sender"`
	Recipient   string `json:"recipient"`
	PhoneNumber string `json:"phoneNumber"`
	SimNumber   *int   `json:"simNumber"`
	ReceivedAt  string `json:"receivedAt"`
	Reason      string `json:"reason"`
}

// ValidSignature checks X-Signature: lowercase hex HMAC-SHA256 of the raw
// body followed by the X-Timestamp value.
func ValidSignature(key string, body []byte, timestamp, signature string) bool {
	if key == "" || timestamp == "" {
		return false
	}
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write(body)
	mac.Write([]byte(timestamp))
	want := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(strings.ToLower(signature)))
}

// Parse decodes a verified webhook body.
func Parse(body []byte) (Envelope, Payload, error) {
	var env Envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return env, Payload{}, fmt.Errorf("decoding webhook: %w", err)
	}
	var p Payload
	if len(env.Payload) > 0 {
		if err := json.Unmarshal(env.Payload, &p); err != nil {
			return env, p, fmt.Errorf("decoding payload: %w", err)
		}
	}
	if env.Event == "" {
		return env, p, errors.New("webhook without event")
	}
	return env, p, nil
}

func (a *Adapter) webhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 256<<10))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	ts := r.Header.Get("X-Timestamp")
	if !ValidSignature(a.cfg.SigningKey, body, ts, r.Header.Get("X-Signature")) {
		a.log.Warn("webhook with a bad signature refused")
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || a.Now().Sub(time.Unix(sec, 0)).Abs() > a.cfg.MaxSkew {
		a.log.Warn("stale webhook refused", "timestamp", ts)
		http.Error(w, "stale timestamp", http.StatusUnauthorized)
		return
	}
	env, p, err := Parse(body)
	if err != nil {
		a.log.Warn("webhook not understood", "err", err)
		w.WriteHeader(http.StatusOK) // signed, but nothing we can use; retrying will not help
		return
	}
	switch env.Event {
	case "sms:received":
		in, err := a.inbound(env, p)
		if err != nil {
			a.log.Info("sms refused", "err", err)
			w.WriteHeader(http.StatusOK)
			return
		}
		if _, err := a.pipe.Handle(r.Context(), in); err != nil && domain.ErrorCodeOf(err) != domain.EINVALID {
			// The app retries with back-off: nothing is lost.
			a.log.Warn("sms not stored; the phone will send it again", "err", err)
			http.Error(w, "retry", http.StatusServiceUnavailable)
			return
		}
	case "sms:delivered": // sent is recorded when the app accepts the message
		if _, err := a.store.MarkOutboundStatus(r.Context(), a.Name(), []string{p.MessageID}, "delivered"); err != nil {
			http.Error(w, "retry", http.StatusServiceUnavailable)
			return
		}
	case "sms:failed", "sms:cancelled":
		// Cancelled: the phone gave up on the message before sending it (its
		// validity ran out, or it was cancelled there). Failed either way; a
		// push or broadcast then goes to the SMS_FALLBACK gateway, if that
		// is another one (bot.Fallback).
		reason := p.Reason
		if env.Event == "sms:cancelled" {
			reason = "cancelled by the phone"
		}
		if err := a.store.FailOutbound(r.Context(), a.Name(), p.MessageID, reason); err != nil {
			http.Error(w, "retry", http.StatusServiceUnavailable)
			return
		}
	}
	w.WriteHeader(http.StatusOK)
}

// inbound converts sms:received. The app's messageId is derived from the
// content and "not guaranteed to be unique" (its docs), so a resident who
// sends "1" twice must not be deduped into one: the key adds the receive
// time, which a redelivery of the same SMS keeps.
func (a *Adapter) inbound(env Envelope, p Payload) (bot.Inbound, error) {
	sender := p.Sender
	if sender == "" { // an app older than the "sender" field
		sender = p.PhoneNumber
	}
	from, err := domain.ParsePhone(sender)
	if err != nil {
		return bot.Inbound{}, fmt.Errorf("sender %q: %w", sender, err)
	}
	if p.MessageID == "" {
		return bot.Inbound{}, errors.New("sms without messageId")
	}
	text := p.Message
	if strings.TrimSpace(text) == "" {
		text = " "
	}
	return bot.Inbound{Channel: a.Name(), ExtID: env.DeviceID + "/" + p.MessageID + "/" + p.ReceivedAt, From: from, Text: text}, nil
}

// messagesPath is the send endpoint of the mode: the phone's own API has
// /message, the servers /messages under /3rdparty/v1.
func (a *Adapter) messagesPath() string {
	if strings.Contains(a.cfg.URL, "/3rdparty/") {
		return a.cfg.URL + "/messages"
	}
	return a.cfg.URL + "/message"
}

// OutboundID is the id we give the app for an outbound message; its
// delivery events come back with it.
func OutboundID(id int64) string { return "sd-" + strconv.FormatInt(id, 10) }

// Send implements bot.Channel. The text is fitted to GSM-7 and at most
// three SMS; our outbound id is the app's message id, so a resend after a
// crash is answered 409 (it has it already), which is not an error.
func (a *Adapter) Send(ctx context.Context, m bot.Message) (string, error) {
	id := OutboundID(m.ID)
	body, _ := json.Marshal(map[string]any{
		"id":                 id,
		"textMessage":        map[string]string{"text": smstext.Fit(m.Text, flow.Render(flow.LangID, flow.MsgSMSCut, nil))},
		"phoneNumbers":       []string{string(m.To)},
		"withDeliveryReport": true,
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.messagesPath(), bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.SetBasicAuth(a.cfg.User, a.cfg.Password)
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("sms gateway: %w", err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	switch {
	case resp.StatusCode == http.StatusConflict, resp.StatusCode < 300:
		return id, nil
	case resp.StatusCode == http.StatusBadRequest, resp.StatusCode == http.StatusUnauthorized:
		return "", &bot.PermanentError{Err: fmt.Errorf("sms gateway %s: %s", resp.Status, msg)}
	}
	return "", fmt.Errorf("sms gateway %s: %s", resp.Status, msg)
}

// Events are the webhooks the service needs from a phone.
var Events = []string{"sms:received", "sms:sent", "sms:delivered", "sms:failed", "sms:cancelled"}

// RegisterWebhooks tells the phone (or its server) to post each event to
// url, one webhook per event with a stable id so that running it again
// replaces rather than duplicates.
func (a *Adapter) RegisterWebhooks(ctx context.Context, url string) error {
	for _, ev := range Events {
		body, _ := json.Marshal(map[string]string{"id": "suaradesa-" + strings.ReplaceAll(ev, ":", "-"), "url": url, "event": ev})
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.cfg.URL+"/webhooks", bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.SetBasicAuth(a.cfg.User, a.cfg.Password)
		req.Header.Set("Content-Type", "application/json")
		resp, err := a.http.Do(req)
		if err != nil {
			return fmt.Errorf("registering %s: %w", ev, err)
		}
		resp.Body.Close()
		if resp.StatusCode >= 300 {
			return fmt.Errorf("registering %s: %s", ev, resp.Status)
		}
	}
	return nil
}
