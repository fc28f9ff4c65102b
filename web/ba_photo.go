package web

import (
	"net/http"
	"strconv"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The photo of a meeting's signed paper berita acara, sent by the KPMD by
// chat (FOTO BA), one photo a page (or a PDF scan): the admin meeting page
// shows every page of it with the sets it replaced; the board shows its
// pages once a facilitator looked at them and let them on. A signed berita
// acara names officials, the elected and the wakil masyarakat who signs: the
// program's public record. An attendance list, numbers or notes on residents
// photographed with it are not, and the board shows no resident otherwise: a
// person checks, as nothing else can read a photo.

// boardBAPhotos is how many signed berita acara the board shows.
const boardBAPhotos = 6

// baPhotoView is a meeting's berita acara photos on its admin page.
type baPhotoView struct {
	// Sets are every page sent: the meeting's set (its pages in order)
	// and the older ones.
	Sets   postgres.BASets
	Public postgres.BAPublic
}

// Last is the last page of the meeting's set: the facilitator's form names
// it, so that a page added meanwhile is looked at before it is shown.
func (v baPhotoView) Last() postgres.BAPhoto { return v.Sets.Current[len(v.Sets.Current)-1] }

// baPhotosOf reads a meeting's berita acara photos for its admin page.
func (s *Server) baPhotosOf(r *http.Request, m *domain.Meeting) (baPhotoView, error) {
	var v baPhotoView
	var err error
	if v.Sets, err = s.Store.BAPhotos(r.Context(), m.ID); err != nil || len(v.Sets.Current) == 0 {
		return v, err
	}
	v.Public, err = s.Store.BAPublicOf(r.Context(), m.ID)
	return v, err
}

// meetingBAShow lets the photo a facilitator looked at onto the board
// (tampil=1), or takes it off; a photo replaced meanwhile is refused.
func (s *Server) meetingBAShow(w http.ResponseWriter, r *http.Request) {
	m, err := s.meetingFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	media, err := strconv.ParseInt(r.PostFormValue("foto"), 10, 64)
	if err != nil {
		s.fail(w, r, ruleBAPhotoMissing.Err())
		return
	}
	show := r.PostFormValue("tampil") == "1"
	if err := s.Store.ShowBAPhoto(r.Context(), m.Code, media, show, "web "+userOf(r).Username, s.now()); err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "Foto berita acara ditampilkan di papan informasi desa."
	if !show {
		msg = "Foto berita acara tidak lagi tampil di papan informasi desa."
	}
	done(w, r, "/admin/rapat/"+m.Code+"#berita-acara", msg)
}

// ruleBAPhotoMissing refuses a form that names no photo.
var ruleBAPhotoMissing = domain.NewRule("ba_photo_missing", domain.EINVALID, "the form names no berita acara photo")
