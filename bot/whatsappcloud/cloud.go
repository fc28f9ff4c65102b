// Package whatsappcloud is the WhatsApp channel on Meta's official Cloud API,
// for a kecamatan with a verified business number: webhooks in (verified
// by signature before anything is parsed), the Graph API out. The wire
// format is Meta's; this package converts it at the boundary.
package whatsappcloud

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
	"mime/multipart"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
)

// Config is one Cloud API number.
type Config struct {
	PhoneNumberID string // the Graph API's id of the business number
	AccessToken   string
	AppSecret     string // signs the webhooks
	VerifyToken   string // answers the webhook verification handshake
	// APIBase is the Graph API root (default https://graph.facebook.com/v21.0).
	APIBase string
	// Template is the approved template used outside the 24-hour window (its
	// one body parameter carries the text), e.g. a meeting invitation.
	Template     string
	TemplateLang string // default "id"
	// MaxAge: a message older than this when it arrives is stored and
	// answered with a notice, not as if new (default 6 h).
	MaxAge time.Duration
}

// Handler receives inbound messages (the pipeline).
type Handler interface {
	Handle(ctx context.Context, in bot.Inbound) (bot.Accepted, error)
}

// Store is what the adapter needs from our database.
type Store interface {
	MarkOutboundStatus(ctx context.Context, channel string, extIDs []string, status string) (int64, error)
	FailOutbound(ctx context.Context, channel, extID, reason string) error
	LastInboundAt(ctx context.Context, channel string, phone domain.Phone) (time.Time, error)
	InboundSeen(ctx context.Context, channel, extID string) (bool, error)
}

// Adapter is a Cloud API number as a bot.Channel.
type Adapter struct {
	cfg   Config
	name  string
	pipe  Handler
	store Store
	http  *http.Client
	log   *slog.Logger
	// Now is the clock; tests set it.
	Now func() time.Time
}

// New returns the adapter; its channel is "whatsappcloud:<phone number id>".
func New(cfg Config, pipe Handler, store Store, log *slog.Logger) *Adapter {
	if cfg.APIBase == "" {
		cfg.APIBase = "https://graph.facebook.com/v21.0"
	}
	if cfg.TemplateLang == "" {
		cfg.TemplateLang = "id"
	}
	if cfg.MaxAge <= 0 {
		cfg.MaxAge = 6 * time.Hour
	}
	name := "whatsappcloud:" + cfg.PhoneNumberID
	return &Adapter{cfg: cfg, name: name, pipe: pipe, store: store, log: log.With("channel", name),
		http: &http.Client{Timeout: 30 * time.Second}, Now: time.Now}
}

// Name implements bot.Channel.
func (a *Adapter) Name() string { return a.name }

// Register adds the webhook routes.
func (a *Adapter) Register(mux *http.ServeMux) {
	path := "/whatsapp/cloud/" + a.cfg.PhoneNumberID + "/webhook"
	mux.HandleFunc("GET "+path, a.verify)
	mux.HandleFunc("POST "+path, a.webhook)
}

// verify answers Meta's subscription handshake.
func (a *Adapter) verify(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("hub.mode") != "subscribe" || a.cfg.VerifyToken == "" ||
		!hmac.Equal([]byte(q.Get("hub.verify_token")), []byte(a.cfg.VerifyToken)) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, q.Get("hub.challenge"))
}

// ValidSignature checks X-Hub-Signature-256 against the raw body.
func ValidSignature(secret string, body []byte, header string) bool {
	got, ok := strings.CutPrefix(header, "sha256=")
	if !ok || secret == "" {
		return false
	}
	sig, err := hex.DecodeString(got)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hmac.Equal(sig, mac.Sum(nil))
}

func (a *Adapter) webhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if !ValidSignature(a.cfg.AppSecret, body, r.Header.Get("X-Hub-Signature-256")) {
		a.log.Warn("webhook with a bad signature refused")
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	p, err := Parse(body)
	if err != nil {
		// Signed by Meta but not understood: acknowledge, or Meta retries forever.
		a.log.Warn("webhook not understood", "err", err)
		w.WriteHeader(http.StatusOK)
		return
	}
	for _, m := range p.Messages {
		if m.PhoneNumberID != "" && m.PhoneNumberID != a.cfg.PhoneNumberID {
			continue
		}
		in, err := a.inbound(r.Context(), m)
		if err != nil {
			a.log.Warn("webhook message not converted; Meta will retry", "err", err)
			http.Error(w, "retry", http.StatusInternalServerError)
			return
		}
		if _, err := a.pipe.Handle(r.Context(), in); err != nil && domain.ErrorCodeOf(err) != domain.EINVALID {
			a.log.Warn("webhook message not stored; Meta will retry", "err", err)
			http.Error(w, "retry", http.StatusInternalServerError)
			return
		}
	}
	for _, s := range p.Statuses {
		a.status(r.Context(), s)
	}
	w.WriteHeader(http.StatusOK)
}

