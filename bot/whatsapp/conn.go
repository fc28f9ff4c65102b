package whatsapp

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/lib/pq"
	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/store"
	"go.mau.fi/whatsmeow/store/sqlstore"
	waLog "go.mau.fi/whatsmeow/util/log"

	"github.com/suaradesa/suaradesa/domain"
)

// OpenDevices opens whatsmeow's device store on our Postgres (its
// whatsmeow_* tables beside ours) and upgrades its schema. Call it from one
// process at start.
func OpenDevices(ctx context.Context, db *sql.DB, log *slog.Logger) (*sqlstore.Container, error) {
	sqlstore.PostgresArrayWrapper = pq.Array
	c := sqlstore.NewWithDB(db, "postgres", Logger(log, "store"))
	if err := c.Upgrade(ctx); err != nil {
		return nil, fmt.Errorf("upgrading whatsapp device store: %w", err)
	}
	return c, nil
}

// NewClient makes a whatsmeow client for a device, set so that a message is
// acknowledged only after our handler stored it and history sync does not
// flood a first login.
func NewClient(device *store.Device, log *slog.Logger) *whatsmeow.Client {
	cli := whatsmeow.NewClient(device, Logger(log, "client"))
	cli.SynchronousAck = true
	cli.EnableDecryptedEventBuffer = true
	cli.ManualHistorySyncDownload = true
	cli.EnableAutoReconnect = true
	return cli
}

// Attach makes the adapter the client's event handler, serves retries from
// our outbound table and tells the adapter the number's own LID.
func Attach(cli *whatsmeow.Client, a *Adapter) {
	a.LID = cli.Store.GetLID
	cli.GetMessageForRetry = a.MessageForRetry
	cli.AddEventHandlerWithSuccessStatus(a.HandleEvent)
}

// Run connects the client and keeps trying, with back-off, until the first
// connection succeeds (whatsmeow reconnects by itself after that) or the
// number is stopped; it disconnects when ctx ends. The adapter's group
// syncs end with ctx (Bind).
func Run(ctx context.Context, cli *whatsmeow.Client, a *Adapter) {
	a.Bind(ctx)
	backoff := 2 * time.Second
	for ctx.Err() == nil && !a.State().Stopped() {
		err := cli.Connect()
		if err == nil {
			break
		}
		a.log.Warn("whatsapp connect failed; retrying", "err", err, "in", backoff)
		select {
		case <-ctx.Done():
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 5*time.Minute)
	}
	<-ctx.Done()
	cli.Disconnect()
}

// DevicePhone is the number a paired device belongs to.
func DevicePhone(d *store.Device) (domain.Phone, error) {
	if d.ID == nil {
		return "", errors.New("device not paired")
	}
	return domain.ParsePhone("+" + d.ID.User)
}

// HoldNumber takes a Postgres advisory lock for a number on a connection
// of its own, so that only one process connects it at a time (two would
// replace each other's stream). release gives it up.
func HoldNumber(ctx context.Context, db *sql.DB, phone domain.Phone) (release func(), err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("holding number: %w", err)
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock(hashtext('suaradesa:whatsapp:' || $1))`, string(phone)).Scan(&ok); err != nil {
		conn.Close()
		return nil, fmt.Errorf("holding number: %w", err)
	}
	if !ok {
		conn.Close()
		return nil, ErrHeldElsewhere
	}
	return func() {
		_, _ = conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(hashtext('suaradesa:whatsapp:' || $1))`, string(phone))
		conn.Close()
	}, nil
}

// ErrHeldElsewhere reports that another process connects the number.
var ErrHeldElsewhere = errors.New("another process holds this WhatsApp number")

// Logger adapts slog to whatsmeow's logger.
func Logger(log *slog.Logger, module string) waLog.Logger { return slogger{log.With("wa", module)} }

type slogger struct{ l *slog.Logger }

func (s slogger) Errorf(msg string, args ...any) { s.l.Error(fmt.Sprintf(msg, args...)) }
func (s slogger) Warnf(msg string, args ...any)  { s.l.Warn(fmt.Sprintf(msg, args...)) }
func (s slogger) Infof(msg string, args ...any)  { s.l.Debug(fmt.Sprintf(msg, args...)) }
func (s slogger) Debugf(msg string, args ...any) {}
func (s slogger) Sub(module string) waLog.Logger { return slogger{s.l.With("sub", module)} }
