package flows_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/flows/smstext"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// fixture is the read-only data a flow sees in these tests.
type fixture struct {
	desas   []domain.Desa
	kec     map[string]string // kecamatan names by code; "Ngemplak" when none
	kab     map[string]string // kabupaten names by code
	dusuns  map[string][]domain.Dusun
	gagasan map[string]*domain.Gagasan
	history map[string][]domain.StatusChange
	fail    bool

	meetings map[string]*domain.Meeting
	rsvps    map[int64]domain.RSVP
	// decided are the stages each meeting's recorded outcome moved
	// gagasan to, by meeting id and gagasan code.
	decided map[int64]map[string]domain.Status
	posted  map[string][]string // meeting codes posted into a group, by its JID
	reach   *domain.GroupReach  // GroupReach's answer for a dusun when set

	maps map[int64]*domain.DusunMap // by dusun id
	sugs map[int64][]domain.MapItem

	complaints []domain.Complaint // what ComplaintsOf lists

	votes   map[int64]*domain.Vote // suara warga by meeting id
	ballots map[int64][]int        // the contact's ballot by vote id

	// answerers are who answered each meeting by id (MeetingAnswerers);
	// a meeting with some gets counts of them (MeetingStats).
	answerers map[int64][]domain.Answerer
}

var errDown = errors.New("database down")

func (f *fixture) DesasIn(_ context.Context, scope string) ([]domain.DesaPlace, error) {
	if f.fail {
		return nil, errDown
	}
	var out []domain.DesaPlace
	for _, d := range f.desas {
		if !domain.InScope(d.Kode, scope) {
			continue
		}
		p := domain.DesaPlace{Desa: d, Kecamatan: "Ngemplak", Kabupaten: "Sleman"}
		if d.KecamatanKode == "" {
			p.KecamatanKode = domain.KecamatanKodeOf(d.Kode)
		}
		if n, ok := f.kec[p.KecamatanKode]; ok {
			p.Kecamatan = n
		}
		if n, ok := f.kab[domain.KabupatenKodeOf(d.Kode)]; ok {
			p.Kabupaten = n
		}
		out = append(out, p)
	}
	// As the store: by name, then code.
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Nama < out[j].Nama || out[i].Nama == out[j].Nama && out[i].Kode < out[j].Kode
	})
	return out, nil
}

func (f *fixture) Dusuns(_ context.Context, kode string) ([]domain.Dusun, error) {
	if f.fail {
		return nil, errDown
	}
	return f.dusuns[kode], nil
}

func (f *fixture) Gagasan(_ context.Context, code string) (*domain.Gagasan, []domain.StatusChange, error) {
	if f.fail {
		return nil, nil, errDown
	}
	g, ok := f.gagasan[code]
	if !ok {
		return nil, nil, domain.ErrNotFound
	}
	return g, f.history[code], nil
}