// Payload is what a webhook carries, flattened.
type Payload struct {
	Messages []Message
	Statuses []Status
}

// Message is one inbound message of a webhook.
type Message struct {
	PhoneNumberID string
	From          string
	ID            string
	Timestamp     string
	Type          string
	Text          string
	MediaID       string
	MediaMime     string
	Lat, Lng      *float64
}

// Status is one delivery status of a webhook.
type Status struct {
	ID, Status, Recipient string
	ErrorCode             int
	ErrorTitle            string
}

type webhookBody struct {
	Object string `json:"object"`
	Entry  []struct {
		Changes []struct {
			Field string `json:"field"`
			Value struct {
				Metadata struct {
					PhoneNumberID string `json:"phone_number_id"`
				} `json:"metadata"`
				Messages []struct {
					From      string `json:"from"`
					ID        string `json:"id"`
					Timestamp string `json:"timestamp"`
					Type      string `json:"type"`
					Text      *struct {
						Body string `json:"body"`
					} `json:"text"`
					Image, Audio, Document, Video, Sticker *struct {
						ID       string `json:"id"`
						MimeType string `json:"mime_type"`
						Caption  string `json:"caption"`
					}
					Location *struct {
						Latitude  float64 `json:"latitude"`
						Longitude float64 `json:"longitude"`
					} `json:"location"`
					Interactive *struct {
						Type        string `json:"type"`
						ButtonReply *struct {
							ID string `json:"id"`
						} `json:"button_reply"`
						ListReply *struct {
							ID string `json:"id"`
						} `json:"list_reply"`
					} `json:"interactive"`
					Button *struct {
						Payload string `json:"payload"`
						Text    string `json:"text"`
					} `json:"button"`
				} `json:"messages"`
				Statuses []struct {
					ID          string `json:"id"`
					Status      string `json:"status"`
					RecipientID string `json:"recipient_id"`
					Errors      []struct {
						Code  int    `json:"code"`
						Title string `json:"title"`
					} `json:"errors"`
				} `json:"statuses"`
			} `json:"value"`
		} `json:"changes"`
	} `json:"entry"`
}

// Parse decodes a webhook body (already verified).
func Parse(body []byte) (Payload, error) {
	var b webhookBody
	if err := json.Unmarshal(body, &b); err != nil {
		return Payload{}, fmt.Errorf("decoding webhook: %w", err)
	}
	if b.Object != "whatsapp_business_account" {
		return Payload{}, fmt.Errorf("webhook object %q", b.Object)
	}
	var p Payload
	for _, e := range b.Entry {
		for _, c := range e.Changes {
			if c.Field != "messages" {
				continue
			}
			v := c.Value
			for _, m := range v.Messages {
				out := Message{PhoneNumberID: v.Metadata.PhoneNumberID, From: m.From, ID: m.ID, Timestamp: m.Timestamp, Type: m.Type}
				switch {
				case m.Text != nil:
					out.Text = m.Text.Body
				case m.Interactive != nil && m.Interactive.ButtonReply != nil:
					out.Text = m.Interactive.ButtonReply.ID
				case m.Interactive != nil && m.Interactive.ListReply != nil:
					out.Text = m.Interactive.ListReply.ID
				case m.Button != nil:
					out.Text = m.Button.Payload
					if out.Text == "" {
						out.Text = m.Button.Text
					}
				case m.Location != nil:
					lat, lng := m.Location.Latitude, m.Location.Longitude
					out.Lat, out.Lng = &lat, &lng
				}
				for _, media := range []*struct {
					ID       string `json:"id"`
					MimeType string `json:"mime_type"`
					Caption  string `json:"caption"`
				}{m.Image, m.Audio, m.Document, m.Video, m.Sticker} {
					if media != nil {
						out.MediaID, out.MediaMime, out.Text = media.ID, media.MimeType, media.Caption
					}
				}
				if out.ID == "" || out.From == "" {
					continue
				}
				p.Messages = append(p.Messages, out)
			}
			for _, s := range v.Statuses {
				st := Status{ID: s.ID, Status: s.Status, Recipient: s.RecipientID}
				if len(s.Errors) > 0 {
					st.ErrorCode, st.ErrorTitle = s.Errors[0].Code, s.Errors[0].Title
				}
				p.Statuses = append(p.Statuses, st)
			}
		}
	}
	return p, nil
}

