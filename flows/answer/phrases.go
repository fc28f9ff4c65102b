package answer

import "strings"

// The phrase tables of every reader, one place for the three languages.
// Words are matched after Words: lower case, SMS spellings expanded by
// spellings below, so "gak tau" is written here as "tidak tahu". Each table
// lists Bahasa Indonesia first, then Basa Jawa (ngoko and krama), then Basa
// Sunda (loma and lemes).

// spellings expands the SMS and colloquial spellings of Indonesian, and
// folds the variants of a Javanese or Sundanese word to one ("" drops the
// word).
var spellings = map[string]string{
	// negation
	"gak": "tidak", "ga": "tidak", "gk": "tidak", "g": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak",
	"engga": "tidak", "ndak": "tidak", "nda": "tidak", "kagak": "tidak", "gag": "tidak", "tdk": "tidak", "tdak": "tidak",
	"tida": "tidak", "nggk": "tidak", "ngak": "tidak", "gx": "tidak", "ogah": "tidak mau",
	"gatau": "tidak tahu", "gtau": "tidak tahu", "gatahu": "tidak tahu", "gaada": "tidak ada", "gada": "tidak ada",
	"gakada": "tidak ada", "taktahu": "tidak tahu", "gajadi": "tidak jadi", "gakjadi": "tidak jadi",
	"jd": "jadi", "jdi": "jadi", "inget": "ingat", "entahlah": "entah", "kyk": "kayak", "kek": "kayak",
	"blm": "belum", "blum": "belum", "lom": "belum", "belom": "belum",
	"tau": "tahu", "tw": "tahu", "thu": "tahu",
	"sdh": "sudah", "udah": "sudah", "udh": "sudah", "dah": "sudah", "sudh": "sudah", "sdah": "sudah",
	"yg": "yang", "sy": "saya", "sya": "saya", "aku": "saya", "aq": "saya", "gue": "saya", "gw": "saya",
	"jg": "juga", "utk": "untuk", "dgn": "dengan", "krn": "karena", "tlg": "tolong", "tolongin": "tolong",
	"gmn": "bagaimana", "gimana": "bagaimana", "bgmn": "bagaimana", "gmana": "bagaimana", "piye": "bagaimana",
	"pripun": "bagaimana", "kepripun": "bagaimana", "kepriye": "bagaimana", "kumaha": "bagaimana", "kpn": "kapan",
	"iy": "iya", "iyaa": "iya", "yaa": "ya", "iyah": "iya", "iyalah": "iya", "yaudah": "ya sudah", "yaudh": "ya sudah", "y": "ya", "yes": "ya", "yoi": "ya", "yup": "ya", "ho'oh": "ya", "hooh": "ya",
	"okey": "ok", "okay": "ok", "oke": "ok", "okee": "ok", "okeh": "ok", "oce": "ok", "sip": "ok", "siip": "ok",
	"nami": "nama", "jenengan": "nama", "asma": "nama", "jeneng": "nama", "wasta": "nama", "namanya": "nama",
	"rapatipun": "rapat", "rapatnya": "rapat", "rapate": "rapat", "rapatna": "rapat",
	"no": "nomor", "nmr": "nomor", "nomer": "nomor", "nmor": "nomor", "no.": "nomor",
	"bener": "benar", "makasi": "makasih", "mksh": "makasih", "mkasih": "makasih", "trims": "makasih", "tq": "makasih",
	"thx": "makasih", "thanks": "makasih", "terimakasih": "terima kasih", "trimakasih": "terima kasih",
	"terimakasi": "terima kasih", "trimakasi": "terima kasih", "trmksh": "terima kasih", "tengkyu": "makasih", "makasii": "makasih", "maturnuwun": "matur nuwun", "haturnuhun": "hatur nuhun", "bnr": "benar",
	"msh": "masih", "lg": "lagi", "trs": "terus", "skrg": "sekarang", "pke": "pakai", "pake": "pakai",
	"hps": "hapus", "dt": "data", "brhnti": "berhenti", "stop": "stop",
	// Basa Jawa
	"nggih": "inggih", "enggih": "inggih", "njih": "inggih", "injih": "inggih", "ngih": "inggih",
	"nggeh": "inggih", "enggeh": "inggih", "inggeh": "inggih", "njeh": "inggih", "injeh": "inggih",
	"mbten": "mboten", "mbotn": "mboten", "mboteen": "mboten", "mbotten": "mboten", "iyo": "iya", "yo": "iya",
	"boten": "mboten", "mboten": "mboten", "mbote": "mboten", "ra": "ora", "orak": "ora", "rak": "ora", "jgn": "jangan", "jngn": "jangan",
	"podho": "podo", "embuh": "mbuh", "wes": "wis", "uwis": "wis", "uwes": "wis",
	// "menune pundi", "mana menunya": the menu itself
	"menune": "menu", "menuna": "menu", "menunya": "menu", "menunipun": "menu",
	// Basa Sunda
	"muhun": "sumuhun", "mhn": "sumuhun", "teu": "henteu", "hente": "henteu", "hanteu": "henteu", "tos": "atos",
	// "kula ajeng sambat", "abdi rék ngawadul": the other words for "want to"
	"ajeng": "badhe", "rék": "bade", "rek": "bade", "badé": "bade",
}

