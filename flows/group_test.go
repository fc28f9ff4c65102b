package flows_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// inGroup sends text as posted in a WhatsApp group and returns the step's
// result, with the session and contact carried on as the pipeline does.
func (c *conversation) inGroup(g flow.GroupInput, text string) flow.Result {
	c.t.Helper()
	c.now = c.now.Add(time.Minute)
	if g.JID == "" {
		g.JID = "120363000000000001@g.us"
	}
	res, err := flows.Step(context.Background(), c.env(), c.fx, c.contact, c.sess, flow.Input{Channel: "whatsapp:+6281100000099", Text: text, Group: &g})
	if err != nil {
		c.t.Fatalf("%q: %v", text, err)
	}
	for _, r := range res.Replies {
		if strings.Contains(r.Text, "{") || strings.Contains(r.Text, "[grup") || strings.Contains(r.Text, "[pesan") {
			c.t.Fatalf("%q: reply with a missing text or placeholder: %s", text, r.Text)
		}
	}
	c.apply(res)
	return res
}

// sender is the conversation's contact, as the pipeline reads it for
// flows.ForGroup.
func (c *conversation) sender() *domain.Contact { return c.contact }

func commandNames(res flow.Result) string {
	var names []string
	for _, c := range res.Commands {
		names = append(names, reflect.TypeOf(c).Name())
	}
	return strings.Join(names, ",")
}

func replyText(res flow.Result) string {
	var texts []string
	for _, r := range res.Replies {
		texts = append(texts, r.Text)
	}
	return strings.Join(texts, "\n")
}

var rtGroup = flow.GroupInput{Name: "RT 03 Kejambon", Known: true, CanPost: true}

// TestGroupChatterIsQuiet: a group's conversation gets no reply and no
// command, and leaves a private conversation where it was.
func TestGroupChatterIsQuiet(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.send(0, msg{text: "GAGASAN", want: []string{"tentang apa"}})
	before := c.sess
	for _, text := range []string{"Assalamualaikum bapak ibu", "besok kerja bakti jam 7 ya", "saya hadir kok", "HADIR",
		"ya", "1", "MENU", "BERHENTI", "HAPUS DATA", "jadwal posyandu besok jam 8", "hubungkan saya dengan pak RT", "putus sekolah",
		"rapat R-AAAAAA jadi kapan?", "👍", "", "makasih bu", "matur nuwun sanget", "hatur nuhun"} {
		res := c.inGroup(rtGroup, text)
		if len(res.Replies) != 0 || len(res.Commands) != 0 {
			t.Fatalf("group chatter %q answered: %q %s", text, replyText(res), commandNames(res))
		}
		// HADIR: read (an answer when one meeting was posted into the
		// group, TestGroupRSVPWithoutCode), quiet here.
		if flows.ForGroup(text, false, c.sender) && text != "HADIR" {
			t.Fatalf("ForGroup(%q) is true", text)
		}
	}
	if c.sess.Flow != before.Flow || c.sess.Step != before.Step {
		t.Fatalf("group chatter moved the private conversation: %+v", c.sess)
	}
}

