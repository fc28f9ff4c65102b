package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

// The WhatsApp groups page: the groups the desa's numbers are in (the
// adapter reports them), what each is linked to, and the facilitator's
// link, change and unlink. A KPMD links from the group itself by chat
// (HUBUNGKAN …); README "WhatsApp groups".

type groupsData struct {
	Desa    domain.Desa
	AllDesa []domain.Desa
	Groups  []postgres.WAGroup
	Dusun   []domain.Dusun
	// Choose: a kabupaten user with no kecamatan chosen is asked for one.
	Choose bool
	// With no group yet: the desa's WhatsApp number to add to its groups
	// (the one its board shows, "" for none), and whether this service
	// runs WhatsApp at all.
	Number domain.Phone
	WAOn   bool
}

// Refusals of the page (their texts: web/catalog/id.toml).
var (
	ruleGroupNotServed   = domain.NewRule("group_not_served", domain.EINVALID, "group %s is on a number that does not serve desa %s")
	ruleGroupAudience    = domain.NewRule("group_audience", domain.EINVALID, "choose the audience: the desa, a dusun or the women")
	ruleGroupDusunOfDesa = domain.NewRule("group_dusun_other_desa", domain.EINVALID, "dusun %d is not of desa %s")
)

func (s *Server) groupsPage(w http.ResponseWriter, r *http.Request) {
	if userOf(r).Kabupaten() && chosenKec(r) == "" && r.URL.Query().Get("desa") == "" && r.PostFormValue("desa") == "" {
		s.render(w, http.StatusOK, "admin_grup", s.adminPage(r, "Grup WhatsApp", groupsData{Choose: true}))
		return
	}
	if r.Method == http.MethodPost && r.URL.Query().Get("desa") == "" {
		// A refused form shows the page of the desa it was for.
		q := r.URL.Query()
		q.Set("desa", r.PostFormValue("desa"))
		r.URL.RawQuery = q.Encode()
	}
	d, all, err := s.chosenDesa(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	groups, err := s.Store.GroupsOfDesa(r.Context(), d.Kode, userOf(r).Scope())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dusun, err := s.Store.ListDusun(r.Context(), d.Kode)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := groupsData{Desa: d, AllDesa: all, Groups: groups, Dusun: dusun, WAOn: s.WhatsApp != nil}
	if len(groups) == 0 {
		numbers, err := s.Store.BoardNumbers(r.Context(), d.KecamatanKode)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		data.Number = numbers[d.Kode].WA
	}
	s.render(w, http.StatusOK, "admin_grup", s.adminPage(r, "Grup WhatsApp Desa "+d.Nama, data))
}

// groupLink links a group to an audience of a desa the facilitator works
// in (tujuan: DESA, PEREMPUAN or the id of one of its dusun), or unlinks it
// (tujuan: LEPAS, confirmed first). A group of a number that does not serve
// the desa is refused.
func (s *Server) groupLink(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	d, err := s.desaOf(ctx, userOf(r), r.PostFormValue("desa"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	g, err := s.Store.WAGroupByID(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ok, err := s.Store.MayLinkFrom(ctx, g.ID, d.Kode, userOf(r).Scope()); err != nil || !ok {
		if err == nil {
			err = ruleGroupNotServed.Err(g.Name, d.Nama)
		}
		s.fail(w, r, err)
		return
	}
	back := "/admin/grup?desa=" + d.Kode
	target := strings.TrimSpace(r.PostFormValue("tujuan"))
	if target == "LEPAS" {
		if !s.confirmed(w, r, adminText("group_unlink_title", nil), adminText("group_unlink_question", map[string]any{"grup": groupLabel(g)}),
			adminText("group_unlink_button", nil), back) {
			return
		}
		if err := s.Store.UnlinkGroup(ctx, g.ID); err != nil {
			s.fail(w, r, err)
			return
		}
		done(w, r, back, adminText("group_unlinked", map[string]any{"grup": groupLabel(g)}))
		return
	}
	link := postgres.GroupLink{DesaKode: d.Kode, By: "web " + userOf(r).Username}
	what := ""
	switch target {
	case string(domain.AudienceDesa):
		link.Audience, what = domain.AudienceDesa, adminText("group_to_desa", map[string]any{"desa": d.Nama})
	case string(domain.AudiencePerempuan):
		link.Audience, what = domain.AudiencePerempuan, adminText("group_to_perempuan", map[string]any{"desa": d.Nama})
	default:
		du, err := s.dusunOfDesa(r, target, d)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		link.Audience, link.DusunID, what = domain.AudienceDusun, &du.ID, adminText("group_to_dusun", map[string]any{"dusun": du.Nama})
	}
	if err := s.Store.LinkGroup(ctx, g.ID, link); err != nil {
		s.fail(w, r, err)
		return
	}
	done(w, r, back, adminText("group_linked", map[string]any{"grup": groupLabel(g), "what": what}))
}

// dusunOfDesa reads a dusun id of the form, one of desa d.
func (s *Server) dusunOfDesa(r *http.Request, v string, d domain.Desa) (domain.Dusun, error) {
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return domain.Dusun{}, ruleGroupAudience.Err()
	}
	du, err := s.Store.DusunByID(r.Context(), id)
	if err != nil {
		return du, err
	}
	if du.DesaKode != d.Kode {
		return du, ruleGroupDusunOfDesa.Err(id, d.Kode)
	}
	return du, nil
}

// groupLabel is a group's name in a confirmation or a flash, or
// "(grup tanpa nama)" before the adapter told it.
func groupLabel(g *postgres.WAGroup) string {
	if g.Name != "" {
		return g.Name
	}
	return adminText("group_unnamed", nil)
}
