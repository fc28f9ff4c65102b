package flows

import ()

// FlowBahasa is a resident choosing their language.
const FlowBahasa = "bahasa"

// startBahasa handles BAHASA: "BAHASA JAWA" (or 2) sets it at once; BAHASA
// alone asks.
func (t *turn) startBahasa(arg string) error {
	t.endFlow()
	if lang, ok := parseLang(arg); ok {
		t.setLang(lang)
		return nil
	}
	t.goTo(FlowBahasa, "pick")
	t.say(MsgAskLang, nil)
	return nil
}

func (t *turn) bahasaStep() error {
	lang, ok := parseLang(t.Text)
	if !ok {
		t.say(MsgChoiceRange, A{"max": len(Langs)})
		t.say(MsgAskLang, nil)
		return nil
	}
	t.endFlow()
	t.setLang(lang)
	return nil
}

// setLang switches the conversation to lang from this reply on.
func (t *turn) setLang(lang string) {
	t.cmd(SetLang{Lang: lang})
	t.Lang = lang
	t.say(MsgLangSet, A{"bahasa": Render(lang, Key("lang_"+lang), nil)})
}

// synonyms are the natural words of Javanese and Sundanese that mean a
// keyword (docs/ARCHITECTURE.md, "Keywords": one set of keywords for every
// language, so that SMS users learn it once). They are accepted from
// everyone: none is an Indonesian word that starts ordinary text.
var synonyms = map[string]string{
	// Basa Jawa
	"SAGED": "HADIR", "RAWUH": "HADIR", "DHATENG": "HADIR",
	"BOTEN": "TIDAK", "MBOTEN": "TIDAK",
	"WURUNG": "BATAL", "PITULUNGAN": "BANTUAN",
	// Basa Sunda
	"SUMPING": "HADIR", "HENTEU": "TIDAK",
	"BOLAY": "BATAL", "PITULUNG": "BANTUAN",
}

// yesWords and noWords answer a yes/no question in the three languages.
var (
	yesWords = []string{"YA", "Y", "YES", "IYA", "SETUJU", "OK", "OKE", "BETUL", "BENAR", "1",
		"INGGIH", "NGGIH", "LERES", // Basa Jawa
		"SUMUHUN", "MUHUN", "MANGGA"} // Basa Sunda
	noWords = []string{"TIDAK", "T", "NO", "GAK", "ENGGAK", "TDK", "TIDAK SETUJU", "2",
		"BOTEN", "MBOTEN", "MBOTEN SARUJUK", // Basa Jawa
		"HENTEU", "TEU", "TEU SATUJU"} // Basa Sunda
)
