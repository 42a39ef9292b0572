package console

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/openchime/chime/sigv4"
	"golang.org/x/time/rate"
)

// CookieName is the session cookie; SignInCookieName carries the sign-in
// form's token before there is a session.
const (
	CookieName       = "chime_console"
	SignInCookieName = "chime_console_signin"
)

// SessionLimits bound a session: it ends after Idle without a request, or
// Absolute after sign-in, whichever comes first. Max bounds how many
// sessions the node keeps; a sign-in beyond it is refused until some
// expire.
type SessionLimits struct {
	Idle, Absolute time.Duration
	Max            int
}

// DefaultSessionLimits are a working day's: 8 hours idle, 12 at most.
var DefaultSessionLimits = SessionLimits{Idle: 8 * time.Hour, Absolute: 12 * time.Hour, Max: 10000}

func (l SessionLimits) withDefaults() SessionLimits {
	d := DefaultSessionLimits
	if l.Idle > 0 {
		d.Idle = l.Idle
	}
	if l.Absolute > 0 {
		d.Absolute = l.Absolute
	}
	if l.Max > 0 {
		d.Max = l.Max
	}
	return d
}

// session is one signed-in browser. Sessions live in this node's memory
// only: a restart or another node signs the person out, which a console
// for operators and developers can afford.
type session struct {
	id        string
	csrf      string
	principal *sigv4.Principal
	created   time.Time
	lastSeen  time.Time
	flash     string
}

type sessions struct {
	mu     sync.Mutex
	byID   map[string]*session
	limits SessionLimits
	now    func() time.Time
}

func newSessions(l SessionLimits, now func() time.Time) *sessions {
	return &sessions{byID: map[string]*session{}, limits: l, now: now}
}

func (ss *sessions) expired(s *session, now time.Time) bool {
	return now.Sub(s.lastSeen) >= ss.limits.Idle || now.Sub(s.created) >= ss.limits.Absolute
}

// add keeps a new session; false when the node holds too many.
func (ss *sessions) add(s *session) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if len(ss.byID) >= ss.limits.Max {
		now := ss.now()
		for id, o := range ss.byID {
			if ss.expired(o, now) {
				delete(ss.byID, id)
			}
		}
		if len(ss.byID) >= ss.limits.Max {
			return false
		}
	}
	ss.byID[s.id] = s
	return true
}

// fromRequest is the live session of the request's cookie, or nil; it
// counts as activity.
func (ss *sessions) fromRequest(r *http.Request) *session {
	ck, err := r.Cookie(CookieName)
	if err != nil || ck.Value == "" {
		return nil
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s := ss.byID[ck.Value]
	if s == nil {
		return nil
	}
	now := ss.now()
	if ss.expired(s, now) {
		delete(ss.byID, s.id)
		return nil
	}
	s.lastSeen = now
	return s
}

func (ss *sessions) remove(s *session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.byID, s.id)
}

func (ss *sessions) setFlash(s *session, msg string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s.flash = msg
}

func (ss *sessions) takeFlash(s *session) string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	m := s.flash
	s.flash = ""
	return m
}

// SignInRate bounds sign-in attempts: PerKey for one access key id, from
// anywhere, and PerAddress for one client address, whatever the key.
// Every attempt counts, right or wrong, so that guessing is slow and a
// correct guess is not told apart by its cost.
type SignInRate struct {
	PerKey, PerAddress RateLimit
}

// RateLimit is a token bucket: Every is the time one attempt takes to
// come back, Burst how many may be made at once.
type RateLimit struct {
	Every time.Duration
	Burst int
}

// DefaultSignInRate allows a person's typos and stops a script: 5
// attempts at once per key then one every 12 seconds, 20 per address then
// one every 3 seconds.
var DefaultSignInRate = SignInRate{
	PerKey:     RateLimit{Every: 12 * time.Second, Burst: 5},
	PerAddress: RateLimit{Every: 3 * time.Second, Burst: 20},
}

