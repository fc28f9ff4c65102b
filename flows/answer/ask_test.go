package answer

import (
	"strconv"
	"strings"
	"testing"
)

func TestAsk(t *testing.T) {
	for text, want := range map[string]Kind{
		"usul kula wau pripun?":       GagasanStatus,
		"kumaha usulan abdi?":         GagasanStatus,
		"usulku mau piye?":            GagasanStatus,
		"abdi hoyong narik usulan":    Withdraw,
		"nggih insyaallah kula rawuh": Attend,
		"insyaallah saya hadir":       Attend,
		"mboten saged rawuh":          Decline,
		"maaf tidak bisa datang":      Decline,
		"kapan rapatipun?":            Schedule,
		"wonten rapat menapa mawon?":  Schedule,
		"data kula menapa mawon?":     MyData,
		"saya ikut senang":            None,
		"insyaallah":                  None,
		"jalan rusak di kejambon":     None,
		"usul lampu jalan":            None,
	} {
		if got := Ask(text); got != want {
			t.Errorf("Ask(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestRequest(t *testing.T) {
	for text, want := range map[string][2]string{
		"mau bikin undangan":                           {"UNDANG", ""},
		"sugeng siang, kula badhe usul sumur bor":      {"GAGASAN", "sumur bor"},
		"kula badhe kirim gagsan malih":                {"GAGASAN", "malih"},
		"saya mau lihat jadwal":                        {"JADWAL", ""},
		"jalan di kejambon rusak, mohon dibuat usulan": {"", ""},
		// Sumi: the usul said in a sentence of its own, after "lho … niki".
		"lho kula niki usul mboten sambat. saluran irigasi sambiroto mbok menawi saged didandosi": {"GAGASAN",
			"saluran irigasi sambiroto mbok menawi saged didandosi"},
		"ini usulan, bukan aduan. lampu jalan gang mawar mati": {"GAGASAN", "lampu jalan gang mawar mati"},
		"lampu jalan mati. ieu mah usul, lain keluhan":         {"GAGASAN", "lampu jalan mati"},
		"kula mboten usul. kula namung takon":                  {"", ""},
		"usul kula wau pripun? sampun dibahas?":                {"", ""},
		"abdi aya usul, lapang bal di jetis butut, hoyong dibenerkeun kanggo budak ngora": {"GAGASAN",
			"lapang bal di jetis butut, hoyong dibenerkeun kanggo budak ngora"},
		"kula gadah usul sumur bor": {"GAGASAN", "sumur bor"},
		// "matur" (to tell) asking for something mended is an idea; without
		// such a wish it is read by Intent (a complaint).
		"kula ajeng matur, kreteg ing kali niku rusak, mbok menawi saged didandosi": {"GAGASAN",
			"kreteg ing kali niku rusak, mbok menawi saged didandosi"},
		"kula badhe matur babagan dalan":  {"", ""},
		"kula badhe matur usul sumur bor": {"GAGASAN", "sumur bor"},
		"saya mau usul sumur bor untuk dusun kidul, karena setiap kemarau sumur warga kering dan ibu-ibu harus " +
			"mengambil air ke sungai yang jauhnya dua kilometer, apalagi yang punya anak kecil": {"GAGASAN",
			"sumur bor untuk dusun kidul, karena setiap kemarau sumur warga kering dan ibu-ibu harus " +
				"mengambil air ke sungai yang jauhnya dua kilometer, apalagi yang punya anak kecil"},
	} {
		if k, r := Request(text); k != want[0] || r != want[1] {
			t.Errorf("Request(%q) = %q, %q; want %q", text, k, r, want)
		}
	}
}

func TestChangeData(t *testing.T) {
	for text, want := range map[string][2]string{
		"abdi tos ngalih ka desa bimomartani":                  {"true", "desa bimomartani"},
		"abdi bade ngagentos desa, tos pindah":                 {"true", ""},
		"abdi hoyong ngarobih data, tos ngalih ka bimomartani": {"true", "bimomartani"},
		"ngarobih data":                                   {"true", ""},
		"abdi hoyong ngarobih alamat":                     {"true", ""},
		"ganti desa":                                      {"true", ""},
		"saya sudah pindah ke desa bimomartani":           {"true", "desa bimomartani"},
		"kula sampun pindah dhateng desa Wedomartani":     {"true", "desa Wedomartani"},
		"ganti data":                                      {"true", ""},
		"ngganti alamat":                                  {"true", ""},
		"jalan rusak di kejambon":                         {"false", ""},
		"data saya apa saja?":                             {"false", ""},
		"saya tidak pindah":                               {"false", ""},
		"ganti lampu jalan":                               {"false", ""},
		"tolong perbaiki jalan desa":                      {"false", ""},
		"jalan desa rusak, tolong perbaiki":               {"false", ""},
		"ganti lampu jalan desa":                          {"false", ""},
		"ganti kepala desa":                               {"false", ""},
		"ganti nama gagasan saya":                         {"false", ""},
		"koreksi data gagasan saya":                       {"false", ""},
		"nama desa di gagasan saya salah, tolong ganti":   {"false", ""},
		"pak rt sudah pindah":                             {"false", ""},
		"kantor desa sudah pindah ke jalan baru":          {"false", ""},
		"ganti tempat rapat ke balai desa":                {"false", ""},
		"kami pindah rapat ke balai desa":                 {"false", ""},
		"sudah pindah ke desa bimomartani":                {"false", ""},
		"tolong ganti desa saya":                          {"true", ""},
		"alamat abdi hoyong dirobih, punten ganti":        {"true", ""},
		"saya pindah tempat tinggal ke desa sindumartani": {"true", "desa sindumartani"},
		"pak rt saya sudah pindah":                        {"false", ""},
		"tetangga kula sampun pindhah":                    {"false", ""},
		"saya pindah ke dusun jetis rt 03":                {"true", "dusun jetis rt 03"},
		"kami sekeluarga pindah ke dusun jetis":           {"true", "dusun jetis"},
	} {
		ok, place := ChangeData(text)
		if got := [2]string{strconv.FormatBool(ok), place}; got != want {
			t.Errorf("ChangeData(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestWithdrawCode(t *testing.T) {
	for text, want := range map[string]string{
		"waduh salah, tarik aja G-7KM4XA": "G-7KM4XA",
		"tolong cabut g-7km4xa ya":        "G-7KM4XA",
		"G-7KM4XA":                        "",
		"status G-7KM4XA":                 "",
		"tarik G-AAA dan G-BBB":           "",
	} {
		if got, _ := WithdrawCode(text); got != want {
			t.Errorf("WithdrawCode(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestMeetingAnswer: an answer with its code inside a longer sentence,
// in the three languages; a negation before the verb wins.
func TestMeetingAnswer(t *testing.T) {
	for text, want := range map[string]Kind{
		"wah kula mboten saged rawuh R-NPKW3Y, putu kula sakit":      Decline,
		"kula saged rawuh R-NPKW3Y, putu kula sampun sehat":          Attend,
		"nyuwun sewu mboten saged R-NPKW3Y, wonten layatan":          Decline,
		"nggih, insyaallah hadir R-NPKW3Y":                           Attend,
		"R-NPKW3Y insyaallah kula dugi":                              Attend,
		"punten teu tiasa sumping R-NPKW3Y, nuju di kota":            Decline,
		"sepurane ora iso teko R-NPKW3Y":                             Decline,
		"ra popo, aku teko R-NPKW3Y":                                 Attend,
		"maaf saya berhalangan R-NPKW3Y, ada acara keluarga":         Decline,
		"tidak ada halangan, saya hadir R-NPKW3Y":                    Attend,
		"mboten wonten alangan R-NPKW3Y":                             Attend,
		"saya tidak akan bisa datang R-NPKW3Y":                       Decline,
		"R-NPKW3Y hadir jam pinten?":                                 None,
		"menawi kula mboten saged rawuh R-NPKW3Y pripun":             None,
		"batalkan rapat R-NPKW3Y":                                    None,
		"rapat R-NPKW3Y bisa diundur":                                None,
		"R-NPKW3Y":                                                   None,
		"kula saged R-NPKW3Y" + strings.Repeat(" lan sanesipun", 20): None,
	} {
		if got := MeetingAnswer(text); got != want {
			t.Errorf("MeetingAnswer(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestCancelMeeting(t *testing.T) {
	for text, want := range map[string]string{
		"batalkan rapat R-NPKW3Y":    "R-NPKW3Y",
		"batal R-npkw3y":             "R-NPKW3Y",
		"R-NPKW3Y dibatalke wae":     "R-NPKW3Y",
		"bolaykeun rapat R-NPKW3Y":   "R-NPKW3Y",
		"R-NPKW3Y batal?":            "",
		"batal rawuh R-NPKW3Y":       "",
		"batalkan rapat":             "",
		"batalkan R-NPKW3Y R-AAAAAA": "",
		"kapan rapat R-NPKW3Y batal": "",
		"UNDANG R-NPKW3Y":            "",
	} {
		if got, ok := CancelMeeting(text); got != want || ok != (want != "") {
			t.Errorf("CancelMeeting(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
}

// TestPersonalNaturalForms: the wish for personal messages in the words
// residents (and the bot's own Javanese) use.
func TestPersonalNaturalForms(t *testing.T) {
	for text, want := range map[string]bool{
		"kula nyuwun dikirimi pesen pribadi mawon": true,
		"cekap lewat grup mawon":                   false,
		"cekap lumantar grup":                      false,
	} {
		if on, ok := Personal(text); !ok || on != want {
			t.Errorf("Personal(%q) = %v, %v; want %v", text, on, ok, want)
		}
	}
}

func TestBareAnswer(t *testing.T) {
	for text, want := range map[string]Kind{
		"mboten saged":             Decline,
		"nyuwun sewu mboten saged": Decline,
		"punten teu tiasa sumping": Decline,
		"nggih insyaallah hadir":   Attend,
		"mboten saged mbukak file": None,
		"ora iso login":            None,
		"bisa":                     None,
	} {
		if got := BareAnswer(text); got != want {
			t.Errorf("BareAnswer(%q) = %v, want %v", text, got, want)
		}
	}
}
