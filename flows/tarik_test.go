package flows_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// ownWaiting adds gagasan of contact 7 still DIAJUKAN, G-TARKAA the oldest.
func (c *conversation) ownWaiting(n int) *conversation {
	seven := int64(7)
	t0 := time.Date(2026, 11, 10, 3, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		code := "G-TARKA" + string("ACEFGH"[i-1])
		c.fx.gagasan[code] = &domain.Gagasan{Code: code, SenderID: &seven, Title: fmt.Sprintf("Gagasan nomor %d", i),
			Status: domain.StatusDiajukan, DesaKode: "34.04.11.2002", CreatedAt: t0.Add(time.Duration(i) * time.Hour)}
	}
	return c
}

func TestTarikConfirmed(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale).ownWaiting(1)
	res := c.run2([]msg{
		{text: "TARIK g tarkaa", want: []string{"Tarik gagasan G-TARKAA \"Gagasan nomor 1\"?", "hilang dari papan informasi", "Balas YA untuk menarik, TIDAK untuk membatalkan"}, commands: []string{}},
		{text: "hmm", want: []string{"Tarik gagasan G-TARKAA"}, commands: []string{}},
		{text: "ya", want: []string{"G-TARKAA sudah ditarik"}, commands: []string{"WithdrawGagasan"}},
	})
	if w := res.Commands[0].(flow.WithdrawGagasan); w.Code != "G-TARKAA" {
		t.Fatalf("withdrew %q", w.Code)
	}
	if !c.sess.Idle() {
		t.Fatalf("session not idle: %+v", c.sess)
	}
	// Withdrawn once: asking again is refused, and STATUS names the stage.
	c.run([]msg{
		{text: "TARIK G-TARKAA", want: []string{"sudah ditarik sebelumnya"}, notWant: []string{"Balas YA"}, commands: []string{}},
		{text: "STATUS G-TARKAA", want: []string{"Ditarik oleh pengirimnya"}},
	})
}

func TestTarikDeclined(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale).ownWaiting(1)
	c.run([]msg{
		{text: "tarik G-TARKAA", want: []string{"Balas YA untuk menarik"}},
		{text: "tidak", want: []string{"G-TARKAA tidak ditarik"}, commands: []string{}},
		{text: "ya", notWant: []string{"ditarik"}, commands: []string{}}, // nothing is pending any more
	})
	if c.fx.gagasan["G-TARKAA"].Status != domain.StatusDiajukan {
		t.Fatal("a declined withdrawal withdrew")
	}
	// BATAL leaves the question too.
	c.run([]msg{
		{text: "TARIK G-TARKAA", want: []string{"Balas YA untuk menarik"}},
		{text: "batal", want: []string{"Dibatalkan"}, commands: []string{}},
	})
}

func TestTarikRefused(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	seven := int64(7)
	// Filed by this contact as KPMD for a resident without a phone: hers, not the KPMD's.
	c.fx.gagasan["G-KPMAAA"] = &domain.Gagasan{Code: "G-KPMAAA", FiledBy: &seven, ForName: "Mbok Darmi", Title: "Jamban",
		Status: domain.StatusDiajukan, DesaKode: "34.04.11.2002"}
	c.run([]msg{
		{text: "TARIK G-XXXXXX", want: []string{"G-XXXXXX bukan gagasan yang Bapak/Ibu kirim"}, notWant: []string{"Sumur bor", "Balas YA"}, commands: []string{}},
		{text: "TARIK G-WWWWWW", want: []string{"G-WWWWWW bukan gagasan yang Bapak/Ibu kirim"}, commands: []string{}},
		{text: "TARIK G-KPMAAA", want: []string{"G-KPMAAA bukan gagasan yang Bapak/Ibu kirim"}, commands: []string{}},
		{text: "TARIK G-7KM4XA", want: []string{"G-7KM4XA sudah dibahas, tidak bisa ditarik; hubungi KPMD", "Sudah dibahas di musyawarah"}, commands: []string{}},
		{text: "TARIK 12345", want: []string{"bukan kode gagasan"}, commands: []string{}},
		{text: "ya", notWant: []string{"ditarik"}, commands: []string{}},
	})
	if !c.sess.Idle() {
		t.Fatalf("a refusal left a flow: %+v", c.sess)
	}
}