func TestGroupRSVP(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	c.send(0, msg{text: "GAGASAN", want: []string{"tentang apa"}})
	for _, text := range []string{"HADIR R-AAAAAA", "hadir r-aaaaaa", "Insyaallah rawuh R-AAAAAA", "saged R-AAAAAA 🙏"} {
		if !flows.ForGroup(text, false, c.sender) {
			t.Fatalf("ForGroup(%q) is false", text)
		}
		res := c.inGroup(rtGroup, text)
		if got := commandNames(res); got != "SetRSVP" || !strings.Contains(replyText(res), "jawaban HADIR untuk R-AAAAAA") {
			t.Fatalf("%q: %s %q", text, got, replyText(res))
		}
	}
	res := c.inGroup(rtGroup, "mboten saged R-AAAAAA")
	if cmd, ok := res.Commands[0].(flow.SetRSVP); !ok || cmd.Answer != domain.RSVPTidak {
		t.Fatalf("TIDAK in Javanese: %+v", res.Commands)
	}
	if c.sess.Flow != "gagasan" {
		t.Fatalf("an answer in the group ended the private conversation: %+v", c.sess)
	}
	// Someone not registered is not written to (the number never wrote
	// to the bot) unless they mention it; then they are told how.
	stranger := withMeetings(newConversation(t))
	if flows.ForGroup("HADIR R-AAAAAA", false, stranger.sender) {
		t.Fatal("a stranger's answer is for the bot")
	}
	res = stranger.inGroup(rtGroup, "HADIR R-AAAAAA")
	if len(res.Replies) != 0 || len(res.Commands) != 0 {
		t.Fatalf("a stranger's answer: %s %q", commandNames(res), replyText(res))
	}
	mentioned := rtGroup
	mentioned.Mentioned = true
	res = stranger.inGroup(mentioned, "@6281100000099 HADIR R-AAAAAA")
	if commandNames(res) != "" || !strings.Contains(replyText(res), "HALO") {
		t.Fatalf("a stranger's answer to the bot: %s %q", commandNames(res), replyText(res))
	}
}

func TestGroupMentionRunsThePrivateConversation(t *testing.T) {
	c := withMeetings(newConversation(t).registered(domain.GenderFemale))
	g := rtGroup
	g.Mentioned = true
	if !flows.ForGroup("@6281100000099 JADWAL", true, c.sender) || flows.ForGroup("@6281100000099", true, c.sender) {
		t.Fatal("ForGroup with a mention")
	}
	res := c.inGroup(g, "@6281100000099 JADWAL")
	if !strings.Contains(replyText(res), "R-AAAAAA") {
		t.Fatalf("a mention's JADWAL: %q", replyText(res))
	}
	// A stranger mentioning the bot starts registration (in private).
	s := newConversation(t)
	if res := s.inGroup(g, "@6281100000099 halo"); !strings.Contains(replyText(res), "Selamat datang") || commandNames(res) != "" {
		t.Fatalf("a stranger's mention: %q", replyText(res))
	}
}

func cadreOf(c *conversation, desas ...string) *conversation {
	c.registered(domain.GenderFemale)
	for _, d := range desas {
		c.contact.Roles = append(c.contact.Roles, domain.RoleAssignment{Phone: c.contact.Phone, Role: domain.RoleKPMD, DesaKode: d})
	}
	return c
}