func (f *fixture) GagasanOf(_ context.Context, id domain.ContactID, limit int) ([]domain.Gagasan, error) {
	var out []domain.Gagasan
	for _, g := range f.gagasan {
		if g.SenderID != nil && domain.ContactID(*g.SenderID) == id {
			out = append(out, *g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (f *fixture) ComplaintsOf(_ context.Context, id domain.ContactID, limit int) ([]domain.Complaint, error) {
	if f.fail {
		return nil, errDown
	}
	var out []domain.Complaint
	for _, c := range f.complaints {
		if c.ContactID != nil && domain.ContactID(*c.ContactID) == id {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (f *fixture) TimeZone(context.Context, string) string { return "Asia/Jakarta" }

func newFixture() *fixture {
	senderID := int64(7)
	t0 := time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)
	return &fixture{
		desas: []domain.Desa{
			{Kode: "34.04.11.2002", Nama: "Bimomartani"},
			{Kode: "34.04.11.2001", Nama: "Sindumartani"},
			{Kode: "34.04.11.2004", Nama: "Wedomartani"},
		},
		dusuns: map[string][]domain.Dusun{
			"34.04.11.2002": {{ID: 11, Nama: "Kejambon"}, {ID: 12, Nama: "Sambiroto"}},
			"34.04.11.2001": {{ID: 21, Nama: "Jetis"}},
			"34.04.11.2004": {{ID: 51, Nama: "Karangmojo"}, {ID: 52, Nama: "Ngringin"}},
		},
		gagasan: map[string]*domain.Gagasan{
			"G-7KM4XA": {Code: "G-7KM4XA", SenderID: &senderID, Title: "Jalan Kejambon", Status: domain.StatusDibahas, DesaKode: "34.04.11.2002", CreatedAt: t0},
			"G-XXXXXX": {Code: "G-XXXXXX", Title: "Sumur bor", Status: domain.StatusDiajukan, DesaKode: "34.04.11.2002", CreatedAt: t0},
		},
		history: map[string][]domain.StatusChange{
			"G-7KM4XA": {
				{To: domain.StatusDiajukan, At: t0},
				{From: domain.StatusDiajukan, To: domain.StatusDibahas, Note: "dibahas di Musdus", At: t0.Add(48 * time.Hour)},
			},
		},
	}
}

// msg is one inbound message of a transcript and what the replies must hold.
type msg struct {
	text     string
	image    bool
	pin      bool
	audio    bool
	pdf      bool     // a PDF scan sent as a document
	want     []string // each must appear in the joined replies
	notWant  []string
	advance  time.Duration
	commands []string // type names of the commands, in order
	refused  bool     // a file came and was refused (too large)
}

// conversation runs a transcript through Step, applying the commands to an
// in-memory contact as the store would, and checks every reply.
type conversation struct {
	channel string // "sim" unless set
	sms     int    // the channel's SMS budget in segments (bySMS)
	scope   string // the region the number written to serves (Env.Scope)
	t       *testing.T
	fx      *fixture
	contact *domain.Contact
	sess    flow.Session
	now     time.Time
	codes   int
	saved   []domain.Gagasan
	updated []flow.UpdateGagasanDetail
}

func newConversation(t *testing.T) *conversation {
	return &conversation{t: t, fx: newFixture(), now: time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC)}
}

func (c *conversation) registered(gender domain.Gender) *conversation {
	now := c.now
	c.contact = &domain.Contact{ID: 7, Phone: "+6281234567001", Name: "Siti", DesaKode: "34.04.11.2002",
		DusunID: 11, Gender: gender, ConsentAt: &now, RegisteredAt: &now}
	return c
}

// bySMS makes the conversation an SMS one: an SMS gateway's channel, and
// the budget the pipeline gives it.
func (c *conversation) bySMS() *conversation {
	c.channel, c.sms = "sms:bimo", smstext.MaxSegments
	return c
}

func (c *conversation) env() flow.Env {
	return flow.Env{Now: c.now, SMSSegments: c.sms, Scope: c.scope, NewCode: func(k domain.CodeKind) string {
		c.codes++
		return fmt.Sprintf("%c-TEST%02d", k, c.codes)
	}}
}

func (c *conversation) send(i int, m msg) flow.Result {
	c.t.Helper()
	c.now = c.now.Add(time.Minute + m.advance)
	channel := "sim"
	if c.channel != "" {
		channel = c.channel
	}
	in := flow.Input{Channel: channel, Text: m.text}
	if m.image {
		in.Media = &flow.Media{ID: 900 + int64(i), Kind: flow.MediaImage, Mime: "image/jpeg"}
	}
	if m.pdf {
		in.Media = &flow.Media{ID: 700 + int64(i), Kind: flow.MediaDocument, Mime: "application/pdf"}
	}
	if m.audio {
		in.Media = &flow.Media{ID: 800 + int64(i), Kind: flow.MediaAudio, Mime: "audio/ogg"}
	}
	if m.pin {
		in.Location = &domain.Location{Lat: -7.7, Lng: 110.4}
	}
	in.MediaRefused = m.refused
	res, err := flows.Step(context.Background(), c.env(), c.fx, c.contact, c.sess, in)
	if err != nil {
		c.t.Fatalf("message %d %q: %v", i, m.text, err)
	}
	var texts []string
	for _, r := range res.Replies {
		if strings.TrimSpace(r.Text) == "" {
			c.t.Fatalf("message %d %q: empty reply", i, m.text)
		}
		if strings.Contains(r.Text, "[") && strings.Contains(r.Text, "]") && !strings.Contains(m.text, "[") {
			c.t.Fatalf("message %d %q: reply has a missing catalog key: %s", i, m.text, r.Text)
		}
		if strings.Contains(r.Text, "{") {
			c.t.Fatalf("message %d %q: reply has an unfilled placeholder: %s", i, m.text, r.Text)
		}
		texts = append(texts, r.Text)
	}
	if len(texts) == 0 {
		c.t.Fatalf("message %d %q: no reply", i, m.text)
	}
	joined := strings.Join(texts, "\n---\n")
	for _, w := range m.want {
		if !strings.Contains(joined, w) {
			c.t.Fatalf("message %d %q: reply lacks %q; got:\n%s", i, m.text, w, joined)
		}
	}
	for _, w := range m.notWant {
		if strings.Contains(joined, w) {
			c.t.Fatalf("message %d %q: reply has %q; got:\n%s", i, m.text, w, joined)
		}
	}
	if m.commands != nil {
		var names []string
		for _, cmd := range res.Commands {
			names = append(names, reflect.TypeOf(cmd).Name())
		}
		if strings.Join(names, ",") != strings.Join(m.commands, ",") {
			c.t.Fatalf("message %d %q: commands %v, want %v", i, m.text, names, m.commands)
		}
	}
	c.apply(res)
	return res
}

func (c *conversation) apply(res flow.Result) {
	for _, cmd := range res.Commands {
		switch x := cmd.(type) {
		case flow.GiveConsent:
			now := c.now
			c.contact = &domain.Contact{ID: 7, Phone: "+6281234567001", ConsentAt: &now}
		case flow.Register:
			now := c.now
			c.contact.Name, c.contact.DesaKode, c.contact.DusunID, c.contact.Gender = x.Name, x.DesaKode, x.DusunID, x.Gender
			c.contact.RegisteredAt = &now
		case flow.SetLang:
			c.contact.Lang = x.Lang
		case flow.SetOptOut:
			if x.Out {
				now := c.now
				c.contact.OptedOutAt = &now
			} else {
				c.contact.OptedOutAt = nil
			}
		case flow.CreateGagasan:
			c.saved = append(c.saved, x.Gagasan)
		case flow.UpdateGagasanDetail:
			c.updated = append(c.updated, x)
		case flow.DeleteContact:
			c.contact = nil
		case flow.SetBAPhoto:
			// The store's part: the meeting's photo is this one.
			for _, m := range c.fx.meetings {
				if m.ID == x.MeetingID {
					at := x.At
					m.BAMediaID, m.BASentAt = &x.MediaID, &at
				}
			}
		case flow.WithdrawGagasan:
			// The store's part: the gagasan leaves DIAJUKAN.
			if g := c.fx.gagasan[x.Code]; g != nil {
				g.Status = domain.StatusDitarik
			}
		default:
			c.fx.applyMap(cmd)
		}
	}
	c.sess = res.Session
	if c.contact != nil {
		c.contact.SessionSeq++
		c.contact.SessionFlow = res.Session.Flow
		c.sess.Seq = c.contact.SessionSeq
	}
}

func (c *conversation) run(msgs []msg) {
	c.t.Helper()
	for i, m := range msgs {
		c.send(i, m)
	}
}

func TestRegistration(t *testing.T) {
	c := newConversation(t)
	c.run([]msg{
		{text: "halo", want: []string{"Selamat datang", "UU No. 27 Tahun 2022", "HAPUS DATA", "YA atau TIDAK"}, commands: []string{}},
		{text: "mungkin", want: []string{"Mohon balas YA"}, commands: []string{}},
		{text: "ya", want: []string{"Pilih bahasa", "2. Basa Jawa"}, commands: []string{"GiveConsent"}},
		{text: "4", want: []string{"angka 1 sampai 3", "Pilih bahasa"}, commands: []string{}},
		{text: "1", want: []string{"Siapa nama"}, commands: []string{"SetLang"}},
		{text: "😀", want: []string{"Mohon ketik nama"}},
		{text: "  Siti   Aminah ", want: []string{"desa mana", "1. Bimomartani", "3. Wedomartani"}},
		{text: "7", want: []string{"angka 1 sampai 3"}},
		{text: "martani", want: []string{"desa yang mana", "1. Bimomartani", "2. Sindumartani"}},
		{text: "1", want: []string{"Dusun mana di Desa Bimomartani", "1. Kejambon"}},
		{text: "sambiroto", want: []string{"perempuan atau laki-laki"}},
		{text: "x", want: []string{"Mohon balas 1"}},
		{text: "1", want: []string{"Terima kasih, Siti Aminah", "Menu Suara Desa"}, commands: []string{"Register"}},
	})
	if c.contact.DesaKode != "34.04.11.2002" || c.contact.DusunID != 12 || c.contact.Gender != domain.GenderFemale {
		t.Fatalf("registered contact = %+v", c.contact)
	}
}

// TestRegistrationLanguageSkipped: a name typed instead of a language
// choice is the name, and the language stays unchosen (the desa's default).
func TestRegistrationLanguageSkipped(t *testing.T) {
	c := newConversation(t)
	c.run([]msg{
		{text: "halo"},
		{text: "ya", want: []string{"Pilih bahasa"}},
		{text: "Budi Santoso", want: []string{"desa mana"}, commands: []string{}},
		{text: "1"}, {text: "1"},
		{text: "2", want: []string{"Terima kasih, Budi Santoso"}, commands: []string{"Register"}},
	})
	if c.contact.Lang != "" {
		t.Fatalf("language %q chosen without a choice", c.contact.Lang)
	}
}

// TestRegistrationInJavaneseAndSundanese: after the choice every question
// and answer is in the chosen language, and Javanese and Sundanese words
// for yes and the keywords' synonyms are understood.
func TestRegistrationInJavaneseAndSundanese(t *testing.T) {
	for _, tc := range []struct {
		choice, yes, askName, askDesa, gender, done, menu, hadir, noMeeting string
	}{
		{"2", "inggih", "Sinten asma Panjenengan", "manggen wonten desa pundi", "perempuan atau laki-laki", "Pandhaftaran sampun rampung", "Kintun gagasan (GAGASAN)", "SAGED", "Mboten wonten rapat"},
		{"basa sunda", "sumuhun", "Saha nami Bapa/Ibu", "linggih di desa mana", "perempuan atau laki-laki", "Pendaptaran parantos réngsé", "Kintun gagasan (GAGASAN)", "sumping", "Teu aya rapat"},
	} {
		t.Run(tc.choice, func(t *testing.T) {
			c := newConversation(t)
			c.run([]msg{
				{text: "halo", want: []string{"Setuju?"}},
				{text: tc.yes, want: []string{"Pilih bahasa"}, commands: []string{"GiveConsent"}},
				{text: tc.choice, want: []string{tc.askName}, commands: []string{"SetLang"}},
				{text: "Sri Rahayu", want: []string{tc.askDesa, "1. Bimomartani"}},
				{text: "1"},
				{text: "1", notWant: []string{tc.gender}},
				{text: "1", want: []string{tc.done, tc.menu}, commands: []string{"Register"}},
				{text: tc.hadir, want: []string{tc.noMeeting}},
				{text: "xyz", notWant: []string{"Maaf, kami belum mengerti"}},
			})
		})
	}
}

func TestRegistrationForgivingDesa(t *testing.T) {
	for _, typed := range []string{"wedomartani", "Desa Wedomartani", "wedomartni", "WEDO"} {
		t.Run(typed, func(t *testing.T) {
			c := newConversation(t)
			c.run([]msg{
				{text: "assalamualaikum", want: []string{"Setuju?"}},
				{text: "Setuju", want: []string{"Pilih bahasa"}},
				{text: "Bahasa Indonesia", want: []string{"Siapa nama"}},
				{text: "Budi", want: []string{"desa mana"}},
				{text: typed, want: []string{"Desa Wedomartani", "Karangmojo"}},
			})
		})
	}
}

func TestSMSVariants(t *testing.T) {
	now := time.Now()
	res, err := flows.Step(context.Background(), flow.Env{Now: now, SMSSegments: smstext.MaxSegments}, newFixture(), nil, flow.Session{}, flow.Input{Channel: "sms:bimo", Text: "halo"})
	if err != nil || len(res.Replies) != 1 || !strings.HasPrefix(res.Replies[0].Text, "Suara Desa: layanan") || !strings.HasSuffix(res.Replies[0].Text, "Balas YA atau TIDAK.") {
		t.Fatalf("sms welcome %+v %v", res.Replies, err)
	}
	res, _ = flows.Step(context.Background(), flow.Env{Now: now}, newFixture(), nil, flow.Session{}, flow.Input{Channel: "sim", Text: "halo"})
	if !strings.HasPrefix(res.Replies[0].Text, "Selamat datang") {
		t.Fatalf("chat welcome %q", res.Replies[0].Text)
	}
}

func TestDaftarInOneMessage(t *testing.T) {
	c := newConversation(t)
	c.run([]msg{
		{text: "DAFTAR Siti Aminah#bimomartani#sambiroto#P", want: []string{"Setuju?"}, commands: []string{}},
		{text: "YA", want: []string{"Terima kasih, Siti Aminah. Pendaftaran selesai."}, commands: []string{"GiveConsent", "Register"}},
	})
	if c.contact.DusunID != 12 || c.contact.Gender != domain.GenderFemale {
		t.Fatalf("contact %+v", c.contact)
	}
	// What cannot be read is asked.
	d := newConversation(t)
	d.run([]msg{
		{text: "daftar Budi#martani#x", want: []string{"Setuju?"}},
		{text: "ya", want: []string{"desa mana"}, commands: []string{"GiveConsent"}},
		{text: "2", want: []string{"Dusun mana di Desa Sindumartani"}},
		{text: "1", want: []string{"perempuan atau laki-laki"}},
		{text: "2", commands: []string{"Register"}},
	})
	if d.contact.Name != "Budi" || d.contact.DesaKode != "34.04.11.2001" {
		t.Fatalf("contact %+v", d.contact)
	}
	// Declining keeps nothing.
	e := newConversation(t)
	e.run([]msg{
		{text: "DAFTAR Siti#Bimomartani#Kejambon"},
		{text: "TIDAK", want: []string{"tidak ada data"}, commands: []string{}},
	})
	if e.contact != nil || daftarState(t, e.sess).Quick != "" {
		t.Fatal("declined registration kept data")
	}
}

func TestConsentDeclinedStoresNothing(t *testing.T) {
	c := newConversation(t)
	c.run([]msg{
		{text: "halo", want: []string{"Setuju?"}},
		{text: "tidak", want: []string{"tidak ada data"}, commands: []string{}},
	})
	if c.contact != nil {
		t.Fatal("a contact exists after consent was declined")
	}
	// Writing again starts over.
	c.run([]msg{{text: "halo lagi", want: []string{"Selamat datang"}}})
}

func TestOptOutBeforeRegistration(t *testing.T) {
	c := newConversation(t)
	c.run([]msg{{text: "STOP", want: []string{"tidak menyimpan data"}, commands: []string{"ForgetNumber"}}})
}

func TestGuidedGagasan(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "gagasan", want: []string{"tentang apa", "1. Infrastruktur"}},
		{text: "9", want: []string{"angka 1 sampai 5"}},
		{text: "1", want: []string{"judul singkat"}},
		{text: "Status jalan rusak", want: []string{"Masalah atau potensi"}}, // "Status" is a title here, not a keyword
		{image: true, want: []string{"berupa tulisan"}},                      // a photo without caption: kept, question repeated
		{text: strings.Repeat("lubang ", 300), want: []string{"terlalu panjang", "1000 huruf"}},
		{text: "2", want: []string{"Bila ada, kirim lokasi"}},
		{text: "di sini", want: []string{"Bila ada, kirim lokasi"}},
		{pin: true, want: []string{"berapa rumah tangga"}},
		{text: "sekitar 40 KK", want: []string{"Dari 40 KK"}},
		{text: "41", want: []string{"tidak boleh lebih dari 40"}},
		{text: "12", want: []string{"Ringkasan", "Kategori: Infrastruktur", "Judul: Status jalan rusak", "Dusun: Sambiroto", "Lokasi: ada (pin)", "40 KK (12 KK miskin)", "Foto: ada", "YA untuk mengirim"}},
		{text: "UBAH", want: []string{"Bagian mana"}},
		{text: "2", want: []string{"judul singkat"}},
		{text: "Perbaikan jalan Sambiroto", want: []string{"Judul: Perbaikan jalan Sambiroto"}},
		{text: "hmm", want: []string{"YA untuk mengirim"}, commands: []string{}},
		{text: "ya", want: []string{"kode G-TEST01", "Musyawarah Dusun Sambiroto", "Khusus Perempuan", "STATUS G-TEST01"}, commands: []string{"CreateGagasan"}},
	})
	if len(c.saved) != 1 {
		t.Fatalf("saved %d gagasan", len(c.saved))
	}
	g := c.saved[0]
	if g.Title != "Perbaikan jalan Sambiroto" || g.Category != domain.CategoryInfrastruktur || *g.DusunID != 12 ||
		*g.Households != 40 || *g.PoorHouseholds != 12 || g.Lat == nil || g.PhotoID == nil || len([]rune(g.Description)) != 1000 {
		t.Fatalf("saved gagasan = %+v", g)
	}
	if !c.sess.Idle() {
		t.Fatalf("session not idle after saving: %+v", c.sess)
	}
}

func TestQuickGagasanAndDetail(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.run([]msg{
		{text: "GAGASAN Sumur bor untuk dusun Kejambon. Air susah di kemarau.", want: []string{"kode G-TEST01", "Musyawarah Dusun Kejambon", "Balas 1 untuk menambah"}, notWant: []string{"Perempuan"}, commands: []string{"CreateGagasan"}},
		{text: "1", want: []string{"tentang apa"}},
		{text: "kesehatan", want: []string{"berapa rumah tangga"}},
		{text: "lewati", want: []string{"kirim satu foto"}},
		{text: "ini", want: []string{"Mohon kirim foto"}},
		{image: true, text: "", want: []string{"detail gagasan G-TEST01"}, commands: []string{"UpdateGagasanDetail"}},
	})
	if got := c.saved[0].Title; got != "Sumur bor untuk dusun Kejambon" {
		t.Fatalf("quick title = %q", got)
	}
	u := c.updated[0]
	if u.Category != domain.CategoryKesehatan || u.Households != nil || u.PhotoID == nil {
		t.Fatalf("detail = %+v", u)
	}
}

func TestStatus(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "STATUS g 7km4xa", want: []string{"G-7KM4XA \"Jalan Kejambon\"", "Sudah dibahas", "01/11/2026", "03/11/2026", "Catatan: dibahas di Musdus"}},
		{text: "status", want: []string{"1. G-7KM4XA Jalan Kejambon"}},
		{text: "status G-XXXXXX", want: []string{"Sumur bor", "warga lain"}},
		{text: "STATUS G-AAAAAA", want: []string{"tidak ditemukan"}},
		{text: "STATUS 12345", want: []string{"bukan kode gagasan"}},
		{text: "g-7km4xa", want: []string{"Jalan Kejambon"}},
		{text: "2", want: []string{"1. G-7KM4XA"}},
	})
	c2 := newConversation(t).registered(domain.GenderFemale)
	c2.contact.ID = 99
	c2.run([]msg{{text: "STATUS", want: []string{"belum mengirim gagasan"}}})
}

