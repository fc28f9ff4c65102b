package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

const alokasiUsage = "alokasi KODE_KECAMATAN TAHUN JUMLAH [--stop-at-first] [--mkp 0.667] | alokasi list [KODE]"

// alokasi: a kecamatan's BLM allocation for a year's MAD and how its list
// is cut (store/postgres/mad.go). JUMLAH is read by domain.ParseRupiah, as
// on the admin site: 750000000, 750.000.000, 750 juta (its words may stand
// apart, up to the first option), 1,5 M.
//
//	alokasi KODE_KECAMATAN TAHUN JUMLAH [--stop-at-first] [--mkp 0.667]
//	alokasi list [KODE]
func (a *admin) alokasi(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: %s", errUsage, alokasiUsage)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	if args[0] == "list" {
		if len(args) > 2 {
			return fmt.Errorf("%w: %s", errUsage, alokasiUsage)
		}
		list, err := a.store.Allocations(ctx, optArg(args, 1))
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "KECAMATAN\tYEAR\tAMOUNT\tCUT\tMKP SHARE")
		for _, r := range list {
			fmt.Fprintf(tw, "%s %s\t%d\t%s\t%s\t%s\n", r.KecamatanKode, r.KecamatanNama, r.Year, domain.FormatRupiah(r.Amount), cutName(r.SkipToFit),
				shareText(r.MKPShare))
		}
		return tw.Flush()
	}
	if len(args) < 3 {
		return fmt.Errorf("%w: %s", errUsage, alokasiUsage)
	}
	year, err := strconv.Atoi(args[1])
	if err != nil {
		return fmt.Errorf("%w: TAHUN is a year, like 2026", errUsage)
	}
	// The amount is every word up to the first option: 750 juta.
	words := 3
	for words < len(args) && !strings.HasPrefix(args[words], "--") {
		words++
	}
	amount, err := domain.ParseRupiah(strings.Join(args[2:words], " "))
	if err != nil {
		return fmt.Errorf("%w: JUMLAH is an amount of Rupiah, like 750000000, 750.000.000 or 750 juta (%w)", errUsage, err)
	}
	al := domain.Allocation{KecamatanKode: args[0], Year: year, Amount: amount, SkipToFit: true, MKPShare: domain.MKPShareDefault}
	for rest := args[words:]; len(rest) > 0; rest = rest[1:] {
		switch {
		case rest[0] == "--stop-at-first":
			al.SkipToFit = false
		case rest[0] == "--mkp" && len(rest) > 1:
			v, ok := postgres.ShareMilli(rest[1])
			if !ok {
				return fmt.Errorf("%w: --mkp is a share from 0 to 1, like 0.667 (0 turns the check off)", errUsage)
			}
			al.MKPShare = v
			rest = rest[1:]
		default:
			return fmt.Errorf("%w: %s", errUsage, alokasiUsage)
		}
	}
	if strings.Count(al.KecamatanKode, ".") != 2 {
		return fmt.Errorf("%w: KODE_KECAMATAN is a kecamatan's code, like 34.04.11", errUsage)
	}
	if err := a.store.SetAllocation(ctx, al, "cli"); err != nil {
		return err
	}
	fmt.Fprintf(out, "allocation of %s for %d: %s, %s, MKP share %s\n", al.KecamatanKode, al.Year, domain.FormatRupiah(al.Amount), cutName(al.SkipToFit),
		shareText(al.MKPShare))
	return nil
}

func cutName(skip bool) string {
	if skip {
		return "skip-to-fit"
	}
	return "stop-at-first"
}

func shareText(milli int) string {
	if milli == 0 {
		return "off"
	}
	return strconv.FormatFloat(float64(milli)/1000, 'f', 3, 64)
}