func TestGroupLink(t *testing.T) {
	const bimo, sindu = "34.04.11.2002", "34.04.11.2001"
	c := cadreOf(newConversation(t), bimo)
	res := c.inGroup(rtGroup, "HUBUNGKAN DUSUN KEJAMBON")
	link, ok := res.Commands[0].(flow.LinkGroup)
	if !ok || link.DesaKode != bimo || link.Audience != domain.AudienceDusun || link.DusunID == nil || *link.DusunID != 11 ||
		link.JID != "120363000000000001@g.us" {
		t.Fatalf("link: %+v", res.Commands)
	}
	if want := "Grup 'RT 03 Kejambon' terhubung ke Dusun Kejambon (Bimomartani). Undangan rapat dusun akan dikirim ke grup ini"; !strings.HasPrefix(replyText(res), want) {
		t.Fatalf("link reply %q", replyText(res))
	}
	// Typos, Javanese, Sundanese; the women; the desa.
	for text, want := range map[string]string{
		"hubungkan grup ini ke dusun kejambn":           "Dusun Kejambon",
		"sambungke grup punika dhateng dusun sambiroto": "Dusun Sambiroto",
		"HUBUNGKAN PEREMPUAN":                           "perempuan Desa Bimomartani",
		"HUBUNGKAN DESA":                                "seluruh Desa Bimomartani",
	} {
		if res := c.inGroup(rtGroup, text); commandNames(res) != "LinkGroup" || !strings.Contains(replyText(res), want) {
			t.Fatalf("%q: %s %q", text, commandNames(res), replyText(res))
		}
	}
	if res := c.inGroup(rtGroup, "HUBUNGKAN DUSUN JETIS"); commandNames(res) != "" || !strings.Contains(replyText(res), "1. Kejambon") {
		t.Fatalf("a dusun of another desa: %s %q", commandNames(res), replyText(res))
	}
	// A group the number left, or where only admins post.
	left := rtGroup
	left.Left = true
	if res := c.inGroup(left, "HUBUNGKAN DESA"); commandNames(res) != "" || !strings.Contains(replyText(res), "sudah tidak ada di grup") {
		t.Fatalf("a group left: %q", replyText(res))
	}
	closed := rtGroup
	closed.CanPost = false
	if res := c.inGroup(closed, "HUBUNGKAN DESA"); commandNames(res) != "" || !strings.Contains(replyText(res), "hanya admin") {
		t.Fatalf("a group only admins post in: %q", replyText(res))
	}
	// Unlink.
	linked := rtGroup
	linked.DesaKode, linked.Audience, linked.DusunID = bimo, domain.AudienceDusun, 11
	if res := c.inGroup(linked, "LEPASKAN GRUP"); commandNames(res) != "UnlinkGroup" || !strings.Contains(replyText(res), "sudah dilepas") {
		t.Fatalf("unlink: %s %q", commandNames(res), replyText(res))
	}
	// Loose words of everyday talk are not commands, even from the KPMD.
	for _, text := range []string{"putus", "putus ya", "Lepas.", "copot", "lepas ya", "PUTUSKAN", "sambungkan ke ibu ya",
		"hubungkan dengan ibu", "link ibu", "hubungkan ke warga"} {
		if res := c.inGroup(linked, text); len(res.Commands) != 0 || len(res.Replies) != 0 {
			t.Fatalf("%q: %s %q", text, commandNames(res), replyText(res))
		}
	}
	if res := c.inGroup(rtGroup, "PUTUSKAN GRUP"); commandNames(res) != "" || !strings.Contains(replyText(res), "belum terhubung") {
		t.Fatalf("unlink of a group not linked: %q", replyText(res))
	}

	// A resident, a KPMD of another desa (the group linked to Bimomartani,
	// or the number serving Bimomartani alone): refused, short.
	refused := "hanya KPMD atau fasilitator desa itu"
	resident := newConversation(t).registered(domain.GenderMale)
	other := cadreOf(newConversation(t), sindu)
	scoped := cadreOf(newConversation(t), sindu)
	scoped.scope = bimo
	for _, text := range []string{"HUBUNGKAN DUSUN KEJAMBON", "LEPASKAN GRUP"} {
		if res := other.inGroup(linked, text); commandNames(res) != "" || !strings.Contains(replyText(res), refused) {
			t.Fatalf("other %q: %s %q", text, commandNames(res), replyText(res))
		}
		// A resident is not a cadre: not for the bot (no private message
		// to a member who never asked for one), unless they mention it.
		if flows.ForGroup(text, false, resident.sender) {
			t.Fatalf("a resident's %q is for the bot", text)
		}
		if res := resident.inGroup(linked, text); len(res.Replies) != 0 || len(res.Commands) != 0 {
			t.Fatalf("resident %q: %s %q", text, commandNames(res), replyText(res))
		}
		mentioned := linked
		mentioned.Mentioned = true
		if res := resident.inGroup(mentioned, "@6281100000099 "+text); commandNames(res) != "" || !strings.Contains(replyText(res), refused) {
			t.Fatalf("resident %q to the bot: %s %q", text, commandNames(res), replyText(res))
		}
	}
	if res := scoped.inGroup(rtGroup, "HUBUNGKAN DESA"); commandNames(res) != "" || !strings.Contains(replyText(res), refused) {
		t.Fatalf("a KPMD of a desa the number does not serve links: %q", replyText(res))
	}
}

