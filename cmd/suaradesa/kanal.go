package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

const kanalUsage = "kanal cakupan CHANNEL KODE|- [--nomor +62…|-] | kanal list"

// kanal: the region a channel's number serves and the number residents
// write to (store/postgres/kanal.go).
//
//	kanal cakupan CHANNEL KODE|- [--nomor +62…|-]
//	kanal list
func (a *admin) kanal(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: %s", errUsage, kanalUsage)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	switch args[0] {
	case "list":
		if len(args) != 1 {
			return fmt.Errorf("%w: %s", errUsage, kanalUsage)
		}
		list, err := a.store.Kanals(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CHANNEL\tSCOPE\tNUMBER\tRUNNING")
		for _, k := range list {
			scope, nomor, aktif := k.Cakupan, string(k.Nomor), "no"
			if scope == "" {
				scope = "everywhere"
			} else if k.CakupanNama != "" {
				scope += " (" + k.CakupanNama + ")"
			}
			if nomor == "" {
				nomor = "-"
			}
			if k.Aktif {
				aktif = "yes"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", k.Nama, scope, nomor, aktif)
		}
		return tw.Flush()
	case "cakupan":
		if (len(args) != 3 && len(args) != 5) || (len(args) == 5 && args[3] != "--nomor") {
			return fmt.Errorf("%w: %s", errUsage, kanalUsage)
		}
		name, scope := args[1], args[2]
		if !bot.ValidChannelName(name) {
			return fmt.Errorf("%w: CHANNEL is sms:NAME, whatsapp:+62… (a paired number), whatsappcloud:ID or sim", errUsage)
		}
		if scope == "-" {
			scope = ""
		}
		var nomor *domain.Phone
		if kind, id := bot.ChannelKind(name); kind == bot.KindWhatsApp {
			// A whatsmeow channel's name is its number.
			if p, err := domain.ParsePhone(id); err == nil {
				nomor = &p
			}
		}
		if len(args) == 5 {
			var p domain.Phone
			if args[4] != "-" {
				var err error
				if p, err = domain.ParsePhone(args[4]); err != nil {
					return err
				}
			}
			nomor = &p
		}
		if err := a.store.SetKanal(ctx, name, scope, nomor); err != nil {
			return err
		}
		if scope == "" {
			scope = "every desa"
		}
		fmt.Fprintf(out, "%s serves %s (a running service applies it within 10 s)\n", name, scope)
		return a.warnKanalEnv(ctx, name, len(args) == 5, out)
	}
	return fmt.Errorf("%w: %s", errUsage, kanalUsage)
}

// warnKanalEnv warns when the serving process that last started with
// channel name took its scope (or, when numbered, its number) from its
// environment: its next start sets it again over this change.
func (a *admin) warnKanalEnv(ctx context.Context, name string, numbered bool, out io.Writer) error {
	list, err := a.store.Kanals(ctx)
	if err != nil {
		return err
	}
	for _, k := range list {
		if k.Nama != name {
			continue
		}
		if k.CakupanEnv {
			fmt.Fprintf(out, "warning: %s's scope is set by its service's environment (…_SCOPE) at each start: this change lasts until the next start\n", name)
		}
		if numbered && k.NomorEnv {
			fmt.Fprintf(out, "warning: %s's number is set by its service's environment (…_NUMBER) at each start: this change lasts until the next start\n", name)
		}
	}
	return nil
}

// kanalRuns are the channels a serving process runs, in the order added.
type kanalRuns []postgres.KanalRun

func (r *kanalRuns) add(name string, number domain.Phone) {
	*r = append(*r, postgres.KanalRun{Nama: name, Nomor: number})
}

// with gives the channels the scope and number the environment names for
// them (ChannelEnv); a channel the environment names but this process does
// not run is left out.
func (r kanalRuns) with(env map[string]postgres.KanalRun) []postgres.KanalRun {
	out := make([]postgres.KanalRun, len(r))
	for i, k := range r {
		if e, ok := env[k.Nama]; ok {
			k.Cakupan = e.Cakupan
			if e.Nomor != "" {
				k.Nomor, k.NomorEnv = e.Nomor, true
			}
		}
		out[i] = k
	}
	return out
}

// kanalTouchEvery is how often serve says it still runs its channels
// (tests shorten it).
var kanalTouchEvery = postgres.KanalTouchEvery

// touchKanal tells the kanal table, every postgres.KanalTouchEvery until
// ctx ends, that this process still runs its channels: a channel no process
// has touched for postgres.KanalLive is no longer active, and its contacts'
// pushes go by the narrowest active channel covering their desa. runs give
// no scope nor the environment's numbers: those are set at the start only
// (StartKanal), so that `kanal cakupan` holds until the next start.
func touchKanal(ctx context.Context, st *postgres.Store, log *slog.Logger, runs []postgres.KanalRun) {
	t := time.NewTicker(kanalTouchEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := st.TouchKanal(ctx, runs); err != nil && ctx.Err() == nil {
				log.Warn("channels not recorded as running", "err", err)
			}
		}
	}
}

// channelEnv reads a channel's scope and number from the environment
// (PREFIX_SCOPE, PREFIX_NUMBER) into c.ChannelEnv.
func (c *Config) channelEnv(name, prefix string, getenv func(string) string) error {
	scope, number := getenv(prefix+"_SCOPE"), getenv(prefix+"_NUMBER")
	if scope == "" && number == "" {
		return nil
	}
	k := postgres.KanalRun{Nama: name}
	if scope != "" {
		if scope == "-" {
			scope = ""
		}
		k.Cakupan = &scope
	}
	if number != "" {
		p, err := domain.ParsePhone(number)
		if err != nil {
			return fmt.Errorf("%s_NUMBER: %s", prefix, domain.ErrorMessageOf(err))
		}
		k.Nomor = p
	}
	if c.ChannelEnv == nil {
		c.ChannelEnv = map[string]postgres.KanalRun{}
	}
	c.ChannelEnv[name] = k
	return nil
}
