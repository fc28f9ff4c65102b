package bot_test

import (
	"context"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/bot/bottest"
	"github.com/suaradesa/suaradesa/domain"
)

type nullChannel struct{}

func (nullChannel) Name() string                                      { return "null" }
func (nullChannel) Send(context.Context, bot.Message) (string, error) { return "x", nil }

// value finds a metric by name and labels in a registry.
func value(t *testing.T, m *bot.Metrics, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	metrics:
		for _, mm := range f.GetMetric() {
			for _, lp := range mm.GetLabel() {
				if want, ok := labels[lp.GetName()]; ok && want != lp.GetValue() {
					continue metrics
				}
			}
			return numberOf(mm)
		}
	}
	return -1
}

func numberOf(m *dto.Metric) float64 {
	switch {
	case m.Counter != nil:
		return m.Counter.GetValue()
	case m.Gauge != nil:
		return m.Gauge.GetValue()
	case m.Histogram != nil:
		return float64(m.Histogram.GetSampleCount())
	}
	return -1
}

func TestMetrics(t *testing.T) {
	ctx := context.Background()
	h := bottest.New(t, bottest.Options{Poll: 20 * time.Millisecond})
	m := bot.NewMetrics(h.Store)
	disp, pipe := h.Disp, h.Pipe
	disp.Metrics, pipe.Metrics = m, m
	disp.Add(nullChannel{})
	from := domain.Phone("+6281234500999")
	for i, text := range []string{"halo", "ya"} {
		if _, err := pipe.Handle(ctx, bot.Inbound{Channel: "null", ExtID: string(rune('a' + i)), From: from, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	_, _ = pipe.Handle(ctx, bot.Inbound{Channel: "null", ExtID: "a", From: from, Text: "halo"}) // a duplicate
	if v := value(t, m, "suaradesa_inbound_messages_total", map[string]string{"channel": "null", "result": "accepted"}); v != 2 {
		t.Fatalf("accepted %v", v)
	}
	if v := value(t, m, "suaradesa_inbound_messages_total", map[string]string{"result": "duplicate"}); v != 1 {
		t.Fatalf("duplicate %v", v)
	}
	if v := value(t, m, "suaradesa_flow_steps_total", map[string]string{"flow": "daftar"}); v != 2 {
		t.Fatalf("steps into registration %v", v)
	}
	if v := value(t, m, "suaradesa_outbound_queue", map[string]string{"channel": "null", "status": "queued"}); v < 2 {
		t.Fatalf("queue depth before sending %v", v)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { disp.Run(runCtx); close(done) }()
	disp.Wake("null")
	deadline := time.Now().Add(5 * time.Second)
	for value(t, m, "suaradesa_reply_latency_seconds", map[string]string{"channel": "null"}) < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	if v := value(t, m, "suaradesa_outbound_messages_total", map[string]string{"channel": "null", "status": "sent"}); v < 2 {
		t.Fatalf("sent %v", v)
	}
	if v := value(t, m, "suaradesa_reply_latency_seconds", map[string]string{"channel": "null"}); v < 2 {
		t.Fatalf("reply latency samples %v", v)
	}
	if v := value(t, m, "process_resident_memory_bytes", nil); v <= 0 {
		t.Fatalf("process metrics %v", v)
	}
}
