// Package configs holds the example configuration and the demo data set,
// embedded so that `suaradesa seed demo` needs no files beside the binary.
// It is data: cmd hands it to the store (postgres.ReadDemo reads it), which
// does not import it.
package configs

import (
	"embed"
	"io/fs"
)

// Demo is the demo data set, as files:
//   - demo-desa.csv: the demo kecamatan's desa and dusun, in the format of
//     `suaradesa desa import` (kode, nama, kecamatan, dusun). The desa
//     are kecamatan Ngemplak's, with their Kemendagri codes; the dusun are
//     illustrative.
//   - demo-people.csv: the demo numbers listed in the README (phone, name,
//     role, desa_kode, dusun, gender), with a role or, for residents, none.
//
//go:embed demo-desa.csv demo-people.csv
var Demo embed.FS

// wilayah is Kemendagri's region list from the npm package idn-area-data
// (Open Database License: wilayah/LICENSE.md and wilayah/NOTICE travel with
// it): provinces, regencies, districts and villages as gzip-compressed CSV,
// as scripts/wilayah-data.sh fetched them.
//
//go:embed wilayah
var wilayah embed.FS

// Wilayah is the region list's folder (provinces.csv.gz, regencies.csv.gz,
// districts.csv.gz, villages.csv.gz), read by postgres.ReadWilayah.
func Wilayah() fs.FS {
	sub, err := fs.Sub(wilayah, "wilayah")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	return sub
}
