package flows_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// A word of one language in the other's texts: Sundanese readers were
// asked "Saha jenengan Bapa/Ibu?" (jenengan is Javanese; Sundanese lemes
// says nami).
var (
	javaneseWords = []string{"jenengan", "panjenengan", "asma", "menika", "mboten", "wonten", "sampun", "badhe", "ingkang",
		"kaliyan", "utawi", "kangge", "mawon", "nggih", "pundi", "sinten", "dereng", "saking", "dhateng", "ngantos", "nyuwun",
		"estri", "kakung", "kula", "lan", "punika", "niki", "niku"}
	sundaneseWords = []string{"jenengan", "atanapi", "sareng", "anu", "henteu", "teu", "abdi", "kanggo", "parantos", "ieu", "éta",
		"dina", "tiasa", "kumaha", "naon", "saha", "sabaraha", "waler", "dugi", "bapa"}
)

func TestNoWordOfTheOtherLanguage(t *testing.T) {
	for _, c := range []struct {
		lang  string
		words []string
	}{{flow.LangSU, javaneseWords}, {flow.LangJV, sundaneseWords}} {
		for _, k := range flow.Keys(flow.LangID) {
			text, ok := flow.Text(c.lang, k)
			if !ok {
				continue
			}
			for _, w := range c.words {
				if c.lang == flow.LangJV && w == "jenengan" {
					continue // "Panjenengan" is Javanese; "jenengan" alone is checked in Sundanese
				}
				if regexp.MustCompile(`(?i)(^|[^\pL])` + regexp.QuoteMeta(w) + `($|[^\pL])`).MatchString(text) {
					t.Errorf("%s/%s has %q: %s", c.lang, k, w, strings.ReplaceAll(text, "\n", " / "))
				}
			}
		}
	}
}

// resident is a registered resident who writes in lang.
func resident(t *testing.T, lang string) *conversation {
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = lang
	return c
}

// The third persona round: a Javanese mother deleting her data after her
// husband worried, and a Sundanese young man asking who sees his.
func TestDeleteInOwnWords(t *testing.T) {
	for _, c := range []struct {
		lang, ask, yes string
		answers        []string // read as "only the titles"
	}{
		{flow.LangJV, "bojo kula kuwatir, data kula dibusak mawon sedaya nggih", "nggih", []string{"judule mawon", "mboten", "mboten nggih", "2"}},
		{flow.LangJV, "busak data kula", "inggih", []string{"irah-irahane mawon"}},
		{flow.LangID, "hapus semua data saya", "ya", []string{"judul saja", "cukup judul", "tidak", "hapus semua", "tidak boleh"}},
		{flow.LangSU, "abdi hoyong data abdi dipupus", "muhun", []string{"judulna wae", "henteu"}},
	} {
		for _, a := range c.answers {
			r := resident(t, c.lang)
			in := func(k flow.Key) string { return flow.Render(c.lang, k, nil) }
			r.run([]msg{
				{text: c.ask, want: []string{in(flow.MsgDeleteConfirm), "pin"}, commands: []string{}},
				{text: c.yes, want: []string{in(flow.MsgDeleteKeepText)}, commands: []string{}},
				// A worried no with more words may mean either: asked again.
				{text: "tidak, jangan dihapus", want: []string{in(flow.MsgDeleteKeepHint)}, commands: []string{}},
				{text: "mboten, simpen mawon", want: []string{in(flow.MsgDeleteKeepHint)}, commands: []string{}},
				{text: "henteu, ulah dihapus", want: []string{in(flow.MsgDeleteKeepHint)}, commands: []string{}},
				{text: "tidak apa-apa", want: []string{in(flow.MsgDeleteKeepHint)}, commands: []string{}},
				// The Javanese and Sundanese "don't" and "won't" likewise.
				{text: "ojo dibusak", want: []string{in(flow.MsgDeleteKeepHint)}, commands: []string{}},
				{text: "aja dibusak", want: []string{in(flow.MsgDeleteKeepHint)}, commands: []string{}},
				{text: "tong dihapus", want: []string{in(flow.MsgDeleteKeepHint)}, commands: []string{}},
				{text: "emoh dibusak", want: []string{in(flow.MsgDeleteKeepHint)}, commands: []string{}},
			})
			res := r.run2([]msg{{text: a, want: []string{in(flow.MsgDeleted)}, commands: []string{"DeleteContact"}}})
			if res.Commands[0].(flow.DeleteContact).KeepText {
				t.Errorf("%s %q: her words kept", c.lang, a)
			}
		}
	}
	// Yes keeps the words, by number or word.
	for _, a := range []string{"1", "boleh", "kenging, simpen mawon"} {
		r := resident(t, flow.LangID)
		res := r.run2([]msg{{text: "HAPUS DATA"}, {text: "ya"}, {text: a, commands: []string{"DeleteContact"}}})
		if !res.Commands[0].(flow.DeleteContact).KeepText {
			t.Errorf("%q: her words not kept", a)
		}
	}
	// The first prompt says what goes, in every language.
	for _, lang := range flow.Langs {
		text := flow.Render(lang, flow.MsgDeleteConfirm, nil)
		for _, w := range []string{"desa", "dusun", "pin", "aduan"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s delete_confirm lacks %q: %s", lang, w, text)
			}
		}
	}
	// Not a request to delete: denied, or others' data.
	r := resident(t, flow.LangJV)
	r.run([]msg{
		{text: "data kula ampun dibusak", notWant: []string{"YA kangge mbusak"}, commands: []string{}},
		{text: "data penerima blt dihapus", notWant: []string{"YA kangge mbusak"}, commands: []string{}},
	})
}

