package flows_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Nothing a resident writes is dropped: a photo's caption is read as the
// same words without a photo would be.

func TestCaptionIdeaStartsGagasanWithPhoto(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = flow.LangJV
	c.run([]msg{{image: true,
		text:     "kula ajeng matur, kreteg ing kali cedhak makam kejambon niku rusak, papane sampun bolong2, bocah sekolah saben dinten liwat mriku, mbok menawi saged didandosi",
		want:     []string{"G-TEST01"},
		notWant:  []string{"wangsuli GAGASAN", "dereng mangertos"},
		commands: []string{"CreateGagasan"}}})
	g := c.saved[0]
	if g.PhotoID == nil || *g.PhotoID != 900 || !strings.HasPrefix(g.Description, "kreteg ing kali") {
		t.Fatalf("saved %+v (photo %v)", g, g.PhotoID)
	}
}

func TestRefusedPhotoCaptionIsRead(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.contact.Lang = flow.LangSU
	c.run([]msg{{refused: true,
		text:     "abdi aya usul, lapang bal di jetis butut, hoyong dibenerkeun kanggo budak ngora",
		want:     []string{"teu tiasa diolah", "G-TEST01"},
		notWant:  []string{"teu acan ngartos", "dokumen"},
		commands: []string{"CreateGagasan"}}})
	if g := c.saved[0]; g.PhotoID != nil || !strings.HasPrefix(g.Description, "lapang bal") {
		t.Fatalf("saved %+v", g)
	}
}

func TestCaptionComplaintKeepsTextAndPhoto(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = flow.LangJV
	c.contact.Phone = "+6281234567999" // on no kegiatan's TPK
	c.run([]msg{{image: true,
		text:     "kula ajeng sambat. lampu dalan ing prapatan kejambon mati sampun sewulan, peteng, sampun lapor pak dukuh mboten digatekke",
		notWant:  []string{"dereng mangertos", "wangsuli GAGASAN"},
		commands: []string{}}})
	if c.sess.Flow != flows.FlowAduan || c.sess.Step != "anon" || sessField(c.sess, "photo") != "900" ||
		!strings.HasPrefix(sessField(c.sess, "text"), "lampu dalan ing prapatan") {
		t.Fatalf("session %+v", c.sess)
	}
}

func TestComplaintInALongMessage(t *testing.T) {
	for lang, text := range map[string]string{
		flow.LangJV: "kula ajeng sambat. lampu dalan ing prapatan kejambon mati sampun sewulan, peteng, kula Sumarni 081255550011 sampun lapor pak dukuh mboten digatekke",
		flow.LangID: "saya mau mengadu, lampu jalan di pertigaan mati sudah sebulan, gelap, sudah lapor pak dukuh tapi tidak ditanggapi",
		flow.LangSU: "abdi rék ngawadul, jalan ka sawah ruksak, tos tilu bulan teu aya nu ngalereskeun, budak sakola sok labuh",
	} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = lang
		c.contact.Phone = "+6281234567999"
		c.run([]msg{{text: text, commands: []string{}}})
		if c.sess.Flow != flows.FlowAduan || c.sess.Step != "photo" || sessField(c.sess, "text") == "" {
			t.Fatalf("%s: session %+v", lang, c.sess)
		}
	}
}

func TestRefusedPhotoAtPhotoStepThenSkip(t *testing.T) {
	c := newConversation(t).registered(domain.GenderMale)
	c.contact.Lang = flow.LangSU
	c.run([]msg{
		{text: "GAGASAN"},
		{text: "1"},
		{text: "3"},
		{text: "Benerkeun lapang bal jetis"},
		{text: "lapang butut, taneuhna legok"},
		{text: "1"},
		{text: "lewati"},
		{text: "teu nyaho", want: []string{"poto"}},
		{refused: true, want: []string{"teu tiasa diolah", "kaméra"}, notWant: []string{"dokumen"}, commands: []string{}},
		{text: "teu bisa, tos weh lewati", want: []string{"Ringkesan"}},
	})
}

