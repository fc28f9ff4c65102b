package web

import (
	"net/http"
	"slices"
)

// Destructive actions (revoking a role, removing a map item or criterion)
// ask first, without JavaScript: the form's first post shows what would
// go and a button that posts the same form again with yakin=ya.

type confirmData struct {
	Question, Yes, Action, Back string
	Fields                      []formField
}

type formField struct{ Name, Value string }

// confirmed tells whether the form was confirmed; when not, it has shown
// the question.
func (s *Server) confirmed(w http.ResponseWriter, r *http.Request, title, question, yes, back string) bool {
	if r.PostFormValue("yakin") != "" {
		return true
	}
	kec := chosenKec(r)
	d := confirmData{Question: question, Yes: yes, Action: r.URL.Path, Back: withKec(back, kec)}
	if kec != "" && !r.PostForm.Has("kec") {
		d.Fields = append(d.Fields, formField{Name: "kec", Value: kec})
	}
	for name, vs := range r.PostForm {
		if name == "csrf" || name == "yakin" {
			continue
		}
		for _, v := range vs {
			d.Fields = append(d.Fields, formField{Name: name, Value: v})
		}
	}
	slices.SortStableFunc(d.Fields, func(a, b formField) int {
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	s.render(w, http.StatusOK, "admin_konfirmasi", s.adminPage(r, title, d))
	return false
}
