package answer

// dusunIntro name a dusun before its name in the three languages
// ("dusun kejambon", "dukuh …", "padukuhan …", "kampung …").
var dusunIntro = set("dusun", "dsn", "dusune", "dusunipun", "dukuh", "dk", "padukuhan", "pedukuhan", "pdk",
	"kampung", "kp", "kampunge", "lembur", "dusunna")

// kecamatanWords name a kecamatan before its name ("kec. ngemplak").
var kecamatanWords = set("kecamatan", "kec", "kecamatane", "kacamatan", "kecamatanipun", "kecamatanna")

// IsDusunWord tells whether w (one word, lower case) introduces a dusun's name.
func IsDusunWord(w string) bool { return placeWordIn(w, dusunIntro) }

// IsKecamatanWord tells whether w (one word, lower case) introduces a
// kecamatan's name.
func IsKecamatanWord(w string) bool { return placeWordIn(w, kecamatanWords) }
