package flows_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// kabupatenFixture is a service of 300 desa: Ngemplak's three of the
// fixture (34.04.11), 293 made-up desa of 16 other kecamatan of Sleman,
// two Sidomulyo (Godean in Sleman, Bambanglipuro in Bantul) and two
// Sukamaju (two kecamatan of Tasikmalaya): names shared across kecamatan,
// as many are.
func kabupatenFixture() *fixture {
	fx := newFixture()
	fx.kec = map[string]string{"34.04.11": "Ngemplak", "34.04.02": "Godean", "34.02.05": "Bambanglipuro",
		"32.06.10": "Cigalontang", "32.06.21": "Sukaratu"}
	fx.kab = map[string]string{"34.04": "Sleman", "34.02": "Bantul", "32.06": "Tasikmalaya"}
	kecs := []string{"Moyudan", "Minggir", "Seyegan", "Mlati", "Depok", "Berbah", "Prambanan", "Kalasan",
		"Ngaglik", "Sleman", "Tempel", "Turi", "Pakem", "Cangkringan", "Gamping", "Kalibawang"}
	for i, k := range kecs {
		fx.kec[fmt.Sprintf("34.04.%02d", 20+i)] = k
	}
	pre := []string{"Argo", "Banyu", "Candi", "Donga", "Harjo", "Jati", "Karang", "Margo", "Ngesti", "Purwo", "Sendang",
		"Tirto", "Wono", "Sumber", "Tegal"}
	suf := []string{"mulyo", "rejo", "harjo", "agung", "sari", "binangun", "kerto", "luhur", "asri", "adi", "mukti",
		"wetan", "kulon", "lor", "kidul", "tengah", "anom", "dadi", "utomo", "widodo"}
	n := 0
	for _, p := range pre {
		for _, s := range suf {
			if len(fx.desas) >= 3+293 {
				break
			}
			kec := fmt.Sprintf("34.04.%02d", 20+n%len(kecs))
			fx.desas = append(fx.desas, domain.Desa{Kode: fmt.Sprintf("%s.%04d", kec, 2001+n), Nama: p + s, KecamatanKode: kec})
			n++
		}
	}
	fx.desas = append(fx.desas,
		domain.Desa{Kode: "34.04.02.2003", Nama: "Sidomulyo", KecamatanKode: "34.04.02"},
		domain.Desa{Kode: "34.02.05.2002", Nama: "Sidomulyo", KecamatanKode: "34.02.05"},
		domain.Desa{Kode: "32.06.10.2004", Nama: "Sukamaju", KecamatanKode: "32.06.10", Lang: "su"},
		domain.Desa{Kode: "32.06.21.2001", Nama: "Sukamaju", KecamatanKode: "32.06.21", Lang: "su"},
	)
	for _, d := range fx.desas {
		if _, ok := fx.dusuns[d.Kode]; !ok {
			fx.dusuns[d.Kode] = []domain.Dusun{{ID: 9000 + int64(len(fx.dusuns)), Nama: "Krajan"}}
		}
	}
	return fx
}

func inKabupaten(t *testing.T) *conversation {
	c := newConversation(t)
	c.fx = kabupatenFixture()
	if len(c.fx.desas) != 300 {
		t.Fatalf("%d desa, want 300", len(c.fx.desas))
	}
	return c
}

// upToName is a newcomer's registration up to the desa question.
var upToName = []msg{
	{text: "halo"}, {text: "ya"}, {text: "1"},
}

