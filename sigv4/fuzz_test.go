package sigv4_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sigv4"
)

func FuzzParseAuthorizationHeader(f *testing.F) {
	f.Add("AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/chime/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=" + strings.Repeat("ab", 32))
	f.Add("AWS4-HMAC-SHA256 garbage")
	f.Add("AWS4-HMAC-SHA256 Credential=a/b/c/d/e, Credential=x")
	f.Add("")
	f.Fuzz(func(t *testing.T, h string) {
		auth, err := sigv4.ParseAuthorizationHeader(h)
		if err != nil {
			if !chime.IsKind(err, chime.Unauthorized) {
				t.Fatalf("%q: %v", h, err)
			}
			return
		}
		if len(auth.Signature) != 64 || auth.AccessKeyID == "" || len(auth.SignedHeaders) == 0 {
			t.Fatalf("%q parsed to %+v", h, auth)
		}
	})
}

func FuzzParsePresignedQuery(f *testing.F) {
	f.Add("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261128%2Fus-east-1%2Fchime%2Faws4_request&X-Amz-Date=20261128T120000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=" + strings.Repeat("0", 64))
	f.Add("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=-1")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		auth, err := sigv4.ParsePresignedQuery(q)
		if err != nil {
			if !chime.IsKind(err, chime.Unauthorized) {
				t.Fatalf("%q: %v", raw, err)
			}
			return
		}
		if auth.Expires <= 0 || !auth.Presigned {
			t.Fatalf("%q parsed to %+v", raw, auth)
		}
	})
}

func FuzzCanonicalQuery(f *testing.F) {
	f.Add("b=2&a=1&operation=create&user-email=x%2By%40e.com&a=0", false)
	f.Add("X-Amz-Signature=abc&X-Amz-Date=1", true)
	f.Add("%zz=%&&=", false)
	f.Fuzz(func(t *testing.T, raw string, presigned bool) {
		out := sigv4.CanonicalQuery(raw, presigned)
		// The canonical form is stable: canonicalising it again changes nothing.
		if again := sigv4.CanonicalQuery(out, presigned); again != out {
			t.Fatalf("%q -> %q -> %q", raw, out, again)
		}
	})
}