func TestControlKeywords(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "gagasan", want: []string{"tentang apa"}},
		{text: "batal", want: []string{"Dibatalkan", "Menu"}},
		{text: "batal", want: []string{"Tidak ada langkah"}},
		{text: "xyz", want: []string{"belum mengerti", "MENU"}},
		{text: "", want: []string{"Pesan kosong"}},
		{text: "🙏🙏", want: []string{"belum mengerti"}},
		{text: "bantuan", want: []string{"HAPUS DATA"}},
		{text: "PETA", want: []string{"Peta sosial Dusun"}},
		{text: "bahasa", want: []string{"Pilih bahasa"}},
		{text: "jawa", want: []string{"Suara Desa ngginakaken Basa Jawa", "BAHASA"}, commands: []string{"SetLang"}},
		{text: "menu", want: []string{"Kintun gagasan (GAGASAN)"}},
		{text: "saged", want: []string{"Mboten wonten rapat"}}, // a Javanese synonym of HADIR
		{text: "BAHASA 1", want: []string{"Suara Desa memakai Bahasa Indonesia"}, commands: []string{"SetLang"}},
		{text: "berhenti", want: []string{"tidak akan menerima kabar"}, commands: []string{"SetOptOut"}},
		{text: "status", want: []string{"G-7KM4XA"}}, // replies still work after opting out
		{text: "MULAI", want: []string{"menerima kabar"}, commands: []string{"SetOptOut"}},
		{text: "menu", want: []string{"1. Kirim gagasan"}},
		{text: "5", want: []string{"1 sampai 4"}},
		{audio: true, want: []string{"File Bapak/Ibu sudah kami terima"}},
	})
	if c.contact.OptedOut() {
		t.Fatal("still opted out after MULAI")
	}
}