func TestCaptionNamingNothingWaitsForGagasanOrAduan(t *testing.T) {
	c := newConversation(t).registered(domain.GenderFemale)
	c.contact.Lang = flow.LangJV
	c.contact.Phone = "+6281234567999" // on no kegiatan's TPK
	c.run([]msg{
		{image: true, text: "niki kreteg cedhak makam kejambon, papane sampun bolong", want: []string{"kacathet", "GAGASAN", "ADUAN"},
			notWant: []string{"dereng mangertos"}, commands: []string{}},
		{text: "GAGASAN", want: []string{"G-TEST01"}, commands: []string{"CreateGagasan"}},
	})
	if g := c.saved[0]; g.PhotoID == nil || *g.PhotoID != 900 || g.Description != "niki kreteg cedhak makam kejambon, papane sampun bolong" {
		t.Fatalf("saved %+v", g)
	}

	c = newConversation(t).registered(domain.GenderMale)
	c.contact.Lang = flow.LangSU
	c.contact.Phone = "+6281234567999"
	c.run([]msg{
		{refused: true, text: "jalan ka sawah ruksak parah, loba nu labuh", want: []string{"teu tiasa diolah", "kacatet"},
			notWant: []string{"teu acan ngartos"}, commands: []string{}},
		{text: "ADUAN", commands: []string{}},
	})
	if c.sess.Flow != flows.FlowAduan || c.sess.Step != "photo" || sessField(c.sess, "text") != "jalan ka sawah ruksak parah, loba nu labuh" {
		t.Fatalf("session %+v", c.sess)
	}

	// "ini fotonya" names nothing: the photo is held, as before.
	c = newConversation(t).registered(domain.GenderMale)
	c.contact.Phone = "+6281234567999"
	c.run([]msg{{image: true, text: "ini fotonya", want: []string{"balas GAGASAN"}, commands: []string{}}})
	if c.sess.Caption != "" || c.sess.Held != 900 {
		t.Fatalf("session %+v", c.sess)
	}
}

// After a gagasan saved from one message, "nggih, kula tambahi" (yes, I
// will add) takes the offer to add its details; a no never does.
func TestAddDetailsInOwnWords(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		add        bool
	}{
		{flow.LangJV, "nggih, kula tambahi", true},
		{flow.LangJV, "kula ajeng nambahi", true},
		{flow.LangID, "iya mau nambah", true},
		{flow.LangSU, "muhun, abdi bade nambihan", true},
		{flow.LangID, "tidak usah ditambah", false},
		{flow.LangJV, "mboten sah ditambahi", false},
		{flow.LangJV, "ojo ditambahi", false},
		{flow.LangJV, "emoh ditambahi", false},
		{flow.LangSU, "embung nambihan", false},
	} {
		c := newConversation(t).registered(domain.GenderFemale)
		c.contact.Lang = tc.lang
		c.run([]msg{{text: "GAGASAN perbaikan jembatan kayu di dusun yang papannya sudah bolong", commands: []string{"CreateGagasan"}}})
		if c.sess.Flow != flows.FlowDetail || c.sess.Step != "offer" {
			t.Fatalf("%q: not at the offer: %+v", tc.text, c.sess)
		}
		c.run([]msg{{text: tc.text}})
		if got := c.sess.Flow == flows.FlowDetail && c.sess.Step == "category"; got != tc.add {
			t.Errorf("%s %q: adds details %v, want %v (session %+v)", tc.lang, tc.text, got, tc.add, c.sess)
		}
	}
}

// sessField reads a value a flow keeps in the session: its typed state's
// field (as JSON, a number written out), or an entry of the older map.
func sessField(s flow.Session, key string) string {
	if v, ok := s.Data[key]; ok {
		return v
	}
	var st map[string]any
	if err := json.Unmarshal(s.State, &st); err != nil || st[key] == nil {
		return ""
	}
	return fmt.Sprint(st[key])
}
