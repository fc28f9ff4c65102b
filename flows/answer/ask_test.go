package answer

import "testing"

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
	} {
		if k, r := Request(text); k != want[0] || r != want[1] {
			t.Errorf("Request(%q) = %q, %q; want %q", text, k, r, want)
		}
	}
}
