// Package configs holds the example configuration and the demo data set,
// embedded so that `suaradesa seed demo` needs no files beside the binary.
// It is data: cmd hands it to the store (postgres.ReadDemo reads it), which
// does not import it.
package configs

import "embed"

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
