package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

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

// loginLimiter slows password guessing: per user name, 5 tries at once and
// then one every 20 seconds; per client address (a district office may
// share one), 20 at once and then one every 3 seconds.
type loginLimiter struct {
	mu   sync.Mutex
	byID map[string]*rate.Limiter
	seen time.Time
}

func newLoginLimiter() *loginLimiter { return &loginLimiter{byID: map[string]*rate.Limiter{}} }

func (l *loginLimiter) allow(keys ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if time.Since(l.seen) > time.Hour { // forget old entries now and then
		l.byID, l.seen = map[string]*rate.Limiter{}, time.Now()
	}
	ok := true
	for _, k := range keys {
		lim := l.byID[k]
		if lim == nil {
			lim = rate.NewLimiter(rate.Every(20*time.Second), 5)
			if strings.HasPrefix(k, "ip:") {
				lim = rate.NewLimiter(rate.Every(3*time.Second), 20)
			}
			l.byID[k] = lim
		}
		if !lim.Allow() {
			ok = false
		}
	}
	return ok
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
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
	name := strings.TrimSpace(r.PostFormValue("username"))
	pw := r.PostFormValue("password")
	if !s.limiter.allow("ip:"+clientIP(r), "user:"+strings.ToLower(name)) {
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
		s.Log.Info("admin login refused", "user", name, "ip", clientIP(r))
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
			// Multipart forms are read here once, within the upload limit.
			r.Body = http.MaxBytesReader(w, r.Body, 25<<20)
			got := r.FormValue("csrf")
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
			s.render(w, http.StatusForbidden, "error", page{Title: "Ditolak", User: u, CSRF: csrf,
				Error: "Peran Anda (" + u.Role + ") tidak boleh melakukan ini."})
			return
		}
		ctx := context.WithValue(context.WithValue(r.Context(), userKey, u), csrfKey, csrf)
		w.Header().Set("Cache-Control", "no-store")
		h(w, r.WithContext(ctx))
	}
}
