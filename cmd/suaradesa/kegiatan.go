package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// flagArgs reads "--name value" pairs after the positional arguments.
func flagArgs(args []string) (pos []string, flags map[string]string, err error) {
	flags = map[string]string{}
	for i := 0; i < len(args); i++ {
		if name, ok := strings.CutPrefix(args[i], "--"); ok {
			if i+1 >= len(args) {
				return nil, nil, fmt.Errorf("%w: --%s needs a value", errUsage, name)
			}
			flags[name] = args[i+1]
			i++
			continue
		}
		pos = append(pos, args[i])
	}
	return pos, flags, nil
}

func (a *admin) kegiatan(ctx context.Context, args []string, out io.Writer) error {
	const use = "kegiatan create --gagasan G-… --budget RUPIAH --tpk +62…[,+62…] [--volume N --unit m] | kegiatan list [DESA] | kegiatan cair K-… N | kegiatan serah-terima K-… --pemelihara +62…"
	pos, flags, err := flagArgs(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf("%w: %s", errUsage, use)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	switch pos[0] {
	case "create":
		gcode, err := domain.ParseCode(domain.CodeGagasan, flags["gagasan"])
		if err != nil {
			return err
		}
		budget, err := domain.ParseRupiah(flags["budget"])
		if err != nil {
			return fmt.Errorf("--budget: %v (write whole Rupiah, such as 150000000, 150.000.000 or 150jt)", err)
		}
		var tpk []domain.Phone
		for _, s := range strings.Split(flags["tpk"], ",") {
			p, err := domain.ParsePhone(s)
			if err != nil {
				return fmt.Errorf("--tpk %q: %w", s, err)
			}
			tpk = append(tpk, p)
		}
		var volume *float64
		if v := flags["volume"]; v != "" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return fmt.Errorf("--volume %q is not a number", v)
			}
			volume = &f
		}
		k, err := a.store.CreateKegiatan(ctx, postgres.NewKegiatan{GagasanCode: gcode, Budget: budget, Volume: volume, Unit: flags["unit"], TPK: tpk,
			Notice: flows.StatusChangedText})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s created for %s: %s, %d TPK member(s)\n", k.Code, gcode, domain.FormatRupiah(k.Budget), len(tpk))
		return nil
	case "list":
		return a.listKegiatan(ctx, pos[1:], out)
	case "serah-terima":
		if len(pos) != 2 || flags["pemelihara"] == "" {
			return fmt.Errorf("%w: kegiatan serah-terima K-… --pemelihara +62…[,+62…]", errUsage)
		}
		code, err := domain.ParseCode(domain.CodeKegiatan, pos[1])
		if err != nil {
			return err
		}
		var team []domain.Phone
		for _, s := range strings.Split(flags["pemelihara"], ",") {
			p, err := domain.ParsePhone(s)
			if err != nil {
				return fmt.Errorf("--pemelihara %q: %w", s, err)
			}
			team = append(team, p)
		}
		err = a.store.HandOver(ctx, code, team, time.Now(), flows.StatusChangedText)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s handed over; its Tim Pemelihara (%d) now reports its condition with LAPOR\n", code, len(team))
		return nil
	case "cair":
		if len(pos) != 3 {
			return fmt.Errorf("%w: %s", errUsage, use)
		}
		code, err := domain.ParseCode(domain.CodeKegiatan, pos[1])
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(pos[2])
		if err != nil {
			return fmt.Errorf("%w: tranche number", errUsage)
		}
		if err := a.store.DisburseTranche(ctx, code, n, "cli", time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: tranche %d recorded as disbursed\n", code, n)
		return nil
	}
	return fmt.Errorf("%w: %s", errUsage, use)
}

func (a *admin) listKegiatan(ctx context.Context, args []string, out io.Writer) error {
	list, err := a.store.ListKegiatan(ctx, optArg(args, 0))
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tDESA\tTITLE\tBUDGET\tPROGRESS\tSTATUS")
	for _, k := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d%%\t%s\n", k.Code, k.DesaNama, k.Title, domain.FormatRupiah(k.Budget), k.Percent, k.Status)
	}
	return tw.Flush()
}

func (a *admin) aduan(ctx context.Context, args []string, out io.Writer) error {
	const use = "aduan set-status A-… STATUS [--note TEXT]  (DIVERIFIKASI, DITERUSKAN, DITANGANI, SELESAI)"
	pos, flags, err := flagArgs(args)
	if err != nil {
		return err
	}
	if len(pos) != 3 || pos[0] != "set-status" {
		return fmt.Errorf("%w: %s", errUsage, use)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	code, err := domain.ParseCode(domain.CodeAduan, pos[1])
	if err != nil {
		return err
	}
	note := flags["note"]
	err = a.store.SetComplaintStatus(ctx, postgres.ComplaintMove{Code: code, To: domain.ComplaintStatus(strings.ToUpper(pos[2])), Note: note,
		Notice: aduan.ChangedText})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s is now %s; the sender is told\n", code, strings.ToUpper(pos[2]))
	return nil
}
