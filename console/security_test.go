package console_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/console"
	"github.com/openchime/chime/sigv4"
)

func TestSignIn(t *testing.T) {
	e := newEnv(t)
	t.Run("OK", func(t *testing.T) {
		b := e.browser()
		r := b.signIn("test", "test")
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/console/accounts" {
			t.Fatalf("got %d to %q", r.status, r.header.Get("Location"))
		}
		ck := sessionCookie(t, r)
		if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != "/console/" || ck.Secure || ck.MaxAge != 12*3600 {
			t.Fatalf("cookie %+v", ck)
		}
		if len(ck.Value) != 64 {
			t.Fatalf("session id %q is not 32 random bytes in hex", ck.Value)
		}
		contains(t, b.get("/console/accounts"), `id="signed-in-key">test<`, "000000000000")
	})
	for _, tc := range []struct{ name, key, secret string }{
		{"BadSecret", "test", "wrong"},
		{"UnknownKey", "nobody", "test"},
		{"EmptySecret", "test", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := e.browser()
			r := b.signIn(tc.key, tc.secret)
			if r.status != http.StatusUnauthorized {
				t.Fatalf("got %d", r.status)
			}
			contains(t, r, "The access key ID or secret access key is not right.", `aria-invalid="true"`)
			if strings.Contains(r.body, `value="`+tc.secret+`"`) && tc.secret != "" {
				t.Fatal("the page repeats the secret")
			}
			if b.get("/console/accounts").status != http.StatusSeeOther {
				t.Fatal("signed in after all")
			}
		})
	}
	t.Run("WithoutTheFormsToken", func(t *testing.T) {
		b := e.browser()
		r := b.postRaw("/console/signin", url.Values{"AccessKeyId": {"test"}, "SecretAccessKey": {"test"}, "csrf": {"forged"}},
			map[string]string{"Origin": b.origin})
		if r.status != http.StatusForbidden || sessionCookieOrNil(r) != nil {
			t.Fatalf("got %d", r.status)
		}
	})
	t.Run("CrossOrigin", func(t *testing.T) {
		b := e.browser()
		b.get("/console/signin")
		r := b.postRaw("/console/signin", url.Values{"AccessKeyId": {"test"}, "SecretAccessKey": {"test"}, "csrf": {b.csrf}},
			map[string]string{"Origin": "https://evil.example"})
		if r.status != http.StatusForbidden || sessionCookieOrNil(r) != nil {
			t.Fatalf("got %d", r.status)
		}
	})
	t.Run("ReturnsToThePageAsked", func(t *testing.T) {
		b := e.browser()
		r := b.get("/console/accounts/new")
		if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/console/signin?next=") {
			t.Fatalf("got %d to %q", r.status, r.header.Get("Location"))
		}
		b.get(r.header.Get("Location"))
		r = b.post("/console/signin", url.Values{"AccessKeyId": {"test"}, "SecretAccessKey": {"test"}, "next": {"/console/accounts/new"}})
		if r.header.Get("Location") != "/console/accounts/new" {
			t.Fatalf("went to %q", r.header.Get("Location"))
		}
		b.get("/console/signin")
		r = b.post("/console/signin", url.Values{"AccessKeyId": {"test"}, "SecretAccessKey": {"test"}, "next": {"//evil.example/console/"}})
		if r.header.Get("Location") != "/console/accounts" {
			t.Fatalf("followed an outside address: %q", r.header.Get("Location"))
		}
	})
}

func sessionCookieOrNil(r response) *http.Cookie {
	for _, line := range r.header.Values("Set-Cookie") {
		if ck, err := http.ParseSetCookie(line); err == nil && ck.Name == console.CookieName {
			return ck
		}
	}
	return nil
}

func sessionCookie(t *testing.T, r response) *http.Cookie {
	t.Helper()
	ck := sessionCookieOrNil(r)
	if ck == nil {
		t.Fatalf("no session cookie in %v", r.header.Values("Set-Cookie"))
	}
	return ck
}