// fillers are particles and forms of address that carry no answer.
var fillers = set(
	"aja", "saja", "deh", "dong", "sih", "kok", "lah", "nih", "tuh", "kan", "loh", "lho", "kak", "pak", "bu",
	"ah", "bapak", "ibu", "mas", "mbak", "mba", "bang", "om", "min", "admin", "bos", "kakak", "sus", "tante",
	"mawon", "wae", "ae", "kok", "to", "je", "mbak", "dik", "le", "nduk", // Basa Jawa
	"atuh", "mah", "teh", "kang", "akang", "ceu", "euy", "tea", "pisan", // Basa Sunda
	"weh", "we", // Basa Sunda "wae" ("tos weh lewati")
)

// polite may follow an answer without changing it ("tidak tahu ya pak",
// "sampun nggih").
var polite = set("ya", "iya", "inggih", "sumuhun", "terima", "kasih", "makasih", "matur", "nuwun", "hatur", "nuhun", "mangga", "sudah",
	"suwun")

// yesPhrases answer yes; "ya setuju" and "ok kirim" are read word by word
// (every word yes-like, see yesWords).
var yesPhrases = set(
	"ya", "iya", "ok", "setuju", "betul", "benar", "boleh", "mau", "siap", "lanjut", "kirim", "baik", "bisa", "tentu",
	"tentu saja", "sudah benar", "sudah betul", "sudah ok", "ya benar", "ya betul", "saya setuju", "setuju sekali",
	"benar sekali", "betul sekali", "sangat setuju", "gas", "lanjutkan", "silakan", "silahkan",
	"inggih", "leres", "sarujuk", "purun", "saged", "iya", "wis bener", "sampun leres", "kersa", // Basa Jawa
	"sumuhun", "leres", "satuju", "mangga", "hayu", "muhun", "enya", "nya", "tos leres", "atos leres", // Basa Sunda
)

// yesWords are the words a yes may be made of ("ya setuju", "ok kirim",
// "nggih setuju", "iya boleh").
var yesWords = set("kula", "abdi", "kulo", "kintun", "ya", "iya", "ok", "setuju", "betul", "benar", "boleh", "mau", "siap", "kirim", "baik", "bisa",
	"inggih", "leres", "sarujuk", "purun", "sampun", "sumuhun", "satuju", "mangga", "hayu", "enya", "tiasa", "saged", "iso", "gelem", "saya", "sudah", "lanjut", "sekali", "sangat", "banget",
	"itu", "laksanakan", "hadir", "datang", "rawuh", "dongkap", "sumping", "ikut", "tumut", "ngiring")

