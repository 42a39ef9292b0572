// Package sigv4 verifies AWS Signature Version 4 on incoming requests, in
// both the Authorization-header form and the presigned query form. It is
// built from small pure steps (parse, canonicalise, derive, compare) that
// the tests check one by one and, end to end, against requests signed by
// aws-sdk-go-v2's own signer.
//
// It imports chime (for the error kinds) and the standard library.
package sigv4

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/openchime/chime"
)

const (
	algorithm       = "AWS4-HMAC-SHA256"
	timeFormat      = "20060102T150405Z"
	dateFormat      = "20060102"
	unsignedPayload = "UNSIGNED-PAYLOAD"
	// MaxSkew is how far a request's date may be from the server's clock.
	MaxSkew = 15 * time.Minute
	// maxPresignExpiry is the longest validity a presigned URL may ask for.
	maxPresignExpiry = 7 * 24 * time.Hour
)

// Credential is one access key the server accepts.
type Credential struct {
	AccessKeyID     string
	SecretAccessKey string
	// SessionToken, when set, must come with every request of this key.
	SessionToken string
	// AccountID is the 12-digit AWS account the key belongs to.
	AccountID string
	// PrincipalARN is the IAM identity the key stands for, shown as the
	// creator of what it creates; "" is the account's root.
	PrincipalARN string
}

// Principal is the caller this credential makes: its IAM identity, or the
// AWS account's root when it names none. The verifier and the console's
// sign-in both make callers this way.
func (c Credential) Principal() *Principal {
	arn := c.PrincipalARN
	if arn == "" {
		arn = "arn:aws:iam::" + c.AccountID + ":root"
	}
	return &Principal{AccessKeyID: c.AccessKeyID, AccountID: c.AccountID, ARN: arn}
}

// Keyring finds the credential of an access key.
type Keyring interface {
	Lookup(accessKeyID string) (Credential, bool)
}

// Principal is the verified caller.
type Principal struct {
	AccessKeyID string
	AccountID   string
	// ARN is the caller's IAM identity: the credential's PrincipalARN, or
	// the account's root.
	ARN string
}

// Verifier checks signatures for one service name.
type Verifier struct {
	Keys    Keyring
	Service string
	// Now is the server's clock; default time.Now.
	Now func() time.Time

	keys signingKeyCache
}

// Authorization is the parsed content of a signature, from either form.
type Authorization struct {
	AccessKeyID   string
	Date          string // yyyymmdd of the credential scope
	Region        string
	Service       string
	SignedHeaders []string
	Signature     string
	// RequestTime is X-Amz-Date.
	RequestTime time.Time
	// Expires is set for the presigned form.
	Expires time.Duration
	// Presigned tells the query form from the header form.
	Presigned bool
}

func unauthorized(msg string) error { return chime.Errorf(chime.Unauthorized, "%s", msg) }
func forbidden(msg string) error    { return chime.Errorf(chime.Forbidden, "%s", msg) }

// Verify checks r, whose body has already been read into body, and returns
// the caller. Errors are Unauthorized (missing or malformed signature) or
// Forbidden (unknown key, wrong signature, stale or future date).
func (v *Verifier) Verify(r *http.Request, body []byte) (*Principal, error) {
	pending, err := v.Precheck(r)
	if err != nil {
		return nil, err
	}
	return pending.Verify(body)
}

// Pending is a request whose headers passed Precheck: its signature is well
// formed, dated now, scoped to this service and made with a known key. Only
// the signature over the body remains to be checked.
type Pending struct {
	v    *Verifier
	r    *http.Request
	auth *Authorization
	cred Credential
}

// AccessKeyID is the key the request claims to be signed with; it is not
// proven until Verify succeeds.
func (p *Pending) AccessKeyID() string { return p.cred.AccessKeyID }