func TestGroupLinkChoosesTheDesaPrivately(t *testing.T) {
	c := cadreOf(newConversation(t), "34.04.11.2002", "34.04.11.2001")
	res := c.inGroup(rtGroup, "HUBUNGKAN DUSUN KEJAMBON")
	if commandNames(res) != "" || !strings.Contains(replyText(res), "Bimomartani") || c.sess.Flow != "grup" {
		t.Fatalf("a cadre of two desa: %q %+v", replyText(res), c.sess)
	}
	c.send(1, msg{text: "bimomartani", want: []string{"terhubung ke Dusun Kejambon (Bimomartani)"}, commands: []string{"LinkGroup"}})
	if !c.sess.Idle() {
		t.Fatalf("after the desa: %+v", c.sess)
	}
	// The desa named in the link.
	if res := c.inGroup(rtGroup, "hubungkan desa sindumartani"); commandNames(res) != "LinkGroup" || !strings.Contains(replyText(res), "Desa Sindumartani") {
		t.Fatalf("desa named: %q", replyText(res))
	}
}

// TestGroupNamelessAndMidConversation: a group whose name the adapter
// has not told is "ini" in the reply, never its JID; a cadre of several
// desa asked which desa in the middle of a private conversation is told
// that conversation ended.
func TestGroupNamelessAndMidConversation(t *testing.T) {
	c := cadreOf(newConversation(t), "34.04.11.2002")
	nameless := rtGroup
	nameless.Name, nameless.JID = "", "120363099999999999@g.us"
	res := c.inGroup(nameless, "HUBUNGKAN DESA")
	if got := replyText(res); !strings.HasPrefix(got, "Grup ini terhubung ke seluruh Desa Bimomartani") || strings.Contains(got, "@g.us") {
		t.Fatalf("a nameless group's reply %q", got)
	}
	nameless.Left = true
	if got := replyText(c.inGroup(nameless, "HUBUNGKAN DESA")); !strings.HasPrefix(got, "Grup ini tidak bisa dihubungkan") {
		t.Fatalf("a nameless group left: %q", got)
	}
	two := cadreOf(newConversation(t), "34.04.11.2002", "34.04.11.2001")
	two.send(0, msg{text: "GAGASAN", want: []string{"tentang apa"}})
	res = two.inGroup(rtGroup, "HUBUNGKAN DUSUN KEJAMBON")
	if got := replyText(res); !strings.Contains(got, "Percakapan Anda sebelumnya dihentikan") || two.sess.Flow != "grup" {
		t.Fatalf("the desa question mid-conversation: %q %+v", got, two.sess)
	}
}

func TestPesanPribadi(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "PESAN PRIBADI", want: []string{"secara pribadi", "PESAN GRUP"}, commands: []string{"SetWantsPersonal"}},
		{text: "cukup lewat grup saja", want: []string{"PESAN PRIBADI"}, commands: []string{"SetWantsPersonal"}},
		{text: "DATA SAYA", want: []string{"Pesan pribadi walaupun grup menerima: tidak, cukup lewat grup", "PESAN PRIBADI atau PESAN GRUP"}},
		{text: "HUBUNGKAN DUSUN KEJAMBON", want: []string{"kirim di grup itu"}, commands: []string{}},
		{text: "LEPASKAN GRUP", want: []string{"Untuk melepas grup", "kirim di grup itu"}, commands: []string{}},
	})
	res, _ := flows.Step(context.Background(), c.env(), c.fx, c.contact, c.sess, flow.Input{Channel: "sim", Text: "PESAN PRIBADI"})
	if on := res.Commands[0].(flow.SetWantsPersonal).On; !on {
		t.Fatal("PESAN PRIBADI turned personal messages off")
	}
}