func TestStopInOwnWords(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{flow.LangSU, "abdi tos teu hoyong dikirimin pesen deui"},
		{flow.LangJV, "kula mboten kersa dipunkintuni pesen malih"},
		{flow.LangID, "saya tidak mau dikirimi pesan lagi"},
	} {
		// A refusal read from a sentence is told how (BERHENTI), never
		// acted on: it may be about someone else's messages.
		r := resident(t, c.lang)
		r.run([]msg{{text: c.text, want: []string{flow.Render(c.lang, flow.MsgStopHow, nil), "BERHENTI"}, commands: []string{}}})
	}
	for _, text := range []string{"jangan kirim pesan ke pak kades, saya takut", "ampun sudah dikirim pesan berkali-kali tapi jalan belum diperbaiki"} {
		r := resident(t, flow.LangID)
		r.run([]msg{{text: text, notWant: []string{flow.Render(flow.LangID, flow.MsgOptedOut, nil)}}})
		if r.contact.OptedOut() {
			t.Fatalf("%q opted out", text)
		}
	}
	for _, c := range []struct{ lang, text string }{
		{flow.LangSU, "kumaha carana supaya teu dikirim pesen?"},
		{flow.LangJV, "piye carane ben ora dikirimi pesen?"},
		{flow.LangID, "gimana caranya biar gak dikirim pesan?"},
	} {
		r := resident(t, c.lang)
		r.run([]msg{{text: c.text, want: []string{flow.Render(c.lang, flow.MsgStopHow, nil), "BERHENTI"}, commands: []string{}}})
	}
	// "eureun", "mandeg" alone stop nothing; a gagasan's description that
	// says it is kept as the description.
	r := resident(t, flow.LangSU)
	r.run([]msg{
		{text: "eureun", commands: []string{}},
		{text: "mandeg", commands: []string{}},
		{text: "GAGASAN"}, {text: "1"}, {text: "Lampu jalan"},
		{text: "saya tidak mau dikirimi pesan lagi", commands: []string{}},
	})
	if r.sess.Flow != flows.FlowGagasan || r.contact.OptedOut() {
		t.Fatalf("the description opted out: %+v", r.sess)
	}
}

func TestWhoSeesMyData(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{flow.LangSU, "saha wae nu bisa ningali data abdi?"},
		{flow.LangJV, "sinten ingkang saged ningali data kula?"},
		{flow.LangID, "siapa yang bisa lihat data saya?"},
	} {
		r := resident(t, c.lang)
		r.run([]msg{
			{text: c.text, want: []string{flow.Render(c.lang, flow.MsgPrivacy, nil), "KPMD", "DATA SAYA", "HAPUS DATA"},
				notWant: []string{"+6281234567001", "TPU", "auditor"}, commands: []string{}},
			{text: "pa kades bisa?", want: []string{flow.Render(c.lang, flow.MsgPrivacyOthers, nil)}, commands: []string{}},
			{text: "pa kades bisa?", notWant: []string{flow.Render(c.lang, flow.MsgPrivacyOthers, nil)}, commands: []string{}},
		})
	}
	// After the answer anything else is a new message; in a flow, the
	// flow goes on.
	r := resident(t, flow.LangID)
	r.run([]msg{
		{text: "siapa yang bisa lihat data saya?"},
		{text: "menu", want: []string{"Menu Suara Desa"}},
		{text: "GAGASAN"},
		{text: "lain kitu, saha nu bisa maca? pa kades bisa?", want: []string{flow.Render(flow.LangID, flow.MsgPrivacy, nil), flow.Render(flow.LangID, flow.MsgWhoGoOn, nil)}},
		{text: "1", want: []string{"judul"}},
		// A description telling of someone else's data is the description.
		{text: "Papan pengumuman"},
		{text: "warga tidak tahu siapa yang bisa lihat data bantuan", notWant: []string{"KPMD"}},
	})
	if g := gagasanState(t, r.sess); g.Desc == "" {
		t.Fatalf("description lost: %+v", g)
	}
	// The follow-up lapses quietly: no pause, no lost conversation.
	r = resident(t, flow.LangID)
	r.run([]msg{
		{text: "siapa yang bisa lihat data saya?"},
		{text: "menu", advance: time.Hour, want: []string{"Menu Suara Desa"}, notWant: []string{"LANJUT"}},
		{text: "siapa yang bisa lihat data saya?"},
	})
	r.sess = flow.Session{}
	r.run([]msg{{text: "menu", want: []string{"Menu Suara Desa"}, notWant: []string{flow.Render(flow.LangID, flow.MsgSessionLost, nil)}}})
}

