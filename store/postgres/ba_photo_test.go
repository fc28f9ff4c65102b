package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

// The photo of a meeting's signed berita acara: kept with the meeting and
// once in its history; a second photo replaces it and the first stays, row
// and file, through retention; the board shows only the photo a
// facilitator looked at; a cancelled meeting takes none.
func TestBAPhotoKeptReplacedAndShown(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	m, _ := newMeeting(t, st, "R-BAFOTO", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	db.MustExec(`UPDATE meetings SET starts_at = now() - interval '1 day' WHERE id = $1`, m.ID)
	var first, second int64
	_ = db.Get(&first, `INSERT INTO media (sha256, mime, kind, size, path, created_at) VALUES ('ba1', 'image/jpeg', 'image', 1, 'b1/ba1.jpg', now() - interval '400 days') RETURNING id`)
	_ = db.Get(&second, `INSERT INTO media (sha256, mime, kind, size, path, created_at) VALUES ('ba2', 'image/jpeg', 'image', 1, 'b2/ba2.jpg', now() - interval '400 days') RETURNING id`)
	const kpmd = domain.Phone("+6281100000001")
	send := func(media int64, at time.Time) error {
		t.Helper()
		return turnAs(t, st, kpmd, func(tr *postgres.Turn) error { return tr.SetBAPhoto(ctx, m.ID, media, at, false) })
	}
	at1 := time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	if err := send(first, at1); err != nil {
		t.Fatal(err)
	}
	got, _ := st.MeetingByCode(ctx, m.Code)
	if got.BAMediaID == nil || *got.BAMediaID != first || got.BASentAt == nil || !got.BASentAt.Equal(at1) {
		t.Fatalf("after the first photo the meeting holds %v at %v, want %d at %v", got.BAMediaID, got.BASentAt, first, at1)
	}
	at2 := at1.Add(time.Hour)
	// The second photo replaces the first; sent twice (a message handled
	// again), it is kept once.
	for range 2 {
		if err := send(second, at2); err != nil {
			t.Fatal(err)
		}
	}
	sets, err := st.BAPhotos(ctx, m.ID)
	if err != nil || len(sets.Current) != 1 || sets.Current[0].MediaID != second || len(sets.Older) != 1 || len(sets.Older[0]) != 1 ||
		sets.Older[0][0].MediaID != first || sets.Current[0].SentBy != "Sri Wahyuni (KPMD)" {
		t.Fatalf("photos %+v, %v; want the second (current) then the first, sent by the KPMD", sets, err)
	}
	if desa, err := st.MediaDesa(ctx, first); err != nil || desa != "34.04.11.2002" {
		t.Fatalf("the replaced photo's desa = %q, %v", desa, err)
	}
	res, err := st.Purge(ctx, postgres.Retention{Messages: 365 * 24 * time.Hour, Media: 180 * 24 * time.Hour}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.MediaPaths {
		if p == "b1/ba1.jpg" || p == "b2/ba2.jpg" {
			t.Fatalf("retention deleted a berita acara photo: %v", res.MediaPaths)
		}
	}

	// The board: nothing until a facilitator looked at the current photo.
	if shown, _ := st.BoardBAPhotos(ctx, "34.04.11.2002", 10); len(shown) != 0 {
		t.Fatalf("the board shows %+v before anyone looked", shown)
	}
	if _, _, err := st.PublicPhoto(ctx, second); domain.ErrorCodeOf(err) != domain.ENOTFOUND {
		t.Fatalf("the photo is public before anyone looked: %v", err)
	}
	if err := st.ShowBAPhoto(ctx, m.Code, first, true, "Fasilitator", time.Now()); domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("showing the replaced photo: %v, want a conflict", err)
	}
	if err := st.ShowBAPhoto(ctx, m.Code, second, true, "Fasilitator", time.Now()); err != nil {
		t.Fatal(err)
	}
	shown, _ := st.BoardBAPhotos(ctx, "34.04.11.2002", 10)
	if len(shown) != 1 || len(shown[0].Pages) != 1 || shown[0].Pages[0].MediaID != second || shown[0].Code != m.Code {
		t.Fatalf("the board shows %+v, want the second photo of %s", shown, m.Code)
	}
	if _, _, err := st.PublicPhoto(ctx, second); err != nil {
		t.Fatalf("the photo looked at is not public: %v", err)
	}
	if _, _, err := st.PublicPhoto(ctx, first); domain.ErrorCodeOf(err) != domain.ENOTFOUND {
		t.Fatalf("the replaced photo is public: %v", err)
	}
	// A newer photo leaves the board until it is looked at.
	if err := send(first, at2.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if shown, _ := st.BoardBAPhotos(ctx, "34.04.11.2002", 10); len(shown) != 0 {
		t.Fatalf("the board shows %+v after a new photo nobody looked at", shown)
	}

	// A meeting cancelled since the flow read it takes no photo.
	db.MustExec(`UPDATE meetings SET status = 'DIBATALKAN' WHERE id = $1`, m.ID)
	if err := send(second, at2); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("a cancelled meeting's photo: %v, want refused", err)
	}
}

// A berita acara of several pages: the pages after the first join the
// meeting's set; the board shows every page of the set looked at, a PDF
// scan among them; the same media sent again does not take an approved
// set off the board, a new page does, and a new first page starts a new
// set.
func TestBAPhotoPagesAndSameMedia(t *testing.T) {
	st := storetest.SeededStore(t)
	db := st.DB()
	m, _ := newMeeting(t, st, "R-BAHALA", domain.AudienceDesa, time.Now().Add(48*time.Hour))
	db.MustExec(`UPDATE meetings SET starts_at = now() - interval '1 day' WHERE id = $1`, m.ID)
	file := func(name, mime string) int64 {
		var id int64
		if err := db.Get(&id, `INSERT INTO media (sha256, mime, kind, size, path) VALUES ($1, $2, 'image', 1, $1) RETURNING id`, name, mime); err != nil {
			t.Fatal(err)
		}
		return id
	}
	p1, p2, scan, again := file("hal1", "image/jpeg"), file("hal2", "image/jpeg"), file("hal3", "application/pdf"), file("baru", "image/jpeg")
	const kpmd = domain.Phone("+6281100000001")
	send := func(media int64, page bool) {
		t.Helper()
		if err := turnAs(t, st, kpmd, func(tr *postgres.Turn) error { return tr.SetBAPhoto(ctx, m.ID, media, time.Now(), page) }); err != nil {
			t.Fatal(err)
		}
	}
	send(p1, false)
	send(p2, true)
	send(scan, true)
	send(p2, true) // a page handled again is kept once
	sets, err := st.BAPhotos(ctx, m.ID)
	if err != nil || len(sets.Current) != 3 || len(sets.Older) != 0 {
		t.Fatalf("sets %+v, %v; want one set of three pages", sets, err)
	}
	for i, want := range []int64{p1, p2, scan} {
		if p := sets.Current[i]; p.MediaID != want || p.Page != i+1 || p.PDF != (want == scan) {
			t.Fatalf("page %d is %+v, want media %d", i+1, p, want)
		}
	}
	// The facilitator's look names the last page seen: the first alone is
	// no look at the whole.
	if err := st.ShowBAPhoto(ctx, m.Code, p1, true, "Fasilitator", time.Now()); domain.ErrorCodeOf(err) != domain.ECONFLICT {
		t.Fatalf("showing with only the first page seen: %v, want a conflict", err)
	}
	if err := st.ShowBAPhoto(ctx, m.Code, scan, true, "Fasilitator", time.Now()); err != nil {
		t.Fatal(err)
	}
	shown, _ := st.BoardBAPhotos(ctx, "34.04.11.2002", 10)
	if len(shown) != 1 || len(shown[0].Pages) != 3 || shown[0].Pages[1].MediaID != p2 || !shown[0].Pages[2].PDF {
		t.Fatalf("the board shows %+v, want the three pages, the last a PDF", shown)
	}
	for _, id := range []int64{p1, p2, scan} {
		if _, _, err := st.PublicPhoto(ctx, id); err != nil {
			t.Fatalf("page %d is not public: %v", id, err)
		}
	}
	// The same first page again (a held photo, a redelivery): still shown.
	send(p1, false)
	send(p2, true)
	if pub, _ := st.BAPublicOf(ctx, m.ID); pub.At == nil {
		t.Fatal("sending a page already kept took the berita acara off the board")
	}
	// A new page waits for a look.
	send(file("hal4", "image/jpeg"), true)
	if pub, _ := st.BAPublicOf(ctx, m.ID); pub.At != nil {
		t.Fatal("a new page is on the board before anyone looked at it")
	}
	// A new first page is a new set; the old one stays, pages and all.
	send(again, false)
	sets, _ = st.BAPhotos(ctx, m.ID)
	if len(sets.Current) != 1 || sets.Current[0].MediaID != again || len(sets.Older) != 1 || len(sets.Older[0]) != 4 {
		t.Fatalf("after a new first page: %+v, want it alone and the four pages before it", sets)
	}
	if _, _, err := st.PublicPhoto(ctx, p2); domain.ErrorCodeOf(err) != domain.ENOTFOUND {
		t.Fatalf("a page of the replaced set is public: %v", err)
	}
}