// noPhrases answer no.
var noPhrases = set(
	"tidak", "bukan", "jangan", "tidak setuju", "tidak mau", "tidak boleh", "tidak bisa", "tidak usah",
	"tidak benar", "salah", "belum", "batal", "tidak perlu", "jangan dulu", "tidak jadi", "saya tidak setuju", "menolak",
	"tolak", "emoh", "moh", "wegah",
	"mboten", "ora", "sanes", "ampun", "mboten purun", "ora gelem", "mboten sarujuk", "ora setuju", "mboten setuju", // Basa Jawa
	"mboten saged", "ora iso", "ora bisa", "dereng", "durung", "lepat", "klentu",
	"henteu", "ulah", "entong", "embung", "henteu satuju", "teu satuju", "henteu setuju", "lain", "henteu kersa", // Basa Sunda
	"teu acan", "henteu acan", "acan", "moal", "alim", "teu hoyong", "alim teu hoyong", "henteu kersa",
)

// skipPhrases skip an optional question or say "I do not know".
var skipPhrases = set(
	"lewati", "lewat", "lewatin", "skip", "tidak ada", "tidak tahu", "belum tahu", "tidak ngerti", "tidak mengerti",
	"belum ada", "kosong", "tidak usah", "tidak perlu", "nanti saja", "nanti", "kosongkan", "tanpa", "tidak punya",
	"belum punya", "tidak ingat", "lupa", "entah", "tidak paham", "tidak yakin", "kurang tahu", "tidak tahu pasti",
	"tidak ada foto", "tanpa foto", "lewati saja", "-", "--", "0 tidak ada",
	"mboten ngertos", "mboten wonten", "mboten mangertos", "ora ngerti", "ora ono", "ora ana", "ora reti", "ora weruh", // Basa Jawa
	"mengko", "mengko wae", "engke", "engke wae", "engke deui", // later: jv, su
	"dereng wonten", "dereng ngertos", "ora duwe", "mboten gadah", "durung ana", "durung ono", "ora eruh", "mboten ngertos",
	"henteu terang", "henteu nyaho", "henteu aya", "henteu acan", "teu acan", "henteu gaduh", "teu gaduh", "acan aya", // Basa Sunda
	"henteu apal", "can aya", "euweuh", "henteu acan aya", "henteu acan terang", "duka", "teu kantos", "henteu kantos",
	"mbuh", "ora ngerti blas", "blas ora ngerti", "ora ngertos", "kirang mangertos", "mboten patos ngertos",
	"duka teu terang", "kirang terang", "teuing", "duka teuing", "teu uninga", "kirang uninga",
	"lanjut tanpa", "lanjutkan tanpa", "lajeng tanpa", "teraskeun tanpa", "neraskeun tanpa", // go on without (a photo)
)

// skipLeads may stand before an explicit skip (skipCommands): what cannot
// be done, or giving up ("teu bisa, tos weh lewati", "ora iso, lewati wae",
// "gak bisa, lewati aja"). Before any other skip they do not count:
// "tidak bisa lewat" describes a road.
var skipLeads = set(
	"tidak bisa", "tidak bisa kirim", "susah", "sudah", "ya sudah", "ok", "ya",
	"ora iso", "ora bisa", "mboten saged", "mboten bisa", "wis", "ya wis", "sampun", "inggih sampun", // Basa Jawa
	"henteu bisa", "henteu tiasa", "atos", "nya atos", "sumuhun atos", // Basa Sunda
	// "it's fine": "gpp skip", "gapapa lewati", "rapopo skip".
	"gpp", "gapapa", "gak papa", "ga papa", "nggak papa", "ndak papa", "tidak apa apa", "rapopo", "ora popo", "ora papa", "gak popo",
	"mboten menapa", "teu nanaon", "henteu nanaon",
)

// skipCommands are the explicit skips a skipLead may come before.
var skipCommands = set("lewati", "lewatin", "skip", "lewati saja", "langkungi", "liwati")

