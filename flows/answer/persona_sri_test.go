package answer

import "testing"

// The messages of the persona Bu Sri (54, a market seller writing a
// mix of Javanese krama and ngoko) that were not understood, each read
// as she meant it.

func TestSriOpenersBeforeARequest(t *testing.T) {
	// A polite opener before a complaint or an idea drops nothing.
	for _, text := range []string{
		"nyuwun sewu sy badhe matur, got cedhak pasar niku saben jawah mesthi banjir lha lapak kula teles kabeh",
		"sugeng enjing bu, kula badhe matur, got cedhak pasar niku saben jawah mesthi banjir lha lapak kula teles kabeh",
		"assalamualaikum wr wb. kula badhe sambat, got cedhak pasar mampet",
		"selamat pagi pak, saya mau mengadu soal got di pasar",
	} {
		if f := Intent(text); f.Kind != Complaint || f.Rest == "" {
			t.Errorf("Intent(%q) = %+v, want a complaint with its text", text, f)
		}
	}
	for text, want := range map[string]string{
		"eh sida ding. kula badhe usul got cedhak pasar didandosi": "got cedhak pasar didandosi",
		"eh, kula badhe usul lampu pasar":                          "lampu pasar",
		"oh iya, saya mau usul lampu jalan":                        "lampu jalan",
		"ngapunten, kula badhe usul talud kali":                    "talud kali",
		"permisi bu, saya mau bikin usulan sumur":                  "sumur",
	} {
		if kw, rest := Request(text); kw != "GAGASAN" || rest != want {
			t.Errorf("Request(%q) = %q %q, want GAGASAN %q", text, kw, rest, want)
		}
	}
	// An opener alone is no request.
	for _, text := range []string{"nyuwun sewu", "eh", "oh iya"} {
		if kw, _ := Request(text); kw != "" {
			t.Errorf("Request(%q) = %q", text, kw)
		}
	}
}

func TestSriCancelInWords(t *testing.T) {
	for _, text := range []string{"eh mboten sida", "mboten sida", "mboten sida kok, wurung mawon", "ora sido", "gak jadi",
		"nggak jadi deh", "teu jadi", "batal wae", "kula mboten sida", "wis wurung", "ora sida", "eh wurung mawon"} {
		if !Cancel(text) {
			t.Errorf("Cancel(%q) = false", text)
		}
		if f := Intent(text); f.Kind != CancelIntent || !f.Whole {
			t.Errorf("Intent(%q) = %+v, want a whole cancel", text, f)
		}
	}
	// A reason after it is no cancel of a step; a sentence is an answer.
	for _, text := range []string{"eh mboten sida, mboten saged, wonten pasar", "jembatan wurung dibangun amargi dana telat",
		"mboten sida dibangun taun wingi"} {
		if Cancel(text) {
			t.Errorf("Cancel(%q) = true", text)
		}
	}
}

func TestSriCantCome(t *testing.T) {
	for _, text := range []string{"mboten saged, wonten pasar", "eh mboten sida, mboten saged, wonten pasar",
		"gak bisa pak ada acara", "teu tiasa, aya kaperluan", "mboten saged", "nyuwun sewu bu, mboten saged, kula sakit",
		"ora iso, lagi nang pasar"} {
		if !CantCome(text) {
			t.Errorf("CantCome(%q) = false", text)
		}
	}
	for _, text := range []string{"mboten saged mbukak file", "mboten saged rawuh?", "gak bisa kirim foto",
		"menawi mboten saged pripun", "saged", "jalan tidak bisa dilewati", "mboten saged ngintun foto, hp kula rusak",
		// What cannot be done, not a meeting declined (review).
		"tidak bisa saya baca", "mboten saged kula bukak", "gak bisa, ada yang salah", "tidak bisa hari ini kirim foto",
		"ga bisa jam segini sinyal jelek", "teu tiasa, aya nu lepat"} {
		if CantCome(text) {
			t.Errorf("CantCome(%q) = true", text)
		}
	}
}

func TestSriMenuInWords(t *testing.T) {
	for _, text := range []string{"menune pundi", "menune endi", "menuna mana", "mana menunya", "minta menu", "menunya mana?"} {
		if f := Intent(text); f.Kind != Menu || !f.Whole {
			t.Errorf("Intent(%q) = %+v, want MENU", text, f)
		}
	}
}

