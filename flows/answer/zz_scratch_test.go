package answer

import (
	"fmt"
	"testing"
)

func TestZZScratch(t *testing.T) {
	anon := []Option{{Label: "Inggih, tanpa asma (fasilitator mboten mirsani asma lan nomer Panjenengan)", Words: []string{"Ya, tanpa nama (fasilitator tidak melihat nama dan nomor Bapak/Ibu)", "Sumuhun, tanpa jenengan (fasilitator henteu ningali jenengan sareng nomer Bapa/Ibu)"}},
		{Label: "Mboten, kaliyan asma kula", Words: []string{"Tidak, sertakan nama saya", "Henteu, sareng nami abdi"}}}
	for _, s := range []string{"tanpa asma mawon", "tanpa nami wae", "tanpa nama aja", "tanpa asma mawon, ajrih kalih pak dukuh", "tanpa nama"} {
		i, ok := Choice(s, anon)
		fmt.Printf("%q -> %d %v yn=%v words=%v\n", s, i+1, ok, YesNo(s), Words(s))
	}
	for _, s := range []string{"bojo kula kuwatir, data kula dibusak mawon sedaya nggih", "busak data kula", "hapus semua data saya", "abdi hoyong data abdi dipupus",
		"abdi tos teu hoyong dikirimin pesen deui", "kula mboten kersa dipunkintuni pesen malih", "saya tidak mau dikirimi pesan lagi",
		"kumaha carana supaya teu dikirim pesen?", "piye carane ben ora dikirimi pesen?", "gimana caranya biar gak dikirim pesan?",
		"saha wae nu bisa ningali data abdi?", "pa kades bisa?", "sinten ingkang saged ningali data kula?", "siapa yang bisa lihat data saya?", "lain kitu, saha nu bisa maca? pa kades bisa?", "privasi", "eureun", "mandeg",
		"mboten", "tidak", "henteu", "judule mawon", "judul saja", "judulna wae", "cukup judul", "ampun dibusak", "jangan dihapus", "ya hapus semua"} {
		fmt.Printf("%q -> intent=%v ask=%v yn=%v words=%v\n", s, Intent(s), Ask(s), YesNo(s), Words(s))
	}
}
