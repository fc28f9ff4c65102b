package bot

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// Metrics are the service's Prometheus metrics. They live in a registry of
// their own (not the global one), so that tests and two services in one
// process do not collide.
type Metrics struct {
	Registry *prometheus.Registry

	inbound   *prometheus.CounterVec   // channel, result: accepted, duplicate, refused
	outbound  *prometheus.CounterVec   // channel, kind, status: sent, retry, failed
	steps     *prometheus.CounterVec   // flow the message ended in ("" idle)
	replyWait *prometheus.HistogramVec // channel: queued → sent, for replies
	turn      prometheus.Histogram     // one inbound message's turn, in the pipeline
	batches   prometheus.Histogram     // messages per shared transaction (group commit)
}

// NewMetrics registers the metrics; queue depth and broadcast progress are
// read from Postgres at each scrape (store may be nil in tests).
func NewMetrics(store *postgres.Store) *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		inbound: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "suaradesa_inbound_messages_total",
			Help: "Inbound messages by channel and result (accepted, duplicate, refused)."}, []string{"channel", "result"}),
		outbound: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "suaradesa_outbound_messages_total",
			Help: "Outbound send attempts by channel, kind and outcome (sent, retry, failed)."}, []string{"channel", "kind", "status"}),
		steps: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "suaradesa_flow_steps_total",
			Help: "Conversation steps by the flow the contact is in after the step (idle when none)."}, []string{"flow"}),
		replyWait: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "suaradesa_reply_latency_seconds",
			Help:    "From a reply being queued (its inbound message accepted) to its send, by channel.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}}, []string{"channel"}),
		turn: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "suaradesa_turn_seconds",
			Help:    "Time to handle one inbound message: lock, transaction, session.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1}}),
		batches: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "suaradesa_turn_batch_size",
			Help:    "Inbound messages handled in one shared transaction (group commit), when more than one.",
			Buckets: []float64{2, 4, 8, 16, 32, 64}}),
	}
	m.Registry.MustRegister(m.inbound, m.outbound, m.steps, m.replyWait, m.turn, m.batches,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if store != nil {
		m.Registry.MustRegister(&queueCollector{store: store})
	}
	return m
}

// queueCollector reports the outbound queue by channel, kind and status at
// each scrape: queue depth, and broadcast progress (queued vs sent).
type queueCollector struct{ store *postgres.Store }

var queueDesc = prometheus.NewDesc("suaradesa_outbound_queue",
	"Outbound messages of the last day by channel, kind and status (queued and sending are the queue; broadcast sent vs queued is its progress).",
	[]string{"channel", "kind", "status"}, nil)

func (q *queueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- queueDesc }

func (q *queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	rows, err := q.store.QueueCounts(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(queueDesc, err)
		return
	}
	for _, r := range rows {
		ch <- prometheus.MustNewConstMetric(queueDesc, prometheus.GaugeValue, float64(r.N), r.Channel, r.Kind, r.Status)
	}
}

func (m *Metrics) inboundDone(channel, result string) {
	if m != nil {
		m.inbound.WithLabelValues(channel, result).Inc()
	}
}

func (m *Metrics) batch(n int) {
	if m != nil {
		m.batches.Observe(float64(n))
	}
}

func (m *Metrics) step(flow string, took time.Duration) {
	if m == nil {
		return
	}
	if flow == "" {
		flow = "idle"
	}
	m.steps.WithLabelValues(flow).Inc()
	m.turn.Observe(took.Seconds())
}

func (m *Metrics) sent(channel, kind, status string, queuedAt time.Time) {
	if m == nil {
		return
	}
	m.outbound.WithLabelValues(channel, kind, status).Inc()
	if status == "sent" && kind == "reply" && !queuedAt.IsZero() {
		m.replyWait.WithLabelValues(channel).Observe(time.Since(queuedAt).Seconds())
	}
}