func (r SignInRate) withDefaults() SignInRate {
	d := DefaultSignInRate
	if r.PerKey.Every > 0 && r.PerKey.Burst > 0 {
		d.PerKey = r.PerKey
	}
	if r.PerAddress.Every > 0 && r.PerAddress.Burst > 0 {
		d.PerAddress = r.PerAddress
	}
	return d
}

type signInThrottle struct {
	mu          sync.Mutex
	rate        SignInRate
	now         func() time.Time
	keys, addrs map[string]*rate.Limiter
}

func newSignInThrottle(r SignInRate, now func() time.Time) *signInThrottle {
	return &signInThrottle{rate: r, now: now, keys: map[string]*rate.Limiter{}, addrs: map[string]*rate.Limiter{}}
}

// maxLimiters bounds each map; past it, the limiters that are full again
// (nobody has tried for a while) are dropped.
const maxLimiters = 10000

// allow takes an attempt for key from addr; false names which bound
// refused it.
func (t *signInThrottle) allow(key, addr string) (ok bool, wait time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	kl := t.limiter(t.keys, key, t.rate.PerKey, now)
	al := t.limiter(t.addrs, addr, t.rate.PerAddress, now)
	kr, ar := kl.ReserveN(now, 1), al.ReserveN(now, 1)
	if d := max(kr.DelayFrom(now), ar.DelayFrom(now)); d > 0 {
		// A refused attempt does not use up what is left.
		kr.CancelAt(now)
		ar.CancelAt(now)
		return false, d
	}
	return true, 0
}

func (t *signInThrottle) limiter(m map[string]*rate.Limiter, k string, l RateLimit, now time.Time) *rate.Limiter {
	lim := m[k]
	if lim == nil {
		if len(m) >= maxLimiters {
			for kk, o := range m {
				if o.TokensAt(now) >= float64(l.Burst) {
					delete(m, kk)
				}
			}
		}
		lim = rate.NewLimiter(rate.Every(l.Every), l.Burst)
		m[k] = lim
	}
	return lim
}

// clientAddress is the connection's address without its port: the
// console trusts no forwarding header.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// sameOrigin reports whether a POST comes from a page of this server: its
// Origin, or without one its Referer, names this scheme and host. A
// request with neither is refused: browsers send Origin with every POST.
func sameOrigin(r *http.Request) bool {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	own := scheme + "://" + r.Host
	if o := r.Header.Get("Origin"); o != "" {
		return o == own
	}
	if ref := r.Header.Get("Referer"); ref != "" {
		u, err := url.Parse(ref)
		return err == nil && u.Scheme+"://"+u.Host == own
	}
	return false
}

