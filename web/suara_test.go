package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// suaraMeeting stores a Musdes Perencanaan of Bimomartani three days
// ahead with three of its gagasan on the agenda, and returns its start.
func suaraMeeting(t *testing.T, s *site, code string) time.Time {
	t.Helper()
	at := time.Now().Add(72 * time.Hour).Truncate(time.Minute)
	var id int64
	if err := s.st.DB().Get(&id, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place)
		VALUES ($1, 'MUSDES_PERENCANAAN', '34.04.11.2002', 'DESA', $2, 'Balai Desa') RETURNING id`, code, at); err != nil {
		t.Fatal(err)
	}
	if _, err := s.st.DB().Exec(`INSERT INTO meeting_agenda (meeting_id, gagasan_id)
		SELECT $1, id FROM gagasan WHERE desa_kode = '34.04.11.2002' AND status NOT IN ('DITOLAK', 'DIGABUNG', 'DITARIK') ORDER BY id LIMIT 3`, id); err != nil {
		t.Fatal(err)
	}
	return at
}

// vote casts ballots as the vote's recipients would, by chat: women
// first, then men, each ballot to the next recipient of that gender.
func vote(t *testing.T, s *site, code string, gender domain.Gender, ballots ...[]int) {
	t.Helper()
	var phones []string
	if err := s.st.DB().Select(&phones, `SELECT c.phone FROM vote_recipients r JOIN votes v ON v.id = r.vote_id
		JOIN meetings m ON m.id = v.meeting_id JOIN contacts c ON c.id = r.contact_id
		WHERE m.code = $1 AND c.gender = $2 ORDER BY c.id LIMIT $3`, code, string(gender), len(ballots)); err != nil || len(phones) < len(ballots) {
		t.Fatalf("recipients %v %v", phones, err)
	}
	for i, b := range ballots {
		turn, err := s.st.BeginTurn(context.Background(), domain.Phone(phones[i]))
		if err != nil {
			t.Fatal(err)
		}
		v, err := turn.VoteSentTo(context.Background(), turn.Contact().ID, code)
		if err == nil {
			err = turn.CastBallot(context.Background(), v.ID, b, time.Now())
		}
		if err != nil {
			turn.Rollback()
			t.Fatal(err)
		}
		if err := turn.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSuaraWargaAdminAndBoard(t *testing.T) {
	s := newSite(t)
	at := suaraMeeting(t, s, "R-SUARAW")
	fas := s.client(t)
	fas.login("fas", fasPassword)
	_, page := fas.get("/admin/rapat/R-SUARAW")
	if !strings.Contains(page, `action="/admin/rapat/R-SUARAW/suara"`) || strings.Contains(page, `id="why-suara"`) {
		t.Fatalf("the meeting page offers no vote to open:\n%s", page)
	}
	// The first post asks; nothing is sent until confirmed.
	code, body, _ := fas.post("/admin/rapat/R-SUARAW/suara", url.Values{})
	var votes int
	_ = s.st.DB().Get(&votes, `SELECT count(*) FROM votes`)
	var aud int
	_ = s.st.DB().Get(&aud, `SELECT count(*) FROM contacts WHERE desa_kode = '34.04.11.2002' AND registered_at IS NOT NULL AND opted_out_at IS NULL`)
	if code != 200 || !strings.Contains(body, "Buka suara warga?") || !strings.Contains(body, "bukan keputusan") || votes != 0 ||
		!strings.Contains(body, "ke warga sasaran rapat ini (") || strings.Contains(body, "setiap warga yang diundang") {
		t.Fatalf("confirmation %d, %d votes:\n%s", code, votes, body)
	}
	code, _, h := fas.post("/admin/rapat/R-SUARAW/suara", url.Values{"yakin": {"ya"}})
	page = fas.follow(code, h)
	var sent int
	_ = s.st.DB().Get(&sent, `SELECT count(*) FROM vote_recipients`)
	if sent == 0 || !strings.Contains(page, "Suara warga dikirim ke") || !strings.Contains(page, "0 suara dari") {
		t.Fatalf("%d recipients; page:\n%s", sent, page)
	}
	// Opened once: a second post is refused with the reason.
	_, body, _ = fas.post("/admin/rapat/R-SUARAW/suara", url.Values{"yakin": {"ya"}})
	if !strings.Contains(body, "sudah punya suara warga") {
		t.Fatalf("a second vote was not refused:\n%s", body)
	}

	vote(t, s, "R-SUARAW", domain.GenderFemale, []int{2, 1}, []int{2})
	vote(t, s, "R-SUARAW", domain.GenderMale, []int{1, 3}, []int{2, 3, 1})
	_, page = fas.get("/admin/rapat/R-SUARAW")
	if !strings.Contains(page, "4 suara dari") || !strings.Contains(page, "<td>1</td><td>2</td>") {
		t.Fatalf("the admin page lacks the count:\n%s", page)
	}
	// No breakdown while the vote is open.
	if strings.Contains(page, "perempuan 2 dari") || strings.Contains(page, "Poin perempuan") || !strings.Contains(page, "tampil setelah ditutup") {
		t.Fatalf("the admin page shows a breakdown of an open vote:\n%s", page)
	}
	// The board shows nothing while the vote is open.
	_, board := s.client(t).get("/desa/34.04.11.2002")
	if strings.Contains(board, `id="suara"`) {
		t.Fatal("the board shows an open vote")
	}
	render := func(v domain.Vote, r domain.VoteResult) postgres.Texts { return postgres.Texts{"id": "hasil"} }
	if n, err := s.st.CloseDueVotes(context.Background(), at.Add(time.Minute), render); err != nil || n != 1 {
		t.Fatalf("closed %d: %v", n, err)
	}
	_, board = s.client(t).get("/desa/34.04.11.2002")
	i := strings.Index(board, `id="suara"`)
	if i < 0 {
		t.Fatal("the board shows no closed vote")
	}
	section := board[i:strings.Index(board, `id="gagasan"`)]
	// Gagasan 2 leads with 9 points; the women's two ballots and the
	// men's two are under 3: the split is not shown at all (neither
	// group, so that none is the total less the other).
	for _, want := range []string{"4 suara dari", "bukan keputusan", "<td>1</td><td>2</td>", "<td>9</td>"} {
		if !strings.Contains(section, want) {
			t.Errorf("board section lacks %q:\n%s", want, section)
		}
	}
	for _, no := range []string{"+62", "Sri Wahyuni", "perempuan", "laki-laki &lt; 3", "Poin perempuan", "Per dusun"} {
		if strings.Contains(section, no) {
			t.Errorf("board section shows %q", no)
		}
	}
}

// A vote the rules refuse is refused before any confirmation, and the
// meeting page shows why instead of a button; a past meeting offers none.
func TestSuaraWargaRefusedBeforeConfirmation(t *testing.T) {
	s := newSite(t)
	suaraMeeting(t, s, "R-SUARAF")
	if _, err := s.st.DB().Exec(`DELETE FROM meeting_agenda WHERE ctid IN (SELECT a.ctid FROM meeting_agenda a
		JOIN meetings m ON m.id = a.meeting_id WHERE m.code = 'R-SUARAF' OFFSET 1)`); err != nil {
		t.Fatal(err)
	}
	fas := s.client(t)
	fas.login("fas", fasPassword)
	_, page := fas.get("/admin/rapat/R-SUARAF")
	if strings.Contains(page, `action="/admin/rapat/R-SUARAF/suara"`) || !strings.Contains(page, "kurang dari 2 gagasan") {
		t.Errorf("a vote with one agenda item is offered:\n%s", page)
	}
	_, body, _ := fas.post("/admin/rapat/R-SUARAF/suara", url.Values{})
	if strings.Contains(body, "Buka suara warga?") || !strings.Contains(body, "kurang dari 2 gagasan") {
		t.Errorf("the refusal came after a confirmation:\n%s", body)
	}
	// A meeting held yesterday: no vote offered, nor invitation to one.
	if _, err := s.st.DB().Exec(`UPDATE meetings SET starts_at = now() - interval '1 day' WHERE code = 'R-SUARAF'`); err != nil {
		t.Fatal(err)
	}
	_, page = fas.get("/admin/rapat/R-SUARAF")
	if strings.Contains(page, "Belum ada suara warga") || strings.Contains(page, `action="/admin/rapat/R-SUARAF/suara"`) ||
		!strings.Contains(page, "tidak memakai suara warga") {
		t.Errorf("a past meeting offers a vote:\n%s", page)
	}
}

// closedSuara opens a vote on a new meeting (code), casts four ballots and
// closes it, as the chat and the job would.
func closedSuara(t *testing.T, s *site, code string) {
	t.Helper()
	at := suaraMeeting(t, s, code)
	ballot := func(m *domain.Meeting, items []domain.VoteItem, closes time.Time) postgres.Texts {
		return postgres.Texts{"id": "suara " + m.Code}
	}
	if _, err := s.st.OpenVoteByCode(context.Background(), code, time.Now(), ballot); err != nil {
		t.Fatal(err)
	}
	vote(t, s, code, domain.GenderFemale, []int{2, 1}, []int{2})
	vote(t, s, code, domain.GenderMale, []int{1, 3}, []int{2, 3, 1})
	render := func(v domain.Vote, r domain.VoteResult) postgres.Texts { return postgres.Texts{"id": "hasil"} }
	if _, err := s.st.CloseDueVotes(context.Background(), at.Add(time.Minute), render); err != nil {
		t.Fatal(err)
	}
}

// TestSuaraWargaBrowser: the board's vote on a 360 px phone and the admin
// meeting page at 1280 px fit their screens (the table scrolls inside its
// own box) and pass axe-core.
func TestSuaraWargaBrowser(t *testing.T) {
	axe := axeSource(t)
	s := newSite(t)
	closedSuara(t, s, "R-SUARAB")
	phone := browser(t, true)
	if err := chromedp.Do(phone, chromedp.Navigate(s.srv.URL+"/desa/34.04.11.2002#suara"), chromedp.WaitVisible(`#suara-R-SUARAB`)); err != nil {
		t.Fatalf("board: %v", err)
	}
	overflow := func(ctx context.Context, what string) {
		t.Helper()
		px, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth - window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if px > 0 {
			t.Errorf("%s is %.0f px wider than its screen", what, px)
		}
	}
	overflow(phone, "the board at 360 px")
	screenshot(t, phone, "suara-board-phone")
	n, found := axePages(t, phone, axe, []string{"/desa/34.04.11.2002"}, func(p string) error {
		return chromedp.Do(phone, chromedp.Navigate(s.srv.URL+p), chromedp.WaitReady(chromedp.CSS(`body`)))
	})

	desk := browser(t, false)
	err := chromedp.Do(desk, chromedp.Navigate(s.srv.URL+"/admin/masuk"), chromedp.WaitVisible(`#u`),
		chromedp.SendKeys(`#u`, "fas"), chromedp.SendKeys(`#p`, fasPassword), chromedp.Submit(`#p`),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/admin/keluar"]`)),
		chromedp.Navigate(s.srv.URL+"/admin/rapat/R-SUARAB"), chromedp.WaitVisible(`#suara`))
	if err != nil {
		t.Fatalf("admin: %v", err)
	}
	overflow(desk, "the admin meeting page at 1280 px")
	screenshot(t, desk, "suara-admin")
	m, more := axePages(t, desk, axe, []string{"/admin/rapat/R-SUARAB"}, func(p string) error {
		return chromedp.Do(desk, chromedp.Navigate(s.srv.URL+p), chromedp.WaitReady(chromedp.CSS(`body`)))
	})
	if n+m != 2 {
		t.Errorf("axe-core checked %d pages, want 2", n+m)
	}
	for _, f := range append(found, more...) {
		t.Error(f)
	}
}
