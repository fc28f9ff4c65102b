package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/suaradesa/suaradesa/configs"
	"github.com/suaradesa/suaradesa/store/postgres"
)

const wilayahUse = "%w: wilayah import KODE (a province 34, a kabupaten 34.04 or a kecamatan 34.04.11)"

// wilayah: `wilayah import KODE` loads a province, kabupaten or kecamatan
// of the embedded region list (configs/wilayah) with its desa and the
// regions above it, and says what it added, changed and left.
func (a *admin) wilayah(ctx context.Context, args []string, out io.Writer) error {
	if len(args) != 2 || args[0] != "import" {
		return fmt.Errorf(wilayahUse, errUsage)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	start := time.Now()
	w, err := postgres.ReadWilayah(configs.Wilayah(), args[1])
	if err != nil {
		return err
	}
	res, err := a.store.ImportWilayah(ctx, w)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "wilayah %s (idn-area-data, ODbL) in %s:\n", args[1], time.Since(start).Round(time.Millisecond))
	for _, l := range []struct {
		what string
		c    postgres.WilayahCounts
	}{{"provinsi", res.Provinsi}, {"kabupaten", res.Kabupaten}, {"kecamatan", res.Kecamatan}, {"desa", res.Desa}} {
		fmt.Fprintf(out, "  %-9s %6d added %6d updated %6d unchanged\n", l.what, l.c.Added, l.c.Updated, l.c.Unchanged)
	}
	return nil
}