// TestChooseDesaInAKabupaten: the registration transcripts of issue #22.
func TestChooseDesaInAKabupaten(t *testing.T) {
	ask := "Ketik nama desanya, misalnya: Argoadi"
	cases := []struct {
		name  string
		scope string
		msgs  []msg
		desa  string // registered in
	}{
		{name: "from the board's QR code, placed at once", msgs: []msg{
			{text: "HALO 34.04.11.2002", want: []string{"Selamat datang"}, commands: []string{}},
			{text: "ya", want: []string{"Pilih bahasa"}},
			{text: "1"},
			{text: "Siti Aminah", want: []string{"Bapak/Ibu tinggal di desa Bimomartani (Kec. Ngemplak)? Balas YA"}, notWant: []string{"1. "}},
			{text: "ya", want: []string{"Dusun mana di Desa Bimomartani"}},
			{text: "kejambon"}, {text: "1", commands: []string{"Register"}},
		}, desa: "34.04.11.2002"},
		{name: "from the board's QR code, another desa typed", msgs: []msg{
			{text: "halo 34.04.11.2002"}, {text: "ya"}, {text: "1"},
			{text: "Siti", want: []string{"desa Bimomartani (Kec. Ngemplak)?"}},
			{text: "wedomartani", want: []string{"Dusun mana di Desa Wedomartani"}},
			{text: "1"}, {text: "1", commands: []string{"Register"}},
		}, desa: "34.04.11.2004"},
		{name: "a name two kecamatan share", msgs: append(append([]msg{}, upToName...),
			msg{text: "Budi", want: []string{ask}, notWant: []string{"1. "}},
			msg{text: "sidomulyo", want: []string{"desa yang mana", "1. Sidomulyo (Kec. Bambanglipuro, Bantul)", "2. Sidomulyo (Kec. Godean, Sleman)"}},
			msg{text: "yang di gamping", want: []string{`Desa "yang di gamping" tidak kami temukan. Balas dengan nomor dari daftar`,
				"1. Sidomulyo (Kec. Bambanglipuro, Bantul)", "2. Sidomulyo (Kec. Godean, Sleman)"}},
			msg{text: "yang di godean", want: []string{"Dusun mana di Desa Sidomulyo"}},
			msg{text: "1"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.02.2003"},
		{name: "a name and its kecamatan at once", msgs: append(append([]msg{}, upToName...),
			msg{text: "Budi"},
			msg{text: "saya dari desa sidomulyo kec. bambanglipuro", want: []string{"Dusun mana di Desa Sidomulyo"}},
			msg{text: "1"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.02.05.2002"},
		{name: "a shared name chosen by number", msgs: append(append([]msg{}, upToName...),
			msg{text: "Budi"},
			msg{text: "Sidomulyo"},
			msg{text: "11", want: []string{"angka 1 sampai 2"}},
			msg{text: "1", want: []string{"Dusun mana di Desa Sidomulyo"}},
			msg{text: "1"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.02.05.2002"},
		{name: "a typo", msgs: append(append([]msg{}, upToName...),
			msg{text: "Budi"},
			msg{text: "Bimomartni", want: []string{"Dusun mana di Desa Bimomartani"}},
			msg{text: "2"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.11.2002"},
		{name: "nothing found, then a number where no list was shown", msgs: append(append([]msg{}, upToName...),
			msg{text: "Budi"},
			msg{text: "Zzyzx", want: []string{`Desa "Zzyzx" tidak kami temukan`, "misalnya: Argoadi"}, notWant: []string{"1. "}},
			msg{text: "3", want: []string{"ketik nama desanya, bukan nomor"}},
			msg{text: "sendang", want: []string{`Banyak desa yang cocok dengan "sendang"`}, notWant: []string{"1. "}},
			msg{text: "sendangsari", want: []string{"Dusun mana di Desa Sendangsari"}},
			msg{text: "1"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.32.2205"},
		{name: "a number scoped to one kecamatan", scope: "34.04.11", msgs: append(append([]msg{}, upToName...),
			msg{text: "Budi", want: []string{"desa mana? Balas dengan nomornya", "1. Bimomartani\n2. Sindumartani\n3. Wedomartani"},
				notWant: []string{"4. ", "Sidomulyo"}},
			msg{text: "sidomulyo", want: []string{`Desa "sidomulyo" tidak kami temukan`, "3. Wedomartani"}},
			msg{text: "2", want: []string{"Dusun mana di Desa Sindumartani"}},
			msg{text: "1"}, msg{text: "2", commands: []string{"Register"}},
		), desa: "34.04.11.2001"},
		{name: "a board's code outside the number's scope is only a greeting", scope: "34.04.11", msgs: []msg{
			{text: "HALO 34.02.05.2002", want: []string{"Selamat datang"}},
			{text: "ya"}, {text: "1"},
			{text: "Budi", want: []string{"1. Bimomartani"}, notWant: []string{"Sidomulyo"}},
			{text: "1"}, {text: "1"}, {text: "2", commands: []string{"Register"}},
		}, desa: "34.04.11.2002"},
		{name: "DAFTAR in one message, a shared name", msgs: []msg{
			{text: "DAFTAR Budi#Sidomulyo#Krajan#L"},
			{text: "YA", want: []string{"desa yang mana", "(Kec. Godean, Sleman)"}, commands: []string{"GiveConsent"}},
			{text: "2", want: []string{"Dusun mana di Desa Sidomulyo"}},
			{text: "1"}, {text: "2", commands: []string{"Register"}},
		}, desa: "34.04.02.2003"},
		{name: "HALO again in the middle of registration", msgs: []msg{
			{text: "halo"}, {text: "ya"}, {text: "1"},
			{text: "HALO 34.04.11.2002", want: []string{"Siapa nama"}, commands: []string{}},
			{text: "Budi", want: []string{"desa Bimomartani (Kec. Ngemplak)?"}},
			{text: "HALO 34.02.05.2002", want: []string{"desa Sidomulyo (Kec. Bambanglipuro)?"}},
			{text: "tidak", want: []string{ask}},
			{text: "HALO 34.04.11.2004", want: []string{"desa Wedomartani (Kec. Ngemplak)?"}},
			{text: "inggih", want: []string{"Dusun mana di Desa Wedomartani"}},
			{text: "1"}, {text: "2", commands: []string{"Register"}},
		}, desa: "34.04.11.2004"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := inKabupaten(t)
			c.scope = tc.scope
			c.run(tc.msgs)
			if c.contact == nil || !c.contact.Registered() || c.contact.DesaKode != tc.desa {
				t.Fatalf("contact %+v, want registered in %s", c.contact, tc.desa)
			}
		})
	}
}

// TestChooseDesaInWords: a Javanese resident names the desa in a sentence
// and by its beginning, a Sundanese one with a typo; each is asked in
// their language.
func TestChooseDesaInWords(t *testing.T) {
	cases := []struct {
		name, lang, answer, desa string
		want                     []string
	}{
		{"basa jawa", "2", "kula saking Bimo", "34.04.11.2002", []string{"Serat nami desanipun", "Dusun pundi wonten Desa Bimomartani"}},
		{"basa jawa, desa named", "2", "kulo manggen wonten desa bimomartani nggih", "34.04.11.2002", []string{"Dusun pundi wonten Desa Bimomartani"}},
		{"basa sunda, a typo", "3", "abdi ti desa Sukamju", "32.06.10.2004", []string{"Serat nami desana", "1. Sukamaju (Kec. Cigalontang)", "2. Sukamaju (Kec. Sukaratu)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := inKabupaten(t)
			var seen []string
			for i, m := range []msg{{text: "halo"}, {text: "ya"}, {text: tc.lang}, {text: "Painem"}, {text: tc.answer}} {
				for _, r := range c.send(i, m).Replies {
					seen = append(seen, r.Text)
				}
			}
			if strings.Contains(tc.answer, "Sukamju") {
				for _, r := range c.send(5, msg{text: "1"}).Replies {
					seen = append(seen, r.Text)
				}
			}
			joined := strings.Join(seen, "\n")
			for _, w := range tc.want {
				if !strings.Contains(joined, w) {
					t.Errorf("replies lack %q:\n%s", w, joined)
				}
			}
			if c.sess.Step != "dusun" {
				t.Fatalf("at step %q, want dusun:\n%s", c.sess.Step, joined)
			}
		})
	}
}

// TestBoardHelloRegistered: HALO with a board's code from a registered
// resident greets them and moves no one, idle or in a flow.
func TestBoardHelloRegistered(t *testing.T) {
	c := inKabupaten(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "HALO 34.04.11.2002", want: []string{"Halo, Siti! Bapak/Ibu terdaftar di desa Bimomartani"}, notWant: []string{"Kode tadi"}, commands: []string{}},
		{text: "halo 34.04.02.2003", want: []string{"terdaftar di desa Bimomartani", "Kode tadi untuk desa Sidomulyo", "UBAH DATA"}, commands: []string{}},
		{text: "GAGASAN"},
		{text: "1"},
		{text: "HALO 34.04.11.2002", want: []string{"terdaftar di desa Bimomartani", "jawab pertanyaan tadi"}, commands: []string{}},
	})
	if c.sess.Flow != "gagasan" || c.contact.DesaKode != "34.04.11.2002" {
		t.Fatalf("session %s|%s, desa %s", c.sess.Flow, c.sess.Step, c.contact.DesaKode)
	}
	// In UBAH DATA the code is the answer to "which desa?".
	c.run([]msg{
		{text: "BATAL"}, {text: "UBAH DATA"}, {text: "lewati", want: []string{"Ketik nama desanya"}},
		{text: "HALO 34.04.02.2003", want: []string{"desa Sidomulyo (Kec. Godean)?"}},
		{text: "ya", want: []string{"Dusun mana di Desa Sidomulyo"}},
		{text: "1"}, {text: "2", commands: []string{"Register"}},
	})
	if c.contact.DesaKode != "34.04.02.2003" {
		t.Fatalf("desa %s after UBAH DATA", c.contact.DesaKode)
	}
}

// TestGagasanUntukCadreOfTwoDesa: a cadre of two desa says which one the
// resident lives in (GAGASAN UNTUK) or the meeting is for (UNDANG); a
// cadre of one is not asked.
func TestGagasanUntukCadreOfTwoDesa(t *testing.T) {
	c := inKabupaten(t).registered(domain.GenderFemale)
	c.contact.Roles = []domain.RoleAssignment{{Role: domain.RoleKPMD, DesaKode: "34.04.11.2002"}, {Role: domain.RoleFasilitator, DesaKode: "34.04.02.2003"}}
	c.run([]msg{
		{text: "GAGASAN UNTUK mbah karto", want: []string{"desa mana", "1. Bimomartani", "2. Sidomulyo"}, notWant: []string{"3. "}},
		{text: "sidomulyo", want: []string{"Mbah Karto", "Krajan"}},
	})
	if c.sess.Step != "dusun" {
		t.Fatalf("step %q", c.sess.Step)
	}
	c.run([]msg{
		{text: "BATAL"},
		{text: "UNDANG", want: []string{"desa mana", "1. Bimomartani", "2. Sidomulyo"}},
		{text: "2", want: []string{"Musyawarah Dusun"}},
	})
	if c.sess.Flow != "undang" || c.sess.Step != "type" || !strings.Contains(string(c.sess.State), `"desa":"34.04.02.2003"`) {
		t.Fatalf("UNDANG at %s|%s, state %s", c.sess.Flow, c.sess.Step, c.sess.State)
	}
	one := kpmd(inKabupaten(t))
	one.run([]msg{{text: "GAGASAN UNTUK", notWant: []string{"desa mana"}}})
	if one.sess.Step != "name" {
		t.Fatalf("a cadre of one desa at step %q", one.sess.Step)
	}
	one.run([]msg{{text: "BATAL"}, {text: "UNDANG", notWant: []string{"desa mana"}}})
	if one.sess.Step != "type" {
		t.Fatalf("UNDANG by a cadre of one desa at step %q", one.sess.Step)
	}
}

// cadreOf40 is a facilitator of 40 desa.
func cadreOf40(t *testing.T) *conversation {
	c := inKabupaten(t).registered(domain.GenderMale)
	for _, d := range c.fx.desas[:40] {
		c.contact.Roles = append(c.contact.Roles, domain.RoleAssignment{Role: domain.RoleFasilitator, DesaKode: d.Kode})
	}
	return c
}

var listedLine = regexp.MustCompile(`(?m)^\d+\. (.*)$`)

// TestNoReplyListsMoreThanTenDesa: over every step where a desa is chosen
// (registration step by step and in one message, UBAH DATA, GAGASAN UNTUK
// and UNDANG for a cadre of many desa), whatever is answered, no reply of a
// 300-desa service numbers more than MaxDesaList lines.
func TestNoReplyListsMoreThanTenDesa(t *testing.T) {
	answers := []string{"", "1", "0", "12", "999", "s", "si", "sid", "sido", "desa", "mulyo", "rejo", "sari", "a",
		"martani", "Sidomulyo", "sidomulyo sleman", "Sukamaju", "kula saking", "abdi ti desa", "xyz", "ya", "tidak",
		"HALO 34.04.11.2002", "HALO 99.99.99.9999", "34.04.11.2002", "Argo", "Argomulyo", "Banyurejo", "1 2 3", "🙂"}
	// Second answers after each first one: what a list or a question
	// just asked may get.
	seconds := []string{"", "1", "2", "11", "sido", "Sidomulyo", "sidomulyo godean", "ya", "tidak", "xyz", "mulyo",
		"HALO 34.04.11.2002"}
	starts := map[string]func(t *testing.T) *conversation{
		"registration": func(t *testing.T) *conversation {
			c := inKabupaten(t)
			c.run(append(append([]msg{}, upToName...), msg{text: "Budi"}))
			return c
		},
		"DAFTAR in one message": func(t *testing.T) *conversation {
			c := inKabupaten(t)
			c.run([]msg{{text: "DAFTAR Budi#mulyo#x"}, {text: "ya"}})
			return c
		},
		"UBAH DATA": func(t *testing.T) *conversation {
			c := inKabupaten(t).registered(domain.GenderMale)
			c.run([]msg{{text: "UBAH DATA"}, {text: "lewati"}})
			return c
		},
		"GAGASAN UNTUK": func(t *testing.T) *conversation {
			c := cadreOf40(t)
			c.run([]msg{{text: "GAGASAN UNTUK"}})
			return c
		},
		"UNDANG": func(t *testing.T) *conversation {
			c := cadreOf40(t)
			c.run([]msg{{text: "UNDANG"}})
			return c
		},
	}
	desaNames := map[string]bool{}
	for _, d := range kabupatenFixture().desas {
		desaNames[d.Nama] = true
	}
	// listedDesa counts the numbered lines of a text that name a desa
	// (a meeting type's list of 12 is no list of desa).
	listedDesa := func(text string) int {
		n := 0
		for _, m := range listedLine.FindAllStringSubmatch(text, -1) {
			name, _, _ := strings.Cut(m[1], " (")
			if desaNames[name] {
				n++
			}
		}
		return n
	}
	check := func(c *conversation, what string, a string) *conversation {
		c = c.clone()
		for _, r := range c.send(0, msg{text: a}).Replies {
			if n := listedDesa(r.Text); n > flow.MaxDesaList {
				t.Fatalf("%s then %q: a reply lists %d lines:\n%s", what, a, n, r.Text)
			}
		}
		return c
	}
	for name, start := range starts {
		c := start(t)
		if step := c.sess.Flow + "|" + c.sess.Step; !strings.HasSuffix(step, "|desa") {
			t.Fatalf("%s: at %s, not at the desa", name, step)
		}
		for _, first := range answers {
			next := check(c, name, first)
			for _, second := range seconds {
				check(next, name+" then "+first, second)
			}
		}
	}
}

// clone is a copy of the conversation that answers on without changing c.
func (c *conversation) clone() *conversation {
	d := *c
	if c.contact != nil {
		ct := *c.contact
		d.contact = &ct
	}
	return &d
}
