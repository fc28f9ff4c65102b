package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

const (
	grpChannel = "whatsapp:+6281100000099"
	grpJID     = "120363000000000001@g.us"
	grpKPMD    = domain.Phone("+6281100000001") // Sri Wahyuni, KPMD of Bimomartani
	grpSiti    = domain.Phone("+6281100000011") // a resident of Kejambon
	grpBambang = domain.Phone("+6281100000012") // a resident of Sambiroto
	grpNobody  = domain.Phone("+6281399990001") // in the group, never registered
)

// groupHarness is the pipeline on the demo data with the RT group the
// adapter reported, and a meeting of Bimomartani coming.
func groupHarness(t *testing.T) *bottest.Harness {
	t.Helper()
	ctx := context.Background()
	h := bottest.New(t, bottest.Options{})
	dusun, _ := h.Store.ListDusun(ctx, "34.04.11.2002")
	for _, p := range []domain.Phone{grpSiti, grpBambang} {
		if _, err := h.Store.UpsertRegisteredContact(ctx, domain.Contact{Phone: p, Name: "Warga " + string(p[len(p)-2:]), DesaKode: "34.04.11.2002",
			DusunID: dusun[0].ID, Gender: domain.GenderFemale, Channel: grpChannel}); err != nil {
			t.Fatal(err)
		}
	}
	members := []bot.GroupMember{{Phone: grpKPMD, Admin: true}, {Phone: grpSiti}, {Phone: grpBambang}, {Phone: grpNobody}}
	if err := (bot.GroupRecords{Store: h.Store}).GroupSeen(ctx, grpChannel, bot.GroupInfo{JID: grpJID, Name: "RT 03 Kejambon",
		CanPost: true, Members: members}); err != nil {
		t.Fatal(err)
	}
	turn, err := h.Store.BeginTurn(ctx, grpKPMD)
	if err != nil {
		t.Fatal(err)
	}
	defer turn.Rollback()
	m := domain.Meeting{Code: "R-GRUPAA", Type: domain.MeetingMusdesPerencanaan, DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa,
		StartsAt: time.Now().Add(72 * time.Hour), Place: "Balai Desa"}
	if _, err := turn.CreateMeeting(ctx, m, nil, postgres.Texts{"id": "undangan"}, nil, postgres.DefaultReminders); err != nil {
		t.Fatal(err)
	}
	if err := turn.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Store.DB().Exec(`DELETE FROM outbound_messages`); err != nil { // the invitations
		t.Fatal(err)
	}
	return h
}

type groupMsg struct {
	id        string
	from      domain.Phone
	text      string
	mentioned bool
	image     bool
}

func postInGroup(t *testing.T, h *bottest.Harness, m groupMsg) {
	t.Helper()
	in := bot.Inbound{Channel: grpChannel, ExtID: m.id, From: m.from, Text: m.text, Group: grpJID, Mentioned: m.mentioned}
	if m.image {
		in.Media = &bot.InboundMedia{Data: []byte("\xff\xd8\xff\xe0 not really a jpeg"), Mime: "image/jpeg"}
	}
	if _, err := h.Pipe.Handle(context.Background(), in); err != nil {
		t.Fatalf("%q: %v", m.text, err)
	}
}

// sentTo lists the texts queued since the last call, by recipient.
func sentTo(t *testing.T, st *postgres.Store, after *int64) map[string][]string {
	t.Helper()
	var rows []struct {
		ID   int64  `db:"id"`
		To   string `db:"to_phone"`
		Text string `db:"text"`
	}
	if err := st.DB().Select(&rows, `SELECT id, to_phone, text FROM outbound_messages WHERE id > $1 ORDER BY id`, *after); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		out[r.To] = append(out[r.To], r.Text)
		*after = r.ID
	}
	return out
}

