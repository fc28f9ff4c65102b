package whatsapp_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/suaradesa/suaradesa/bot/whatsapp"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// The device store lives in our Postgres beside our tables, and upgrading
// it twice (two starts) is harmless.
func TestDeviceStoreOnPostgres(t *testing.T) {
	ctx := context.Background()
	st := storetest.Store(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	c, err := whatsapp.OpenDevices(ctx, st.DB().DB, log)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := whatsapp.OpenDevices(ctx, st.DB().DB, log); err != nil {
		t.Fatalf("second upgrade: %v", err)
	}
	var tables int
	if err := st.DB().Get(&tables, `SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'whatsmeow_%'`); err != nil || tables < 5 {
		t.Fatalf("%d whatsmeow tables, %v", tables, err)
	}
	devices, err := c.GetAllDevices(ctx)
	if err != nil || len(devices) != 0 {
		t.Fatalf("devices %v, %v", devices, err)
	}
	d, err := c.GetFirstDevice(ctx)
	if err != nil || d.ID != nil {
		t.Fatalf("a new, unpaired device: %+v %v", d, err)
	}
	if _, err := whatsapp.DevicePhone(d); err == nil {
		t.Fatal("an unpaired device has a number")
	}
	// The client is built with the safe-receiving flags.
	cli := whatsapp.NewClient(d, log)
	if !cli.SynchronousAck || !cli.EnableDecryptedEventBuffer || !cli.ManualHistorySyncDownload {
		t.Fatal("client flags not set")
	}
}

func TestOneProcessHoldsANumber(t *testing.T) {
	ctx := context.Background()
	st := storetest.Store(t)
	release, err := whatsapp.HoldNumber(ctx, st.DB().DB, "+6281100009999")
	if err != nil {
		t.Fatal(err)
	}
	// A second process (another pool connection) is refused.
	if _, err := whatsapp.HoldNumber(ctx, st.DB().DB, "+6281100009999"); !errors.Is(err, whatsapp.ErrHeldElsewhere) {
		t.Fatalf("second holder: %v", err)
	}
	other, err := whatsapp.HoldNumber(ctx, st.DB().DB, "+6281100008888")
	if err != nil {
		t.Fatalf("another number: %v", err)
	}
	other()
	release()
	again, err := whatsapp.HoldNumber(ctx, st.DB().DB, "+6281100009999")
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again()
}
