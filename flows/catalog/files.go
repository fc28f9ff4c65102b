// Package catalog holds the message catalog's data files, one per
// language, embedded so that package flow reads them from the binary.
package catalog

import "embed"

// Files are the catalog's TOML files (id.toml, jv.toml, su.toml).
//
//go:embed *.toml
var Files embed.FS