// TestGroupConversationIsQuiet: a group's conversation — greetings,
// plans, a photo, a yes, the menu's words, a stranger's hello — gets no
// reply, stores no text, logs nothing and creates no contact.
func TestGroupConversationIsQuiet(t *testing.T) {
	h := groupHarness(t)
	transcript := []groupMsg{
		{"w1", grpKPMD, "Assalamualaikum bapak ibu warga RT 03", false, false},
		{"w2", grpSiti, "Waalaikumsalam bu", false, false},
		{"w3", grpNobody, "halo semua, saya warga baru", false, false},
		{"w4", grpBambang, "besok kerja bakti jam 7 nggih", false, false},
		{"w5", grpSiti, "ya", false, false},
		{"w6", grpSiti, "saya hadir kok", false, false},
		{"w7", grpNobody, "", false, true},
		{"w8", grpBambang, "MENU", false, false},
		{"w9", grpSiti, "GAGASAN lampu jalan", false, false},
		{"w10", grpNobody, "BERHENTI", false, false},
		{"w11", grpNobody, "HADIR R-GRUPAA", false, false},
		{"w12", grpSiti, "HUBUNGKAN DESA", false, false},
		{"w13", grpKPMD, "putus ya", false, false},
		{"w14", grpKPMD, "sambungkan ke ibu ya", false, false},
		{"w5", grpSiti, "ya", false, false}, // redelivered
		{"w11", grpSiti, "GAGASAN sumur bor", false, false},
		{"w12", grpNobody, "GAGASAN lampu jalan", false, false},
	}
	var after int64
	for _, m := range transcript {
		postInGroup(t, h, m)
	}
	// A registered resident's keyword gets one private nudge a day (w9;
	// w11 none); a stranger's nothing.
	if got := sentTo(t, h.Store, &after); len(got) != 1 || len(got[string(grpSiti)]) != 1 ||
		!strings.Contains(got[string(grpSiti)][0], "Kirim GAGASAN ke nomor ini secara pribadi") {
		t.Fatalf("the bot answered group chatter: %v", got)
	}
	var logged, contacts, gagasan int
	_ = h.Store.DB().Get(&logged, `SELECT count(*) FROM inbound_messages WHERE channel = $1`, grpChannel)
	_ = h.Store.DB().Get(&contacts, `SELECT count(*) FROM contacts WHERE phone = $1`, string(grpNobody))
	_ = h.Store.DB().Get(&gagasan, `SELECT count(*) FROM gagasan WHERE title ILIKE '%lampu jalan%'`)
	// Siti's two GAGASAN are logged (the nudge's: one a day); a
	// stranger's is not even read, like the rest.
	if logged != 2 || contacts != 0 || gagasan != 0 {
		t.Fatalf("group chatter stored: %d inbound, %d contacts, %d gagasan", logged, contacts, gagasan)
	}
	var opted int
	_ = h.Store.DB().Get(&opted, `SELECT count(*) FROM contacts WHERE opted_out_at IS NOT NULL`)
	if opted != 0 {
		t.Fatal("BERHENTI in a group opted someone out")
	}
}

// TestGroupRSVPRecordedOnce: a member's HADIR R-… in the group is
// recorded for them and confirmed privately; the same message delivered
// again does nothing; a new message with the same answer keeps one answer.
func TestGroupRSVPRecordedOnce(t *testing.T) {
	h := groupHarness(t)
	var after int64
	postInGroup(t, h, groupMsg{id: "r1", from: grpSiti, text: "HADIR R-GRUPAA"})
	postInGroup(t, h, groupMsg{id: "r1", from: grpSiti, text: "HADIR R-GRUPAA"})
	got := sentTo(t, h.Store, &after)
	if len(got) != 1 || len(got[string(grpSiti)]) != 1 || !strings.Contains(got[string(grpSiti)][0], "HADIR untuk R-GRUPAA") {
		t.Fatalf("after the answer and its redelivery: %v", got)
	}
	postInGroup(t, h, groupMsg{id: "r2", from: grpSiti, text: "insyaallah hadir R-GRUPAA"})
	if got := sentTo(t, h.Store, &after); len(got[string(grpSiti)]) != 1 || got[grpJID] != nil {
		t.Fatalf("after a new message: %v", got)
	}
	var answers []string
	if err := h.Store.DB().Select(&answers, `SELECT i.rsvp FROM invitations i JOIN meetings m ON m.id = i.meeting_id
		JOIN contacts c ON c.id = i.contact_id WHERE m.code = 'R-GRUPAA' AND c.phone = $1 AND i.rsvp <> ''`, string(grpSiti)); err != nil {
		t.Fatal(err)
	}
	if len(answers) != 1 || answers[0] != "HADIR" {
		t.Fatalf("answers %v", answers)
	}
	var logged int
	_ = h.Store.DB().Get(&logged, `SELECT count(*) FROM inbound_messages WHERE channel = $1`, grpChannel)
	if logged != 2 {
		t.Fatalf("%d messages logged, want 2", logged)
	}
	// A member never registered: nothing logged, no private message to a
	// number that never wrote to us; mentioning the bot, they are told
	// how to register (their number logged as a first message is).
	postInGroup(t, h, groupMsg{id: "r3", from: grpNobody, text: "HADIR R-GRUPAA"})
	var strangers int
	_ = h.Store.DB().Get(&strangers, `SELECT count(*) FROM inbound_messages WHERE phone = $1`, string(grpNobody))
	if got = sentTo(t, h.Store, &after); len(got) != 0 || strangers != 0 {
		t.Fatalf("a stranger's answer: %v, %d logged", got, strangers)
	}
	postInGroup(t, h, groupMsg{id: "r4", from: grpNobody, text: "@6281100000099 HADIR R-GRUPAA", mentioned: true})
	got = sentTo(t, h.Store, &after)
	if len(got) != 1 || len(got[string(grpNobody)]) != 1 || !strings.Contains(got[string(grpNobody)][0], "HALO") {
		t.Fatalf("a stranger's answer to the bot: %v", got)
	}
	var contacts int
	_ = h.Store.DB().Get(&contacts, `SELECT count(*) FROM contacts WHERE phone = $1`, string(grpNobody))
	if contacts != 0 {
		t.Fatal("a stranger's answer in a group created a contact")
	}
}

