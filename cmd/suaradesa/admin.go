package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/configs"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/web"
)

// admin runs the administration subcommands on the store.
type admin struct {
	store *postgres.Store
	cfg   Config
}

// optArg returns args[i], or "" when it is absent.
func optArg(args []string, i int) string {
	if i < len(args) {
		return args[i]
	}
	return ""
}

func withStore(ctx context.Context, cfg Config, fn func(*admin) error) error {
	st, err := postgres.Open(ctx, cfg.DatabaseURL, 4)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(&admin{store: st, cfg: cfg})
}

func (a *admin) migrate(ctx context.Context, log *slog.Logger, out io.Writer) error {
	applied, err := a.store.Migrate(ctx, log)
	if err != nil {
		return err
	}
	cur, _, err := a.store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "schema at version %d (%d migrations applied now)\n", cur, len(applied))
	return nil
}

func (a *admin) requireSchema(ctx context.Context) error {
	cur, target, err := a.store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if cur < target {
		return fmt.Errorf("database schema is at version %d, this binary needs %d: run `suaradesa migrate`", cur, target)
	}
	return nil
}

func (a *admin) seedDemo(ctx context.Context, log *slog.Logger, out io.Writer) error {
	if _, err := a.store.Migrate(ctx, log); err != nil {
		return err
	}
	demo, err := postgres.ReadDemo(configs.Demo)
	if err != nil {
		return err
	}
	if err := a.store.SeedDemo(ctx, demo); err != nil {
		return err
	}
	files, err := media.NewLocal(filepath.Join(a.cfg.DataDir, "media"), a.cfg.MediaMaxMB<<20)
	if err != nil {
		return err
	}
	var photos []postgres.Media
	for _, p := range configs.DemoPhotos() {
		m, err := files.Put(p, "image/jpeg")
		if err != nil {
			return err
		}
		photos = append(photos, postgres.Media{SHA256: m.SHA256, Mime: m.Mime, Kind: m.Kind, Size: m.Size, Path: m.Path})
	}
	if err := a.store.SeedDemoActivity(ctx, demo, time.Now(), photos); err != nil {
		return err
	}
	if err := a.store.SeedDemoMAD(ctx, time.Now(), flows.StatusChangedText); err != nil {
		return err
	}
	// The demo's facilitator logs in to the admin site; a known password
	// is fine for demo data only.
	if _, err := a.store.AdminUserByName(ctx, demoAdminUser); domain.ErrorCodeOf(err) == domain.ENOTFOUND {
		hash, err := web.HashPassword(demoAdminPassword)
		if err != nil {
			return err
		}
		if err := a.store.CreateAdminUser(ctx, postgres.AdminUser{Username: demoAdminUser, PasswordHash: hash,
			Role: postgres.AdminFasilitator, KecamatanKode: "34.04.11"}); err != nil {
			return err
		}
	}
	fmt.Fprintln(out, "demo data loaded: kecamatan Ngemplak, 5 desa; KPMD +6281100000001, TPK +6281100000002, fasilitator +6281100000003;",
		"admin site login "+demoAdminUser+" / "+demoAdminPassword)
	return nil
}

const demoAdminUser, demoAdminPassword = "fasilitator", "ngemplak-demo"

// adminCmd: admin create USERNAME --role ROLE --kecamatan KODE [--desa KODE],
// or --kabupaten KODE for the kabupaten roles (FASILITATOR_KAB, AUDITOR_KAB);
// the password comes from SUARADESA_ADMIN_PASSWORD or the first line of
// standard input, never from the command line (it would stay in the
// shell's history and the process list).
func (a *admin) adminCmd(ctx context.Context, args []string, in io.Reader, getenv func(string) string, out io.Writer) error {
	usage := fmt.Errorf("%w: admin create USERNAME --role FASILITATOR|TPU|TV|AUDITOR --kecamatan KODE [--desa KODE]"+
		" | --role FASILITATOR_KAB|AUDITOR_KAB --kabupaten KODE", errUsage)
	if len(args) < 2 || args[0] != "create" {
		return usage
	}
	flags := map[string]string{}
	rest := args[2:]
	for len(rest) >= 2 && strings.HasPrefix(rest[0], "--") {
		flags[strings.TrimPrefix(rest[0], "--")] = rest[1]
		rest = rest[2:]
	}
	if len(rest) != 0 || flags["role"] == "" || (flags["kecamatan"] == "") == (flags["kabupaten"] == "") {
		return usage
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	pw := getenv("SUARADESA_ADMIN_PASSWORD")
	if pw == "" {
		fmt.Fprintln(out, "password (at least 10 characters), then Enter:")
		if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			// Typed at a terminal: not echoed.
			b, err := term.ReadPassword(int(f.Fd()))
			if err != nil {
				return fmt.Errorf("reading the password: %w", err)
			}
			pw = string(b)
		} else {
			line, err := bufio.NewReader(in).ReadString('\n')
			if err != nil && line == "" {
				return fmt.Errorf("reading the password: %w", err)
			}
			pw = strings.TrimRight(line, "\r\n")
		}
	}
	if len(args[1]) > web.MaxUsername {
		return fmt.Errorf("a user name has at most %d bytes", web.MaxUsername)
	}
	hash, err := web.HashPassword(pw)
	if err != nil {
		return err
	}
	u := postgres.AdminUser{Username: args[1], PasswordHash: hash, Role: strings.ToUpper(flags["role"]),
		KecamatanKode: flags["kecamatan"], KabupatenKode: flags["kabupaten"]}
	if d := flags["desa"]; d != "" {
		u.DesaKode = &d
	}
	if err := a.store.CreateAdminUser(ctx, u); err != nil {
		return err
	}
	if u.Kabupaten() {
		fmt.Fprintf(out, "%s can log in at /admin/ as %s of kabupaten %s\n", u.Username, u.Role, u.KabupatenKode)
	} else {
		fmt.Fprintf(out, "%s can log in at /admin/ as %s of kecamatan %s\n", u.Username, u.Role, u.KecamatanKode)
	}
	return nil
}