// skipTail are the objects that may follow a skip ("tidak ada fotonya",
// "lewati lokasi").
var skipTail = set("carane", "caranya", "carana", "piye", "kumaha", "fotona", "potona", "gambarna", "lokasina", "namina", "namana", "nomerna", "foto", "fotonya", "gambar", "gambarnya", "photo", "lokasi", "lokasinya", "titik", "peta", "pin",
	"nomor", "nomornya", "hp", "nama", "namanya", "datanya", "data", "keterangan", "catatan", "alasan", "alasannya",
	"jumlah", "jumlahnya", "kk", "dulu", "saja", "kok", "ini", "itu", "apa", "apa2", "pasti", "persis", "juga", "sama",
	"sekali", "soalnya", "kayaknya", "sepertinya", "photone", "fotone", "gambare", "potone", "poto", "potonya",
	"wonten", "ngertos", "fotonipun", "blas", "babar", "caption", "lagi", "sih", "yang", "mau", "dikirim", "dilampirkan", "ya", "iya", "inggih", "sumuhun",
	"pak", "bu", "mas", "mbak", "kang", "teh")

// donePhrases end a list being added to (photos, criteria).
var donePhrases = set(
	"selesai", "sudah", "cukup", "beres", "itu saja", "itu semua", "segitu", "sudah semua", "sudah cukup",
	"sudah selesai", "tidak ada lagi", "sudah itu saja", "habis", "udahan", "kelar", "sudah kelar", "done", "finish",
	"sampun", "rampung", "wis", "wis rampung", "sampun rampung", "cekap", "pun", "wis cukup", "sampun cekap", // Basa Jawa
	"atos", "parantos", "rengse", "atos rengse", "tos beres", "parantos rengse", "cekap", "atos cekap", "tos", // Basa Sunda
)

// cancelPhrases leave the current step.
var cancelPhrases = set(
	"batal", "batalkan", "dibatalkan", "tidak jadi", "cancel", "batalin", "ulang", "keluar", "berhenti dulu",
	"saya batal", "batal saja", "tidak jadi saja", "sudahi", "stop dulu",
	"wurung", "mboten sios", "ora sido", "ora siido", "batal mawon", "mboten dados", // Basa Jawa
	"mboten sida", "mboten sido", "ora sida", "ora jadi", "mboten jadi", "dados wurung", "wurung kemawon", "sida wurung",
	"bolay", "teu jadi", "henteu jadi", "moal jadi", "batal wae", "teu sida", "henteu sida", // Basa Sunda
)

// cancelTail are the verbs of using the bot that may follow a cancel ("gak
// jadi lapor", "ora sido ngadu"): other words make it a sentence ("tidak
// jadi dibangun karena …"), which is an answer.
var cancelTail = set("lapor", "melapor", "laporan", "kirim", "dikirim", "ngirim", "daftar", "mendaftar", "ngadu",
	"mengadu", "aduan", "isi", "ngisi", "diisi", "input", "ubah", "ganti", "edit", "tambah", "usul", "usulan",
	"wadul", "ngawadul", "sambat", "ngirim", "kintun", "ngintun")

// keepPhrases keep the current value when asked for a new one ("Balas SAMA
// bila tetap di …").
var keepPhrases = set(
	"sama", "tetap", "sama saja", "tetap saja", "tidak berubah", "tidak ganti", "tidak diganti", "masih sama",
	"tempat sama", "tempatnya sama", "tetap di situ", "di situ", "tetap disitu", "tetap di sana", "tetap sama",
	"sami", "sami mawon", "podo", "padha", "tetep", "podo wae", "padha wae", "tetep wae", "mboten ganti", // Basa Jawa
	"tidak usah diganti", "tidak usah ganti", "jangan diganti", "tidak diubah", "tidak usah diubah", "tempatnya tetap",
	"waktunya tetap", "masih di situ", "sama kayak kemarin", "sama seperti kemarin", "sama dengan kemarin", "sami kaliyan wingi", "sami kados wingi",
	"kados wingi", "sami sareng kamari", "sarua jeung kamari", "sami kados kapengker", "sama seperti sebelumnya", "seperti kemarin", "kayak kemarin",
	"sarua", "sami keneh", "tetep di dinya", "sarua wae", "teu robah", "henteu robih", "sarua keneh", // Basa Sunda
	"teu robih", "teu acan robih", "teu ganti", "teu kedah diganti", "teu diganti", "tetep keneh", "sami wae", "sarua keneh wae",
	"ora ganti", "ora diganti", "mboten diganti", "nggih sami", "inggih sami", "mboten ewah", "ora owah", "taksih sami", "isih padha", "isih podo",
	"biarin", "biarkan", "biar saja", "gak usah diganti", "nggak usah diganti", "ga usah diganti", "gak diganti", "nggak ganti", "ga ganti", "masih tetap",
)