// Precheck checks everything about r that its method, URL and headers alone
// prove, so that a server can refuse a request before it reads (or invites,
// with 100 Continue) any of its body: the form of the signature, the date,
// the scope, the key and its session token. Errors are as for Verify.
func (v *Verifier) Precheck(r *http.Request) (*Pending, error) {
	auth, err := ParseRequest(r)
	if err != nil {
		return nil, err
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	if err := checkTime(auth, now()); err != nil {
		return nil, err
	}
	if auth.Service != v.Service {
		return nil, forbidden("Credential should be scoped to correct service: '" + v.Service + "'.")
	}
	if !validRegion(auth.Region) {
		return nil, forbidden("Credential should be scoped to a valid region.")
	}
	cred, ok := v.Keys.Lookup(auth.AccessKeyID)
	if !ok {
		return nil, forbidden("The security token included in the request is invalid.")
	}
	if cred.SessionToken != "" {
		token := r.Header.Get("X-Amz-Security-Token")
		if auth.Presigned {
			token = r.URL.Query().Get("X-Amz-Security-Token")
		}
		if subtle.ConstantTimeCompare([]byte(token), []byte(cred.SessionToken)) != 1 {
			return nil, forbidden("The security token included in the request is invalid.")
		}
	}
	if !slices.Contains(auth.SignedHeaders, "host") {
		return nil, forbidden("The host header must be signed.")
	}
	if !auth.Presigned && r.Header.Get("X-Amz-Date") != "" && !slices.Contains(auth.SignedHeaders, "x-amz-date") {
		return nil, forbidden("The x-amz-date header must be signed.")
	}
	return &Pending{v: v, r: r, auth: auth, cred: cred}, nil
}

// Verify checks the signature over the request and its body, and returns
// the caller.
func (p *Pending) Verify(body []byte) (*Principal, error) {
	auth, r, cred := p.auth, p.r, p.cred
	// The payload hashes the client may have signed: the body's, or the
	// one it declared; a presigned URL may also be signed unhashed.
	bodyHash := emptyPayloadHash
	if len(body) > 0 {
		bodyHash = sha256Hex(body)
	}
	hashes := [2]string{bodyHash}
	if declared := r.Header.Get("X-Amz-Content-Sha256"); declared != "" && !auth.Presigned {
		if declared != unsignedPayload && declared != bodyHash {
			return nil, forbidden("The provided 'x-amz-content-sha256' header does not match what was computed.")
		}
		hashes[0] = declared
	} else if auth.Presigned {
		hashes[1] = unsignedPayload
	}
	var signature [sha256.Size]byte
	hex.Decode(signature[:], []byte(auth.Signature)) // 64 hex digits, checked when parsed
	key := p.v.keys.get(cred, auth.Date, auth.Region, auth.Service)
	scope := auth.Date + "/" + auth.Region + "/" + auth.Service + "/aws4_request"
	for _, h := range hashes {
		if h == "" {
			continue
		}
		canonical := CanonicalRequest(r, auth.SignedHeaders, h, auth.Presigned)
		sts := StringToSign(auth.RequestTime, scope, canonical)
		if hmac.Equal(hmacSHA256(key, []byte(sts)), signature[:]) {
			return cred.Principal(), nil
		}
	}
	return nil, forbidden("The request signature we calculated does not match the signature you provided. " +
		"Check your AWS Secret Access Key and signing method.")
}

// validRegion accepts what an AWS region name can be (us-east-1,
// us-gov-west-1, cn-north-1, eu-isoe-west-1): lower-case letters, digits
// and dashes, at most 32 characters. Any region is accepted, as the service
// accepted signatures for its regions; an arbitrary string is not, so that
// a caller cannot fill the signing-key cache with long region names.
func validRegion(r string) bool {
	if r == "" || len(r) > 32 {
		return false
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func checkTime(auth *Authorization, now time.Time) error {
	if auth.RequestTime.Format(dateFormat) != auth.Date {
		return forbidden("The credential date does not match the request date.")
	}
	if auth.Presigned {
		if auth.RequestTime.After(now.Add(MaxSkew)) {
			return forbidden("The request date is in the future.")
		}
		if now.After(auth.RequestTime.Add(auth.Expires)) {
			return forbidden("The presigned request has expired.")
		}
		return nil
	}
	if d := now.Sub(auth.RequestTime); d > MaxSkew || d < -MaxSkew {
		return forbidden("Signature expired: the request date " + auth.RequestTime.Format(timeFormat) +
			" is more than 15 minutes from the server time " + now.UTC().Format(timeFormat) + ".")
	}
	return nil
}

// ParseRequest finds the signature of r in its Authorization header or its
// query. Returns Unauthorized when there is none or it is malformed.
func ParseRequest(r *http.Request) (*Authorization, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		auth, err := ParseAuthorizationHeader(h)
		if err != nil {
			return nil, err
		}
		t, err := requestTime(r.Header)
		if err != nil {
			return nil, err
		}
		auth.RequestTime = t
		return auth, nil
	}
	q := r.URL.Query()
	if q.Get("X-Amz-Algorithm") != "" {
		return ParsePresignedQuery(q)
	}
	return nil, unauthorized("Missing Authentication Token: the request is not signed.")
}

func requestTime(h http.Header) (time.Time, error) {
	if v := h.Get("X-Amz-Date"); v != "" {
		t, err := time.Parse(timeFormat, v)
		if err != nil {
			return time.Time{}, unauthorized("X-Amz-Date must be in the form YYYYMMDDTHHMMSSZ.")
		}
		return t, nil
	}
	if v := h.Get("Date"); v != "" {
		t, err := http.ParseTime(v)
		if err != nil {
			return time.Time{}, unauthorized("The Date header is not a valid HTTP date.")
		}
		return t.UTC(), nil
	}
	return time.Time{}, unauthorized("The request has no X-Amz-Date or Date header.")
}

// ParseAuthorizationHeader parses
// "AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex".
func ParseAuthorizationHeader(h string) (*Authorization, error) {
	alg, rest, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || alg != algorithm {
		return nil, unauthorized("The Authorization header must use " + algorithm + ".")
	}
	// The three fields the signature needs; others are ignored, as AWS does.
	var credential, signedHeaders, signature string
	var seenBuf [4]string
	seen := seenBuf[:0]
	for part := range strings.SplitSeq(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, unauthorized("The Authorization header is malformed.")
		}
		if slices.Contains(seen, k) {
			return nil, unauthorized("The Authorization header repeats " + k + ".")
		}
		seen = append(seen, k)
		switch k {
		case "Credential":
			credential = v
		case "SignedHeaders":
			signedHeaders = v
		case "Signature":
			signature = v
		}
	}
	auth := &Authorization{}
	if err := auth.setCredential(credential); err != nil {
		return nil, err
	}
	if err := auth.setSignedHeaders(signedHeaders); err != nil {
		return nil, err
	}
	if err := auth.setSignature(signature); err != nil {
		return nil, err
	}
	return auth, nil
}

// ParsePresignedQuery parses the X-Amz-* parameters of a presigned URL.
func ParsePresignedQuery(q url.Values) (*Authorization, error) {
	if q.Get("X-Amz-Algorithm") != algorithm {
		return nil, unauthorized("X-Amz-Algorithm must be " + algorithm + ".")
	}
	for _, k := range []string{"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"} {
		if len(q[k]) != 1 {
			return nil, unauthorized("A presigned request needs exactly one " + k + " parameter.")
		}
	}
	auth := &Authorization{Presigned: true}
	if err := auth.setCredential(q.Get("X-Amz-Credential")); err != nil {
		return nil, err
	}
	if err := auth.setSignedHeaders(q.Get("X-Amz-SignedHeaders")); err != nil {
		return nil, err
	}
	if err := auth.setSignature(q.Get("X-Amz-Signature")); err != nil {
		return nil, err
	}
	t, err := time.Parse(timeFormat, q.Get("X-Amz-Date"))
	if err != nil {
		return nil, unauthorized("X-Amz-Date must be in the form YYYYMMDDTHHMMSSZ.")
	}
	auth.RequestTime = t
	secs, err := strconv.Atoi(q.Get("X-Amz-Expires"))
	if err != nil || secs < 1 || time.Duration(secs)*time.Second > maxPresignExpiry {
		return nil, unauthorized("X-Amz-Expires must be a number of seconds from 1 to 604800.")
	}
	auth.Expires = time.Duration(secs) * time.Second
	return auth, nil
}

func (a *Authorization) setCredential(c string) error {
	parts := strings.Split(c, "/")
	if len(parts) != 5 || parts[4] != "aws4_request" || parts[0] == "" || parts[2] == "" || parts[3] == "" {
		return unauthorized("The credential must be in the form AccessKeyId/yyyymmdd/region/service/aws4_request.")
	}
	if _, err := time.Parse(dateFormat, parts[1]); err != nil {
		return unauthorized("The credential date must be in the form yyyymmdd.")
	}
	a.AccessKeyID, a.Date, a.Region, a.Service = parts[0], parts[1], parts[2], parts[3]
	return nil
}

func (a *Authorization) setSignedHeaders(s string) error {
	if s == "" {
		return unauthorized("SignedHeaders is missing.")
	}
	a.SignedHeaders = strings.Split(s, ";")
	for i, h := range a.SignedHeaders {
		if h == "" || hasUpper(h) || (i > 0 && a.SignedHeaders[i-1] >= h) {
			return unauthorized("SignedHeaders must be lower-case names in sorted order.")
		}
	}
	return nil
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.ToLower(r) != r {
			return true
		}
	}
	return false
}