// desaNumbers sets the WhatsApp and SMS numbers a desa's board shows ("-"
// for none).
func (a *admin) desaNumbers(ctx context.Context, args []string, out io.Writer) error {
	const use = "%w: desa nomor DESA_KODE NOMOR_WA|- NOMOR_SMS|-"
	if len(args) != 3 {
		return fmt.Errorf(use, errUsage)
	}
	var c postgres.DesaContact
	for i, dst := range []*domain.Phone{&c.WA, &c.SMS} {
		if args[1+i] == "-" {
			continue
		}
		p, err := domain.ParseBoardPhone([]string{"WhatsApp", "SMS"}[i], args[1+i])
		if err != nil {
			return fmt.Errorf(use+": %w", errUsage, err)
		}
		*dst = p
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	if err := a.store.SetDesaContact(ctx, args[0], c); err != nil {
		return err
	}
	fmt.Fprintf(out, "desa %s: WhatsApp %s, SMS %s\n", args[0], orNone(c.WA), orNone(c.SMS))
	return nil
}

func orNone(p domain.Phone) string {
	if p == "" {
		return "-"
	}
	return string(p)
}

func (a *admin) desa(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 3 && args[0] == "bahasa" {
		if !flow.ValidLang(args[2]) {
			return fmt.Errorf("%w: desa bahasa DESA_KODE id|jv|su", errUsage)
		}
		if err := a.requireSchema(ctx); err != nil {
			return err
		}
		if err := a.store.SetDesaLang(ctx, args[1], args[2]); err != nil {
			return err
		}
		fmt.Fprintf(out, "desa %s: %s\n", args[1], flow.Render(args[2], flow.Key("lang_"+args[2]), nil))
		return nil
	}
	if len(args) > 0 && args[0] == "nomor" {
		return a.desaNumbers(ctx, args[1:], out)
	}
	if len(args) < 2 || args[0] != "import" {
		return fmt.Errorf("%w: desa import FILE.csv [--tz WIB]", errUsage)
	}
	tz := "WIB"
	if len(args) == 4 && args[2] == "--tz" {
		tz = args[3]
	} else if len(args) != 2 {
		return fmt.Errorf("%w: desa import FILE.csv [--tz WIB]", errUsage)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	f, err := os.Open(args[1])
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := a.store.ImportDesa(ctx, f, tz, "")
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "imported %d kecamatan, %d desa, %d new dusun\n", res.Kecamatan, res.Desa, res.Dusun)
	return nil
}

func (a *admin) role(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: role grant|revoke|list", errUsage)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	switch args[0] {
	case "list":
		roles, err := a.store.ListRoles(ctx, optArg(args, 1))
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DESA\tROLE\tPHONE\tNAME\tSOURCE")
		for _, r := range roles {
			// SOURCE is the meeting whose election granted the role ("-":
			// granted by hand).
			src := r.SourceMeeting
			if src == "" {
				src = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.DesaKode, r.Role, r.Phone, r.Name, src)
		}
		return tw.Flush()
	case "grant", "revoke":
		if len(args) != 4 {
			return fmt.Errorf("%w: role %s PHONE ROLE DESA_KODE", errUsage, args[0])
		}
		phone, err := domain.ParsePhone(args[1])
		if err != nil {
			return err
		}
		role, err := domain.ParseRole(args[2])
		if err != nil {
			return err
		}
		if err := domain.ValidateDesaKode(args[3]); err != nil {
			return err
		}
		ra := domain.RoleAssignment{Phone: phone, Role: role, DesaKode: args[3]}
		if args[0] == "grant" {
			if err := a.store.GrantRole(ctx, ra, "cli"); err != nil {
				return err
			}
			fmt.Fprintf(out, "%s is now %s of %s\n", phone, role, args[3])
			return nil
		}
		if err := a.store.RevokeRole(ctx, ra); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s is no longer %s of %s\n", phone, role, args[3])
		return nil
	}
	return fmt.Errorf("%w: role grant|revoke|list", errUsage)
}