// inbound converts a webhook message, fetching its media.
func (a *Adapter) inbound(ctx context.Context, m Message) (bot.Inbound, error) {
	phone, err := domain.ParsePhone("+" + strings.TrimPrefix(m.From, "+"))
	if err != nil {
		return bot.Inbound{}, domain.Errorf(domain.EINVALID, "bad sender")
	}
	in := bot.Inbound{Channel: a.name, ExtID: m.ID, From: phone, Text: m.Text}
	if m.Lat != nil && m.Lng != nil {
		in.Location = &flows.Location{Lat: *m.Lat, Lng: *m.Lng}
	}
	if sec, err := strconv.ParseInt(m.Timestamp, 10, 64); err == nil && a.Now().Sub(time.Unix(sec, 0)) > a.cfg.MaxAge {
		in.Stale = true
	}
	if m.MediaID != "" {
		// A redelivered message is not downloaded again: the pipeline
		// answers it as a duplicate without its file.
		seen, err := a.store.InboundSeen(ctx, a.name, m.ID)
		if err != nil {
			return bot.Inbound{}, err
		}
		if !seen {
			data, err := a.download(ctx, m.MediaID)
			if err != nil {
				return bot.Inbound{}, err
			}
			in.Media = &bot.InboundMedia{Data: data, Mime: m.MediaMime}
		}
	}
	if in.Text == "" && in.Media == nil && in.Location == nil {
		in.Text = " "
	}
	return in, nil
}

// download fetches a media file: its URL from the media endpoint, then the bytes.
func (a *Adapter) download(ctx context.Context, mediaID string) ([]byte, error) {
	var meta struct {
		URL string `json:"url"`
	}
	if err := a.call(ctx, http.MethodGet, a.cfg.APIBase+"/"+mediaID, nil, "", &meta); err != nil {
		return nil, fmt.Errorf("media url: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, meta.URL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+a.cfg.AccessToken)
	resp, err := a.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("downloading media: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("downloading media: %s", resp.Status)
	}
	// A larger file comes back empty, never cut (see bot.MaxMediaBytes).
	if resp.ContentLength > bot.MaxMediaBytes {
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, bot.MaxMediaBytes+1))
	if err != nil {
		return nil, fmt.Errorf("downloading media: %w", err)
	}
	if len(data) > bot.MaxMediaBytes {
		return nil, nil
	}
	return data, nil
}

func (a *Adapter) status(ctx context.Context, s Status) {
	var err error
	switch s.Status {
	case "delivered", "read":
		_, err = a.store.MarkOutboundStatus(ctx, a.name, []string{s.ID}, s.Status)
	case "failed":
		err = a.store.FailOutbound(ctx, a.name, s.ID, fmt.Sprintf("%d %s", s.ErrorCode, s.ErrorTitle))
	}
	if err != nil {
		a.log.Warn("status not recorded", "err", err)
	}
}

// GraphError is an error answer of the Graph API.
type GraphError struct {
	Status  int
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *GraphError) Error() string {
	return fmt.Sprintf("graph api %d: code %d: %s", e.Status, e.Code, e.Message)
}

// throttled are the Graph API's rate-limit codes: retried later.
var throttled = map[int]bool{4: true, 80007: true, 130429: true, 131048: true, 131056: true}

// call makes a Graph API request and decodes the answer into out.
func (a *Adapter) call(ctx context.Context, method, url string, body io.Reader, contentType string, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+a.cfg.AccessToken)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode >= 300 {
		var e struct {
			Error GraphError `json:"error"`
		}
		_ = json.Unmarshal(raw, &e)
		e.Error.Status = resp.StatusCode
		if throttled[e.Error.Code] || resp.StatusCode >= 500 || resp.StatusCode == 429 {
			return &e.Error
		}
		return &bot.PermanentError{Err: &e.Error}
	}
	if out != nil {
		return json.Unmarshal(raw, out)
	}
	return nil
}

