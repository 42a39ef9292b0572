// Package console is the administration console in the browser, served by
// `chime server` at /console/: server-rendered pages (html/template) with
// their stylesheet embedded in the binary, usable with JavaScript off.
//
// A person signs in with an access key ID and secret of the server's
// keyring and then acts as that key's principal: every page reads and
// writes through restjson.API.Invoke, so that tenancy, the domain's rules,
// apispec's validation and the error messages are exactly the API's. The
// console holds no rule of its own beyond sessions, CSRF and throttling of
// sign-in attempts.
//
// It imports the domain (for error kinds), apispec (for the values a form
// offers), restjson (to invoke operations) and sigv4 (for the keyring); only
// server imports it.
package console

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/sigv4"
)

// Prefix is where the console is mounted on the server's listener.
const Prefix = "/console/"

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Invoker runs one operation as a caller; *restjson.API is the one
// implementation outside tests.
type Invoker interface {
	Invoke(ctx context.Context, caller *sigv4.Principal, opName string, input map[string]any) ([]byte, error)
}

// Config is what the console needs.
type Config struct {
	// API runs the operations.
	API Invoker
	// Keys are the credentials the SigV4 verifier accepts; sign-in checks
	// the same ones.
	Keys sigv4.Keyring
	// Logger receives internal failures with their request id; default
	// discards.
	Logger *slog.Logger
	// Now is the clock of sessions and throttling; default time.Now.
	Now func() time.Time
	// Rand is the source of session ids and CSRF tokens; default
	// crypto/rand.
	Rand io.Reader
	// NewRequestID names a page's failure in the log; default a random
	// hex id.
	NewRequestID func() string
	// Sessions bounds sessions' lifetimes; zero fields take the defaults.
	Sessions SessionLimits
	// SignInRate bounds sign-in attempts; zero fields take the defaults.
	SignInRate SignInRate
}

// Console is the console's HTTP handler.
type Console struct {
	cfg      Config
	mux      *http.ServeMux
	pages    map[string]*template.Template
	sessions *sessions
	throttle *signInThrottle
	static   http.Handler
	imports  importJobs
}

