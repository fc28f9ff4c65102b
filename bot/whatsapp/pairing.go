package whatsapp

import (
	"context"
	"sync"
	"time"

	"go.mau.fi/whatsmeow"
)

// QRClient is the part of a whatsmeow client that pairing by QR code uses.
type QRClient interface {
	GetQRChannel(ctx context.Context) (<-chan whatsmeow.QRChannelItem, error)
	Connect() error
	Disconnect()
}

// Pairing pairs a new number from the admin site: Start opens a fresh
// device and follows whatsmeow's QR channel in the background; Current is
// the code to show now (it changes every 20 seconds or so) and the state.
// One pairing runs at a time.
type Pairing struct {
	// NewClient makes a client for a fresh device.
	NewClient func() (QRClient, error)
	// Timeout ends a pairing nobody scanned (default 3 minutes).
	Timeout time.Duration

	mu      sync.Mutex
	running bool
	code    string
	state   PairState
}

// PairState is where a pairing stands.
type PairState string

// Pairing states.
const (
	PairIdle    PairState = ""
	PairWaiting PairState = "waiting" // a code is shown
	PairDone    PairState = "paired"
	PairFailed  PairState = "failed"
)

// Start begins a pairing unless one runs; it returns once the first code
// is known or the pairing failed.
func (p *Pairing) Start(ctx context.Context) error {
	p.mu.Lock()
	if p.running {
		p.mu.Unlock()
		return nil
	}
	p.running, p.code, p.state = true, "", PairWaiting
	p.mu.Unlock()

	cli, err := p.NewClient()
	if err != nil {
		p.finish(PairFailed)
		return err
	}
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = 3 * time.Minute
	}
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	qr, err := cli.GetQRChannel(pctx)
	if err != nil {
		cancel()
		p.finish(PairFailed)
		return err
	}
	if err := cli.Connect(); err != nil {
		cancel()
		p.finish(PairFailed)
		return err
	}
	first := make(chan struct{})
	go func() {
		defer cancel()
		defer cli.Disconnect()
		once := sync.OnceFunc(func() { close(first) })
		defer once()
		for evt := range qr {
			switch evt.Event {
			case whatsmeow.QRChannelEventCode:
				p.mu.Lock()
				p.code = evt.Code
				p.mu.Unlock()
				once()
			case whatsmeow.QRChannelSuccess.Event:
				p.finish(PairDone)
				return
			case whatsmeow.QRChannelEventPasskeyRequest, whatsmeow.QRChannelEventPasskeyResponse:
				// Newer phones may confirm with a passkey; the code stays.
			default:
				p.finish(PairFailed)
				return
			}
		}
		p.finish(PairFailed)
	}()
	select {
	case <-first:
	case <-ctx.Done():
	}
	return nil
}

func (p *Pairing) finish(s PairState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running, p.code, p.state = false, "", s
}

// Current is the code to show (empty when none) and the state.
func (p *Pairing) Current() (string, PairState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.code, p.state
}
