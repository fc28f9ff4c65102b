package web

import (
	"net/http"
	"strconv"

	"github.com/suaradesa/suaradesa/store/postgres"
)

// voiceList shows the voice notes residents sent as answers, those still
// to be written down ("perlu ditulis") first, each playable here.
func (s *Server) voiceList(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	desa := ""
	if u.DesaKode != nil {
		desa = *u.DesaKode
	}
	lv := listOf(r, "pesan suara", postgres.VoiceSort.SortKeys(), true)
	list, err := pageOf(lv, func(p postgres.ListPage) ([]postgres.VoiceNote, int, error) {
		return s.Store.VoicePage(r.Context(), scopeOf(r), desa, lv.Query, p)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// What residents said, written down, may name people.
	if err := s.logAccess(r, "daftar pesan suara", strconv.Itoa(len(list))+" pesan"); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "admin_suara", s.adminPage(r, "Pesan suara", voiceData{Notes: list, List: lv}))
}

type voiceData struct {
	Notes []postgres.VoiceNote
	List  *listView
}

// voiceTranscribe stores what a voice note says; the record it answers
// gets the text where it had none.
func (s *Server) voiceTranscribe(w http.ResponseWriter, r *http.Request) {
	v, err := scoped(s, r, s.Store.VoiceNoteByID, func(v *postgres.VoiceNote) string { return v.DesaKode })
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Store.TranscribeVoiceNote(r.Context(), v.ID, r.PostFormValue("isi"), userOf(r).Username); err != nil {
		s.fail(w, r, err)
		return
	}
	back := "/admin/suara"
	if v.Record == "gagasan" && r.PostFormValue("kembali") == "" {
		back = "/admin/gagasan/" + v.RecordCode
	}
	done(w, r, back, "Pesan suara "+v.RecordCode+" sudah ditulis.")
}