// TestGroupMentionAnsweredPrivately: a message that mentions the bot runs
// as in private chat, and the answer goes to the sender.
func TestGroupMentionAnsweredPrivately(t *testing.T) {
	h := groupHarness(t)
	var after int64
	postInGroup(t, h, groupMsg{id: "m1", from: grpSiti, text: "@6281100000099 JADWAL", mentioned: true})
	got := sentTo(t, h.Store, &after)
	if len(got) != 1 || len(got[string(grpSiti)]) != 1 || !strings.Contains(got[string(grpSiti)][0], "R-GRUPAA") {
		t.Fatalf("a mention's answer: %v", got)
	}
}

func groupLink(t *testing.T, st *postgres.Store) *postgres.WAGroup {
	t.Helper()
	g, err := st.WAGroupOf(context.Background(), grpChannel, grpJID)
	if err != nil || g == nil {
		t.Fatal(g, err)
	}
	return g
}

// TestGroupLinkByChat: the desa's KPMD links the group to a dusun; a
// resident and a KPMD of another desa are refused, privately and short.
func TestGroupLinkByChat(t *testing.T) {
	ctx := context.Background()
	h := groupHarness(t)
	var after int64
	// A resident is not a cadre: nothing logged, no answer, unless they
	// mention the bot.
	postInGroup(t, h, groupMsg{id: "l0", from: grpSiti, text: "HUBUNGKAN DUSUN KEJAMBON"})
	var logged int
	_ = h.Store.DB().Get(&logged, `SELECT count(*) FROM inbound_messages WHERE phone = $1`, string(grpSiti))
	if got := sentTo(t, h.Store, &after); len(got) != 0 || logged != 0 || groupLink(t, h.Store).Linked() {
		t.Fatalf("a resident links without a mention: %v, %d logged", got, logged)
	}
	postInGroup(t, h, groupMsg{id: "l1", from: grpSiti, text: "@6281100000099 HUBUNGKAN DUSUN KEJAMBON", mentioned: true})
	got := sentTo(t, h.Store, &after)
	if len(got) != 1 || !strings.Contains(got[string(grpSiti)][0], "hanya KPMD atau fasilitator") || groupLink(t, h.Store).Linked() {
		t.Fatalf("a resident links: %v", got)
	}
	postInGroup(t, h, groupMsg{id: "l2", from: grpKPMD, text: "hubungkan grup ini ke dusun kejambon"})
	got = sentTo(t, h.Store, &after)
	want := "Grup 'RT 03 Kejambon' terhubung ke Dusun Kejambon (Bimomartani)."
	// The desa's meeting R-GRUPAA was invited before the link: the reply
	// says it is not in the group (flows/grup sentBefore).
	if len(got) != 1 || len(got[string(grpKPMD)]) != 2 || !strings.HasPrefix(got[string(grpKPMD)][0], want) ||
		!strings.Contains(got[string(grpKPMD)][1], "Undangan R-GRUPAA") || !strings.Contains(got[string(grpKPMD)][1], "sebelum grup ini terhubung") {
		t.Fatalf("the KPMD links: %v", got)
	}
	g := groupLink(t, h.Store)
	if !g.Linked() || *g.Audience != domain.AudienceDusun || g.DusunNama != "Kejambon" || g.LinkedBy != string(grpKPMD) {
		t.Fatalf("linked group %+v", g)
	}
	// A KPMD of Sindumartani, a member too.
	other := domain.Phone("+6281399990002")
	if _, err := h.Store.UpsertRegisteredContact(ctx, domain.Contact{Phone: other, Name: "Kader Sindu", DesaKode: "34.04.11.2001",
		Gender: domain.GenderMale, Channel: grpChannel}); err != nil {
		t.Fatal(err)
	}
	if err := h.Store.GrantRole(ctx, domain.RoleAssignment{Phone: other, Role: domain.RoleKPMD, DesaKode: "34.04.11.2001"}, "test"); err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{"HUBUNGKAN DESA", "LEPASKAN GRUP"} {
		postInGroup(t, h, groupMsg{id: "o" + string(rune('1'+i)), from: other, text: text})
		got = sentTo(t, h.Store, &after)
		if len(got) != 1 || !strings.Contains(got[string(other)][0], "hanya KPMD atau fasilitator") {
			t.Fatalf("another desa's KPMD %q: %v", text, got)
		}
	}
	if g := groupLink(t, h.Store); g.DesaKode == nil || *g.DesaKode != "34.04.11.2002" || *g.Audience != domain.AudienceDusun {
		t.Fatalf("another desa's KPMD changed the link: %+v", g)
	}
	// Restricted to admins: the KPMD is told once, privately.
	records := bot.GroupRecords{Store: h.Store}
	for range 2 {
		if err := records.GroupSettings(ctx, grpChannel, grpJID, true, false); err != nil {
			t.Fatal(err)
		}
	}
	got = sentTo(t, h.Store, &after)
	if len(got) != 1 || len(got[string(grpKPMD)]) != 1 || !strings.Contains(got[string(grpKPMD)][0], "Ibu Sri Wahyuni (KPMD), di grup 'RT 03 Kejambon'") {
		t.Fatalf("the linker told: %v", got)
	}
	// The KPMD unlinks it.
	postInGroup(t, h, groupMsg{id: "l3", from: grpKPMD, text: "PUTUSKAN GRUP"})
	if got = sentTo(t, h.Store, &after); !strings.Contains(got[string(grpKPMD)][0], "sudah dilepas") || groupLink(t, h.Store).Linked() {
		t.Fatalf("unlink: %v", got)
	}
}

