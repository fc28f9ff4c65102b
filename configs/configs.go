// Package configs holds the example configuration and the demo data set,
// embedded so that `suaradesa seed demo` needs no files beside the binary.
package configs

import _ "embed"

// DemoDesaCSV is the demo kecamatan's desa and dusun, in the format of
// `suaradesa desa import` (kode, nama, kecamatan, dusun). The kode wilayah
// follow the Kemendagri form; the demo is illustrative.
//
//go:embed demo-desa.csv
var DemoDesaCSV []byte

// DemoPerson is one of the demo numbers listed in the README.
type DemoPerson struct {
	Phone, Name, Role, DesaKode, Dusun, Gender string
}

// DemoPeople are the fixed demo numbers: a KPMD, a TPK member and a
// facilitator of the demo desa Bimomartani.
var DemoPeople = []DemoPerson{
	{Phone: "+6281100000001", Name: "Sri Wahyuni (KPMD)", Role: "KPMD", DesaKode: "34.04.12.2001", Dusun: "Kejambon", Gender: "P"},
	{Phone: "+6281100000002", Name: "Agus Santoso (TPK)", Role: "TPK", DesaKode: "34.04.12.2001", Dusun: "Sambiroto", Gender: "L"},
	{Phone: "+6281100000003", Name: "Dewi Lestari (Fasilitator)", Role: "FASILITATOR", DesaKode: "34.04.12.2001", Dusun: "Bimo", Gender: "P"},
}

// DemoResidents are residents of the demo desa, with no role: the senders
// of the demo gagasan. Their names and numbers must never appear on the
// public board (a test checks).
var DemoResidents = []DemoPerson{
	{Phone: "+6281100000011", Name: "Siti Aminah", DesaKode: "34.04.12.2001", Dusun: "Kejambon", Gender: "P"},
	{Phone: "+6281100000012", Name: "Bambang Riyanto", DesaKode: "34.04.12.2001", Dusun: "Sambiroto", Gender: "L"},
	{Phone: "+6281100000013", Name: "Wartini", DesaKode: "34.04.12.2001", Dusun: "Bimo", Gender: "P"},
}
