package flows

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
