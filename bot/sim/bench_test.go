package sim_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
)

// BenchmarkInboundToReply measures messages per second from POST
// /sim/inbound to the reply recorded as sent, on the real Postgres and
// Redis: registered residents ask for STATUS and MENU in parallel.
//
//	go test ./bot/sim -run '^$' -bench InboundToReply -benchtime 3000x
func BenchmarkInboundToReply(b *testing.B) {
	s := startServer(b)
	ctx := context.Background()
	dusun, err := s.Store.ListDusun(ctx, "34.04.11.2002")
	if err != nil {
		b.Fatal(err)
	}
	const residents = 200
	phones := make([]string, residents)
	for i := range residents {
		phones[i] = fmt.Sprintf("0813%08d", i)
		_, err := s.Store.UpsertRegisteredContact(ctx, domain.Contact{
			Phone: domain.MustPhone(phones[i]), Name: "Warga", DesaKode: "34.04.11.2002", DusunID: dusun[0].ID, Channel: "sim",
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	var next, seq atomic.Int64
	texts := []string{"STATUS", "MENU", "BANTUAN"}
	b.SetParallelism(8) // 16 concurrent clients on 2 cores
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			phone := phones[int(i)%residents]
			code, _ := s.post(b, inbound{From: phone, Text: texts[int(i)%len(texts)], ID: fmt.Sprint("b", seq.Add(1))})
			if code != 202 {
				b.Errorf("status %d", code)
			}
		}
	})
	// Wait until every reply is sent.
	for {
		counts, err := s.Store.OutboundCounts(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if counts["queued"]+counts["sending"] == 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "msgs/s")
}