// TestPesanPribadiStored: PESAN PRIBADI and PESAN GRUP set the contact's
// wish.
func TestPesanPribadiStored(t *testing.T) {
	h := groupHarness(t)
	wants := func() bool {
		var on bool
		_ = h.Store.DB().Get(&on, `SELECT wants_personal FROM contacts WHERE phone = $1`, string(grpSiti))
		return on
	}
	for i, c := range []struct {
		text string
		want bool
	}{{"minta pesan pribadi", true}, {"PESAN GRUP", false}} {
		if _, err := h.Pipe.Handle(context.Background(), bot.Inbound{Channel: grpChannel, ExtID: "p" + string(rune('1'+i)), From: grpSiti, Text: c.text}); err != nil {
			t.Fatal(err)
		}
		if wants() != c.want {
			t.Fatalf("after %q wants_personal = %v", c.text, !c.want)
		}
	}
}

// TestCannotPostNamesTheGroupOnce: the linker of a group named "Grup RT 05
// Jetis" is told "di 'Grup RT 05 Jetis'", never "di grup 'Grup RT 05 …'",
// when the bot may no longer post there (both ways the adapter tells it).
func TestCannotPostNamesTheGroupOnce(t *testing.T) {
	ctx := context.Background()
	h := groupHarness(t)
	records := bot.GroupRecords{Store: h.Store}
	for i, restrict := range []func(jid string) error{
		func(jid string) error { return records.GroupSettings(ctx, grpChannel, jid, true, false) },
		func(jid string) error {
			return records.GroupSeen(ctx, grpChannel, bot.GroupInfo{JID: jid, Name: "Grup RT 05 Jetis", Announce: true, CanPost: false})
		},
	} {
		jid := fmt.Sprintf("12036300000000005%d@g.us", i)
		if err := records.GroupSeen(ctx, grpChannel, bot.GroupInfo{JID: jid, Name: "Grup RT 05 Jetis", CanPost: true,
			Members: []bot.GroupMember{{Phone: grpKPMD, Admin: true}}}); err != nil {
			t.Fatal(err)
		}
		g, err := h.Store.WAGroupOf(ctx, grpChannel, jid)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.Store.LinkGroup(ctx, g.ID, postgres.GroupLink{DesaKode: "34.04.11.2002", Audience: domain.AudienceDesa, By: string(grpKPMD)}); err != nil {
			t.Fatal(err)
		}
		var after int64
		if err := restrict(jid); err != nil {
			t.Fatal(err)
		}
		got := sentTo(t, h.Store, &after)[string(grpKPMD)]
		if len(got) != 1 || !strings.Contains(got[0], "di 'Grup RT 05 Jetis' sekarang") || strings.Contains(strings.ToLower(got[0]), "grup 'grup ") {
			t.Fatalf("%d: the linker told %q", i, got)
		}
		if _, err := h.Store.DB().Exec(`DELETE FROM outbound_messages`); err != nil {
			t.Fatal(err)
		}
	}
}