// TestSecureCookieUnderTLS: served over HTTPS, both cookies are Secure.
func TestSecureCookieUnderTLS(t *testing.T) {
	e := newEnv(t)
	e.srv.Close()
	e.srv = httptest.NewTLSServer(e.srv.Config.Handler)
	defer e.srv.Close()
	b := e.browser()
	r := b.get("/console/signin")
	if ck, err := http.ParseSetCookie(r.header.Get("Set-Cookie")); err != nil || !ck.Secure {
		t.Fatalf("sign-in cookie %v", r.header.Get("Set-Cookie"))
	}
	if r.header.Get("Strict-Transport-Security") == "" {
		t.Fatal("no Strict-Transport-Security under TLS")
	}
	r = b.post("/console/signin", url.Values{"AccessKeyId": {"test"}, "SecretAccessKey": {"test"}})
	if ck := sessionCookie(t, r); !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie %+v", ck)
	}
}

func TestSignInThrottled(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	e := newEnv(t, func(c *console.Config) {
		c.Now = clock
		c.SignInRate = console.SignInRate{
			PerKey:     console.RateLimit{Every: time.Minute, Burst: 3},
			PerAddress: console.RateLimit{Every: time.Minute, Burst: 5},
		}
	})
	b := e.browser()
	for i := 0; i < 3; i++ {
		if r := b.signIn("test", "wrong"); r.status != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, r.status)
		}
	}
	t.Run("PerKey", func(t *testing.T) {
		// Even the right secret waits: the bound is on attempts.
		r := b.signIn("test", "test")
		if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "60" {
			t.Fatalf("got %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
		}
		contains(t, r, "Too many sign-in attempts. Wait 60 seconds, then try again.")
	})
	t.Run("PerAddress", func(t *testing.T) {
		// Another key from the same address has the address's two left.
		for i := 0; i < 2; i++ {
			if r := b.signIn("other", "wrong"); r.status != http.StatusUnauthorized {
				t.Fatalf("attempt %d: %d", i+1, r.status)
			}
		}
		if r := b.signIn("other", "other-secret"); r.status != http.StatusTooManyRequests {
			t.Fatalf("got %d", r.status)
		}
	})
	t.Run("AfterAWhile", func(t *testing.T) {
		mu.Lock()
		now = now.Add(2 * time.Minute)
		mu.Unlock()
		if r := b.signIn("test", "test"); r.status != http.StatusSeeOther {
			t.Fatalf("got %d: %s", r.status, mainOf(r.body))
		}
	})
}

func TestSignOutInvalidates(t *testing.T) {
	e := newEnv(t)
	b := e.signedIn("test")
	stolen := b.c.Jar.Cookies(mustURL(e.srv.URL + "/console/"))
	r := b.post("/console/signout", nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("sign-out: %d %s", r.status, mainOf(r.body))
	}
	if ck := sessionCookie(t, r); ck.MaxAge >= 0 {
		t.Fatalf("the cookie is not removed: %+v", ck)
	}
	// The old cookie, sent again, names no session any more.
	replay := e.browser()
	replay.c.Jar.SetCookies(mustURL(e.srv.URL+"/console/"), stolen)
	if r := replay.get("/console/accounts"); r.status != http.StatusSeeOther ||
		!strings.HasPrefix(r.header.Get("Location"), "/console/signin") {
		t.Fatalf("the old session still works: %d", r.status)
	}
}

