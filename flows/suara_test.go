package flows_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/flows/smstext"
	"github.com/suaradesa/suaradesa/flows/suara"
)

// Suara warga data of the fixture: a meeting's vote and the count of the
// contact's ballot in it.

func (f *fixture) MeetingVote(_ context.Context, meetingID int64) (*domain.Vote, *domain.VoteResult, error) {
	v, ok := f.votes[meetingID]
	if !ok {
		return nil, nil, nil
	}
	var bs []domain.Ballot
	for _, b := range f.ballots {
		bs = append(bs, domain.Ballot{Choices: b, Gender: domain.GenderFemale, DusunID: 11})
	}
	// Two more ballots of others, so that the order is the vote's.
	bs = append(bs, domain.Ballot{Choices: []int{2, 1}}, domain.Ballot{Choices: []int{2}})
	r := domain.CountVote(v.Items, bs, 40, 20, 18)
	return v, &r, nil
}

func (f *fixture) VoteSentTo(_ context.Context, _ domain.ContactID, code string) (*domain.Vote, error) {
	for _, v := range f.votes {
		if code == "" || v.MeetingCode == code {
			out := *v
			out.Mine = f.ballots[v.ID]
			return &out, nil
		}
	}
	return nil, nil
}

// withVote opens a vote on R-AAAAAA (Saturday 09.00 WIB) whose ballot
// went to the fixture's contact: 1 Jalan Kejambon, 2 Sumur bor.
func withVote(c *conversation) *conversation {
	withMeetings(c)
	sent := c.now // the ballot arrived just before the first message
	c.fx.votes = map[int64]*domain.Vote{1: {ID: 5, MeetingID: 1, MeetingCode: "R-AAAAAA", DesaKode: "34.04.11.2002",
		Items:    []domain.VoteItem{{GagasanID: 1, Code: "G-7KM4XA", Title: "Jalan Kejambon"}, {GagasanID: 2, Code: "G-XXXXXX", Title: "Sumur bor"}},
		ClosesAt: c.fx.meetings["R-AAAAAA"].StartsAt, SentAt: &sent}}
	c.fx.ballots = map[int64][]int{}
	return c
}

// castOn applies CastBallot as the store would.
func (c *conversation) castOn(res flow.Result) {
	for _, cmd := range res.Commands {
		if b, ok := cmd.(flow.CastBallot); ok {
			c.fx.ballots[b.VoteID] = b.Choices
		}
	}
}

func TestSuaraOpen(t *testing.T) {
	c := withMeetings(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "SUARA R-AAAAAA", want: []string{"Suara warga R-AAAAAA", "1. Jalan Kejambon", "2. Sumur bor", "Dikirim ke 40 warga",
			"5 Desember 2026 09.00 WIB", "bahan musyawarah, bukan keputusan", "KIRIM"}, commands: []string{}},
		{text: "nanti dulu", want: []string{"Balas KIRIM"}, commands: []string{}},
	})
	res := c.send(2, msg{text: "kirim", want: []string{"sedang dikirim ke 40 warga", "hasilnya kami kirim", "bahan musyawarah, bukan keputusan"}, commands: []string{"OpenVote"}})
	ov := res.Commands[0].(flow.OpenVote)
	if ov.MeetingID != 1 || !ov.ClosesAt.Equal(c.fx.meetings["R-AAAAAA"].StartsAt) || len(ov.Items) != 2 {
		t.Fatalf("open vote %+v", ov)
	}
	for _, l := range flow.Langs {
		b := ov.Ballot[l]
		if !strings.Contains(b, "1. Jalan Kejambon") || !strings.Contains(b, "R-AAAAAA") || len([]rune(b)) > 440 {
			t.Errorf("%s ballot: %q", l, b)
		}
	}
	if !strings.Contains(ov.Ballot[flow.LangJV], "sanes putusan") || !strings.Contains(ov.Ballot[flow.LangSU], "sanés putusan") {
		t.Errorf("a ballot does not say the vote does not decide: %v", ov.Ballot)
	}

	// An earlier closing time; one after the meeting's start is refused.
	c.run([]msg{
		{text: "SUARA R-AAAAAA sampai 6/12 jam 17.00", want: []string{"sebelum rapat mulai"}, commands: []string{}},
		{text: "SUARA R-AAAAAA sampai 4/12 jam 17.00", want: []string{"ditutup 4 Desember 2026 17.00 WIB"}},
		{text: "BATAL"},
	})
}

