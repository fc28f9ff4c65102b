package whatsappcloud_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/whatsappcloud"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// personal writes the name as the outbound queue does (postgres.personalSQL).
func personal(text, name string, gender domain.Gender) string {
	title := map[domain.Gender]string{domain.GenderFemale: "Ibu", domain.GenderMale: "Bapak"}[gender]
	if title == "" {
		return strings.ReplaceAll(text, "{nama}", name)
	}
	sunda := title
	if title == "Bapak" {
		sunda = "Bapa"
	}
	text = strings.ReplaceAll(text, "Bapak/Ibu {nama}", title+" "+name)
	text = strings.ReplaceAll(text, "Bapa/Ibu {nama}", sunda+" "+name)
	return strings.ReplaceAll(text, "{nama}", name)
}

var variable = regexp.MustCompile(`\{\{(\d+)\}\}`)

// Outside the 24-hour window each kind of push goes as its own template,
// with parameters Meta accepts: one line each (no newline, no tab, never
// five spaces in a row), never empty, and the whole body within 1024
// characters. Anything else goes as the general template on one line.
func TestTemplatePushes(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, func(c *whatsappcloud.Config) { c.TemplatePrefix = "suaradesa"; c.Template = "suaradesa_kabar" })
	to := domain.Phone("+6281234567001")
	dusun := int64(1)
	meeting := domain.Meeting{Code: "R-7KM4XA", Type: domain.MeetingMusdus, DesaNama: "Sumberrejo", DusunID: &dusun, DusunNama: "Krajan",
		Audience: domain.AudienceDusun, StartsAt: time.Date(2026, 12, 12, 2, 0, 0, 0, time.UTC), Place: "Balai\tdusun     Krajan",
		Agenda: "1. Jalan tanah berlubang\n2. Sumur bor\n3. " + strings.Repeat("Posyandu ", 200), TZ: "Asia/Jakarta"}
	gagasan := domain.Gagasan{Code: "G-7KM4XA", Title: "Perbaikan jalan dusun", Status: domain.StatusDidanai}
	bodies := map[string]string{"suaradesa_kabar": whatsappcloud.GeneralBody}
	for _, tpl := range whatsappcloud.Templates {
		bodies["suaradesa_"+tpl.Suffix] = tpl.Body
	}
	type push struct {
		text, template string
		first, last    string // the first and last parameters, when known
	}
	var pushes []push
	for _, lang := range flow.Langs {
		pushes = append(pushes,
			push{personal(flows.InviteText(lang, meeting), "Wati", domain.GenderFemale), "suaradesa_undangan", "Ibu Wati", "R-7KM4XA"},
			push{personal(flows.InviteText(lang, meeting), "Siti", ""), "suaradesa_undangan", "", "R-7KM4XA"},
			push{personal(flows.ReminderText(lang, meeting, "H-1"), "Darto", domain.GenderMale), "suaradesa_pengingat", "", "R-7KM4XA"},
			push{flows.StatusChangedText(lang, gagasan, "Disetujui di MAD,\tdana\n\ncair bulan depan"), "suaradesa_tahap", "G-7KM4XA", "Disetujui di MAD, dana; cair bulan depan"},
			push{flows.StatusChangedText(lang, gagasan, ""), "suaradesa_tahap", "G-7KM4XA", "-"},
			push{flow.Render(lang, flow.MsgReportPush, flow.A{"code": "K-7KM4XA", "title": "Jalan rabat", "percent": 60, "note": "Cor\nselesai"}), "suaradesa_kemajuan", "K-7KM4XA", "Cor; selesai"},
		)
	}
	pushes = append(pushes, push{"Rapat R-7KM4XA dipindah.\nHari: Sabtu\n\tTempat:      Balai desa", "suaradesa_kabar", "Rapat R-7KM4XA dipindah. Hari: Sabtu; Tempat: Balai desa", ""})
	// The Indonesian invitation and reminder, parameter by parameter.
	exact := map[string][]string{
		pushes[0].text: {"Ibu Wati", "Musyawarah Dusun Krajan, Desa Sumberrejo", "Sabtu, 12 Desember 2026", "09.00 WIB", "Balai dusun Krajan",
			"1. Jalan tanah berlubang; 2. Sumur bor; 3. Posyandu Posyandu *", "R-7KM4XA"}, // cut to fit: "…" at the end
		pushes[2].text: {"Bapak Darto", "Musyawarah Dusun Krajan, Desa Sumberrejo besok", "Sabtu 12 Desember 2026", "09.00 WIB", "Balai dusun Krajan", "R-7KM4XA"},
	}
	for i, p := range pushes {
		if _, err := f.a.Send(ctx, bot.Message{ID: int64(i + 1), To: to, Text: p.text, Kind: "broadcast"}); err != nil {
			t.Fatalf("push %d: %v", i, err)
		}
		tpl := f.g.messages[len(f.g.messages)-1]["template"].(map[string]any)
		if tpl["name"] != p.template {
			t.Fatalf("push %d %q went as %v, want %s", i, p.text, tpl["name"], p.template)
		}
		var params []string
		for _, v := range tpl["components"].([]any)[0].(map[string]any)["parameters"].([]any) {
			params = append(params, v.(map[string]any)["text"].(string))
		}
		body := bodies[p.template]
		if want := len(variable.FindAllString(body, -1)); len(params) != want {
			t.Fatalf("push %d: %d parameters for %d variables", i, len(params), want)
		}
		for _, v := range params {
			if v == "" || strings.ContainsAny(v, "\n\t") || strings.Contains(v, "     ") {
				t.Fatalf("push %d: parameter %q Meta refuses (132018)", i, v)
			}
		}
		filled := variable.ReplaceAllStringFunc(body, func(v string) string {
			n := int(v[2] - '1')
			return params[n]
		})
		if n := utf8.RuneCountInString(filled); n > 1024 {
			t.Fatalf("push %d: body of %d characters", i, n)
		}
		if want, ok := exact[p.text]; ok {
			for j, w := range want {
				if prefix, cut := strings.CutSuffix(w, "*"); cut && (!strings.HasPrefix(params[j], prefix) || !strings.HasSuffix(params[j], "…")) || !cut && params[j] != w {
					t.Fatalf("push %d: parameters %q, want %q", i, params, want)
				}
			}
		}
		if p.first != "" && params[0] != p.first || p.last != "" && params[len(params)-1] != p.last {
			t.Fatalf("push %d: parameters %q", i, params)
		}
	}
	// Without a general template, a push of no known kind cannot go.
	g := newFixture(t, func(c *whatsappcloud.Config) { c.TemplatePrefix = "suaradesa"; c.Template = "" })
	if _, err := g.a.Send(ctx, bot.Message{ID: 1, To: to, Text: "Rapat dipindah", Kind: "push"}); !bot.IsPermanent(err) {
		t.Fatalf("no template: %v", err)
	}
}