// Send implements bot.Channel: free-form within 24 hours of the person's
// last message; outside it, only the approved template (for pushes and
// broadcasts) or nothing.
func (a *Adapter) Send(ctx context.Context, m bot.Message) (string, error) {
	last, err := a.store.LastInboundAt(ctx, a.name, m.To)
	if err != nil {
		return "", err
	}
	to := strings.TrimPrefix(string(m.To), "+")
	payload := map[string]any{"messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
		"biz_opaque_callback_data": strconv.FormatInt(m.ID, 10)}
	switch {
	case a.Now().Sub(last) > 24*time.Hour:
		if a.cfg.Template == "" || m.Kind == "reply" {
			return "", &bot.PermanentError{Err: errors.New("outside the 24-hour window and no template configured")}
		}
		payload["type"] = "template"
		payload["template"] = map[string]any{
			"name": a.cfg.Template, "language": map[string]string{"code": a.cfg.TemplateLang},
			"components": []any{map[string]any{"type": "body", "parameters": []any{map[string]string{"type": "text", "text": m.Text}}}},
		}
	case m.MediaPath != "":
		id, err := a.upload(ctx, m.MediaPath, m.MediaMime)
		if err != nil {
			return "", err
		}
		payload["type"] = "image"
		payload["image"] = map[string]string{"id": id, "caption": m.Text}
	default:
		if inter := Interactive(m.Text); inter != nil {
			payload["type"] = "interactive"
			payload["interactive"] = inter
		} else {
			payload["type"] = "text"
			payload["text"] = map[string]any{"body": m.Text, "preview_url": false}
		}
	}
	body, _ := json.Marshal(payload)
	var out struct {
		Messages []struct {
			ID string `json:"id"`
		} `json:"messages"`
	}
	if err := a.call(ctx, http.MethodPost, a.cfg.APIBase+"/"+a.cfg.PhoneNumberID+"/messages", bytes.NewReader(body), "application/json", &out); err != nil {
		return "", err
	}
	if len(out.Messages) == 0 {
		return "", errors.New("graph api answered without a message id")
	}
	return out.Messages[0].ID, nil
}

func (a *Adapter) upload(ctx context.Context, path, mime string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", &bot.PermanentError{Err: err}
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("messaging_product", "whatsapp")
	_ = mw.WriteField("type", mime)
	fw, _ := mw.CreateFormFile("file", "photo")
	_, _ = fw.Write(data)
	_ = mw.Close()
	var out struct {
		ID string `json:"id"`
	}
	if err := a.call(ctx, http.MethodPost, a.cfg.APIBase+"/"+a.cfg.PhoneNumberID+"/media", &buf, mw.FormDataContentType(), &out); err != nil {
		return "", fmt.Errorf("uploading media: %w", err)
	}
	return out.ID, nil
}

var numberedLine = regexp.MustCompile(`(?m)^(\d{1,2})\. (.+)$`)

// Interactive turns a reply with a numbered list into tappable choices:
// up to 3 as buttons, up to 10 as a list; the reply id is the number, which
// the flows read like a typed answer. Other texts stay plain (nil).
func Interactive(text string) map[string]any {
	items := numberedLine.FindAllStringSubmatch(text, -1)
	if len(items) < 2 || len(items) > 10 || len(text) > 1024 {
		return nil
	}
	body := strings.TrimSpace(text)
	if len(items) <= 3 {
		var buttons []any
		for _, it := range items {
			buttons = append(buttons, map[string]any{"type": "reply", "reply": map[string]string{"id": it[1], "title": clip(it[2], 20)}})
		}
		return map[string]any{"type": "button", "body": map[string]string{"text": body}, "action": map[string]any{"buttons": buttons}}
	}
	var rows []any
	for _, it := range items {
		rows = append(rows, map[string]string{"id": it[1], "title": clip(it[2], 24)})
	}
	return map[string]any{"type": "list", "body": map[string]string{"text": body},
		"action": map[string]any{"button": "Pilih", "sections": []any{map[string]any{"title": "Pilihan", "rows": rows}}}}
}

func clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