func TestSuaraOpenRefused(t *testing.T) {
	// A resident cannot open one: SUARA R-… is then their ballot, and none
	// went to them.
	r := withMeetings(newConversation(t).registered(domain.GenderMale))
	r.run([]msg{{text: "SUARA R-AAAAAA", want: []string{"Tidak ada suara warga yang terbuka"}, commands: []string{}}})
	// A KPMD of another desa neither.
	k := withMeetings(kpmd(newConversation(t)))
	k.run([]msg{
		{text: "SUARA R-XXXXXX", want: []string{"Tidak ada suara warga"}, commands: []string{}},
		{text: "SUARA R-HHHHHH", want: []string{"sudah lewat"}, commands: []string{}},
		{text: "SUARA R-CCCCCC", want: []string{"kurang dari 2 gagasan"}, commands: []string{}},
		{text: "SUARA R-ZZZZZZ", want: []string{"tidak ditemukan"}, commands: []string{}},
	})
	// A vote already open is not opened twice.
	o := withVote(kpmd(newConversation(t)))
	o.run([]msg{{text: "SUARA R-AAAAAA", want: []string{"sudah dibuka (2 suara masuk)"}, commands: []string{}}})
}

func TestSuaraBallot(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []int
		reply      string
	}{
		{flow.LangID, "2 1", []int{2, 1}, "tercatat"},
		{flow.LangID, "SUARA 2", []int{2}, "tercatat"},
		{flow.LangID, "nomor 2 dulu lalu 1", []int{2, 1}, "bukan keputusan"},
		{flow.LangID, "2, 2 dan 1", []int{2, 1}, "pilihan 1: Sumur bor (nomor 2)\npilihan 2: Jalan Kejambon (nomor 1)"},
		{flow.LangJV, "loro terus siji", []int{2, 1}, "kacathet:\npilihan 1: Sumur bor (nomer 2)"},
		{flow.LangSU, "dua heula tuluy hiji", []int{2, 1}, "pilihan 2: Jalan Kejambon (nomer 1)"},
		{flow.LangSU, "SUARA R-AAAAAA 1", []int{1}, "sanés putusan"},
	} {
		c := withVote(newConversation(t).registered(domain.GenderFemale))
		c.contact.Lang = tc.lang
		res := c.send(0, msg{text: tc.text, want: []string{tc.reply}, commands: []string{"CastBallot"}})
		if got := res.Commands[0].(flow.CastBallot); got.VoteID != 5 || !reflect.DeepEqual(got.Choices, tc.want) {
			t.Errorf("%s %q: %+v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}

func TestSuaraBallotChangedAndLate(t *testing.T) {
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	c.castOn(c.send(0, msg{text: "1 2", want: []string{"tercatat", "Bisa diubah sampai 5 Desember 2026 09.00 WIB"}}))
	c.castOn(c.send(1, msg{text: "2", want: []string{"diubah", "pilihan 1: Sumur bor (nomor 2)"}, commands: []string{"CastBallot"}}))
	if got := c.fx.ballots[5]; !reflect.DeepEqual(got, []int{2}) {
		t.Fatalf("ballot %v after the change", got)
	}
	c.run([]msg{
		{text: "3 1", want: []string{"nomor gagasan 1 sampai 2, paling banyak 2", "Contoh: SUARA 2 1"}, notWant: []string{"3 1"}, commands: []string{}},
		{text: "SUARA", want: []string{"Gagasan mana yang terpenting", "1. Jalan Kejambon", "Balas sampai 2 nomor", "mis. 2 1 atau SUARA R-AAAAAA 2 1"}, notWant: []string{"3 1"}, commands: []string{}},
		{text: "SUARA 1 2 1 2", want: []string{"diubah", "pilihan 1: Jalan Kejambon (nomor 1)\npilihan 2: Sumur bor (nomor 2)"}, commands: []string{"CastBallot"}},
		{text: "SUARA jalan", want: []string{"nomor gagasan 1 sampai 2"}, commands: []string{}},
	})
	// After the meeting started the vote is closed: a ballot is told so,
	// for a day; then numbers are the menu's again.
	c.run([]msg{
		{text: "1", advance: 7 * 24 * time.Hour, want: []string{"sudah ditutup", "tidak dihitung"}, commands: []string{}},
		{text: "SUARA 2 1", want: []string{"sudah ditutup"}, commands: []string{}},
		{text: "1", advance: 2 * 24 * time.Hour, notWant: []string{"ditutup"}},
	})
}

func TestSuaraNeverTakesAFlowsNumber(t *testing.T) {
	// In the middle of UNDANG, "2 1" answers UNDANG's question, not the vote.
	c := withVote(kpmd(newConversation(t)))
	c.run([]msg{
		{text: "undang", want: []string{"Rapat apa"}},
		{text: "1", want: []string{"Siapa yang diundang"}, commands: []string{}},
		{text: "2", want: []string{"Dusun mana"}, commands: []string{}},
	})
	// Without a vote, numbers when idle are the menu's.
	m := withMeetings(newConversation(t).registered(domain.GenderMale))
	m.run([]msg{{text: "1", notWant: []string{"suara"}}})
}

func TestSuaraBySMS(t *testing.T) {
	c := withVote(newConversation(t).registered(domain.GenderMale)).bySMS()
	c.run([]msg{{text: "2 1", want: []string{"tercatat"}, commands: []string{"CastBallot"}}})
}

func TestHasilShowsTheVote(t *testing.T) {
	c := withVote(kpmd(newConversation(t)))
	c.fx.ballots[5] = []int{1}
	c.now = time.Date(2026, 12, 5, 6, 0, 0, 0, time.UTC) // the meeting was this morning
	c.run([]msg{
		{text: "HASIL R-AAAAAA", want: []string{"Suara warga R-AAAAAA (3 suara; bahan musyawarah, bukan keputusan)",
			"1. (2) Sumur bor: 6 poin, 2 pilihan pertama", "2. (1) Jalan Kejambon: 5 poin, 1 pilihan pertama", "berapa orang yang hadir"}},
		{text: "30 orang, 12 perempuan", want: []string{"Suara warga: urutan 2, 5 poin (bahan musyawarah, bukan keputusan).", "Keputusan untuk G-7KM4XA"}},
	})
}

// While the vote is still open, HASIL shows its order as provisional, and
// UNDANG R-… says how it stands.
func TestHasilOfAnOpenVoteIsProvisional(t *testing.T) {
	c := withVote(kpmd(newConversation(t)))
	c.fx.ballots[5] = []int{1}
	c.fx.votes[1].ClosesAt = time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC) // later than the meeting's start
	c.now = time.Date(2026, 12, 5, 6, 0, 0, 0, time.UTC)
	c.run([]msg{
		{text: "HASIL R-AAAAAA", want: []string{"Suara warga R-AAAAAA sementara (3 suara; masih dibuka sampai 5 Desember 2026 15.00 WIB; bahan musyawarah, bukan keputusan)"}},
		{text: "BATAL"},
		{text: "UNDANG R-AAAAAA", want: []string{"Suara warga R-AAAAAA: masih dibuka sampai 5 Desember 2026 15.00 WIB, 3 suara masuk (bahan musyawarah, bukan keputusan)."}},
	})
	d := withMeetings(kpmd(newConversation(t)))
	d.run([]msg{{text: "UNDANG R-AAAAAA", want: []string{"Suara warga R-AAAAAA belum dibuka: SUARA R-AAAAAA"}}})
}

func TestSuaraBallotFitsThreeSMS(t *testing.T) {
	m := &domain.Meeting{Code: "R-AAAAAA", Type: domain.MeetingMusdesPerencanaan, DesaNama: "Bimomartani", TZ: "Asia/Jakarta",
		StartsAt: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC)}
	var its []domain.VoteItem
	for i := range 12 {
		its = append(its, domain.VoteItem{Title: strings.Repeat("Pembangunan talud sungai ", 3) + string(rune('A'+i))})
	}
	for _, l := range flow.Langs {
		b := suara.BallotText(l, m, its, m.StartsAt)
		if n, _ := smstext.Segments(smstext.ToGSM7(b)); n > smstext.MaxSegments || !strings.Contains(b, "SUARA") || strings.Contains(b, "12. ") {
			t.Errorf("%s: %d SMS:\n%s", l, n, b)
		}
		if !strings.Contains(b, "1. Pembangunan talud sungai…\n") {
			t.Errorf("%s: titles not shortened at a word:\n%s", l, b)
		}
	}
}

// A number picked from MENU is the menu's, not a new ballot: numbers alone
// answer only the ballot just received or our last reply about it.
func TestSuaraMenuNumberKeepsTheBallot(t *testing.T) {
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	c.castOn(c.send(0, msg{text: "2 1", want: []string{"tercatat"}, commands: []string{"CastBallot"}}))
	c.send(1, msg{text: "MENU", commands: []string{}})
	c.castOn(c.send(2, msg{text: "1", notWant: []string{"suara", "Suara"}}))
	if !reflect.DeepEqual(c.fx.ballots[5], []int{2, 1}) {
		t.Errorf("menu pick '1' replaced the ballot: now %v", c.fx.ballots[5])
	}
	// Several numbers later are no ballot either: the code form is asked.
	c.run([]msg{{text: "BATAL"}, {text: "1 2", want: []string{"SUARA R-AAAAAA 1 2"}, commands: []string{}}})
	// Right after the saved reply, numbers change the ballot.
	d := withVote(newConversation(t).registered(domain.GenderFemale))
	d.castOn(d.send(0, msg{text: "2 1", commands: []string{"CastBallot"}}))
	d.castOn(d.send(1, msg{text: "1", want: []string{"diubah"}, commands: []string{"CastBallot"}}))
	// A ballot not yet sent is not answered by numbers alone.
	e := withVote(newConversation(t).registered(domain.GenderFemale))
	e.fx.votes[1].SentAt = nil
	e.run([]msg{{text: "1", notWant: []string{"tercatat"}, commands: []string{}}})
}

// A time or a date when idle is never a ballot (nor its range error).
func TestSuaraTimeIsNoBallot(t *testing.T) {
	for _, text := range []string{"17.00", "5/12", "17:00", "9:30", "5-12", "25/11", "5/12/2026", "jam 9"} {
		c := withVote(newConversation(t).registered(domain.GenderFemale))
		c.run([]msg{{text: text, notWant: []string{"nomor gagasan", "tercatat"}, commands: []string{}}})
	}
}

// A ranking written with dashes, dots or slashes is a ballot, not a time
// (a review found "2-1" and "3-1-2" refused as times).
func TestSuaraBallotWithDashes(t *testing.T) {
	for _, text := range []string{"2-1", "2 - 1", "2.1", "2/1"} {
		c := withVote(newConversation(t).registered(domain.GenderFemale))
		c.run([]msg{{text: text, want: []string{"tercatat"}, commands: []string{"CastBallot"}}})
	}
	// Read as a ballot: the two-item list's range is said.
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	c.run([]msg{{text: "3-1-2", want: []string{"1 sampai 2"}, commands: []string{}}})
}

// With two votes open to the resident, a ballot without the code is
// refused and the code asked for; with it, it is taken.
func TestSuaraTwoOpenVotesAskTheCode(t *testing.T) {
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	c.fx.votes[1].Others = 1
	c.run([]msg{
		{text: "2 1", want: []string{"Ada 2 suara warga", "SUARA R-AAAAAA 2 1"}, commands: []string{}},
		{text: "SUARA 2 1", want: []string{"Ada 2 suara warga"}, commands: []string{}},
		{text: "SUARA R-AAAAAA 2 1", want: []string{"tercatat"}, commands: []string{"CastBallot"}},
	})
}

// The ballot command carries the turn's time and the closed text the
// pipeline says instead when the store finds the vote closed.
func TestSuaraCastCarriesTimeAndClosedText(t *testing.T) {
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	res := c.send(0, msg{text: "2 1", commands: []string{"CastBallot"}})
	cb := res.Commands[0].(flow.CastBallot)
	if !cb.At.Equal(c.now) || !strings.Contains(cb.Closed, "sudah ditutup") {
		t.Errorf("cast %+v at %v", cb, c.now)
	}
}

// A ballot that arrived after STATUS's numbered list is the newest thing
// the resident read: her numbers go to the ballot, not to the list.
func TestSuaraBallotAfterAnOlderList(t *testing.T) {
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	c.contact.Lang = flow.LangJV
	c.fx.votes[1].SentAt = nil
	mine := int64(c.contact.ID)
	c.fx.complaints = []domain.Complaint{{Code: "A-LAMPU1", ContactID: &mine, Text: "Lampu mati", Status: domain.ComplaintDiterima}}
	c.send(0, msg{text: "STATUS", want: []string{"1. G-7KM4XA", "2. A-LAMPU1"}})
	sent := c.now.Add(30 * time.Second)
	c.fx.votes[1].SentAt = &sent
	res := c.send(1, msg{text: "sing nomer loro disik, terus siji", want: []string{"kacathet"}, commands: []string{"CastBallot"}})
	if got := res.Commands[0].(flow.CastBallot).Choices; !reflect.DeepEqual(got, []int{2, 1}) {
		t.Errorf("ballot %v", got)
	}
	// Without a newer ballot the list's number is the list's.
	d := withVote(newConversation(t).registered(domain.GenderFemale))
	d.fx.complaints = c.fx.complaints
	d.fx.votes[1].SentAt = nil
	d.send(0, msg{text: "STATUS", want: []string{"1. G-7KM4XA", "2. A-LAMPU1"}})
	d.send(1, msg{text: "2", want: []string{"A-LAMPU1"}, notWant: []string{"tercatat"}, commands: []string{}})
}

// A vote changed or given as the only choice in the resident's own words
// is a ballot at any time while the vote is open, not a menu pick; words
// not understood are told how to vote.
func TestSuaraBallotInOwnWords(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []int
	}{
		{flow.LangJV, "ganti, loro wae", []int{2}},
		{flow.LangJV, "ganti 2 1", []int{2, 1}},
		{flow.LangJV, "diganti nomer 1 mawon", []int{1}},
		{flow.LangJV, "siji wae", []int{1}},
		{flow.LangJV, "nomer loro mawon", []int{2}},
		{flow.LangSU, "hiji wae", []int{1}},
		{flow.LangSU, "gentos, nu kadua wungkul", []int{2}},
		{flow.LangSU, "dua hungkul", []int{2}},
		{flow.LangID, "1 aja", []int{1}},
	} {
		c := withVote(newConversation(t).registered(domain.GenderFemale))
		c.contact.Lang = tc.lang
		c.castOn(c.send(0, msg{text: "2 1", commands: []string{"CastBallot"}}))
		c.send(1, msg{text: "MENU", commands: []string{}})
		res := c.send(2, msg{text: tc.text, commands: []string{"CastBallot"}})
		if got := res.Commands[0].(flow.CastBallot).Choices; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %q: %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	c.run([]msg{{text: "pripun niki", want: []string{"belum mengerti", "Untuk memilih: SUARA R-AAAAAA 2 1"}, commands: []string{}}})
	// Without an open vote, "siji wae" is still the menu's 1.
	m := withMeetings(newConversation(t).registered(domain.GenderMale))
	m.run([]msg{{text: "1 aja", notWant: []string{"tercatat", "Untuk memilih"}}})
}

// A ballot's titles are cut at a word's end, never mid-word, and no
// earlier than the room of three SMS requires: two items keep their whole
// titles.
func TestSuaraTitlesCutAtAWord(t *testing.T) {
	m := &domain.Meeting{Code: "R-AAAAAA", TZ: "Asia/Jakarta", StartsAt: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC)}
	its := []domain.VoteItem{{Title: "Sumur umum di kejambon tos sae pisan"}, {Title: "Jalan"}}
	b := suara.BallotText(flow.LangJV, m, its, m.StartsAt)
	if !strings.Contains(b, "1. Sumur umum di kejambon tos sae pisan\n") {
		t.Errorf("title cut though the room allows it whole:\n%s", b)
	}
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	c.fx.votes[1].Items[1].Title = "Sumur umum di kejambon tos sae pisan"
	c.send(0, msg{text: "2", want: []string{"pilihan 1: Sumur umum di kejambon tos… (nomor 2)"}})
}

