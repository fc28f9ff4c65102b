package web

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/akun"
	"github.com/suaradesa/suaradesa/flows/flow"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The residents' rights and their language, on the "Warga" page.

// personalDataExport answers a resident's written request for their data:
// what DATA SAYA shows by chat, as a text file, written to the access log.
func (s *Server) personalDataExport(w http.ResponseWriter, r *http.Request) {
	phone, err := domain.ParsePhone(r.PathValue("code"))
	if err != nil {
		s.fail(w, r, domain.Errorf(domain.ENOTFOUND, "warga tidak ditemukan"))
		return
	}
	c, pd, err := s.Store.PersonalDataByPhone(r.Context(), phone)
	if err == nil {
		_, err = s.desaOf(r.Context(), userOf(r), c.DesaKode)
	}
	if err != nil {
		s.fail(w, r, domain.Errorf(domain.ENOTFOUND, "warga tidak ditemukan"))
		return
	}
	if err := s.logAccess(r, "ekspor data pribadi (permintaan tertulis)", "kontak #"+strconv.FormatInt(int64(c.ID), 10)); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="data-pribadi.txt"`)
	_, _ = io.WriteString(w, akun.PersonalDataText(flow.LangID, flow.MsgDataSaya, c, pd, location(s.Store.DesaTimeZone(r.Context(), c.DesaKode)))+"\n")
}

// formDesa is the desa a form on the Warga page names, one the user may
// see. A form sent without one (a kabupaten user with no kecamatan chosen
// has no desa to pick) is refused on its page, what was typed kept.
func (s *Server) formDesa(r *http.Request) (domain.Desa, error) {
	kode := strings.TrimSpace(r.PostFormValue("desa"))
	if kode == "" {
		return domain.Desa{}, ruleDesaChoose.Err()
	}
	return s.desaOf(r.Context(), userOf(r), kode)
}

// desaLang sets the language a desa's residents get until they choose one.
func (s *Server) desaLang(w http.ResponseWriter, r *http.Request) {
	d, err := s.formDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lang := r.PostFormValue("bahasa")
	if !flow.ValidLang(lang) {
		s.fail(w, r, ruleLangUnknown.Err(lang))
		return
	}
	if err := s.Store.SetDesaLang(r.Context(), d.Kode, lang); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/warga", "Bahasa bawaan Desa "+d.Nama+": "+flow.Render(lang, flow.Key("lang_"+lang), nil)+".")
}

// desaNumbers sets the WhatsApp and SMS numbers a desa's board shows (an
// empty field for none).
func (s *Server) desaNumbers(w http.ResponseWriter, r *http.Request) {
	d, err := s.formDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var c postgres.DesaContact
	for _, f := range []struct {
		field, name string
		dst         *domain.Phone
	}{{"wa", "WhatsApp", &c.WA}, {"sms", "SMS", &c.SMS}} {
		v := strings.TrimSpace(r.PostFormValue(f.field))
		if v == "" {
			continue
		}
		p, err := domain.ParseBoardPhone(f.name, v)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		*f.dst = p
	}
	if err := s.Store.SetDesaContact(r.Context(), d.Kode, c); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, "/admin/warga", "Nomor di papan informasi Desa "+d.Nama+" disimpan.")
}

// langChoices are the catalog's languages for a form.
func langChoices() []langChoice {
	out := make([]langChoice, len(flow.Langs))
	for i, l := range flow.Langs {
		out[i] = langChoice{Code: l, Name: flow.Render(l, flow.Key("lang_"+l), nil)}
	}
	return out
}

type langChoice struct{ Code, Name string }

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleLangUnknown = domain.NewRule("lang_unknown", domain.EINVALID, "bahasa %q tidak dikenal")
	ruleDesaChoose  = domain.NewRule("desa_choose", domain.EINVALID, "no desa chosen")
)
