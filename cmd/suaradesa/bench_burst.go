package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/whatsapp"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/media"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
)

// burstScript is what each resident of the burst says: registration and a
// gagasan (the start of benchScript).
var burstScript = benchScript[:7]

// burstResult is what the residents of a burst waited, in the pacing's
// (virtual) time.
type burstResult struct {
	waits []time.Duration // from each message to its first reply
	done  []time.Duration // from a resident's first message to the reply to the last
	sends int             // messages the number sent
	errs  int
	took  time.Duration // virtual
}

// burstClient is whatsmeow at the boundary: it records each send and tells
// the recipient's resident.
type burstClient struct {
	mu    sync.Mutex
	to    map[string]chan struct{}
	sends int
}

func (c *burstClient) inbox(user string) chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := c.to[user]
	if ch == nil {
		ch = make(chan struct{}, 64)
		c.to[user] = ch
	}
	return ch
}

func (c *burstClient) SendMessage(_ context.Context, to types.JID, _ *waE2E.Message, extra ...whatsmeow.SendRequestExtra) (whatsmeow.SendResponse, error) {
	c.mu.Lock()
	c.sends++
	c.mu.Unlock()
	select {
	case c.inbox(to.User) <- struct{}{}:
	default:
	}
	id := types.MessageID("")
	if len(extra) > 0 {
		id = extra[0].ID
	}
	return whatsmeow.SendResponse{ID: id, Timestamp: time.Now()}, nil
}

func (c *burstClient) Upload(context.Context, []byte, whatsmeow.MediaType) (whatsmeow.UploadResponse, error) {
	return whatsmeow.UploadResponse{}, errors.New("no media in the burst")
}

func (c *burstClient) Download(context.Context, whatsmeow.DownloadableMessage) ([]byte, error) {
	return nil, errors.New("no media in the burst")
}

func (c *burstClient) MarkRead(context.Context, []types.MessageID, time.Time, types.JID, types.JID, ...types.ReceiptType) error {
	return nil
}

func (c *burstClient) SendChatPresence(context.Context, types.JID, types.ChatPresence, types.ChatPresenceMedia) error {
	return nil
}

func (c *burstClient) GetJoinedGroups(context.Context) ([]*types.GroupInfo, error) { return nil, nil }

func (c *burstClient) GetGroupInfo(context.Context, types.JID) (*types.GroupInfo, error) {
	return nil, whatsmeow.ErrGroupNotFound
}

// runBurst plays a room: n residents write to one WhatsApp number within
// the first minute, each answering 5–15 s after a reply, through the real
// adapter, pipeline and dispatcher with the default pacing, on the
// service's Postgres and Redis, over a fake whatsmeow client. Time (the
// pacing's and the residents') runs speed times faster than real.
func runBurst(ctx context.Context, cfg Config, n int, speed float64) (burstResult, error) {
	st, err := postgres.Open(ctx, cfg.DatabaseURL, cfg.DBMaxConns)
	if err != nil {
		return burstResult{}, err
	}
	defer st.Close()
	rdb, err := redis.Connect(ctx, cfg.RedisURL)
	if err != nil {
		return burstResult{}, err
	}
	defer rdb.Close()
	dir, err := os.MkdirTemp("", "suaradesa-burst")
	if err != nil {
		return burstResult{}, err
	}
	defer os.RemoveAll(dir)
	files, err := media.NewLocal(dir, 1<<20)
	if err != nil {
		return burstResult{}, err
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	clock := bot.NewScaledClock(speed)
	disp := &bot.Dispatcher{Store: st, Log: log}
	pipe := &bot.Pipeline{Store: st, Sessions: redis.New(rdb, redis.Options{}), Media: files, Log: log, Wake: disp.Wake,
		Timeout: cfg.SessionTimeout, Reminders: cfg.Reminders, Controller: cfg.Controller}
	run := mrand.N(90) + 10 // a run's numbers do not meet an earlier run's
	number := domain.Phone(fmt.Sprintf("+6281%02d0000000", run))
	client := &burstClient{to: map[string]chan struct{}{}}
	pace := whatsapp.DefaultPace()
	pace.PerSecond, pace.PerMinute = cfg.WhatsAppPerSecond, cfg.WhatsAppPerMinute // the service's (default) ceiling
	a := whatsapp.New(number, client, nil, st, pipe, log, whatsapp.Config{Pace: pace, Clock: clock})
	a.HandleEvent(&events.Connected{})
	disp.Add(a)
	runCtx, stop := context.WithCancel(ctx)
	stopped := make(chan struct{})
	go func() { disp.Run(runCtx); close(stopped) }()
	defer func() { stop(); <-stopped }()

	var (
		mu  sync.Mutex
		res burstResult
		wg  sync.WaitGroup
	)
	start := clock.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			user := fmt.Sprintf("62819%02d%06d", run, i)
			waits, done, errs := burstResident(ctx, a, client.inbox(user), clock, user, i, time.Duration(i)*time.Minute/time.Duration(n))
			mu.Lock()
			res.waits = append(res.waits, waits...)
			if errs == 0 {
				res.done = append(res.done, done)
			}
			res.errs += errs
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.took = clock.Now().Sub(start)
	client.mu.Lock()
	res.sends = client.sends
	client.mu.Unlock()
	return res, nil
}

// burstResident writes the burst script after arriving at `arrive`, each
// message 5–15 s after the reply to the one before.
func burstResident(ctx context.Context, a *whatsapp.Adapter, inbox chan struct{}, clock bot.Clock, user string, i int, arrive time.Duration) ([]time.Duration, time.Duration, int) {
	jid := types.NewJID(user, types.DefaultUserServer)
	clock.Sleep(ctx, arrive)
	first := clock.Now()
	var waits []time.Duration
	for k, text := range burstScript {
		if k > 0 {
			clock.Sleep(ctx, 5*time.Second+mrand.N(10*time.Second))
		}
		for len(inbox) > 0 { // the rest of the last turn's replies, read
			<-inbox
		}
		t0 := clock.Now()
		ok := a.HandleEvent(&events.Message{
			Info: types.MessageInfo{MessageSource: types.MessageSource{Chat: jid, Sender: jid},
				ID: types.MessageID(fmt.Sprintf("BURST%s%d", user, k)), Timestamp: time.Now()},
			Message: &waE2E.Message{Conversation: proto.String(strings.ReplaceAll(text, "{i}", strconv.Itoa(i)))},
		})
		if !ok {
			return waits, 0, 1
		}
		select {
		case <-inbox:
		case <-time.After(2 * time.Minute):
			return waits, 0, 1
		case <-ctx.Done():
			return waits, 0, 1
		}
		waits = append(waits, clock.Now().Sub(t0))
	}
	return waits, clock.Now().Sub(first), 0
}