// TestTarikStageMovedBeforeYes: the YES is checked again; a meeting that
// discussed the gagasan meanwhile wins.
func TestTarikStageMovedBeforeYes(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale).ownWaiting(1)
	c.run([]msg{{text: "TARIK G-TARKAA", want: []string{"Balas YA"}}})
	c.fx.gagasan["G-TARKAA"].Status = domain.StatusDibahas
	c.run([]msg{{text: "ya", want: []string{"sudah dibahas, tidak bisa ditarik"}, commands: []string{}}})
}

func TestTarikAlone(t *testing.T) {
	// None waiting: G-7KM4XA is hers but discussed already.
	none := newConversation(t).registered(domain.GenderFemale)
	none.run([]msg{{text: "TARIK", want: []string{"Tidak ada gagasan Bapak/Ibu yang masih menunggu dibahas"}, commands: []string{}}})
	if !none.sess.Idle() {
		t.Fatal("TARIK with nothing to withdraw left a flow")
	}

	// One waiting: straight to the question.
	one := newConversation(t).registered(domain.GenderFemale).ownWaiting(1)
	one.run([]msg{
		{text: "tarik", want: []string{"Tarik gagasan G-TARKAA \"Gagasan nomor 1\"?"}, notWant: []string{"G-7KM4XA"}},
		{text: "YA", commands: []string{"WithdrawGagasan"}},
	})
	if one.fx.gagasan["G-TARKAA"].Status != domain.StatusDitarik {
		t.Fatal("not withdrawn")
	}

	// Several: a numbered list, newest first, only those still waiting.
	many := newConversation(t).registered(domain.GenderFemale).ownWaiting(3)
	res := many.run2([]msg{
		{text: "TARIK", want: []string{"Gagasan mana yang mau ditarik", "1. G-TARKAE \"Gagasan nomor 3\"", "2. G-TARKAC", "3. G-TARKAA"}, notWant: []string{"G-7KM4XA", "G-XXXXXX"}, commands: []string{}},
		{text: "9", want: []string{"angka 1 sampai 3"}, commands: []string{}},
		{text: "2", want: []string{"Tarik gagasan G-TARKAC \"Gagasan nomor 2\"?"}, commands: []string{}},
		{text: "ya", want: []string{"G-TARKAC sudah ditarik"}, commands: []string{"WithdrawGagasan"}},
	})
	if w := res.Commands[0].(flow.WithdrawGagasan); w.Code != "G-TARKAC" {
		t.Fatalf("withdrew %q, want the one chosen", w.Code)
	}
	if many.fx.gagasan["G-TARKAA"].Status != domain.StatusDiajukan || many.fx.gagasan["G-TARKAE"].Status != domain.StatusDiajukan {
		t.Fatal("another gagasan changed")
	}
	// The withdrawn one leaves the list.
	many.run([]msg{{text: "TARIK", want: []string{"1. G-TARKAE", "2. G-TARKAA"}, notWant: []string{"G-TARKAC", "3."}}})
}

// TestTarikPersetujuanStillDeletes: withdrawing consent is not withdrawing
// a gagasan, even with one waiting.
func TestTarikPersetujuanStillDeletes(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale).ownWaiting(1)
	c.run([]msg{
		{text: "tarik persetujuan", want: []string{"Hapus data", "YA untuk menghapus"}, notWant: []string{"Tarik gagasan"}, commands: []string{}},
		{text: "ya", want: []string{"boleh tetap disimpan"}, commands: []string{}},
		{text: "2", want: []string{"sudah dihapus"}, commands: []string{"DeleteContact"}},
	})
	if c.contact != nil || c.fx.gagasan["G-TARKAA"].Status != domain.StatusDiajukan {
		t.Fatal("TARIK PERSETUJUAN did not delete the contact, or withdrew a gagasan")
	}
}

