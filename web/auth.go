package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/time/rate"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
)

const (
	sessionCookie = "sd_admin"
	sessionTTL    = 12 * time.Hour
)

// HashPassword is how admin passwords are stored: bcrypt, cost 12.
func HashPassword(pw string) (string, error) {
	if len(pw) < 10 {
		return "", domain.Errorf(domain.EINVALID, "a password has at least 10 characters")
	}
	if len(pw) > 72 {
		return "", domain.Errorf(domain.EINVALID, "a password has at most 72 bytes")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), 12)
	return string(h), err
}

// dummyHash is compared against when the user does not exist, so that a
// wrong name takes as long as a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("suara-desa-no-such-user"), 12)

// Login bounds: a login form is a few short fields, and no user name is
// longer than MaxUsername (`admin create` refuses one).
const (
	loginBodyLimit = 4 << 10
	// MaxUsername is the longest admin user name, in bytes.
	MaxUsername = 64
	// limiterEntries bounds the login limiter's memory (about 200 bytes an
	// entry): beyond it, the least recently used entries are forgotten.
	limiterEntries = 10_000
)

// loginLimiter slows password guessing. Per user name and client address
// together, 5 tries at once and then one every 20 seconds: a stranger who
// guesses a name locks out only themselves, never its owner writing from
// another address. Per client address (a district office may share one),
// 20 tries at once and then one every 3 seconds, whatever the names. Its
// entries are a fixed-capacity LRU, so no sequence of requests grows it
// beyond limiterEntries.
type loginLimiter struct {
	mu   sync.Mutex
	byID *simplelru.LRU[string, *rate.Limiter]
}

func newLoginLimiter(capacity int) *loginLimiter {
	lru, _ := simplelru.NewLRU[string, *rate.Limiter](capacity, nil)
	return &loginLimiter{byID: lru}
}

// allow takes a try from the client address's limit and from the limit of
// the name from that address; the name must be bounded (MaxUsername).
func (l *loginLimiter) allow(addr, name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	ok := l.take("ip:"+addr, rate.Every(3*time.Second), 20)
	return l.take("user:"+name+"|"+addr, rate.Every(20*time.Second), 5) && ok
}

func (l *loginLimiter) take(key string, every rate.Limit, burst int) bool {
	lim, found := l.byID.Get(key)
	if !found {
		lim = rate.NewLimiter(every, burst)
		l.byID.Add(key, lim)
	}
	return lim.Allow()
}

// clientIP is the client's address: the peer's, or, when the service
// trusts its reverse proxy (TrustForwardedFor) and the peer is on this
// host, the last X-Forwarded-For entry (the address the proxy saw).
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if ip := net.ParseIP(host); s.TrustForwardedFor && ip != nil && ip.IsLoopback() {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			parts := strings.Split(xff[len(xff)-1], ",")
			if fwd := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); fwd != nil {
				return fwd.String()
			}
		}
	}
	return host
}

// cut shortens what a client sent for a log line.
func cut(s string) string {
	if len(s) <= 32 {
		return s
	}
	return strings.ToValidUTF8(s[:32], "") + "…"
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(t string) []byte {
	h := sha256.Sum256([]byte(t))
	return h[:]
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "login", page{Title: "Masuk"})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, loginBodyLimit)
	if err := r.ParseForm(); err != nil {
		s.Log.Info("admin login refused: unreadable form", "ip", s.clientIP(r), "err", err)
		s.render(w, formErrorStatus(err), "login", page{Title: "Masuk", Error: "Formulir masuk tidak terbaca atau terlalu besar."})
		return
	}
	name := strings.TrimSpace(r.PostFormValue("username"))
	pw := r.PostFormValue("password")
	if len(name) > MaxUsername {
		// Refused before the limiter, the database and the log keep it.
		s.Log.Info("admin login refused: name too long", "user", cut(name), "bytes", len(name), "ip", s.clientIP(r))
		s.render(w, http.StatusUnauthorized, "login", page{Title: "Masuk", Error: "Nama pengguna atau kata sandi salah."})
		return
	}
	if !s.limiter.allow(s.clientIP(r), strings.ToLower(name)) {
		s.render(w, http.StatusTooManyRequests, "login", page{Title: "Masuk", Error: "Terlalu banyak percobaan. Tunggu satu menit, lalu coba lagi."})
		return
	}
	u, err := s.Store.AdminUserByName(r.Context(), name)
	hash := dummyHash
	if err == nil {
		hash = []byte(u.PasswordHash)
	} else if domain.ErrorCodeOf(err) != domain.ENOTFOUND {
		s.fail(w, r, err)
		return
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(pw)) != nil || u == nil {
		s.Log.Info("admin login refused", "user", name, "ip", s.clientIP(r))
		s.render(w, http.StatusUnauthorized, "login", page{Title: "Masuk", Error: "Nama pengguna atau kata sandi salah."})
		return
	}
	token := randomToken()
	if err := s.Store.CreateAdminSession(r.Context(), hashToken(token), u.ID, randomToken(), s.now().Add(sessionTTL)); err != nil {
		s.fail(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/admin", MaxAge: int(sessionTTL.Seconds()),
		HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteStrictMode})
	s.Log.Info("admin login", "user", u.Username)
	http.Redirect(w, r, "/admin/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		_ = s.Store.DeleteAdminSession(r.Context(), hashToken(c.Value))
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/admin", MaxAge: -1,
		HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/admin/masuk", http.StatusSeeOther)
}