// keepTopics are the words that may name what is kept before the keep
// ("namina mah sami keneh", "desane tetep", "nama saya tetap").
var keepTopics = set("nama", "namanya", "namaku", "nami", "namina", "jeneng", "jenenge", "jenengku", "asma", "asmane",
	"desa", "desanya", "desane", "desana", "dusun", "dusunnya", "dusune", "dusuna", "alamat", "alamatnya", "alamate", "alamatna",
	"kelamin", "jenis", "saya", "abdi", "kula", "kulo", "aku", "kuring", "nya", "masih", "isih", "taksih", "keneh")

// numberWords are the small numbers people write as words.
var numberWords = map[string]int{
	"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
	"sembilan": 9, "sepuluh": 10, "sebelas": 11, "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5,
	"siji": 1, "setunggal": 1, "kapisan": 1, "sepisan": 1, "loro": 2, "kalih": 2, "telu": 3, "papat": 4, "sekawan": 4, "limo": 5, "gangsal": 5, // Basa Jawa
	"enem": 6, "seket": 50, "sewidak": 60, "selawe": 25, "rolas": 12, "pitu": 7, "wolu": 8, "sanga": 9, "songo": 9, "sedasa": 10,
	"hiji": 1, "hijì": 1, "kahiji": 1, "kadua": 2, "katilu": 3, "kaopat": 4, "kalima": 5, "tilu": 3, "opat": 4, "genep": 6, "dalapan": 8, "salapan": 9, "sapuluh": 10, "sawelas": 11, // Basa Sunda
	"seratus": 100, "satus": 100, "saratus": 100, "setus": 100,
}

// unitWords are the numbers 1 to 9 that stand before "puluh" (tens) or
// "belas" (teens), with the Javanese forms used there ("rong puluh",
// "telung puluh").
var unitWords = map[string]int{
	"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
	"siji": 1, "loro": 2, "rong": 2, "kalih": 2, "tigang": 3, "sekawan": 4, "telu": 3, "telung": 3, "papat": 4, "patang": 4, "limang": 5, "enem": 6, "nem": 6,
	"pitu": 7, "pitung": 7, "wolu": 8, "wolung": 8, "sanga": 9, "sangang": 9, "songo": 9,
	"hiji": 1, "tilu": 3, "opat": 4, "genep": 6, "dalapan": 8, "salapan": 9,
}

// choicePrefix are the words that may stand before a number picked from a
// list ("nomor 2", "yang ke 3", "pilih 1").
var choicePrefix = set("nomor", "pilih", "pilihan", "yang", "ke", "angka", "opsi", "jawab", "jawaban", "saya", "pilihnya",
	"milih", "nomer", "kaping", "nyuwun", "kulo", "kula", "abdi", "nu", "anu", "sing", "ingkang", "no")

// percentWords are fractions in words.
var percentWords = map[string]int{
	"setengahnya": 50, "separuhnya": 50, "separonya": 50, "setengah": 50, "separuh": 50, "separo": 50, "separoh": 50, "sak paro": 50, "satengah": 50, "sapalih": 50,
	"seperempat": 25, "saprapat": 25, "sepertiga": 33, "tiga perempat": 75, "telung prapat": 75, "tilu per opat": 75,
	"dua pertiga": 67, "penuh": 100, "semua": 100, "seratus": 100, "selesai": 100, "sudah selesai": 100, "rampung": 100,
	"sampun rampung": 100, "wis rampung": 100, "rengse": 100, "parantos rengse": 100, "belum mulai": 0, "nol": 0,
	"dereng wiwit": 0, "durung mulai": 0, "acan dimimitian": 0,
}