func (a *Authorization) setSignature(s string) error {
	if len(s) != 2*sha256.Size {
		return unauthorized("Signature must be 64 hexadecimal digits.")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return unauthorized("Signature must be 64 hexadecimal digits.")
		}
	}
	a.Signature = strings.ToLower(s)
	return nil
}

// CanonicalRequest builds the canonical form of r that the client signed.
func CanonicalRequest(r *http.Request, signedHeaders []string, payloadHash string, presigned bool) string {
	var b strings.Builder
	b.Grow(512) // a typical request's canonical form, in one allocation
	b.WriteString(r.Method)
	b.WriteByte('\n')
	b.WriteString(CanonicalURI(RawPath(r)))
	b.WriteByte('\n')
	b.WriteString(CanonicalQuery(rawQuery(r), presigned))
	b.WriteByte('\n')
	for _, h := range signedHeaders {
		b.WriteString(h)
		b.WriteByte(':')
		b.WriteString(headerValue(r, h))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	for i, h := range signedHeaders {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(h)
	}
	b.WriteByte('\n')
	b.WriteString(payloadHash)
	return b.String()
}

// RawPath is the path exactly as the client sent it, still
// percent-encoded (net/http decodes r.URL.Path, and re-encodes
// r.URL.EscapedPath its own way).
func RawPath(r *http.Request) string {
	if strings.HasPrefix(r.RequestURI, "/") {
		p, _, _ := strings.Cut(r.RequestURI, "?")
		return p
	}
	return r.URL.EscapedPath()
}

func rawQuery(r *http.Request) string {
	if strings.HasPrefix(r.RequestURI, "/") {
		_, q, _ := strings.Cut(r.RequestURI, "?")
		return q
	}
	return r.URL.RawQuery
}

// CanonicalURI encodes the already-encoded path once more, as every AWS
// service but S3 expects.
func CanonicalURI(escapedPath string) string {
	if escapedPath == "" {
		return "/"
	}
	return uriEncode(escapedPath, false)
}

// CanonicalQuery sorts the query by name, then value, each re-encoded.
// The presigned form leaves out its own signature.
func CanonicalQuery(rawQuery string, presigned bool) string {
	if rawQuery == "" {
		return ""
	}
	type pair struct{ k, v string }
	var pairs []pair
	for _, part := range strings.Split(rawQuery, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		dk, err1 := url.QueryUnescape(k)
		dv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			dk, dv = k, v // an undecodable value is signed as sent
		}
		if presigned && dk == "X-Amz-Signature" {
			continue
		}
		pairs = append(pairs, pair{uriEncode(dk, true), uriEncode(dv, true)})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.k)
		b.WriteByte('=')
		b.WriteString(p.v)
	}
	return b.String()
}