func TestTimeoutAndLostSession(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "gagasan", want: []string{"tentang apa"}},
		{text: "1", advance: 31 * time.Minute, want: []string{"berakhir karena lama", "Menu"}},
		{text: "gagasan", want: []string{"tentang apa"}},
	})
	// Redis lost the session: the contact's counter no longer matches.
	c.sess = flow.Session{}
	c.run([]msg{
		{text: "1", want: []string{"terputus", "Menu"}},
		{text: "1", want: []string{"tentang apa"}},
	})
	// A lost session while idle is silent.
	c.run([]msg{{text: "batal"}})
	c.sess = flow.Session{}
	c.run([]msg{{text: "menu", want: []string{"Menu"}, notWant: []string{"terputus"}}})
	// A keyword after a lost session is obeyed.
	c.run([]msg{{text: "gagasan"}})
	c.sess = flow.Session{}
	c.run([]msg{{text: "STATUS G-7KM4XA", want: []string{"terputus", "Jalan Kejambon"}}})
}

func TestLostSessionDuringRegistration(t *testing.T) {
	c := newConversation(t)
	c.run([]msg{
		{text: "halo"},
		{text: "ya", commands: []string{"GiveConsent"}},
		{text: "1", commands: []string{"SetLang"}},
		{text: "Budi", want: []string{"desa mana"}},
	})
	c.sess = flow.Session{}
	c.run([]msg{
		{text: "2", want: []string{"terputus", "Siapa nama"}},
		{text: "Budi", want: []string{"desa mana"}},
	})
}

