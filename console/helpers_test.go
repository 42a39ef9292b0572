package console_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/console"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// Two tenants: the development pair, and another AWS account's key.
var keys = sigv4.StaticKeyring{
	"test":  {AccessKeyID: "test", SecretAccessKey: "test", AccountID: "000000000000"},
	"other": {AccessKeyID: "other", SecretAccessKey: "other-secret", AccountID: "111122223333"},
}

func principal(key string) *sigv4.Principal { return keys[key].Principal() }

// env is a console over a real API and an in-memory store.
type env struct {
	t   testing.TB
	api *restjson.API
	srv *httptest.Server
}

func newEnv(t testing.TB, opts ...func(*console.Config)) *env {
	t.Helper()
	store, err := sqlite.OpenMemory(context.Background(), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return newEnvOn(t, store, opts...)
}

// newEnvOn is newEnv on a given store.
func newEnvOn(t testing.TB, store *sqlstore.Store, opts ...func(*console.Config)) *env {
	t.Helper()
	api := restjson.New(restjson.Config{Services: store.Services(), Auth: &sigv4.Verifier{Keys: keys, Service: "chime"}, PaginationKey: []byte("k")})
	cfg := console.Config{API: api, Keys: keys}
	for _, o := range opts {
		o(&cfg)
	}
	con, err := console.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(con)
	t.Cleanup(srv.Close)
	return &env{t: t, api: api, srv: srv}
}

// invoke calls an operation through the API as a tenant, the way a client
// would see the result.
func (e *env) invoke(key, op string, in map[string]any, out any) error {
	e.t.Helper()
	b, err := e.api.Invoke(context.Background(), principal(key), op, in)
	if err != nil {
		return err
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			e.t.Fatal(err)
		}
	}
	return nil
}

func (e *env) mustInvoke(key, op string, in map[string]any, out any) {
	e.t.Helper()
	if err := e.invoke(key, op, in, out); err != nil {
		e.t.Fatalf("%s: %v", op, err)
	}
}

// account creates an account of a type for a tenant and returns its id.
func (e *env) account(key, name string, typ chime.AccountType) string {
	e.t.Helper()
	var out struct{ Account struct{ AccountId string } }
	e.mustInvoke(key, "AdminCreateAccount", map[string]any{"Name": name, "AccountType": string(typ)}, &out)
	return out.Account.AccountId
}

// browser is one browser: its cookies, and the CSRF token of the last
// page it read.
type browser struct {
	t      testing.TB
	c      *http.Client
	base   string
	csrf   string
	origin string
}

func (e *env) browser() *browser {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if e.srv.TLS != nil {
		c.Transport = e.srv.Client().Transport
	}
	return &browser{t: e.t, c: c, base: e.srv.URL, origin: e.srv.URL}
}

type response struct {
	status int
	header http.Header
	body   string
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) do(req *http.Request) response {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if m := csrfField.FindStringSubmatch(string(body)); m != nil {
		b.csrf = m[1]
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(body)}
}

func (b *browser) get(path string) response {
	b.t.Helper()
	req, _ := http.NewRequest("GET", b.base+path, nil)
	return b.do(req)
}

// post sends a form as a page of the console would: with the CSRF token
// of the last page and this server as its Origin.
func (b *browser) post(path string, form url.Values) response {
	b.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if !form.Has("csrf") {
		form.Set("csrf", b.csrf)
	}
	return b.postRaw(path, form, map[string]string{"Origin": b.origin})
}

func (b *browser) postRaw(path string, form url.Values, headers map[string]string) response {
	b.t.Helper()
	req, _ := http.NewRequest("POST", b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return b.do(req)
}

// upload posts a CSV file in a multipart form, as the import page does.
func (b *browser) upload(path, file string) response {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", b.csrf)
	fw, _ := mw.CreateFormFile("file", "users.csv")
	io.WriteString(fw, file)
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", b.origin)
	return b.do(req)
}

// follow gets the page a POST redirected to.
func (b *browser) follow(r response) response {
	b.t.Helper()
	if r.status != http.StatusSeeOther {
		b.t.Fatalf("want a redirect, got %d: %s", r.status, mainOf(r.body))
	}
	return b.get(r.header.Get("Location"))
}

func (b *browser) signIn(key, secret string) response {
	b.t.Helper()
	b.get("/console/signin")
	return b.post("/console/signin", url.Values{"AccessKeyId": {key}, "SecretAccessKey": {secret}})
}

func (e *env) signedIn(key string) *browser {
	e.t.Helper()
	b := e.browser()
	if r := b.signIn(key, keys[key].SecretAccessKey); r.status != http.StatusSeeOther {
		e.t.Fatalf("sign-in: %d %s", r.status, mainOf(r.body))
	}
	b.get("/console/accounts")
	return b
}

// mainOf is the main region of a page, for failure messages.
func mainOf(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	if len(body) > 3000 {
		body = body[:3000]
	}
	return body
}

func contains(t testing.TB, r response, want ...string) {
	t.Helper()
	for _, w := range want {
		// A page shows text escaped; html/template escapes more than
		// needed (+ as &#43;).
		if !strings.Contains(r.body, w) && !strings.Contains(html.UnescapeString(r.body), w) {
			t.Fatalf("page (%d) lacks %q:\n%s", r.status, w, mainOf(r.body))
		}
	}
}
