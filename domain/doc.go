// Package domain holds the entities, value types and rules of Suara Desa.
//
// It does no I/O: no SQL, Redis, HTTP or channel code lives here, so every rule
// (who may do what, which stage follows which, what a valid phone number or
// tracking code is) is tested in this package alone. The program's own words
// (Gagasan, Desa, Dusun, KPMD, TPK) are kept in Indonesian, as in the glossary.
package domain