// TestGroupResultTexts: the vote's result posted into the groups has the
// turnout and the order, in every language, and none of the KPMD's
// pointers (the admin site).
func TestGroupResultTexts(t *testing.T) {
	items := []domain.VoteItem{{Code: "G-AAAAAA", Title: "Jalan"}, {Code: "G-BBBBBB", Title: "Sumur"}}
	r := domain.CountVote(items, []domain.Ballot{{Choices: []int{2, 1}, Gender: domain.GenderFemale}, {Choices: []int{2}}}, 10, 5, 5)
	got := suara.GroupResultTexts(domain.Vote{MeetingCode: "R-AAAAAA", Items: items}, r)
	if p := got[flow.LangID]; !strings.Contains(p, "Hasil suara warga R-AAAAAA: 2 dari 10 warga ikut (20%)") ||
		!strings.Contains(p, "1. (2) Sumur") || strings.Contains(p, "admin") {
		t.Fatalf("post %q", p)
	}
	for _, l := range flow.Langs {
		if !strings.Contains(got[l], "R-AAAAAA") || !strings.Contains(got[l], "Sumur") {
			t.Fatalf("post in %s: %q", l, got[l])
		}
	}
}

// TestSuaraHintOnlyForBallots: the vote's hint costs a second SMS, so it
// follows "not understood" only right after the ballot, or for a message
// with numbers within the ballot's first day; not for every message while
// the vote is open.
func TestSuaraHintOnlyForBallots(t *testing.T) {
	hint := "Untuk memilih: SUARA R-AAAAAA"
	c := withVote(newConversation(t).registered(domain.GenderFemale))
	c.run([]msg{
		{text: "MENU"},
		{text: "pripun niki", want: []string{"belum mengerti"}, notWant: []string{hint}},
		{text: "sing nomer loro kae pripun", want: []string{"belum mengerti", hint}},
		{text: "sing nomer loro kae pripun", advance: 25 * time.Hour, want: []string{"belum mengerti"}, notWant: []string{hint}},
	})
}

