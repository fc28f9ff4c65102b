package answer

// addWords say "add to it": "kula tambahi", "mau nambah", "abdi bade
// nambihan", "dilengkapi".
var addWords = set("tambah", "tambahi", "tambahin", "tambahkan", "ditambah", "ditambahi", "ditambahin", "nambah",
	"nambahi", "nambahin", "menambah", "menambahkan", "lengkapi", "dilengkapi", "melengkapi", "lengkapin",
	"tambahipun", "dipuntambahi", "jangkepi", "dijangkepi", "njangkepi", // Basa Jawa
	"tambihan", "nambihan", "ditambihan", "tambihkeun", "lengkepan", "dilengkepan", "ngalengkepan") // Basa Sunda

// More tells whether a message asks to add to what was just saved, after
// "Balas 1 untuk menambah": "nggih, kula tambahi", "iya mau nambah". A
// message with a no or a "don't" in it never does ("tidak usah ditambah").
func More(text string) bool {
	if YesNo(text) == No {
		return false
	}
	words := Words(text)
	add := false
	for _, w := range words {
		if denial(w) {
			return false
		}
		add = add || addWords[w]
	}
	return add
}