// FuzzGroupStep: any text posted in a group, mentioned or not, by a
// resident, a KPMD or a stranger: no panic, no placeholder left, and a
// message ForGroup says is not for the bot gets no reply and no command
// (the pipeline does not even log it).
func FuzzGroupStep(f *testing.F) {
	for _, s := range []string{"HUBUNGKAN DUSUN KEJAMBON", "LEPASKAN GRUP", "HADIR R-AAAAAA", "mboten saged R-AAAAAA", "@62811 JADWAL",
		"halo semua", "PESAN PRIBADI", "hubungkan desa", "sambungkeun ka dusun kejambn", "ya", ""} {
		for who := range uint8(3) {
			f.Add(s, who, false)
			f.Add(s, who, true)
		}
	}
	f.Fuzz(func(t *testing.T, text string, who uint8, mentioned bool) {
		c := withMeetings(newConversation(t))
		switch who % 3 {
		case 1:
			c.registered(domain.GenderFemale)
		case 2:
			cadreOf(c, "34.04.11.2002", "34.04.11.2001")
		}
		g := rtGroup
		g.Mentioned = mentioned
		g.JID = "1@g.us"
		res, err := flows.Step(context.Background(), c.env(), c.fx, c.contact, c.sess, flow.Input{Channel: "whatsapp:+1", Text: text, Group: &g})
		if err != nil {
			t.Fatal(err)
		}
		if !flows.ForGroup(text, mentioned, c.sender) && (len(res.Replies) > 0 || len(res.Commands) > 0) {
			t.Fatalf("%q (mentioned %v) is not for the bot, yet answered %q %s", text, mentioned, replyText(res), commandNames(res))
		}
		for _, r := range res.Replies {
			if strings.Contains(r.Text, "{") && !strings.Contains(text, "{") {
				t.Fatalf("%q: placeholder left in %q", text, r.Text)
			}
		}
	})
}

// TestGroupLinkNamesTheGroupOnce: a group whose name already says "Grup"
// is not called "Grup 'Grup RT 03 …'" in any language; a name without it
// gets the word, and a group whose name is not known yet is "this group".
func TestGroupLinkNamesTheGroupOnce(t *testing.T) {
	for _, tc := range []struct {
		name string
		want map[string]string
	}{
		{"Grup RT 03 Kejambon", map[string]string{"id": "'Grup RT 03 Kejambon' terhubung", "jv": "'Grup RT 03 Kejambon' sampun kasambung",
			"su": "'Grup RT 03 Kejambon' parantos disambungkeun"}},
		{"GROUP warga kejambon", map[string]string{"id": "'GROUP warga kejambon' terhubung", "jv": "'GROUP warga kejambon' sampun",
			"su": "'GROUP warga kejambon' parantos"}},
		{"RT 03 Kejambon", map[string]string{"id": "Grup 'RT 03 Kejambon' terhubung", "jv": "Grup 'RT 03 Kejambon' sampun",
			"su": "Grup 'RT 03 Kejambon' parantos"}},
		{"Grupeng", map[string]string{"id": "Grup 'Grupeng' terhubung", "jv": "Grup 'Grupeng' sampun", "su": "Grup 'Grupeng' parantos"}},
		{"", map[string]string{"id": "Grup ini terhubung", "jv": "Grup menika sampun", "su": "Grup ieu parantos"}},
	} {
		for _, l := range flow.Langs {
			c := cadreOf(newConversation(t), "34.04.11.2002")
			c.contact.Lang = l
			g := rtGroup
			g.Name = tc.name
			res := c.inGroup(g, "HUBUNGKAN DUSUN KEJAMBON")
			got := replyText(res)
			if commandNames(res) != "LinkGroup" || !strings.HasPrefix(got, tc.want[l]) || strings.Contains(strings.ToLower(got), "grup 'grup ") {
				t.Errorf("%s %q: %s %q, want it to start %q", l, tc.name, commandNames(res), got, tc.want[l])
			}
			if res := c.inGroup(g, "LEPASKAN GRUP"); strings.Contains(strings.ToLower(replyText(res)), "grup 'grup ") {
				t.Errorf("%s %q: unlink %q", l, tc.name, replyText(res))
			}
		}
	}
}