// TestSuaraResultSplit: the KPMD's result gives the split by gender only
// whole, as the board does: one woman's ballot is not read off it; and
// points a KPMD without an admin login to the facilitator.
func TestSuaraResultSplit(t *testing.T) {
	items := []domain.VoteItem{{Code: "G-7KM4XA", Title: "Jalan Kejambon"}, {Code: "G-XXXXXX", Title: "Sumur bor"}}
	v := domain.Vote{MeetingCode: "R-AAAAAA", Items: items}
	one := domain.CountVote(items, []domain.Ballot{{Choices: []int{2, 1}, Gender: domain.GenderFemale}}, 40, 20, 18)
	for _, l := range flow.Langs {
		got := suara.ResultText(l, v, one, 0)
		if strings.Contains(got, " 1,") || strings.Contains(got, " 0,") || !strings.Contains(got, "< 3") ||
			!strings.Contains(got, "Fasilitator") || strings.Contains(got, "situs admin") {
			t.Errorf("%s: result of one ballot %q", l, got)
		}
	}
	var many []domain.Ballot
	for i := range 9 {
		g := domain.GenderFemale
		if i%3 == 0 {
			g = domain.GenderMale
		}
		many = append(many, domain.Ballot{Choices: []int{1}, Gender: g})
	}
	if got := suara.ResultText(flow.LangID, v, domain.CountVote(items, many, 40, 20, 18), 0); !strings.Contains(got, "perempuan 6, laki-laki 3") {
		t.Errorf("a whole split shown rough: %q", got)
	}
}