func TestSessionExpires(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	e := newEnv(t, func(c *console.Config) {
		c.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	})
	b := e.signedIn("test")
	for i := 0; i < 3; i++ { // 3 x 4 h of activity: within idle, past absolute
		advance(4 * time.Hour)
		r := b.get("/console/accounts")
		if want := i < 2; (r.status == http.StatusOK) != want {
			t.Fatalf("after %d h: %d", 4*(i+1), r.status)
		}
	}
	b = e.signedIn("test")
	advance(8 * time.Hour)
	if r := b.get("/console/accounts"); r.status != http.StatusSeeOther {
		t.Fatalf("idle 8 h: %d", r.status)
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestCSRF(t *testing.T) {
	e := newEnv(t)
	id := e.account("test", "Kept", chime.Team)
	b := e.signedIn("test")
	path := "/console/accounts/" + id + "/update"
	rename := func() url.Values { return url.Values{"Name": {"Renamed"}} }
	for _, tc := range []struct {
		name    string
		token   string
		headers map[string]string
	}{
		{"MissingToken", "", map[string]string{"Origin": b.origin}},
		{"WrongToken", strings.Repeat("0", 64), map[string]string{"Origin": b.origin}},
		{"CrossOrigin", "valid", map[string]string{"Origin": "https://evil.example"}},
		{"CrossOriginReferer", "valid", map[string]string{"Referer": "https://evil.example/page"}},
		{"NoOriginNorReferer", "valid", nil},
		{"NullOrigin", "valid", map[string]string{"Origin": "null"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			form := rename()
			form.Set("csrf", tc.token)
			if tc.token == "valid" {
				form.Set("csrf", b.csrf)
			}
			r := b.postRaw(path, form, tc.headers)
			if r.status != http.StatusForbidden {
				t.Fatalf("got %d", r.status)
			}
			contains(t, r, "was not carried out")
			var out struct{ Account struct{ Name string } }
			e.mustInvoke("test", "GetAccount", map[string]any{"AccountId": id}, &out)
			if out.Account.Name != "Kept" {
				t.Fatalf("the account was renamed to %q", out.Account.Name)
			}
		})
	}
	t.Run("AnotherSessionsToken", func(t *testing.T) {
		other := e.signedIn("test")
		form := rename()
		form.Set("csrf", other.csrf)
		if r := b.postRaw(path, form, map[string]string{"Origin": b.origin}); r.status != http.StatusForbidden {
			t.Fatalf("got %d", r.status)
		}
	})
	t.Run("SameOriginReferer", func(t *testing.T) {
		form := rename()
		form.Set("csrf", b.csrf)
		if r := b.postRaw(path, form, map[string]string{"Referer": b.origin + "/console/accounts/" + id}); r.status != http.StatusSeeOther {
			t.Fatalf("got %d: %s", r.status, mainOf(r.body))
		}
	})
}

// TestSecurityHeaders: every console response, pages, refusals, the
// stylesheet and the not-found page alike, carries the headers.
func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	id := e.account("test", "Headers", chime.EnterpriseLWA)
	var u struct{ User struct{ UserId string } }
	e.mustInvoke("test", "CreateUser", map[string]any{"AccountId": id, "Email": "h@example.com"}, &u)
	b := e.signedIn("test")
	anon := e.browser()
	check := func(t *testing.T, name string, r response, page bool) {
		t.Helper()
		want := map[string]string{
			"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
			"X-Content-Type-Options":  "nosniff",
			"X-Frame-Options":         "DENY",
			"Referrer-Policy":         "same-origin",
		}
		if page {
			want["Cache-Control"] = "no-store"
		}
		for k, v := range want {
			if got := r.header.Get(k); got != v {
				t.Errorf("%s: %s is %q, want %q", name, k, got, v)
			}
		}
	}
	acc := "/console/accounts/" + id
	for _, p := range []string{"/console/accounts", "/console/accounts?name=H", "/console/accounts/new", acc, acc + "/delete",
		acc + "/users", acc + "/users?email=h%40example.com", acc + "/users/new", acc + "/invite", acc + "/import", acc + "/export",
		acc + "/users/" + u.User.UserId, "/console/accounts/nope", "/console/nothing", "/console/"} {
		check(t, p, b.get(p), true)
	}
	check(t, "signin", anon.get("/console/signin"), true)
	check(t, "anonymous", anon.get("/console/accounts"), true)
	check(t, "refused", b.postRaw(acc+"/update", url.Values{}, nil), true)
	check(t, "failed sign-in", anon.signIn("test", "x"), true)
	css := b.get("/console/static/console.css")
	check(t, "stylesheet", css, false)
	if css.status != http.StatusOK || !strings.HasPrefix(css.header.Get("Content-Type"), "text/css") {
		t.Fatalf("stylesheet: %d %s", css.status, css.header.Get("Content-Type"))
	}
	if r := b.get("/console/static/"); r.status != http.StatusNotFound {
		t.Fatalf("the static folder is listed: %d", r.status)
	}
}

func TestScriptInNameIsText(t *testing.T) {
	e := newEnv(t)
	b := e.signedIn("test")
	const name = `<script>alert(1)</script>`
	r := b.follow(b.post("/console/accounts/new", url.Values{"Name": {name}, "AccountType": {"EnterpriseLWA"}}))
	escaped := `&lt;script&gt;alert(1)&lt;/script&gt;`
	for _, page := range []response{r, b.get("/console/accounts"), b.get("/console/accounts?name=" + url.QueryEscape(name))} {
		contains(t, page, escaped)
		if strings.Contains(page.body, "<script") {
			t.Fatalf("a script element on the page:\n%s", mainOf(page.body))
		}
	}
	// The same for a user's name, in the list and on the user's page.
	var accounts struct{ Accounts []struct{ AccountId string } }
	e.mustInvoke("test", "ListAccounts", map[string]any{}, &accounts)
	id := accounts.Accounts[0].AccountId
	u := b.follow(b.post("/console/accounts/"+id+"/users/new", url.Values{"Email": {"s@example.com"}, "Username": {name}}))
	for _, page := range []response{u, b.get("/console/accounts/" + id + "/users")} {
		contains(t, page, escaped)
		if strings.Contains(page.body, "<script") {
			t.Fatalf("a script element on the page:\n%s", mainOf(page.body))
		}
	}
}

// TestOtherTenant: another AWS account's account is not found, on every
// page and for every action, and nothing changes.
func TestOtherTenant(t *testing.T) {
	e := newEnv(t)
	id := e.account("other", "Theirs", chime.EnterpriseLWA)
	var u struct{ User struct{ UserId string } }
	e.mustInvoke("other", "CreateUser", map[string]any{"AccountId": id, "Email": "t@example.com"}, &u)
	b := e.signedIn("test")
	acc := "/console/accounts/" + id
	for _, p := range []string{acc, acc + "/users", acc + "/users/new", acc + "/invite", acc + "/delete", acc + "/import", acc + "/users/" + u.User.UserId} {
		r := b.get(p)
		if r.status != http.StatusNotFound {
			t.Fatalf("%s: %d", p, r.status)
		}
		contains(t, r, "<h1>Not found</h1>")
		if strings.Contains(r.body, "Theirs") {
			t.Fatalf("%s shows the other tenant's name", p)
		}
	}
	for _, p := range []struct {
		path string
		form url.Values
	}{
		{acc + "/update", url.Values{"Name": {"Mine"}}},
		{acc + "/status", url.Values{"AccountStatus": {"Suspended"}, "confirm": {"yes"}}},
		{acc + "/delete", url.Values{"confirm": {"yes"}}},
		{acc + "/users/new", url.Values{"Email": {"x@example.com"}}},
		{acc + "/users/" + u.User.UserId + "/update", url.Values{"LicenseType": {"Basic"}}},
		{acc + "/users/" + u.User.UserId + "/suspend", url.Values{"confirm": {"yes"}}},
		{acc + "/users/" + u.User.UserId + "/reset-pin", nil},
	} {
		if r := b.post(p.path, p.form); r.status != http.StatusNotFound {
			t.Fatalf("%s: %d %s", p.path, r.status, mainOf(r.body))
		}
	}
	var out struct {
		Account struct{ Name, AccountStatus string }
	}
	e.mustInvoke("other", "GetAccount", map[string]any{"AccountId": id}, &out)
	if out.Account.Name != "Theirs" || out.Account.AccountStatus != "Active" {
		t.Fatalf("the other tenant's account changed: %+v", out.Account)
	}
	var got struct {
		User struct{ LicenseType, UserRegistrationStatus string }
	}
	e.mustInvoke("other", "GetUser", map[string]any{"AccountId": id, "UserId": u.User.UserId}, &got)
	if got.User.UserRegistrationStatus != "Registered" || got.User.LicenseType != "Pro" {
		t.Fatalf("the other tenant's user changed: %+v", got.User)
	}
}

// failing is an API that fails as a broken store would.
type failing struct{}

func (failing) Invoke(context.Context, *sigv4.Principal, string, map[string]any) ([]byte, error) {
	return nil, chime.Internalf(errors.New("disk I/O error at /var/lib/secret.db"), "read")
}

// TestInternalFailure: the page shows a fixed sentence with the request
// id, and the cause only reaches the log.
func TestInternalFailure(t *testing.T) {
	e := newEnv(t, func(c *console.Config) {
		c.API = failing{}
		c.NewRequestID = func() string { return "req-42" }
	})
	b := e.signedIn("test")
	r := b.get("/console/accounts")
	if r.status != http.StatusInternalServerError {
		t.Fatalf("got %d", r.status)
	}
	contains(t, r, "Quote request id req-42")
	for _, leak := range []string{"disk I/O", "secret.db", "goroutine", ".go:"} {
		if strings.Contains(r.body, leak) {
			t.Fatalf("the page shows %q", leak)
		}
	}
}