func TestTarikInJavaneseAndSundanese(t *testing.T) {
	for _, tc := range []struct{ lang, ask, yes, done string }{
		{flow.LangJV, "Wangsuli YA kangge narik, TIDAK kangge mbatalaken", "inggih", "sampun dipuntarik"},
		{flow.LangSU, "Waler YA kanggo narik, TIDAK kanggo ngabatalkeun", "sumuhun", "parantos ditarik"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			c := newConversation(t).registered(domain.GenderFemale).ownWaiting(1)
			c.contact.Lang = tc.lang
			c.run([]msg{
				{text: "TARIK G-TARKAA", want: []string{tc.ask, "\"Gagasan nomor 1\""}},
				{text: tc.yes, want: []string{tc.done}, commands: []string{"WithdrawGagasan"}},
			})
		})
	}
}

func TestStatusListsComplaints(t *testing.T) {
	seven, other := int64(7), int64(8)
	t0 := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	c := newConversation(t).registered(domain.GenderFemale)
	c.fx.complaints = []domain.Complaint{
		{Code: "A-LAMPU1", ContactID: &seven, Text: "Lampu jalan di depan balai dusun mati sejak seminggu", Status: domain.ComplaintDitangani, CreatedAt: t0},
		{Code: "A-ANONIM", ContactID: &seven, Anonymous: true, Text: "Talud retak", Status: domain.ComplaintDiterima, CreatedAt: t0.Add(time.Hour)},
		{Code: "A-SUARA1", ContactID: &seven, Status: domain.ComplaintDiterima, CreatedAt: t0.Add(-time.Hour)},
		{Code: "A-ORANG2", ContactID: &other, Text: "Aduan tetangga", Status: domain.ComplaintDiterima, CreatedAt: t0},
	}
	c.run([]msg{{text: "STATUS", want: []string{
		"Gagasan dan aduan Bapak/Ibu",
		"1. G-7KM4XA Jalan Kejambon - Sudah dibahas",
		"2. A-ANONIM aduan: Talud retak - diterima, menunggu diperiksa.",
		"3. A-LAMPU1 aduan: Lampu jalan di depan balai... - sedang ditindaklanjuti.",
		"4. A-SUARA1 aduan: (pesan suara",
		"Balas STATUS diikuti kode",
	}, notWant: []string{"A-ORANG2", "Aduan tetangga", "sejak seminggu"}}})

	// Complaints only: numbered from 1.
	only := newConversation(t).registered(domain.GenderFemale)
	only.contact.ID = 8
	only.fx.complaints = c.fx.complaints
	only.run([]msg{{text: "status", want: []string{"Gagasan dan aduan", "1. A-ORANG2 aduan: Aduan tetangga"}, notWant: []string{"G-7KM4XA", "2."}}})

	// At most five of each, numbered on.
	many := newConversation(t).registered(domain.GenderFemale).ownWaiting(6)
	for i := range 7 {
		many.fx.complaints = append(many.fx.complaints, domain.Complaint{Code: fmt.Sprintf("A-BANYK%d", i), ContactID: &seven,
			Text: "aduan", Status: domain.ComplaintDiterima, CreatedAt: t0.Add(time.Duration(i) * time.Hour)})
	}
	res := many.send(0, msg{text: "STATUS", want: []string{"5. G-TARKAC", "6. A-BANYK6", "10. A-BANYK2"}, notWant: []string{"G-TARKAA", "A-BANYK1", "11."}})
	if n := strings.Count(res.Replies[0].Text, "\n"); n != 11 {
		t.Fatalf("list has %d lines after the head, want 10 and a foot:\n%s", n, res.Replies[0].Text)
	}
}