type ctxKey int

const (
	userKey ctxKey = iota
	csrfKey
)

// userOf is the logged-in user of an admin request.
func userOf(r *http.Request) *postgres.AdminUser {
	u, _ := r.Context().Value(userKey).(*postgres.AdminUser)
	return u
}

func csrfOf(r *http.Request) string {
	c, _ := r.Context().Value(csrfKey).(string)
	return c
}

// authed wraps an admin handler: no session, to the login page; a form
// without the session's CSRF token is refused; a role not in roles is
// refused. Cross-origin requests are refused before (http.CrossOriginProtection).
func (s *Server) authed(roles []string, h http.HandlerFunc) http.HandlerFunc {
	return s.authedLimit(roles, formBodyLimit, h)
}

// formBodyLimit bounds an admin form without a file: its longest fields
// are a few hundred characters.
const formBodyLimit = 64 << 10

// authedUpload is authed for a form that carries a file: its limit is the
// media store's largest file and room for the other fields.
func (s *Server) authedUpload(roles []string, h http.HandlerFunc) http.HandlerFunc {
	limit := int64(10 << 20)
	if s.Media != nil && s.Media.MaxSize > 0 {
		limit = int64(s.Media.MaxSize)
	}
	return s.authedLimit(roles, limit+formBodyLimit, h)
}

// parseForm reads a POST body, multipart or not.
func parseForm(r *http.Request) error {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return r.ParseMultipartForm(1 << 20) // larger parts wait on disk
	}
	return r.ParseForm()
}

// formErrorStatus: 413 for a body over its limit, else 400.
func formErrorStatus(err error) int {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

func (s *Server) authedLimit(roles []string, limit int64, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			http.Redirect(w, r, "/admin/masuk", http.StatusSeeOther)
			return
		}
		u, csrf, err := s.Store.AdminSession(r.Context(), hashToken(c.Value))
		if err != nil {
			if domain.ErrorCodeOf(err) == domain.ENOTFOUND {
				http.Redirect(w, r, "/admin/masuk", http.StatusSeeOther)
				return
			}
			s.fail(w, r, err)
			return
		}
		if r.Method == http.MethodPost {
			// The form is read here once, within its limit; the token is
			// read from the body only, never from the address.
			r.Body = http.MaxBytesReader(w, r.Body, limit)
			if err := parseForm(r); err != nil {
				s.render(w, formErrorStatus(err), "error", page{Title: "Ditolak", User: u,
					Error: "Formulir tidak terbaca atau terlalu besar (berkas paling besar " + strconv.Itoa(int(limit>>20)) + " MB). Periksa lalu coba lagi."})
				return
			}
			got := r.PostFormValue("csrf")
			if subtle.ConstantTimeCompare([]byte(got), []byte(csrf)) != 1 {
				s.render(w, http.StatusForbidden, "error", page{Title: "Ditolak", User: u,
					Error: "Formulir kedaluwarsa atau bukan dari situs ini. Muat ulang halaman lalu coba lagi."})
				return
			}
		}
		allowed := len(roles) == 0
		for _, role := range roles {
			allowed = allowed || u.Role == role
		}
		if !allowed {
			why := ruleRoleRefused.Err(roleText(u.Role))
			if r.Method == http.MethodPost && readOnly(u) {
				why = ruleReadOnly.Err(roleText(u.Role))
			}
			s.render(w, http.StatusForbidden, "error", page{Title: "Ditolak", User: u, CSRF: csrf, Error: refusalText(why)})
			return
		}
		ctx := context.WithValue(context.WithValue(r.Context(), userKey, u), csrfKey, csrf)
		w.Header().Set("Cache-Control", "no-store")
		h(w, r.WithContext(ctx))
	}
}

// readOnly tells whether a user's role only reads: the auditors change
// nothing (no POST route lists them but logging out).
func readOnly(u *postgres.AdminUser) bool {
	return u.Audits()
}

// Rules this file refuses with (their Indonesian texts: web/catalog/id.toml).
var (
	ruleRoleRefused = domain.NewRule("role_refused", domain.EFORBIDDEN, "role %s may not do this")
	ruleReadOnly    = domain.NewRule("role_read_only", domain.EFORBIDDEN, "role %s reads only and changes nothing")
)