func TestSriGreetings(t *testing.T) {
	for _, text := range []string{"halo", "kula nuwun", "sugeng enjing bu", "punten", "assalamualaikum", "Assalamu'alaikum wr wb",
		"selamat siang pak", "halo bu"} {
		if !Greeting(text) {
			t.Errorf("Greeting(%q) = false", text)
		}
	}
	for _, text := range []string{"pak", "iya", "matur nuwun", "halo, menu", "punten abdi bade usul", "eh", "1"} {
		if Greeting(text) {
			t.Errorf("Greeting(%q) = true", text)
		}
	}
}

func TestSriAsksCost(t *testing.T) {
	for _, text := range []string{"niki gratis mboten?", "sms niki mbayar mboten? pulsa kula kepotong?", "bayar gak?", "gratis teu?",
		"apa ini bayar?", "pulsa kula kepotong mboten"} {
		if !AsksCost(text) {
			t.Errorf("AsksCost(%q) = false", text)
		}
	}
	for _, text := range []string{"pengobatan gratis untuk lansia", "bayar", "warga iuran bayar sampah tiap bulan",
		// Ideas that name money (review).
		"usul bantuan biaya sekolah untuk anak yatim, apa bisa?", "usul jalan ke pasar diperbaiki, warga tidak mau bayar",
		"bantuan biaya sekolah anak yatim apa bisa?"} {
		if AsksCost(text) {
			t.Errorf("AsksCost(%q) = true", text)
		}
	}
}

func TestSriJoinGroupAndLate(t *testing.T) {
	for _, text := range []string{"kula pengin mlebet grup wa rt 03, pripun carane?", "cara masuk grup wa desa", "gabung grup desa gimana"} {
		if !AsksJoinGroup(text) {
			t.Errorf("AsksJoinGroup(%q) = false", text)
		}
	}
	for _, text := range []string{"pesan grup saja", "grup wa rt 03",
		// An idea about a group (review).
		"usul dibuat grup wa supaya warga rt 03 bisa gabung", "warga rt 03 gabung grup wa"} {
		if AsksJoinGroup(text) {
			t.Errorf("AsksJoinGroup(%q) = true", text)
		}
	}
	for _, text := range []string{"menawi kula telat pripun", "kalau saya terlambat gimana?"} {
		if k := Ask(text); k != AttendHow {
			t.Errorf("Ask(%q) = %v, want AttendHow", text, k)
		}
	}
}

func TestSriDeleteAGagasanInWords(t *testing.T) {
	for _, text := range []string{"niku dibusak mawon, kula mboten sida ngintun kalih", "hapus usulan saya yang dobel",
		"usulan kula dibatalke", "dibusak mawon"} {
		if k := Ask(text); k != Withdraw {
			t.Errorf("Ask(%q) = %v, want Withdraw", text, k)
		}
	}
	// One's data is HAPUS DATA, not a gagasan.
	if f := Intent("data kula dibusak mawon"); f.Kind != Delete {
		t.Errorf("Intent(data kula dibusak mawon) = %+v", f)
	}
	if n, ok := DeletePick("sing nomer 1 dibusak mawon"); !ok || n != 1 {
		t.Errorf("DeletePick = %d %v", n, ok)
	}
	if _, ok := DeletePick("sing nomer 1"); ok {
		t.Error("DeletePick without a verb")
	}
	if DeleteSent("sing nomer 1 dibusak mawon") {
		t.Error("DeleteSent with a number")
	}
}

func TestSriAnonymityInWords(t *testing.T) {
	for text, want := range map[string]bool{
		"ngagem nami kula mawon": false, "pakai nama saya": false, "nganggo jenengku": false, "nganggo nami": false,
		"ngangge nami abdi": false, "tanpa nama aja": true, "rahasiakan": true, "mboten usah nami": true,
		"ga usah pake nama": true, "nama saya ditulis saja": false,
	} {
		if anon, ok := Anonymity(text); !ok || anon != want {
			t.Errorf("Anonymity(%q) = %v %v, want %v", text, anon, ok, want)
		}
	}
	for _, text := range []string{"pripun niku", "3", "got mampet", "Mboten, kaliyan asma kula", "Tidak, sertakan nama saya",
		"Ya, tanpa nama"} {
		if _, ok := Anonymity(text); ok {
			t.Errorf("Anonymity(%q) read", text)
		}
	}
}
