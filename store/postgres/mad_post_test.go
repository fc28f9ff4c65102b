package postgres_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// madPost renders a desa's MAD result as a text the test reads back: the
// language, the meeting, the desa and each proposal with its outcome.
func madPost(d domain.MADDesaResult) postgres.Texts {
	texts := postgres.Texts{}
	for _, l := range []string{"id", "jv", "su"} {
		var b strings.Builder
		fmt.Fprintf(&b, "[%s] MAD %s %s %s %s:", l, d.MeetingCode, d.At.Format("2006-01-02"), d.KecamatanKode, d.DesaNama)
		for _, it := range d.Funded {
			fmt.Fprintf(&b, " %s=%d", it.Code, it.Budget)
		}
		for _, it := range d.Forwarded {
			fmt.Fprintf(&b, " %s>%s", it.Code, it.ForwardTo)
		}
		texts[l] = b.String()
	}
	return texts
}

// TestMADPenetapanPostsIntoDesaGroups: recording a MAD Penetapan posts the
// result of each desa with proposals in it, once, into that desa's linked
// groups (the whole desa's and a dusun's), in the desa's language, in the
// Penetapan's transaction: a desa whose group nobody linked gets none, a
// Penetapan that fails posts nothing, nor does a second one refused.
func TestMADPenetapanPostsIntoDesaGroups(t *testing.T) {
	st := storetest.SeededStore(t)
	now := time.Now()
	if err := st.SeedDemoMADProposals(ctx, now); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE desa SET lang = 'jv' WHERE kode = '34.04.11.2002'`); err != nil {
		t.Fatal(err)
	}
	// Bimomartani (2002): a group linked to the whole desa and one linked
	// to a dusun; Sindumartani (2001): a group the bot is in that nobody
	// linked; Umbulmartani (2005): none.
	groups := map[string]int64{}
	for _, g := range []struct {
		name, desa, aud string
		linked          bool
	}{{"bimo-desa", "34.04.11.2002", "DESA", true}, {"bimo-dusun", "34.04.11.2002", "DUSUN", true}, {"sindu", "", "", false}} {
		var id int64
		if err := st.DB().Get(&id, `INSERT INTO wa_groups (channel, jid, name, can_post, desa_kode, audience, dusun_id, linked_by, linked_at)
			VALUES ('whatsapp', $1 || '@g.us', $1, true, nullif($2, ''), nullif($3, ''),
				CASE WHEN $3 = 'DUSUN' THEN (SELECT id FROM dusun WHERE desa_kode = $2 ORDER BY nama LIMIT 1) END,
				'KPMD', CASE WHEN $4 THEN now() END) RETURNING id`, g.name, g.desa, g.aud, g.linked); err != nil {
			t.Fatal(err)
		}
		groups[g.name] = id
	}
	posts := func() map[int64][]string {
		t.Helper()
		var rows []struct {
			Group int64  `db:"to_group"`
			Text  string `db:"text"`
		}
		if err := st.DB().Select(&rows, `SELECT to_group, text FROM outbound_messages WHERE kind = 'group' ORDER BY id`); err != nil {
			t.Fatal(err)
		}
		out := map[int64][]string{}
		for _, r := range rows {
			out[r.Group] = append(out[r.Group], r.Text)
		}
		return out
	}

	cands, err := st.MADCandidates(ctx, "34.04.11")
	if err != nil {
		t.Fatal(err)
	}
	ranks := map[string]int{}
	for i, c := range cands {
		ranks[c.Code] = i + 1
	}
	in := postgres.RankingInput{MeetingCode: "R-MAPRY4", Method: domain.MADUrutan, Ranks: ranks, By: "test", Now: now}
	if _, err := st.RecordRanking(ctx, in); err != nil {
		t.Fatal(err)
	}
	in.MeetingCode = "R-MAPEN7"
	res, err := st.RecordRanking(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	pen := postgres.Penetapan{MeetingCode: "R-MAPEN7", By: "test", Now: now, Notice: madNotice, Post: madPost,
		Forwards: map[string]domain.Forward{}}
	for _, it := range res.Items {
		if !it.Funded {
			pen.Forwards[it.Code] = domain.Forward{Reason: "Alokasi tidak cukup"}
		}
	}

	// A Penetapan that fails (a proposal moved meanwhile) posts nothing.
	moved := res.Items[len(res.Items)-1].Code
	if _, err := st.DB().Exec(`UPDATE gagasan SET status = 'TIDAK_DIDANAI' WHERE code = $1`, moved); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordPenetapan(ctx, pen); ruleKeyOf(err) != "mad_moved_meanwhile" {
		t.Fatalf("a proposal moved meanwhile: %v", err)
	}
	if got := posts(); len(got) != 0 {
		t.Fatalf("a failed Penetapan posted %v", got)
	}
	if _, err := st.DB().Exec(`UPDATE gagasan SET status = 'PRIORITAS_MAD' WHERE code = $1`, moved); err != nil {
		t.Fatal(err)
	}

	out, err := st.RecordPenetapan(ctx, pen)
	if err != nil {
		t.Fatal(err)
	}
	// What Bimomartani's groups should read: its proposals in the MAD's
	// order, funded with their budgets, the others to the Musrenbang.
	m, _ := st.MADMeetingByCode(ctx, "R-MAPEN7")
	want := fmt.Sprintf("[jv] MAD R-MAPEN7 %s 34.04.11 Bimomartani:", m.StartsAt.In(domain.Kecamatan{TimeZone: m.TZ}.Location()).Format("2006-01-02"))
	var fwd string
	for _, it := range res.Items {
		switch {
		case it.DesaKode != "34.04.11.2002":
		case it.Funded:
			want += fmt.Sprintf(" %s=%d", it.Code, it.Budget)
		default:
			fwd += " " + it.Code + ">" + domain.DefaultForwardTo
		}
	}
	want += fwd
	got := posts()
	if len(got) != 2 || out.Posted != 2 {
		t.Fatalf("posts into %d groups (counted %d), want Bimomartani's two: %v", len(got), out.Posted, got)
	}
	for _, g := range []string{"bimo-desa", "bimo-dusun"} {
		if p := got[groups[g]]; len(p) != 1 || p[0] != want {
			t.Errorf("%s got %q, want once %q", g, p, want)
		}
	}
	if p := got[groups["sindu"]]; len(p) != 0 {
		t.Errorf("a group nobody linked got %q", p)
	}

	// A second Penetapan is refused and posts nothing more.
	if _, err := st.RecordPenetapan(ctx, pen); ruleKeyOf(err) != "mad_decided" {
		t.Fatalf("second Penetapan: %v", err)
	}
	if again := posts(); len(again[groups["bimo-desa"]]) != 1 {
		t.Errorf("posts after a second Penetapan: %v", again)
	}
}
