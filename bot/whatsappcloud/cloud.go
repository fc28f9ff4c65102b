// Package whatsappcloud is the WhatsApp channel on Meta's official Cloud API,
// for a kecamatan with a verified business number: webhooks in (verified
// by signature before anything is parsed), the Graph API out. The wire
// format is Meta's; this package converts it at the boundary.
package whatsappcloud

import (
	"bytes"
	"cmp"
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
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
)

// Config is one Cloud API number.
type Config struct {
	PhoneNumberID string // the Graph API's id of the business number
	AccessToken   string
	AppSecret     string // signs the webhooks
	VerifyToken   string // answers the webhook verification handshake
	// APIBase is the Graph API root (default https://graph.facebook.com/v21.0).
	APIBase string
	// Template is the general approved template used outside the 24-hour
	// window: its one body parameter carries a push's text on one line
	// (GeneralBody).
	Template string
	// TemplatePrefix, when set, names the per-kind templates (Templates):
	// PREFIX_undangan, PREFIX_pengingat, PREFIX_tahap, PREFIX_kemajuan.
	TemplatePrefix string
	TemplateLang   string // default "id"
	// MaxAge: a message older than this when it arrives is stored and
	// answered with a notice, not as if new (default 6 h).
	MaxAge time.Duration
}

// Store is what the adapter needs from our database.
type Store interface {
	bot.StatusStore
	LastInboundAt(ctx context.Context, channel string, phone domain.Phone) (time.Time, error)
	// InboundSeen tells whether a message id was stored before.
	InboundSeen(ctx context.Context, channel, extID string) (bool, error)
}

// Adapter is a Cloud API number as a bot.Channel.
type Adapter struct {
	cfg   Config
	name  string
	pipe  bot.RenumberHandler
	store Store
	http  *http.Client
	log   *slog.Logger
	// Now is the clock; tests set it.
	Now func() time.Time
}