func equalSecret(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// signedIn serves h to a live session only, and checks every POST for
// its origin and its CSRF token; otherwise it sends the browser to sign
// in, or refuses.
func (c *Console) signedIn(h func(http.ResponseWriter, *http.Request, *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := c.sessions.fromRequest(r)
		if r.Method == http.MethodPost {
			if !sameOrigin(r) {
				c.forbidden(w, s, "This form was sent from another site, so it was not carried out.")
				return
			}
			if s == nil {
				c.forbidden(w, nil, "Your session has ended. Sign in again, then repeat what you were doing.")
				return
			}
			if !equalSecret(r.PostFormValue("csrf"), s.csrf) {
				c.forbidden(w, s, "This form is out of date (its security token does not match your session), so it was not carried out. Open the page again and repeat.")
				return
			}
		}
		if s == nil {
			http.Redirect(w, r, Prefix+"signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		h(w, r, s)
	}
}

func (c *Console) forbidden(w http.ResponseWriter, s *session, msg string) {
	c.render(w, http.StatusForbidden, "refused", &page{Title: "Not carried out", Session: s, Error: msg})
}

type signInData struct {
	Token string
	Next  string
}

func (c *Console) handleSignInForm(w http.ResponseWriter, r *http.Request) {
	c.showSignIn(w, r, http.StatusOK, &page{Form: url.Values{}}, r.URL.Query().Get("next"))
}

// showSignIn renders the sign-in form with a fresh token, which a cookie
// of the form's own carries too: a sign-in is accepted only from this
// form, so that another site cannot sign a browser in to its own key.
func (c *Console) showSignIn(w http.ResponseWriter, r *http.Request, status int, p *page, next string) {
	token := c.randomHex(32)
	http.SetCookie(w, &http.Cookie{Name: SignInCookieName, Value: token, Path: Prefix, MaxAge: 3600,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	p.Title = "Sign in"
	p.Data = signInData{Token: token, Next: safeNext(next)}
	c.render(w, status, "signin", p)
}

// safeNext keeps a return address only when it is a console page.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || len(next) > 2000 ||
		len(u.Path) < len(Prefix) || u.Path[:len(Prefix)] != Prefix || u.Path == Prefix+"signin" {
		return ""
	}
	return u.RequestURI()
}

func (c *Console) handleSignIn(w http.ResponseWriter, r *http.Request) {
	keyID, secret, token := r.PostFormValue("AccessKeyId"), r.PostFormValue("SecretAccessKey"), r.PostFormValue("SessionToken")
	next := r.PostFormValue("next")
	p := &page{Form: url.Values{"AccessKeyId": {keyID}}}
	if !sameOrigin(r) {
		c.forbidden(w, nil, "This form was sent from another site, so it was not carried out.")
		return
	}
	ck, err := r.Cookie(SignInCookieName)
	if err != nil || ck.Value == "" || !equalSecret(ck.Value, r.PostFormValue("csrf")) {
		p.Error = "The sign-in form had expired. Enter your key again."
		c.showSignIn(w, r, http.StatusForbidden, p, next)
		return
	}
	if ok, wait := c.throttle.allow(keyID, clientAddress(r)); !ok {
		secs := int(wait.Round(time.Second) / time.Second)
		if secs < 1 {
			secs = 1
		}
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		p.Error = "Too many sign-in attempts. Wait " + strconv.Itoa(secs) + " seconds, then try again."
		c.showSignIn(w, r, http.StatusTooManyRequests, p, next)
		return
	}
	cred, known := c.cfg.Keys.Lookup(keyID)
	want := cred.SecretAccessKey
	if !known {
		// Compare anyway, so that an unknown key takes as long as a known one.
		want = "\x00unknown key\x00"
	}
	secretOK := equalSecret(secret, want)
	tokenOK := equalSecret(token, cred.SessionToken)
	if !known || !secretOK || !tokenOK {
		p.Error = "The access key ID or secret access key is not right."
		if known && secretOK && cred.SessionToken != "" {
			p.Error = "This key is a temporary one: give its session token too."
		}
		p.FieldErrors = map[string]string{"SecretAccessKey": p.Error}
		c.showSignIn(w, r, http.StatusUnauthorized, p, next)
		return
	}
	now := c.cfg.Now()
	s := &session{id: c.randomHex(32), csrf: c.randomHex(32), principal: cred.Principal(), created: now, lastSeen: now}
	if !c.sessions.add(s) {
		p.Error = "The server holds too many console sessions. Try again later."
		c.showSignIn(w, r, http.StatusServiceUnavailable, p, next)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: SignInCookieName, Value: "", Path: Prefix, MaxAge: -1,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	http.SetCookie(w, c.sessionCookie(r, s.id, int(c.sessions.limits.Absolute/time.Second)))
	to := safeNext(next)
	if to == "" {
		to = Prefix + "accounts"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

func (c *Console) sessionCookie(r *http.Request, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: CookieName, Value: value, Path: Prefix, MaxAge: maxAge,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode}
}

func (c *Console) handleSignOut(w http.ResponseWriter, r *http.Request, s *session) {
	c.sessions.remove(s)
	http.SetCookie(w, c.sessionCookie(r, "", -1))
	http.Redirect(w, r, Prefix+"signin", http.StatusSeeOther)
}

// AccessKeyID and AccountID name the signed-in principal on every page.
func (s *session) AccessKeyID() string { return s.principal.AccessKeyID }

// AccountID is the AWS account the session acts for.
func (s *session) AccountID() string { return s.principal.AccountID }