// An image is uploaded with its type and a file name Meta reads.
func TestUploadNamesTheType(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	to := domain.Phone("+6281234567001")
	turn, _ := f.st.BeginTurn(ctx, to) // within the 24-hour window
	if _, _, err := turn.LogInbound(ctx, postgres.Inbound{Channel: f.a.Name(), ExtID: "wamid.T1", Phone: to}); err != nil {
		t.Fatal(err)
	}
	_ = turn.Commit()
	dir := t.TempDir()
	jpg, png := filepath.Join(dir, "ab12"), filepath.Join(dir, "cd34.png")
	_ = os.WriteFile(jpg, []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), 0o600)
	_ = os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600)
	if _, err := f.a.Send(ctx, bot.Message{ID: 1, To: to, Text: "foto", MediaPath: jpg, MediaMime: "image/jpeg", Kind: "push"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.a.Send(ctx, bot.Message{ID: 2, To: to, Text: "foto", MediaPath: png, Kind: "push"}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.g.uploads, ",") != "media.jpg image/jpeg,media.png image/png" {
		t.Fatalf("uploads %q", f.g.uploads)
	}
}

// Choices whose clipped titles would read alike are numbered, so that no
// two buttons or rows are the same (Meta refuses the message otherwise).
func TestInteractiveTitlesUnique(t *testing.T) {
	items := []string{"Masalah: Jalan tanah berlubang di RT 02", "Masalah: Jalan tanah licin saat hujan", "Potensi: Mata air Sendang"}
	for _, n := range []int{2, 3, 5, 10} {
		var b strings.Builder
		b.WriteString("Pilih nomornya:")
		for i := range n {
			b.WriteString("\n" + itoa(int64(i+1)) + ". " + items[i%len(items)])
			if i >= len(items) {
				b.WriteString(" " + itoa(int64(i)))
			}
		}
		inter := whatsappcloud.Interactive(b.String())
		if inter == nil {
			t.Fatalf("%d choices stayed plain text", n)
		}
		limit, key := 20, "buttons"
		var choices []any
		if n <= 3 {
			choices = inter["action"].(map[string]any)["buttons"].([]any)
		} else {
			limit, key = 24, "rows"
			choices = inter["action"].(map[string]any)["sections"].([]any)[0].(map[string]any)["rows"].([]any)
		}
		titles, ids := map[string]bool{}, map[string]bool{}
		for _, c := range choices {
			var title, id string
			if n <= 3 {
				r := c.(map[string]any)["reply"].(map[string]string)
				title, id = r["title"], r["id"]
			} else {
				r := c.(map[string]string)
				title, id = r["title"], r["id"]
			}
			if title == "" || utf8.RuneCountInString(title) > limit || titles[title] || ids[id] {
				t.Fatalf("%d choices: %s %q (id %q) Meta refuses: %v", n, key, title, id, choices)
			}
			titles[title], ids[id] = true, true
		}
	}
	// Short distinct labels stay as they are.
	inter := whatsappcloud.Interactive("Pilih:\n1. Perempuan\n2. Laki-laki")
	if b := inter["action"].(map[string]any)["buttons"].([]any); b[0].(map[string]any)["reply"].(map[string]string)["title"] != "Perempuan" {
		t.Fatalf("buttons %v", b)
	}
}
