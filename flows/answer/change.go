package answer

// changePhrases ask to correct what was summarised ("UBAH" at a preview).
var changePhrases = set(
	"ubah", "ganti", "edit", "koreksi", "salah", "ada yang salah", "ubah dulu", "diubah", "diganti", "ganti dulu",
	"perbaiki", "betulkan", "benerin", "revisi", "masih salah", "ada salah",
	"owah", "diowahi", "gantos", "dipungantos", "lepat", "wonten ingkang lepat", "salah ketik", // Basa Jawa
	"robih", "gentos", "dirobih", "lepat", "aya nu lepat", // Basa Sunda
)

// changeTail may follow a request to change ("ubah jamnya", "ganti tempat").
var changeTail = set("jam", "jamnya", "waktu", "waktunya", "tempat", "tempatnya", "tanggal", "tanggalnya", "hari",
	"harinya", "nya", "ipun", "judul", "judulnya", "agenda", "agendanya", "peserta", "pesertanya", "data", "datanya", "sedikit", "ya", "dulu", "ada")

// Change tells whether text asks to correct a summary before it is sent:
// "ubah", "ganti jamnya", "ada yang salah", "gantos", "robih".
func Change(text string) bool {
	return matchPhrase(coreOrAll(Words(text)), changePhrases, changeTail)
}
