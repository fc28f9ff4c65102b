package whatsapp_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.mau.fi/whatsmeow"

	"github.com/suaradesa/suaradesa/bot/whatsapp"
)

type fakeQR struct {
	events       chan whatsmeow.QRChannelItem
	connectErr   error
	disconnected chan struct{}
}

func (f *fakeQR) GetQRChannel(context.Context) (<-chan whatsmeow.QRChannelItem, error) {
	return f.events, nil
}
func (f *fakeQR) Connect() error { return f.connectErr }
func (f *fakeQR) Disconnect()    { close(f.disconnected) }

func TestPairing(t *testing.T) {
	f := &fakeQR{events: make(chan whatsmeow.QRChannelItem, 4), disconnected: make(chan struct{})}
	p := &whatsapp.Pairing{NewClient: func() (whatsapp.QRClient, error) { return f, nil }}
	f.events <- whatsmeow.QRChannelItem{Event: whatsmeow.QRChannelEventCode, Code: "2@first"}
	if err := p.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if code, st := p.Current(); code != "2@first" || st != whatsapp.PairWaiting {
		t.Fatalf("after start: %q %q", code, st)
	}
	// A second Start while one runs changes nothing.
	if err := p.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.events <- whatsmeow.QRChannelItem{Event: whatsmeow.QRChannelEventCode, Code: "2@second"}
	f.events <- whatsmeow.QRChannelItem{Event: whatsmeow.QRChannelEventPasskeyRequest}
	waitFor(t, func() bool { c, _ := p.Current(); return c == "2@second" })
	f.events <- whatsmeow.QRChannelSuccess
	<-f.disconnected
	if code, st := p.Current(); code != "" || st != whatsapp.PairDone {
		t.Fatalf("after success: %q %q", code, st)
	}

	// A client that cannot reach WhatsApp fails at once.
	bad := &fakeQR{events: make(chan whatsmeow.QRChannelItem), connectErr: errors.New("no such host"), disconnected: make(chan struct{})}
	p2 := &whatsapp.Pairing{NewClient: func() (whatsapp.QRClient, error) { return bad, nil }}
	if err := p2.Start(context.Background()); err == nil {
		t.Fatal("pairing without a connection started")
	}
	if _, st := p2.Current(); st != whatsapp.PairFailed {
		t.Fatalf("state %q", st)
	}
	// A timeout from WhatsApp ends it as failed.
	f3 := &fakeQR{events: make(chan whatsmeow.QRChannelItem, 2), disconnected: make(chan struct{})}
	p3 := &whatsapp.Pairing{NewClient: func() (whatsapp.QRClient, error) { return f3, nil }}
	f3.events <- whatsmeow.QRChannelItem{Event: whatsmeow.QRChannelEventCode, Code: "2@x"}
	_ = p3.Start(context.Background())
	f3.events <- whatsmeow.QRChannelTimeout
	<-f3.disconnected
	if _, st := p3.Current(); st != whatsapp.PairFailed {
		t.Fatalf("after timeout %q", st)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("condition not met in time")
}