func headerValue(r *http.Request, name string) string {
	switch name {
	case "host":
		return r.Host
	case "content-length":
		// net/http moves Content-Length out of the header map.
		if r.ContentLength >= 0 && r.Header.Get("Content-Length") == "" {
			return strconv.FormatInt(r.ContentLength, 10)
		}
	}
	values := r.Header.Values(name)
	if len(values) == 1 && !needsTrimming(values[0]) {
		return values[0]
	}
	trimmed := make([]string, len(values))
	for i, v := range values {
		trimmed[i] = strings.Join(strings.Fields(v), " ")
	}
	return strings.Join(trimmed, ",")
}

// needsTrimming reports whether a header value has spaces to trim or
// runs of spaces to squeeze for its canonical form.
func needsTrimming(v string) bool {
	if v == "" {
		return false
	}
	if isSpace(v[0]) || isSpace(v[len(v)-1]) {
		return true
	}
	for i := 1; i < len(v); i++ {
		if isSpace(v[i]) && (isSpace(v[i-1]) || v[i] != ' ') {
			return true
		}
	}
	return false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// StringToSign is what the signing key signs.
func StringToSign(t time.Time, scope, canonicalRequest string) string {
	return algorithm + "\n" + t.UTC().Format(timeFormat) + "\n" + scope + "\n" + sha256Hex([]byte(canonicalRequest))
}

// DeriveSigningKey derives the key for one day, region and service.
func DeriveSigningKey(secret, date, region, service string) []byte {
	k := hmacSHA256([]byte("AWS4"+secret), []byte(date))
	k = hmacSHA256(k, []byte(region))
	k = hmacSHA256(k, []byte(service))
	return hmacSHA256(k, []byte("aws4_request"))
}

func hmacSHA256(key, data []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(data)
	return h.Sum(nil)
}

// emptyPayloadHash is the hash of an empty body: every GET's.
var emptyPayloadHash = sha256Hex(nil)

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// uriEncode percent-encodes every byte outside A-Z a-z 0-9 - _ . ~ with
// upper-case hex; '/' stays as it is unless encodeSlash.
func uriEncode(s string, encodeSlash bool) string {
	const hexDigits = "0123456789ABCDEF"
	if !needsURIEncoding(s, encodeSlash) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		case c == '/' && !encodeSlash:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

func needsURIEncoding(s string, encodeSlash bool) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
		case c == '/' && !encodeSlash:
		default:
			return true
		}
	}
	return false
}

// signingKeyCache keeps derived keys: the four HMACs are the same for every
// request of a key on one day.
// An entry remembers the secret it was derived from, so that a key whose
// secret changes is derived again rather than served stale.
type signingKeyCache struct {
	mu   sync.Mutex
	keys map[signingKeyID]cachedKey
}

type cachedKey struct {
	secret string
	key    []byte
}

const maxCachedKeys = 1024

type signingKeyID struct{ accessKeyID, date, region, service string }

func (c *signingKeyCache) get(cred Credential, date, region, service string) []byte {
	id := signingKeyID{cred.AccessKeyID, date, region, service}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.keys[id]; ok && e.secret == cred.SecretAccessKey {
		return e.key
	}
	if c.keys == nil || len(c.keys) >= maxCachedKeys {
		c.keys = map[signingKeyID]cachedKey{}
	}
	k := DeriveSigningKey(cred.SecretAccessKey, date, region, service)
	// The id's strings are slices of the request's header: copies keep a
	// cached entry from holding the whole header.
	id = signingKeyID{strings.Clone(id.accessKeyID), strings.Clone(date), strings.Clone(region), strings.Clone(service)}
	c.keys[id] = cachedKey{secret: cred.SecretAccessKey, key: k}
	return k
}