// TestSuaraBallotGoesAsGSM7: titles shortened with "…" make the rendered
// ballot UCS-2 (about twice the SMS), but the SMS channels send what
// smstext.Fit makes of it, "…" as "...": GSM-7 within three SMS, in every
// language.
func TestSuaraBallotGoesAsGSM7(t *testing.T) {
	m := &domain.Meeting{Code: "R-AAAAAA", Type: domain.MeetingMusdus, DesaNama: "Bimomartani", DusunNama: "Kejambon", TZ: "Asia/Jakarta",
		StartsAt: time.Date(2026, 12, 5, 2, 0, 0, 0, time.UTC)}
	var its []domain.VoteItem
	for i := range 9 {
		its = append(its, domain.VoteItem{Title: fmt.Sprintf("Perbaikan saluran irigasi tersier blok %c sepanjang 300 meter", 'A'+i)})
	}
	for _, l := range flow.Langs {
		b := suara.BallotText(l, m, its, m.StartsAt)
		if !strings.Contains(b, "…") {
			t.Fatalf("%s: no title shortened:\n%s", l, b)
		}
		raw, gsm := smstext.Segments(b)
		sent, gsm7 := smstext.Segments(smstext.Fit(b, "LAGI"))
		if gsm || !gsm7 || sent > smstext.MaxSegments || strings.Contains(smstext.Fit(b, "LAGI"), "LAGI") {
			t.Errorf("%s: raw %d SMS (gsm7 %v), sent %d (gsm7 %v):\n%s", l, raw, gsm, sent, gsm7, b)
		}
	}
}