// New returns the adapter; its channel is "whatsappcloud:<phone number id>".
func New(cfg Config, pipe bot.RenumberHandler, store Store, log *slog.Logger) *Adapter {
	if cfg.APIBase == "" {
		cfg.APIBase = "https://graph.facebook.com/v21.0"
	}
	if cfg.TemplateLang == "" {
		cfg.TemplateLang = "id"
	}
	if cfg.MaxAge <= 0 {
		cfg.MaxAge = 6 * time.Hour
	}
	name := bot.ChannelName(bot.KindWhatsAppCloud, cfg.PhoneNumberID)
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
	// A message that can never be stored (an unreadable sender, a kind we
	// do not answer) is logged and acknowledged: answering 5xx would make
	// Meta redeliver the whole webhook forever, and the valid messages
	// behind it would never be stored. Only a transient failure (the
	// database down) asks for a redelivery, and then the later messages of
	// that sender wait for it too, to keep their order.
	retry := false
	waiting := map[domain.Phone]bool{}
	for _, m := range p.Messages {
		if m.PhoneNumberID != "" && m.PhoneNumberID != a.cfg.PhoneNumberID {
			continue
		}
		if m.Skip != "" {
			a.log.Info("webhook message ignored", "kind", m.Skip, "id", cut(m.ID))
			continue
		}
		from, err := sender(m.From)
		if err != nil {
			a.log.Warn("webhook message from an unreadable sender acknowledged", "from", cut(m.From), "id", cut(m.ID))
			continue
		}
		if waiting[from] {
			continue
		}
		if err := a.handle(r.Context(), m, from); err != nil {
			a.log.Warn("webhook message not stored; Meta will retry", "err", err)
			retry, waiting[from] = true, true
		}
	}
	for _, s := range p.Statuses {
		a.status(r.Context(), s)
	}
	if retry {
		http.Error(w, "retry", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// sender reads a webhook's "from" (digits without "+") as a number.
func sender(from string) (domain.Phone, error) {
	if len(from) > 20 {
		return "", domain.Errorf(domain.EINVALID, "bad sender")
	}
	return domain.ParsePhone("+" + strings.TrimPrefix(from, "+"))
}

// cut bounds what a stranger's field puts in the log.
func cut(s string) string {
	const n = 64
	if len(s) <= n {
		return bot.CleanText(s)
	}
	return bot.CleanText(s[:n]) + "…"
}

// handle stores one message: a number change moves the contact, anything
// else goes to the pipeline. It fails only when a retry may help.
func (a *Adapter) handle(ctx context.Context, m Message, from domain.Phone) error {
	if m.NewNumber != "" {
		return a.renumber(ctx, m, from)
	}
	in, err := a.inbound(ctx, m, from)
	if err != nil || in == nil {
		return err
	}
	if _, err := a.pipe.Handle(ctx, *in); err != nil {
		if domain.ErrorCodeOf(err) == domain.EINVALID {
			a.log.Info("webhook message refused", "err", domain.ErrorMessageOf(err))
			return nil
		}
		return err
	}
	return nil
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
	// Skip says why the message gets no answer: a reaction (or its
	// removal), a kind WhatsApp itself could not deliver ("unsupported",
	// error 131051), an empty interactive reply, a system notice other than
	// a number change. Such messages are logged and acknowledged.
	Skip string
	// NewNumber is the sender's new number (digits), when WhatsApp reports
	// that they changed it; From is then the old one.
	NewNumber string
}

// Status is one delivery status of a webhook.
type Status struct {
	ID, Status, Recipient string
	ErrorCode             int
	ErrorTitle            string
}

type mediaField struct {
	ID       string `json:"id"`
	MimeType string `json:"mime_type"`
	Caption  string `json:"caption"`
}

type wireError struct {
	Code  int    `json:"code"`
	Title string `json:"title"`
}

type wireMessage struct {
	From      string `json:"from"`
	ID        string `json:"id"`
	Timestamp string `json:"timestamp"`
	Type      string `json:"type"`
	Text      *struct {
		Body string `json:"body"`
	} `json:"text"`
	Image, Audio, Document, Video, Sticker *mediaField
	Location                               *struct {
		Latitude  float64 `json:"latitude"`
		Longitude float64 `json:"longitude"`
	} `json:"location"`
	Interactive *struct {
		Type        string     `json:"type"`
		ButtonReply *replyPick `json:"button_reply"`
		ListReply   *replyPick `json:"list_reply"`
	} `json:"interactive"`
	Button *struct {
		Payload string `json:"payload"`
		Text    string `json:"text"`
	} `json:"button"`
	Contacts []wireContact `json:"contacts"`
	System   *struct {
		Type     string `json:"type"`
		WaID     string `json:"wa_id"`
		NewWaID  string `json:"new_wa_id"` // before Graph API v12
		Customer string `json:"customer"`
	} `json:"system"`
	Errors []wireError `json:"errors"`
}

type replyPick struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// wireContact is a shared contact card.
type wireContact struct {
	Name struct {
		FormattedName string `json:"formatted_name"`
		FirstName     string `json:"first_name"`
	} `json:"name"`
	Phones []struct {
		Phone string `json:"phone"`
		WaID  string `json:"wa_id"`
		Type  string `json:"type"`
	} `json:"phones"`
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
				Messages []wireMessage `json:"messages"`
				Statuses []struct {
					ID          string      `json:"id"`
					Status      string      `json:"status"`
					RecipientID string      `json:"recipient_id"`
					Errors      []wireError `json:"errors"`
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
				if m.ID == "" || m.From == "" {
					continue
				}
				out := convert(m)
				out.PhoneNumberID = v.Metadata.PhoneNumberID
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

// convert flattens one message: what it says, or why it gets no answer.
func convert(m wireMessage) Message {
	out := Message{From: m.From, ID: m.ID, Timestamp: m.Timestamp, Type: m.Type}
	switch {
	case m.Text != nil:
		out.Text = m.Text.Body
	case m.Interactive != nil:
		if pick := m.Interactive.ButtonReply; pick != nil {
			out.Text = cmp.Or(pick.ID, pick.Title)
		} else if pick := m.Interactive.ListReply; pick != nil {
			out.Text = cmp.Or(pick.ID, pick.Title)
		}
	case m.Button != nil:
		out.Text = cmp.Or(m.Button.Payload, m.Button.Text)
	case m.Location != nil:
		lat, lng := m.Location.Latitude, m.Location.Longitude
		out.Lat, out.Lng = &lat, &lng
	case len(m.Contacts) > 0:
		out.Text = vcards(m.Contacts)
	}
	for _, media := range []*mediaField{m.Image, m.Audio, m.Document, m.Video, m.Sticker} {
		if media != nil && media.ID != "" {
			out.MediaID, out.MediaMime, out.Text = media.ID, media.MimeType, media.Caption
		}
	}
	if m.Text != nil || strings.TrimSpace(out.Text) != "" || out.MediaID != "" || out.Lat != nil {
		return out
	}
	// Nothing a person wrote: say why, for the log.
	switch {
	case m.System != nil && (m.System.Type == "user_changed_number" || m.System.Type == "customer_changed_number") &&
		cmp.Or(m.System.WaID, m.System.NewWaID) != "":
		out.NewNumber = cmp.Or(m.System.WaID, m.System.NewWaID)
	case m.System != nil:
		out.Skip = "system " + cut(m.System.Type)
	case m.Type == "reaction", m.Type == "":
		out.Skip = cmp.Or(m.Type, "no type")
	case m.Type == "interactive":
		out.Skip = "empty interactive"
	case len(m.Errors) > 0:
		out.Skip = fmt.Sprintf("%s (%d %s)", cut(m.Type), m.Errors[0].Code, cut(m.Errors[0].Title))
	default:
		out.Skip = cut(m.Type)
	}
	return out
}

// vcards writes shared contact cards as the vCards WhatsApp's own app
// shares (and the whatsmeow channel hands on): a number given by card
// reads like a typed one.
func vcards(cs []wireContact) string {
	oneLine := strings.NewReplacer("\r", " ", "\n", " ")
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("BEGIN:VCARD\nVERSION:3.0\nFN:" + oneLine.Replace(cmp.Or(c.Name.FormattedName, c.Name.FirstName)) + "\n")
		for _, p := range c.Phones {
			b.WriteString("TEL;type=" + oneLine.Replace(cmp.Or(p.Type, "CELL")))
			if p.WaID != "" {
				b.WriteString(";waid=" + oneLine.Replace(p.WaID))
			}
			b.WriteString(":" + oneLine.Replace(p.Phone) + "\n")
		}
		b.WriteString("END:VCARD\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// inbound converts a webhook message, fetching its media unless the
// message was stored before (a redelivered webhook downloads nothing). It
// returns nil for a message already stored.
func (a *Adapter) inbound(ctx context.Context, m Message, from domain.Phone) (*bot.Inbound, error) {
	in := bot.Inbound{Channel: a.name, ExtID: m.ID, From: from, Text: m.Text}
	if m.Lat != nil && m.Lng != nil {
		in.Location = &domain.Location{Lat: *m.Lat, Lng: *m.Lng}
	}
	if sec, err := strconv.ParseInt(m.Timestamp, 10, 64); err == nil && a.Now().Sub(time.Unix(sec, 0)) > a.cfg.MaxAge {
		in.Stale = true
	}
	if m.MediaID != "" {
		seen, err := a.store.InboundSeen(ctx, a.name, bot.StoredExtID(m.ID))
		if err != nil {
			return nil, err
		}
		if seen {
			return nil, nil
		}
		data, err := a.download(ctx, m.MediaID)
		switch {
		case err == nil:
			in.Media = &bot.InboundMedia{Data: data, Mime: m.MediaMime}
		case bot.IsPermanent(err):
			// Expired, deleted or too large: the caption still counts, and
			// the flow asks again for what it needs.
			a.log.Warn("media not downloaded", "err", err)
		default:
			return nil, err
		}
	}
	if in.Text == "" && in.Media == nil && in.Location == nil {
		in.Text = " "
	}
	return &in, nil
}

// renumber acts on a number change: the contact moves to the new number
// (see postgres.Store.MoveContact).
func (a *Adapter) renumber(ctx context.Context, m Message, from domain.Phone) error {
	to, err := sender(m.NewNumber)
	if err != nil {
		a.log.Warn("number change to an unreadable number acknowledged", "to", cut(m.NewNumber), "id", cut(m.ID))
		return nil
	}
	out, err := a.pipe.MoveNumber(ctx, bot.NumberChange{Channel: a.name, ExtID: m.ID, From: from, To: to})
	if err != nil {
		return err
	}
	a.log.Info("number change", "from", from.Masked(), "to", to.Masked(), "outcome", string(out))
	return nil
}

// maxMedia is the largest file downloaded (the media store refuses more).
const maxMedia = 16 << 20

// download fetches a media file: its URL from the media endpoint, then the bytes.
func (a *Adapter) download(ctx context.Context, mediaID string) ([]byte, error) {
	var meta struct {
		URL      string `json:"url"`
		FileSize int64  `json:"file_size"`
	}
	if err := a.call(ctx, http.MethodGet, a.cfg.APIBase+"/"+url.PathEscape(mediaID), nil, "", &meta); err != nil {
		return nil, fmt.Errorf("media url: %w", err)
	}
	if meta.FileSize > maxMedia {
		return nil, &bot.PermanentError{Err: fmt.Errorf("media of %d bytes", meta.FileSize)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, meta.URL, nil)
	if err != nil {
		return nil, &bot.PermanentError{Err: err}
	}
	req.Header.Set("Authorization", "Bearer "+a.cfg.AccessToken)
	resp, err := a.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("downloading media: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		err := fmt.Errorf("downloading media: %s", resp.Status)
		if resp.StatusCode >= 400 && resp.StatusCode < 500 && resp.StatusCode != http.StatusTooManyRequests {
			return nil, &bot.PermanentError{Err: err}
		}
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxMedia+1))
	if err != nil {
		return nil, fmt.Errorf("downloading media: %w", err)
	}
	if len(data) > maxMedia {
		return nil, &bot.PermanentError{Err: errors.New("media larger than announced")}
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
		name, params := a.template(m.Text)
		if name == "" || m.Kind == "reply" {
			return "", &bot.PermanentError{Err: errors.New("outside the 24-hour window and no template configured")}
		}
		var values []any
		for _, p := range params {
			values = append(values, map[string]string{"type": "text", "text": p})
		}
		payload["type"] = "template"
		payload["template"] = map[string]any{
			"name": name, "language": map[string]string{"code": a.cfg.TemplateLang},
			"components": []any{map[string]any{"type": "body", "parameters": values}},
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

// template picks the approved template for a push outside the 24-hour
// window, and its parameters ("" when none is configured for it).
func (a *Adapter) template(text string) (string, []string) {
	if a.cfg.TemplatePrefix != "" {
		if t, params, ok := templateFor(text); ok {
			return a.cfg.TemplatePrefix + "_" + t.Suffix, params
		}
	}
	if a.cfg.Template == "" {
		return "", nil
	}
	return a.cfg.Template, oneLineParams(GeneralBody, []string{text})
}

// uploadTypes are the file name extensions of the types we send; Meta
// refuses a file whose type and name it cannot read.
var uploadTypes = map[string]string{
	"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp",
	"audio/ogg": ".ogg", "audio/mpeg": ".mp3", "audio/aac": ".aac", "audio/mp4": ".m4a", "audio/amr": ".amr",
	"video/mp4": ".mp4", "application/pdf": ".pdf",
}

func (a *Adapter) upload(ctx context.Context, path, mimeType string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", &bot.PermanentError{Err: err}
	}
	mimeType, _, _ = strings.Cut(mimeType, ";")
	if mimeType == "" || mimeType == "application/octet-stream" {
		mimeType, _, _ = strings.Cut(http.DetectContentType(data), ";")
	}
	ext, ok := uploadTypes[mimeType]
	if !ok {
		ext = filepath.Ext(path)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("messaging_product", "whatsapp")
	_ = mw.WriteField("type", mimeType)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="media`+ext+`"`)
	h.Set("Content-Type", mimeType)
	fw, _ := mw.CreatePart(h)
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
// Titles are short (20 characters for a button, 24 for a row) and Meta
// refuses two alike: when clipping makes two alike, each is numbered
// ("1. Masalah: Jalan t…"), the full labels being in the body above.
func Interactive(text string) map[string]any {
	items := numberedLine.FindAllStringSubmatch(text, -1)
	if len(items) < 2 || len(items) > 10 || utf8.RuneCountInString(text) > 1024 {
		return nil
	}
	ids := map[string]bool{}
	for _, it := range items {
		if ids[it[1]] || strings.TrimSpace(it[2]) == "" {
			return nil // two lists in one text, or a choice without words
		}
		ids[it[1]] = true
	}
	body := strings.TrimSpace(text)
	if len(items) <= 3 {
		var buttons []any
		for i, title := range titles(items, 20) {
			buttons = append(buttons, map[string]any{"type": "reply", "reply": map[string]string{"id": items[i][1], "title": title}})
		}
		return map[string]any{"type": "button", "body": map[string]string{"text": body}, "action": map[string]any{"buttons": buttons}}
	}
	var rows []any
	for i, title := range titles(items, 24) {
		row := map[string]string{"id": items[i][1], "title": title}
		if label := strings.TrimSpace(items[i][2]); label != title {
			row["description"] = clip(label, 72)
		}
		rows = append(rows, row)
	}
	return map[string]any{"type": "list", "body": map[string]string{"text": body},
		"action": map[string]any{"button": "Pilih", "sections": []any{map[string]any{"title": "Pilihan", "rows": rows}}}}
}

// titles clips the labels of numbered items to n characters, numbering
// them all when two would read alike.
func titles(items [][]string, n int) []string {
	out := make([]string, len(items))
	seen := map[string]bool{}
	alike := false
	for i, it := range items {
		out[i] = clip(it[2], n)
		alike = alike || seen[out[i]]
		seen[out[i]] = true
	}
	if alike {
		for i, it := range items {
			prefix := it[1] + ". "
			out[i] = prefix + clip(it[2], n-utf8.RuneCountInString(prefix))
		}
	}
	return out
}

func clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
