package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/skip2/go-qrcode"
	"go.mau.fi/whatsmeow"

	"github.com/suaradesa/suaradesa/bot/whatsapp"
	"github.com/suaradesa/suaradesa/domain"
)

// whatsappCmd pairs, lists and logs out WhatsApp numbers.
func (a *admin) whatsappCmd(ctx context.Context, args []string, log *slog.Logger, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: whatsapp pair [--phone +62…] | status | logout PHONE", errUsage)
	}
	if _, err := a.store.Migrate(ctx, log); err != nil {
		return err
	}
	devices, err := whatsapp.OpenDevices(ctx, a.store.DB().DB, log)
	if err != nil {
		return err
	}
	switch args[0] {
	case "status":
		all, err := devices.GetAllDevices(ctx)
		if err != nil {
			return err
		}
		if len(all) == 0 {
			fmt.Fprintln(out, "no WhatsApp number is paired: run `suaradesa whatsapp pair`")
		}
		for _, d := range all {
			phone, _ := whatsapp.DevicePhone(d)
			fmt.Fprintf(out, "%s  paired as %q  (channel %s)\n", phone, d.PushName, whatsapp.ChannelName(phone))
		}
		return nil
	case "logout":
		if len(args) != 2 {
			return fmt.Errorf("%w: whatsapp logout PHONE", errUsage)
		}
		phone, err := domain.ParsePhone(args[1])
		if err != nil {
			return err
		}
		all, err := devices.GetAllDevices(ctx)
		if err != nil {
			return err
		}
		for _, d := range all {
			if p, _ := whatsapp.DevicePhone(d); p == phone {
				cli := whatsapp.NewClient(d, log)
				if err := cli.Connect(); err != nil {
					return fmt.Errorf("cannot reach WhatsApp: %w", err)
				}
				defer cli.Disconnect()
				if err := cli.Logout(ctx); err != nil {
					return err
				}
				fmt.Fprintf(out, "%s logged out\n", phone)
				return nil
			}
		}
		return domain.Errorf(domain.ENOTFOUND, "%s is not paired", phone)
	case "pair":
		var phone domain.Phone
		if len(args) == 3 && args[1] == "--phone" {
			if phone, err = domain.ParsePhone(args[2]); err != nil {
				return err
			}
		} else if len(args) != 1 {
			return fmt.Errorf("%w: whatsapp pair [--phone +62…]", errUsage)
		}
		cli := whatsapp.NewClient(devices.NewDevice(), log)
		ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		defer cancel()
		if phone != "" {
			if err := cli.Connect(); err != nil {
				return fmt.Errorf("cannot reach WhatsApp: %w", err)
			}
			defer cli.Disconnect()
			code, err := cli.PairPhone(ctx, strings.TrimPrefix(string(phone), "+"), true, whatsmeow.PairClientChrome, "Chrome (Linux)")
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "On the phone %s: WhatsApp > Perangkat tertaut > Tautkan dengan nomor telepon, and enter: %s\n", phone, code)
			return waitPaired(ctx, cli, out)
		}
		qr, err := cli.GetQRChannel(ctx)
		if err != nil {
			return err
		}
		if err := cli.Connect(); err != nil {
			return fmt.Errorf("cannot reach WhatsApp: %w", err)
		}
		defer cli.Disconnect()
		for evt := range qr {
			switch evt.Event {
			case "code":
				fmt.Fprintln(out, "Scan with WhatsApp > Perangkat tertaut > Tautkan perangkat:")
				fmt.Fprintln(out, renderQR(evt.Code))
			case "success":
				fmt.Fprintln(out, "paired; start the service with WHATSAPP_ENABLED=true")
				return nil
			default:
				if evt.Error != nil {
					return fmt.Errorf("pairing failed: %w", evt.Error)
				}
				return fmt.Errorf("pairing ended: %s", evt.Event)
			}
		}
		return fmt.Errorf("pairing ended without success")
	}
	return fmt.Errorf("%w: whatsapp pair|status|logout", errUsage)
}

func waitPaired(ctx context.Context, cli *whatsmeow.Client, out io.Writer) error {
	for ctx.Err() == nil {
		if cli.Store.ID != nil {
			fmt.Fprintln(out, "paired; start the service with WHATSAPP_ENABLED=true")
			return nil
		}
		time.Sleep(time.Second)
	}
	return fmt.Errorf("not paired in time")
}

// renderQR draws a QR code for a terminal, two rows per line.
func renderQR(code string) string {
	q, err := qrcode.New(code, qrcode.Low)
	if err != nil {
		return code
	}
	return q.ToSmallString(false)
}