// New returns the console.
func New(cfg Config) (*Console, error) {
	if cfg.API == nil || cfg.Keys == nil {
		return nil, errors.New("console: API and Keys are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.Reader
	}
	c := &Console{cfg: cfg}
	if cfg.NewRequestID == nil {
		c.cfg.NewRequestID = func() string { return c.randomHex(16) }
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	c.pages = pages
	c.sessions = newSessions(cfg.Sessions.withDefaults(), cfg.Now)
	c.throttle = newSignInThrottle(cfg.SignInRate.withDefaults(), cfg.Now)
	sub, _ := fs.Sub(staticFS, "static")
	c.static = http.StripPrefix(Prefix+"static/", http.FileServerFS(sub))
	c.routes()
	return c, nil
}

// routes lists every page: the accounts of the AWS account, then one
// account's pages, then its users'. Later resources (phone numbers, rooms,
// bots) add their routes here and their entries in navigation.
func (c *Console) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /console/{$}", c.handleHome)
	m.HandleFunc("GET /console/static/{file}", c.handleStatic)
	m.HandleFunc("GET /console/signin", c.handleSignInForm)
	m.HandleFunc("POST /console/signin", c.handleSignIn)
	m.HandleFunc("POST /console/signout", c.signedIn(c.handleSignOut))

	m.HandleFunc("GET /console/accounts", c.signedIn(c.handleAccounts))
	m.HandleFunc("GET /console/accounts/new", c.signedIn(c.handleNewAccountForm))
	m.HandleFunc("POST /console/accounts/new", c.signedIn(c.handleCreateAccount))
	m.HandleFunc("GET /console/accounts/{accountId}", c.signedIn(c.handleAccount))
	m.HandleFunc("POST /console/accounts/{accountId}/update", c.signedIn(c.handleUpdateAccount))
	m.HandleFunc("POST /console/accounts/{accountId}/status", c.signedIn(c.handleAccountStatus))
	m.HandleFunc("POST /console/accounts/{accountId}/settings", c.signedIn(c.handleAccountSettings))
	m.HandleFunc("POST /console/accounts/{accountId}/delegates/add", c.signedIn(c.handleAddDelegate))
	m.HandleFunc("POST /console/accounts/{accountId}/delegates/remove", c.signedIn(c.handleRemoveDelegate))
	m.HandleFunc("GET /console/accounts/{accountId}/delete", c.signedIn(c.handleDeleteAccountForm))
	m.HandleFunc("POST /console/accounts/{accountId}/delete", c.signedIn(c.handleDeleteAccount))

	m.HandleFunc("GET /console/accounts/{accountId}/users", c.signedIn(c.handleUsers))
	m.HandleFunc("GET /console/accounts/{accountId}/users/new", c.signedIn(c.handleNewUserForm))
	m.HandleFunc("POST /console/accounts/{accountId}/users/new", c.signedIn(c.handleCreateUser))
	m.HandleFunc("GET /console/accounts/{accountId}/invite", c.signedIn(c.handleInviteForm))
	m.HandleFunc("POST /console/accounts/{accountId}/invite", c.signedIn(c.handleInvite))
	m.HandleFunc("GET /console/accounts/{accountId}/import", c.signedIn(c.handleImportForm))
	m.HandleFunc("POST /console/accounts/{accountId}/import", c.signedIn(c.handleImport))
	m.HandleFunc("GET /console/accounts/{accountId}/import/{job}", c.signedIn(c.handleImportProgress))
	m.HandleFunc("GET /console/accounts/{accountId}/export", c.signedIn(c.handleExport))
	m.HandleFunc("GET /console/accounts/{accountId}/users/{userId}", c.signedIn(c.handleUser))
	m.HandleFunc("POST /console/accounts/{accountId}/users/{userId}/update", c.signedIn(c.handleUpdateUser))
	m.HandleFunc("POST /console/accounts/{accountId}/users/{userId}/suspend", c.signedIn(c.handleSuspendUser))
	m.HandleFunc("POST /console/accounts/{accountId}/users/{userId}/unsuspend", c.signedIn(c.handleUnsuspendUser))
	m.HandleFunc("POST /console/accounts/{accountId}/users/{userId}/reset-pin", c.signedIn(c.handleResetPIN))
	m.HandleFunc("POST /console/accounts/{accountId}/users/{userId}/logout", c.signedIn(c.handleLogoutUser))
	m.HandleFunc("POST /console/accounts/{accountId}/users/{userId}/settings", c.signedIn(c.handleUserSettings))
	m.HandleFunc("/console/", c.handleNotFound)
	c.mux = m
}

// ServeHTTP sets the security headers every console response carries,
// then serves the page.
func (c *Console) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	// same-origin, not no-referrer: a POST without Origin is checked
	// against its Referer, which the browser then still sends to us.
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	if r.TLS != nil {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	if r.Body != nil {
		// The largest form (50 e-mail addresses) is a few kilobytes; an
		// import carries its file.
		limit := int64(MaxFormBytes)
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/import") {
			limit = MaxImportBytes
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
	}
	c.mux.ServeHTTP(w, r)
}

// MaxFormBytes bounds the body of a console request.
const MaxFormBytes = 64 << 10

// ContentSecurityPolicy lets pages load only the server's own stylesheet
// and script, never inline code, and never be framed.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

func (c *Console) handleStatic(w http.ResponseWriter, r *http.Request) {
	// The stylesheet holds no data; it may be kept an hour.
	w.Header().Set("Cache-Control", "max-age=3600")
	c.static.ServeHTTP(w, r)
}

func (c *Console) handleHome(w http.ResponseWriter, r *http.Request) {
	if c.sessions.fromRequest(r) == nil {
		http.Redirect(w, r, Prefix+"signin", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, Prefix+"accounts", http.StatusSeeOther)
}

func (c *Console) handleNotFound(w http.ResponseWriter, r *http.Request) {
	c.notFound(w, r, c.sessions.fromRequest(r))
}

// page is what every template receives.
type page struct {
	Title string
	// Section names the navigation entry of the page, for aria-current.
	Section string
	Session *session
	// Account is the account the page is about, for the account's
	// navigation; nil on pages of the whole AWS account.
	Account *account
	Flash   string
	// Error is a refusal not about one field; FieldErrors are those next
	// to their field, by member name.
	Error       string
	FieldErrors map[string]string
	// Form holds what was submitted, to fill the form in again.
	Form url.Values
	Data any
}

// CSRF is the session's token for the forms of the page.
func (p *page) CSRF() string {
	if p.Session == nil {
		return ""
	}
	return p.Session.csrf
}

// render writes a page with status.
func (c *Console) render(w http.ResponseWriter, status int, name string, p *page) {
	t, ok := c.pages[name]
	if !ok {
		panic("console: no template " + name)
	}
	if p.Session != nil && p.Flash == "" {
		p.Flash = c.sessions.takeFlash(p.Session)
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, "layout", p); err != nil {
		id := c.cfg.NewRequestID()
		c.cfg.Logger.Error("console: rendering a page failed", "request_id", id, "page", name, "error", err.Error())
		http.Error(w, "The page could not be shown. Request id "+id+".", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, b.String())
}

// notFound is the page of anything that does not exist for the caller,
// another tenant's account included.
func (c *Console) notFound(w http.ResponseWriter, r *http.Request, s *session) {
	c.render(w, http.StatusNotFound, "notfound", &page{Title: "Not found", Session: s})
}

// invoke runs an operation as the session's principal and decodes its
// output into out (when not nil).
func (c *Console) invoke(r *http.Request, s *session, op string, in map[string]any, out any) error {
	b, err := c.cfg.API.Invoke(r.Context(), s.principal, op, in)
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return chime.Internalf(err, "console: decode the output of %s", op)
	}
	return nil
}

// refusal is an operation's error as the page shows it.
type refusal struct {
	status int
	// top is the message above the form; field, when set, the member the
	// message names and fieldMsg the message beside it.
	top, field, fieldMsg string
	notFound             bool
}

// explain turns an operation's error into what the page shows. The
// message is the API's own (chime.Error messages are written for
// clients); an internal failure shows only a fixed sentence with the
// request id under which the log keeps its cause.
func (c *Console) explain(r *http.Request, op string, err error, labels ...string) refusal {
	var e *chime.Error
	if !errors.As(err, &e) || e.Kind == chime.Internal {
		id := c.cfg.NewRequestID()
		c.cfg.Logger.Error("console: operation failed", "request_id", id, "operation", op, "error", err.Error())
		return refusal{status: http.StatusInternalServerError,
			top: "The server could not do this. Quote request id " + id + " to whoever runs it: the server's log has the cause."}
	}
	status := kindStatus(e.Kind)
	switch e.Kind {
	case chime.NotFound:
		return refusal{status: status, notFound: true, top: e.Message}
	case chime.BadRequest:
		m := invalidMember(e.Message)
		if m == "" {
			break
		}
		if slices.Contains(labels, m) {
			// A malformed id in the URL names nothing that exists.
			return refusal{status: http.StatusNotFound, notFound: true, top: e.Message}
		}
		return refusal{status: status, field: m, fieldMsg: e.Message, top: "Check the form: " + e.Message}
	}
	return refusal{status: status, top: e.Message}
}

// pageStatus is the status of a page showing a refusal of each kind: the
// API's, but 403 for Unauthorized, since a signed-in page has no other
// credentials to ask for. Every kind but Internal has one
// (TestPageStatusComplete).
var pageStatus = map[chime.Kind]int{
	chime.BadRequest:            http.StatusBadRequest,
	chime.ResourceLimitExceeded: http.StatusBadRequest,
	chime.Unauthorized:          http.StatusForbidden,
	chime.Forbidden:             http.StatusForbidden,
	chime.AccessDenied:          http.StatusForbidden,
	chime.NotFound:              http.StatusNotFound,
	chime.Conflict:              http.StatusConflict,
	chime.Unprocessable:         http.StatusUnprocessableEntity,
	chime.Throttled:             http.StatusTooManyRequests,
	chime.Unavailable:           http.StatusServiceUnavailable,
}

func kindStatus(k chime.Kind) int {
	if s, ok := pageStatus[k]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// invalidMember is the input member a validation message names
// ("Invalid input: Email must ..." -> "Email",
// "Invalid input: UserSettings.Telephony.SMS ..." -> "UserSettings"), or "".
func invalidMember(msg string) string {
	rest, ok := strings.CutPrefix(msg, "Invalid input: ")
	if !ok {
		return ""
	}
	end := strings.IndexFunc(rest, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	if end <= 0 {
		return ""
	}
	return rest[:end]
}

// apply puts a refusal on the page.
func (p *page) apply(f refusal) {
	if f.field != "" {
		if p.FieldErrors == nil {
			p.FieldErrors = map[string]string{}
		}
		p.FieldErrors[f.field] = f.fieldMsg
	}
	p.Error = f.top
}

// enumOf is the allowed values of an operation's input member, as apispec
// states them, for the choices of a form.
func enumOf(op, member string) []string {
	if o := apispec.Lookup(op); o != nil && o.Input != nil {
		if m := o.Input.MemberNamed(member); m != nil {
			return m.Shape.Enum
		}
	}
	return nil
}

// inputMember is the name of the first member of an operation's input
// that match accepts, or "": the filters a form offers only when the API
// takes them.
func inputMember(op string, match func(apispec.Member) bool) string {
	if o := apispec.Lookup(op); o != nil && o.Input != nil {
		for _, m := range o.Input.Members {
			if match(m) {
				return m.Name
			}
		}
	}
	return ""
}

func (c *Console) randomHex(n int) string {
	b := make([]byte, n)
	if _, err := io.ReadFull(c.cfg.Rand, b); err != nil {
		panic(fmt.Sprintf("console: no randomness: %v", err))
	}
	return fmt.Sprintf("%x", b)
}

// accountPath and userPath are the pages' URLs; ids are path-escaped.
func accountPath(id string) string { return Prefix + "accounts/" + url.PathEscape(id) }
func userPath(accountID, userID string) string {
	return accountPath(accountID) + "/users/" + url.PathEscape(userID)
}

// redirect ends a successful POST on a page to GET, with a message for
// it.
func (c *Console) redirect(w http.ResponseWriter, r *http.Request, s *session, to, flash string) {
	c.sessions.setFlash(s, flash)
	http.Redirect(w, r, to, http.StatusSeeOther)
}

var funcs = template.FuncMap{
	"accountPath": accountPath,
	"userPath":    userPath,
	"prefix":      func() string { return Prefix },
	"join":        strings.Join,
	"contains": func(list []string, v string) bool {
		for _, x := range list {
			if x == v {
				return true
			}
		}
		return false
	},
	// field bundles what the field template needs.
	"field": func(p *page, name, label string, attrs ...string) map[string]any {
		d := map[string]any{"Name": name, "Label": label, "Value": p.Form.Get(name), "Error": p.FieldErrors[name], "Type": "text", "Hint": "", "Required": false, "Autocomplete": ""}
		for _, a := range attrs {
			k, v, _ := strings.Cut(a, "=")
			switch k {
			case "required":
				d["Required"] = true
			default:
				d[k] = v
			}
		}
		return d
	},
	"choice": func(p *page, name, label string, options []string, anyLabel string) map[string]any {
		return map[string]any{"Name": name, "Label": label, "Value": p.Form.Get(name), "Error": p.FieldErrors[name],
			"Options": options, "Any": anyLabel}
	},
}

func parsePages() (map[string]*template.Template, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, err
		}
		pages[name] = t
	}
	return pages, nil
}