// Intents found in whole sentences (see Intent).
var (
	deletePhrases = []string{"hapus data", "hapus semua data", "hapuskan data", "hapus nomor saya", "hapus akun",
		"busak data", "data saya dihapus", "data saya hapus", "hapus nomor", "hapus data kula", "hapus data abdi", "mbusak data"}
	whoPhrases = []string{"siapa ini", "ini siapa", "ini bot", "ini robot", "siapa kamu", "kamu siapa", "anda siapa",
		"siapa anda", "ini nomor apa", "nomor apa ini", "ini apa", "apa ini", "siapa yang kirim", "dari siapa",
		"ini dari mana", "dari mana ini", "ini nomor siapa", "dengan siapa", "ini dengan siapa", "nomor siapa ini", "nomor siapa",
		"nomor sinten", "nomor saha", "ieu nomor saha", "sopo iki", "iki sopo", "niki sinten", "sinten niki", "panjenengan sinten", "sopo kowe", "kowe sopo", "sampeyan sinten", "sinten panjenengan", "anjeun saha",
		"saha anjeun",
		"iki opo", "niki menapa", "ieu nomor naon", "nomor naon ieu", "niki nomor napa", "nomor napa niki", "niki nomor menapa", "iki nomer opo", "iki nomor opo", "ieu nomor naon", "niki nomor menapa", "saha ieu", "ieu saha", "ieu naon", "naon ieu", "ti saha", "ieu robot"}
	complaintStatusPhrases = []string{"aduan saya bagaimana", "bagaimana aduan saya", "aduan saya sampai mana",
		"aduan saya sudah", "status aduan", "cek aduan", "nasib aduan", "aduan kemarin", "aduan saya kemarin",
		"keluhan saya bagaimana", "laporan saya bagaimana", "pengaduan saya", "aduan kula pripun", "aduan abdi kumaha",
		"aduan saya", "aduan kula", "aduan abdi"}
	complaintPhrases = []string{"mau mengadu", "ingin mengadu", "mau adu", "mengadu", "mau melapor", "ingin melapor",
		"mau lapor", "ingin lapor", "mau protes", "mau komplain", "komplain", "keluhan", "mengeluh", "mau mengeluh",
		"sambat", "ngadu", "badhe matur", "ngawadul", "bade ngawadul", "wadul",
		"mengadukan", "ngadukeun", "ngeluh", "badhe sambat", "bade ngadu"}
	// tellPhrases only say that something will be told ("kula ajeng matur,
	// …"): what follows decides whether it is a complaint or an idea.
	tellPhrases = []string{"badhe matur", "mau menyampaikan", "ingin menyampaikan", "bade nyarios", "badhe ngaturaken"}
	// proposals ask for something to be built or mended: after a
	// tellPhrase they make the message an idea ("… mbok menawi saged
	// didandosi").
	proposals = set("usul", "usulan", "dibangun", "diperbaiki", "dibuatkan", "dibikinkan", "dibikin",
		"didandosi", "didandani", "dipundamel", "dipundandosi", "dipunbangun", "digawe", "digawekke", // Basa Jawa
		"dibenerkeun", "diomean", "dilereskeun", "didamel", "dijieun", // Basa Sunda
	)
	helpPhrases = []string{"bantuan", "tolong bantu", "bingung", "cara pakai", "caranya bagaimana", "bagaimana caranya", "help", "pitulung", "pitulungan",
		"nyuwun pitulung", "carane bagaimana", "bagaimana carane", "carana bagaimana", "bagaimana carana", "bantosan",
		"nyuhunkeun bantosan", "tulung"}
	menuPhrases = []string{"menu", "menu utama", "kembali ke menu", "ke menu", "lihat menu", "balik menu", "balik ke menu",
		"wangsul menu", "wangsul dhateng menu", "uih ka menu", "balik ka menu",
		// asking where it is: "menune pundi", "mana menunya", "minta menu"
		"menu pundi", "menu endi", "menu mana", "mana menu", "pundi menu", "endi menu", "minta menu", "nyuwun menu",
		"menta menu", "nyuhunkeun menu", "menu na mana", "menu dimana", "dimana menu", "menu wonten pundi"}
	stopPhrases = []string{"berhenti", "stop", "stop kirim", "stop kirim pesan", "jangan kirim pesan lagi",
		"jangan sms lagi", "ampun dikirim malih", "ampun kintun malih", "ulah dikirim deui", "entong dikirim deui", "aja kirim maneh", "aja dikirim maneh",
		"ulah ngirim deui", "jangan kirim lagi", "berhenti kirim", "jangan hubungi", "berhenti berlangganan", "unsubscribe"}
	startPhrases = []string{"mulai", "mulai lagi", "aktifkan lagi", "mulai maneh", "wiwit malih", "mimiti deui", "mulai deui"}
)

