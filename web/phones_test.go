package web_test

import (
	"html"
	"net/url"
	"strings"
	"testing"
)

// TestTypedPhonesChecked: numbers a facilitator types must be valid
// Indonesian numbers. A board number that is no number ("12345"), a mobile
// shorter than today's (0812 3456 78) or a landline for SMS is refused in
// words above that desa's form with what was typed kept, and the board keeps
// its numbers; a role for an invalid number is refused, a role for a valid
// number nobody registered is granted with a plain warning, and a role for a
// registered resident has none.
func TestTypedPhonesChecked(t *testing.T) {
	s := newSite(t)
	fas := s.client(t)
	fas.login("fas", fasPassword)
	fas.get("/admin/warga")
	for _, c := range []struct{ wa, sms, want string }{
		{"0811-0000-9000", "12345", "Nomor SMS „12345” bukan nomor telepon."},
		{"0812 3456 78", "", "Nomor WhatsApp „0812 3456 78” kurang angkanya"},
		{"0811-0000-9000", "0274 123456", "Nomor SMS „0274 123456” bukan nomor HP."},
	} {
		code, body, _ := fas.post("/admin/desa/nomor", url.Values{"desa": {"34.04.11.2002"}, "wa": {c.wa}, "sms": {c.sms}})
		body = html.UnescapeString(body)
		if code != 400 || !strings.Contains(body, c.want) {
			t.Errorf("wa %q sms %q: %d, want %q", c.wa, c.sms, code, c.want)
			continue
		}
		// The refusal stands above the desa's own form, and the form keeps
		// what was typed.
		form := body[strings.Index(body, c.want):]
		if !strings.Contains(form[:min(len(form), 1200)], `id="sms-34.04.11.2002" type="tel" name="sms" value="`+c.sms+`"`) ||
			!strings.Contains(form[:min(len(form), 1200)], `name="wa" value="`+c.wa+`"`) {
			t.Errorf("wa %q sms %q: the values typed are not kept in the desa's form", c.wa, c.sms)
		}
	}
	if _, board := fas.get("/desa/34.04.11.2002"); !strings.Contains(board, `href="https://wa.me/6281100009000?text=HALO%2034.04.11.2002"`) || strings.Contains(board, "sms:+6212345") {
		t.Error("a refused number reached the board")
	}

	// Roles.
	code, body, _ := fas.post("/admin/peran", url.Values{"aksi": {"beri"}, "nomor": {"12345"}, "peran": {"TPK"}, "desa": {"34.04.11.2002"}})
	if body = html.UnescapeString(body); code != 400 || !strings.Contains(body, "Nomor „12345” bukan nomor Indonesia yang berlaku.") || !strings.Contains(body, `id="nomor" type="text" name="nomor" required placeholder="+62812…" value="12345"`) {
		t.Errorf("a role for 12345: %d", code)
	}
	code, _, h := fas.post("/admin/peran", url.Values{"aksi": {"beri"}, "nomor": {"0812 9999 88"}, "peran": {"TPK"}, "desa": {"34.04.11.2002"}})
	if page := html.UnescapeString(fas.follow(code, h)); !strings.Contains(page, "diberikan kepada +62812999988. Nomor 0812-999-988 belum terdaftar: perannya berlaku setelah ia mendaftar lewat chat.") {
		t.Errorf("a role for a number nobody registered says no warning: %s", page)
	}
	code, _, h = fas.post("/admin/peran", url.Values{"aksi": {"beri"}, "nomor": {"0811-0000-0012"}, "peran": {"TPK"}, "desa": {"34.04.11.2002"}})
	if page := html.UnescapeString(fas.follow(code, h)); !strings.Contains(page, "diberikan kepada +6281100000012.") || strings.Contains(page, "belum terdaftar") {
		t.Errorf("a role for a registered resident: %s", page)
	}
}