func TestDeleteData(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "hapus data", want: []string{"Hapus data", "YA untuk menghapus"}},
		{text: "tidak", want: []string{"tidak dihapus"}, commands: []string{}},
		{text: "HAPUS DATA", want: []string{"YA untuk menghapus"}},
		// She sent a gagasan: may its words stay, without her name?
		{text: "ya", want: []string{"boleh tetap disimpan", "2. Tidak"}, commands: []string{}},
		{text: "mungkin", want: []string{"boleh tetap disimpan"}, commands: []string{}},
	})
	res := c.send(9, msg{text: "2", want: []string{"sudah dihapus"}, commands: []string{"DeleteContact"}})
	if c.contact != nil || res.Commands[0].(flow.DeleteContact).KeepText {
		t.Fatal("contact kept, or the text kept without consent, after HAPUS DATA")
	}
}

// A resident with complaints but no gagasan is asked too: a complaint holds
// her words (often her name and number) and maybe a photo.
func TestDeleteDataAsksForComplaintWords(t *testing.T) {
	other := int64(8)
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.ID = 8
	c.fx.complaints = []domain.Complaint{{Code: "A-LAMPU1", ContactID: &other, Text: "Lampu mati di depan rumah Bu Sri", Status: domain.ComplaintDiterima}}
	c.run([]msg{{text: "HAPUS DATA", want: []string{"YA untuk menghapus"}}, {text: "ya", want: []string{"boleh tetap disimpan", "aduan"}, commands: []string{}}})
	res := c.send(2, msg{text: "1", want: []string{"sudah dihapus"}, commands: []string{"DeleteContact"}})
	if !res.Commands[0].(flow.DeleteContact).KeepText {
		t.Fatal("the resident agreed to keep her words")
	}
	none := newConversation(t).registered(domain.GenderFemale)
	none.contact.ID = 9
	none.run([]msg{{text: "HAPUS DATA", want: []string{"YA untuk menghapus"}}, {text: "ya", want: []string{"sudah dihapus"}, commands: []string{"DeleteContact"}}})
}