func (a *admin) gagasan(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: gagasan list|set-status", errUsage)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	switch args[0] {
	case "list":
		list, err := a.store.ListGagasan(ctx, optArg(args, 1), 200)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CODE\tDESA\tDUSUN\tSTATUS\tCATEGORY\tTITLE")
		for _, g := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", g.Code, g.DesaKode, g.DusunNama, g.Status, g.Category, g.Title)
		}
		return tw.Flush()
	case "set-status":
		if len(args) != 3 && !(len(args) == 5 && args[3] == "--note") {
			return fmt.Errorf("%w: gagasan set-status CODE STATUS [--note TEXT]", errUsage)
		}
		code, err := domain.ParseCode(domain.CodeGagasan, args[1])
		if err != nil {
			return err
		}
		to, err := domain.ParseStatus(args[2])
		if err != nil {
			return err
		}
		note := ""
		if len(args) == 5 {
			note = args[4]
		}
		g, notified, err := a.store.SetGagasanStatus(ctx, postgres.StageMove{Code: code, To: to, Note: note, By: "cli", Notice: flows.StatusChangedText})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s is now %s", g.Code, g.Status)
		if notified {
			fmt.Fprint(out, "; its sender will be told")
		}
		fmt.Fprintln(out)
		return nil
	}
	return fmt.Errorf("%w: gagasan list|set-status", errUsage)
}

func (a *admin) rapat(ctx context.Context, args []string, out io.Writer) error {
	const use = "rapat list [DESA_KODE] | rapat hasil R-CODE --hadir N --perempuan N"
	if len(args) == 0 {
		return fmt.Errorf("%w: %s", errUsage, use)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	switch args[0] {
	case "list":
		list, err := a.store.ListMeetings(ctx, optArg(args, 1), 100)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CODE\tDESA\tTYPE\tAUDIENCE\tSTARTS\tSTATUS\tATTENDED")
		for _, m := range list {
			att := ""
			if m.Attended != nil {
				att = fmt.Sprintf("%d (%d P)", *m.Attended, *m.AttendedWomen)
			}
			loc := domain.Kecamatan{TimeZone: m.TZ}.Location()
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.Code, m.DesaNama, m.Type, m.Audience,
				m.StartsAt.In(loc).Format("2006-01-02 15:04 ")+domain.ZoneAbbrev(m.TZ), m.Status, att)
		}
		return tw.Flush()
	case "hasil":
		if len(args) != 6 || args[2] != "--hadir" || args[4] != "--perempuan" {
			return fmt.Errorf("%w: %s", errUsage, use)
		}
		code, err := domain.ParseCode(domain.CodeRapat, args[1])
		if err != nil {
			return err
		}
		hadir, err1 := strconv.Atoi(args[3])
		women, err2 := strconv.Atoi(args[5])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("%w: %s", errUsage, use)
		}
		if err := a.store.RecordOutcomeByCode(ctx, postgres.Outcome{Code: code, Attended: hadir, Women: women, Now: time.Now(), By: "cli"}); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: %d attended, %d women; move its gagasan with `suaradesa gagasan set-status`\n", code, hadir, women)
		return nil
	}
	return fmt.Errorf("%w: %s", errUsage, use)
}

// kontak kanal PHONE CHANNEL|auto pins (or unpins) the channel a person's
// pushes and broadcasts go on.
func (a *admin) kontak(ctx context.Context, args []string, out io.Writer) error {
	if len(args) != 3 || args[0] != "kanal" {
		return fmt.Errorf("%w: kontak kanal PHONE CHANNEL|auto", errUsage)
	}
	if err := a.requireSchema(ctx); err != nil {
		return err
	}
	phone, err := domain.ParsePhone(args[1])
	if err != nil {
		return err
	}
	channel := args[2]
	if channel == "auto" {
		channel = ""
	} else if !bot.ValidChannelName(channel) {
		return fmt.Errorf("%w: CHANNEL is sms:NAME, whatsapp:+62… (a paired number), whatsappcloud:ID, sim or auto", errUsage)
	}
	if err := a.store.SetPreferredChannel(ctx, phone, channel); err != nil {
		return err
	}
	if channel == "" {
		fmt.Fprintf(out, "%s: pushes follow the last channel used\n", phone)
	} else {
		fmt.Fprintf(out, "%s: pushes and broadcasts go by %s\n", phone, channel)
	}
	return nil
}