// vocabulary is every word of the tables (see init).
var vocabulary map[string]bool

// The phrase tables are matched against words as Words and core leave
// them, so they are brought to the same form once: "sudah itu saja" is
// "sudah itu" (saja is a filler), "tos beres" is "atos beres", "teu acan"
// is "henteu acan". A phrase written in any spelling is then found.
func init() {
	// The words the readers know, in their written forms (before the
	// tables are normalized): Words folds a doubled last letter ("okk")
	// only into one of them.
	vocabulary = map[string]bool{}
	for w, e := range spellings {
		vocabulary[w] = true
		for _, x := range strings.Fields(e) {
			vocabulary[x] = true
		}
	}
	for _, m := range []map[string]bool{yesPhrases, noPhrases, skipPhrases, donePhrases, cancelPhrases, keepPhrases,
		fillers, polite, yesWords} {
		for p := range m {
			for _, x := range strings.Fields(p) {
				vocabulary[x] = true
			}
		}
	}
	for w := range numberWords {
		vocabulary[w] = true
	}
	for _, m := range []map[string]bool{yesPhrases, noPhrases, skipPhrases, donePhrases, cancelPhrases, keepPhrases,
		skipLeads, skipCommands} {
		normalizeSet(m)
	}
	pw := make(map[string]int, len(percentWords))
	for p, v := range percentWords {
		if n := Normal(p); n != "" {
			pw[n] = v
		}
	}
	percentWords = pw
	for _, l := range [][]string{deletePhrases, whoPhrases, complaintStatusPhrases, complaintPhrases, helpPhrases,
		menuPhrases, stopPhrases, startPhrases, tellPhrases} {
		for i, p := range l {
			if n := Normal(p); n != "" {
				l[i] = n
			}
		}
	}
	for w := range polite {
		cancelTail[w] = true
	}
	// "udah, sampun": a done may follow a done.
	for p := range donePhrases {
		if !strings.Contains(p, " ") {
			doneTail[p] = true
		}
	}
}

func normalizeSet(m map[string]bool) {
	keys := make([]string, 0, len(m))
	for p := range m {
		keys = append(keys, p)
	}
	for _, p := range keys {
		if n := Normal(p); n != p {
			delete(m, p)
			if n != "" {
				m[n] = true
			}
		}
	}
}