func TestTarikPersetujuanKeepsTextWhenAgreed(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{{text: "TARIK PERSETUJUAN", want: []string{"Hapus data", "YA untuk menghapus"}}, {text: "ya"}})
	res := c.send(2, msg{text: "1", want: []string{"sudah dihapus"}, commands: []string{"DeleteContact"}})
	if !res.Commands[0].(flow.DeleteContact).KeepText {
		t.Fatal("the resident agreed to keep the text")
	}
}

func TestDeleteDataDuringRegistration(t *testing.T) {
	c := newConversation(t)
	c.run([]msg{
		{text: "HAPUS DATA", want: []string{"tidak menyimpan data"}, commands: []string{"ForgetNumber"}},
		{text: "halo", want: []string{"Setuju?"}},
		{text: "ya", commands: []string{"GiveConsent"}},
		{text: "HAPUS DATA", want: []string{"YA untuk menghapus"}, notWant: []string{"desa mana"}},
		{text: "ya", want: []string{"boleh tetap disimpan"}},
		{text: "2", want: []string{"sudah dihapus"}, commands: []string{"DeleteContact"}},
	})
	if c.contact != nil {
		t.Fatal("consented contact kept after HAPUS DATA")
	}
}

func TestViewFailureIsAnError(t *testing.T) {
	fx := newFixture()
	fx.fail = true
	now := time.Now()
	contact := &domain.Contact{ID: 1, ConsentAt: &now, RegisteredAt: &now, DesaKode: "34.04.11.2002"}
	_, err := flows.Step(context.Background(), flow.Env{Now: now}, fx, contact, flow.Session{}, flow.Input{Text: "STATUS"})
	if err == nil {
		// STATUS alone reads GagasanOf, which the fixture serves; try a code.
		_, err = flows.Step(context.Background(), flow.Env{Now: now}, fx, contact, flow.Session{}, flow.Input{Text: "STATUS G-7KM4XA"})
	}
	if !errors.Is(err, errDown) {
		t.Fatalf("err = %v, want the view's error", err)
	}
}