// TestSuaraPreviewCutsAsTheBallot: the KPMD's preview (SUARA R-…) and a
// ballot asked for again show each title cut as the ballot the residents
// receive cuts it (one function), not at the narrowest width: a 44-letter
// title that fits the ballot whole is whole in the preview too.
func TestSuaraPreviewCutsAsTheBallot(t *testing.T) {
	const long = "Perbaikan saluran irigasi sawah Dusun Kejambon"
	for _, l := range flow.Langs {
		c := withMeetings(kpmd(newConversation(t)))
		c.contact.Lang = l
		c.fx.gagasan["G-7KM4XA"].Title = long
		m := c.fx.meetings["R-AAAAAA"]
		agenda, _ := c.fx.MeetingAgenda(context.Background(), m.ID)
		its := make([]domain.VoteItem, len(agenda))
		for i, g := range agenda {
			its[i] = domain.VoteItem{Code: g.Code, Title: g.Title}
		}
		ballot := suara.BallotText(l, m, its, m.StartsAt)
		if !strings.Contains(ballot, "1. "+long+"\n") {
			t.Fatalf("%s: the ballot cuts a title it has room for:\n%s", l, ballot)
		}
		res := c.send(0, msg{text: "SUARA R-AAAAAA"})
		if got := replyText(res); !strings.Contains(got, "1. "+long+"\n") {
			t.Errorf("%s: the preview cuts the title the ballot shows whole:\n%s", l, got)
		}
		r := withVote(newConversation(t).registered(domain.GenderFemale))
		r.contact.Lang = l
		r.fx.votes[1].Items[0].Title = long
		if got := replyText(r.send(0, msg{text: "SUARA"})); !strings.Contains(got, "1. "+long+"\n") {
			t.Errorf("%s: a ballot asked for again cuts the title the ballot shows whole:\n%s", l, got)
		}
	}
}