// The words of data rights and opting out said in a sentence (see
// rights.go): "data kula dibusak mawon", "saya tidak mau dikirimi pesan
// lagi", "gimana caranya biar gak dikirim pesan?", "siapa yang bisa lihat
// data saya?".
var (
	// deleteVerbs delete, in the three languages.
	deleteVerbs = set("hapus", "dihapus", "hapuskan", "dihapuskan", "menghapus", "hapusin", "dihapusin",
		"busak", "dibusak", "mbusak", "dipunbusak", "busaken", "dibusaki", "dipunbusaki", // Basa Jawa
		"pupus", "dipupus", "mupus", "hapuskeun", "dihapuskeun", "ngahapus", "pupuskeun", "dipupuskeun") // Basa Sunda
	// prohibitives forbid: "jangan kirim", "ampun dikintun", "ulah dikirim".
	prohibitives = set("jangan", "jgn", "ampun", "ojo", "ulah", "entong", "tong")
	// unwilling say "I do not want": "tidak mau", "mboten kersa", "teu hoyong".
	unwilling = set("tidak mau", "tidak ingin", "tidak pengen", "tidak pingin", "tidak usah", "tidak perlu",
		"mboten kersa", "mboten purun", "ora gelem", "ora pengen", "mboten kepengin", "emoh", "wegah", "moh",
		"henteu hoyong", "henteu palay", "henteu kersa", "embung", "henteu kedah", "henteu peryogi")
	// sendVerbs send or receive messages: "dikirimi", "dipunkintuni",
	// "dikirimin", "nampi".
	sendVerbs = set("kirim", "dikirim", "dikirimi", "dikirimin", "dikirimkan", "kirimi", "kirimin", "mengirim", "mengirimi",
		"ngirim", "ngirimi", "sms", "disms", "dismsin", "dihubungi", "hubungi", "terima", "menerima", "nerima",
		"kintun", "dikintun", "dikintuni", "dipunkintun", "dipunkintuni", "ngintun", "ngintuni", "dikirimi", "nampi", "nampa", // Basa Jawa
		"dikirimkeun", "ngirimkeun", "narima", "ditampi", "dikintunan", "ngintunan") // Basa Sunda
	// messageWords name what is sent.
	messageWords = set("pesan", "pesen", "sms", "kabar", "wartos", "pawartos", "informasi", "info", "notifikasi",
		"undangan", "ondangan", "ulem", "uleman", "wara")
	// abilityWords say "can": "gak bisa dikirim" is a failure to send, not
	// a wish not to be sent anything.
	abilityWords = set("bisa", "bs", "iso", "isa", "saged", "tiasa", "mampu", "sanggup")
	// againWords: "lagi", "malih", "deui", "maneh".
	againWords = set("lagi", "malih", "deui", "maneh", "meneh", "terus")
	// howWords ask how ("gimana caranya", "piye carane", "kumaha carana";
	// Words reads gimana, piye, kumaha as bagaimana).
	howWords = set("bagaimana", "cara", "caranya", "carane", "carana", "caranipun")
	// stopWords name stopping ("cara berhenti?").
	stopWords = set("berhenti", "stop", "eureun", "liren", "lirén", "mandeg", "mandheg", "unsubscribe")
	// whoWords ask who.
	whoWords = set("siapa", "saha", "sinten", "sopo", "siapa2", "sapa")
	// seeVerbs see, read or know.
	seeVerbs = set("lihat", "melihat", "dilihat", "liat", "ngeliat", "baca", "membaca", "dibaca", "tahu", "mengetahui",
		"akses", "mengakses", "buka", "membuka", "pegang", "memegang", "simpan", "menyimpan",
		"ningali", "mirsani", "ndeleng", "ngertos", "mangertos", "maos", "ngaos", "weruh", "pirsa", "priksa", // Basa Jawa
		"ditingali", "maca", "dibaca", "terang", "nyaho", "uninga", "nyepeng", "muka") // Basa Sunda
	// privateWords name what is private: one's data, or oneself.
	privateWords = set("data", "datanya", "datane", "datana", "dataku", "privasi", "pribadi", "rahasia", "saya", "kula",
		"abdi", "kulo")
	// privacyPhrases ask about privacy without a who.
	privacyPhrases = []string{"privasi", "privasi data", "kerahasiaan data", "data saya aman", "data kula aman",
		"data abdi aman", "apakah data saya aman", "data pribadi"}
	// persons name people a resident may worry about ("pa kades bisa?").
	persons = set("kades", "lurah", "kepala", "dukuh", "kadus", "pak dukuh", "rt", "rw", "camat", "bupati", "perangkat",
		"sekdes", "carik", "tetangga", "pemerintah", "polisi", "umum", "publik", "orang", "warga", "bidan",
		"bapak", "ibu", "pak", "bu", "pa", "ceu", "kang", "mas", "mbak",
		"tiyang", "jalmi", "batur", "lurahe", "kadese", "pamong", "kuwu", "pangulu", "desa")
	// titleWords answer "only the title" at HAPUS DATA's question.
	titleWords = set("judul", "judule", "judulna", "judulnya", "judulipun", "irah", "irahan", "irah-irahan", "irah-irahane",
		"irah-irahanipun", "kategori")
)