func TestMatchNames(t *testing.T) {
	names := []string{"Bimomartani", "Sindumartani", "Wedomartani", "Widodomartani"}
	tests := []struct {
		in   string
		want []int
	}{
		{"bimomartani", []int{0}},
		{"desa sindu", []int{1}},
		{"wedomartny", []int{2}},
		{"martani", []int{0, 1, 2, 3}},
		{"xyz", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := flow.MatchNames(tt.in, names)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("MatchNames(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLagiPagesLongSMSReplies(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.bySMS()
	t0 := c.fx.gagasan["G-7KM4XA"].CreatedAt
	for i := range 12 {
		c.fx.history["G-7KM4XA"] = append(c.fx.history["G-7KM4XA"], domain.StatusChange{From: domain.StatusDibahas, To: domain.StatusDibahas,
			Note: fmt.Sprintf("catatan rapat nomor %d tentang jalan dan saluran air dusun", i+1), At: t0.Add(time.Duration(72+i) * time.Hour)})
	}
	first := c.send(0, msg{text: "STATUS G-7KM4XA", want: []string{"Jalan Kejambon", "(bersambung, balas LAGI)"}, notWant: []string{"nomor 12 "}})
	if c.sess.More == "" {
		t.Fatal("the rest of the long reply was not kept")
	}
	for _, r := range first.Replies {
		if n, _ := smstext.Segments(r.Text); n > smstext.MaxSegments {
			t.Fatalf("reply costs %d SMS: %q", n, r.Text)
		}
	}
	// LAGI pages on until the end; then there is nothing more.
	var got strings.Builder
	for i := 1; c.sess.More != ""; i++ {
		if i > 10 {
			t.Fatal("LAGI never reached the end")
		}
		res := c.send(i, msg{text: "lagi"})
		got.WriteString(res.Replies[0].Text)
	}
	if !strings.Contains(got.String(), "nomor 12 ") {
		t.Fatalf("the pages after LAGI lack the end of the reply: %q", got.String())
	}
	c.send(20, msg{text: "LAGI", want: []string{"Tidak ada lanjutan"}})
	// Any other message drops the rest: LAGI then has nothing.
	c.send(21, msg{text: "STATUS G-7KM4XA", want: []string{"balas LAGI"}})
	c.send(22, msg{text: "MENU"})
	c.send(23, msg{text: "LAGI", want: []string{"Tidak ada lanjutan"}})
}