func TestOptionsByTheirWords(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{flow.LangJV, "tanpa asma mawon, ajrih kalih pak dukuh"},
		{flow.LangJV, "tanpa asma mawon"},
		{flow.LangSU, "tanpa nami wae"},
		{flow.LangID, "tanpa nama aja"},
		{flow.LangID, "tanpa nama, takut sama pak dukuh"},
	} {
		r := resident(t, c.lang)
		r.contact.Phone = "+6281234567999" // on no kegiatan's TPK
		res := r.run2([]msg{{text: "ADUAN"}, {text: "lampu dalan ing prapatan mati sampun sewulan"}, {text: "LEWATI"},
			{text: c.text, commands: []string{"CreateComplaint"}}})
		if !res.Commands[0].(flow.CreateComplaint).Complaint.Anonymous {
			t.Errorf("%s %q: not anonymous", c.lang, c.text)
		}
	}
	r := resident(t, flow.LangID)
	r.contact.Phone = "+6281234567999"
	r.run([]msg{{text: "ADUAN"}, {text: "lampu jalan mati"}, {text: "LEWATI"},
		{text: "tanpa nama, eh pakai nama saja", commands: []string{}}})

	// The desa and the dusun in one answer.
	c := newConversation(t)
	c.run([]msg{
		{text: "halo"}, {text: "nggih setuju"}, {text: "jawa"}, {text: "asma kula Bu Sumarni"},
		{text: "bimomartani, dusun kejambon", want: []string{flow.Render(flow.LangJV, flow.MsgAskGender, nil)}},
		{text: "estri", commands: []string{"Register"}},
	})
	if c.contact.DusunID != 11 {
		t.Fatalf("dusun %d", c.contact.DusunID)
	}
	c = newConversation(t)
	c.run([]msg{
		{text: "halo"}, {text: "ya"}, {text: "1"}, {text: "Darto"},
		{text: "bimomartani", want: []string{"Dusun mana"}},
	})
}

// Asking who sees one's data while a timed-out flow waits for LANJUT
// keeps that flow's answers (a review found them lost).
func TestPrivacyKeepsAPausedFlow(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.run([]msg{
		{text: "GAGASAN"},
		{text: "kesehatan"},
		{text: "Posyandu Kejambon", advance: 40 * time.Minute, want: []string{"LANJUT"}, commands: []string{}},
		{text: "siapa yang bisa lihat data saya?", want: []string{flow.Render(flow.LangID, flow.MsgPrivacy, nil)}},
		{text: "lanjut", want: []string{"Masalah atau potensi"}},
	})
	if g := gagasanState(t, c.sess); g.Title != "Posyandu Kejambon" {
		t.Fatalf("answers lost: %+v", g)
	}
}

// Right after the answer to who sees one's data, a message about something
// else is read as itself, not as "and him?" (a review found these
// answered "Tidak. Kepala desa … tidak melihat data").
func TestPrivacyFollowUpOnlyAboutSomeone(t *testing.T) {
	for _, text := range []string{"kapan rapat RT?", "nggih pak, saged", "siap pak, bisa"} {
		r := resident(t, flow.LangID)
		r.run([]msg{
			{text: "siapa yang bisa lihat data saya?"},
			{text: text, notWant: []string{flow.Render(flow.LangID, flow.MsgPrivacyOthers, nil)}},
		})
	}
}

// TestWhoSeesMyDataAfterAList: the question right after STATUS's list is
// answered, and so is its follow-up (the list's codes, left in the session
// by the pick, made the follow-up read as a damaged session: "berakhir
// karena lama").
func TestWhoSeesMyDataAfterAList(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	id := int64(7)
	c.fx.gagasan["G-XXXXXX"].SenderID = &id
	c.run([]msg{
		{text: "STATUS", want: []string{"G-7KM4XA", "G-XXXXXX"}},
		{text: "siapa yang bisa lihat data saya?", want: []string{flow.Render(flow.LangID, flow.MsgPrivacy, nil)}},
		{text: "pa kades bisa?", want: []string{flow.Render(flow.LangID, flow.MsgPrivacyOthers, nil)}, notWant: []string{"berakhir"}},
	})
}