// TestSuaraResultFollowsPublicMin: the result sent to the KPMD splits by
// gender with the board's PUBLIC_MIN_COUNT, not the default: 6 women and 3
// men are shown whole with the default (3), rough with a minimum of 5, and
// whole again with 3 set.
func TestSuaraResultFollowsPublicMin(t *testing.T) {
	items := []domain.VoteItem{{Code: "G-7KM4XA", Title: "Jalan Kejambon"}, {Code: "G-XXXXXX", Title: "Sumur bor"}}
	v := domain.Vote{MeetingCode: "R-AAAAAA", Items: items}
	var bs []domain.Ballot
	for i := range 9 {
		g := domain.GenderFemale
		if i%3 == 0 {
			g = domain.GenderMale
		}
		bs = append(bs, domain.Ballot{Choices: []int{1}, Gender: g})
	}
	r := domain.CountVote(items, bs, 40, 20, 18)
	for _, tc := range []struct {
		min  int
		want string
	}{{0, "perempuan 6, laki-laki 3"}, {3, "perempuan 6, laki-laki 3"}, {5, "perempuan 5+, laki-laki < 5"}} {
		if got := suara.ResultText(flow.LangID, v, r, tc.min); !strings.Contains(got, tc.want) {
			t.Errorf("min %d: want %q in %q", tc.min, tc.want, got)
		}
		for l, got := range suara.ResultTexts(v, r, tc.min) {
			if n := strings.Count(got, "5+"); (tc.min == 5) != (n > 0) {
				t.Errorf("%s min %d: %q", l, tc.min, got)
			}
		}
	}
}
