package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/openchime/chime/apispec"
)

// serviceError is an error response of the server.
type serviceError struct {
	Code    string
	Message string
	Retries int
}

// connectError is a request that never got an answer.
type connectError struct{ url string }

func (e *connectError) Error() string {
	return fmt.Sprintf("Could not connect to the endpoint URL: %q", e.url)
}

// caller sends operations described by apispec: the REST-JSON binding done
// from the description, signed with aws-sdk-go-v2's SigV4 signer.
type caller struct {
	conn       *connection
	debug      io.Writer // nil unless --debug
	lastHeader http.Header
}

// maxAttempts and retryable follow AWS CLI v2's standard retry mode.
const maxAttempts = 3

func retryable(status int) bool {
	return status == 500 || status == 502 || status == 503 || status == 504
}

// call sends op with the input document in and returns the decoded JSON
// response (nil for an empty body).
func (c *caller) call(ctx context.Context, op *apispec.Operation, in map[string]any) (map[string]any, *serviceError, error) {
	path, query, body, err := encodeRequest(op, in)
	if err != nil {
		return nil, nil, err
	}
	target := strings.TrimRight(c.conn.endpoint, "/") + path
	if query != "" {
		target += "?" + query
	}
	var lastErr *serviceError
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		if attempt > 1 {
			delay := time.Duration(50<<attempt) * time.Millisecond
			select {
			case <-ctx.Done():
				return nil, nil, ctx.Err()
			case <-time.After(delay):
			}
		}
		status, respBody, err := c.send(ctx, op.Method, target, body)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			if attempt < maxAttempts {
				continue
			}
			return nil, nil, &connectError{url: target}
		}
		if status < 300 {
			if len(bytes.TrimSpace(respBody)) == 0 {
				return nil, nil, nil
			}
			dec := json.NewDecoder(bytes.NewReader(respBody))
			dec.UseNumber()
			var out map[string]any
			if err := dec.Decode(&out); err != nil {
				return nil, nil, fmt.Errorf("the server's response is not JSON: %v", err)
			}
			return out, nil, nil
		}
		lastErr = decodeServiceError(status, c.lastHeader, respBody)
		if !retryable(status) {
			return nil, lastErr, nil
		}
		lastErr.Retries = attempt - 1
	}
	return nil, lastErr, nil
}

// encodeRequest lays the input document out as the REST-JSON binding
// says: labels in the path, query members after the constant query, the
// rest as a JSON object.
func encodeRequest(op *apispec.Operation, in map[string]any) (path, query string, body []byte, err error) {
	path = op.Path
	var q []string
	if op.Query != "" {
		q = append(q, op.Query)
	}
	bodyDoc := map[string]any{}
	hasBody := false
	for _, m := range op.Input.Members {
		v, present := in[m.Name]
		switch m.Location {
		case apispec.URI:
			if !present {
				return "", "", nil, fmt.Errorf("Parameter validation failed:\nMissing required parameter in input: %q", m.Name)
			}
			path = strings.Replace(path, "{"+m.LocationName+"}", escapeLabel(fmt.Sprint(v)), 1)
		case apispec.Query:
			if !present {
				continue
			}
			for _, s := range queryValues(v) {
				q = append(q, url.QueryEscape(m.LocationName)+"="+escapeLabel(s))
			}
		default:
			hasBody = true
			if present {
				bodyDoc[m.Name] = v
			}
		}
	}
	if hasBody {
		body, err = json.Marshal(bodyDoc)
	}
	return path, strings.Join(q, "&"), body, err
}

func queryValues(v any) []string {
	if l, ok := v.([]any); ok {
		out := make([]string, len(l))
		for i, e := range l {
			out[i] = fmt.Sprint(e)
		}
		return out
	}
	return []string{fmt.Sprint(v)}
}

// escapeLabel percent-encodes everything but A-Z a-z 0-9 - . _ ~, as
// botocore does for URI labels and query values.
func escapeLabel(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func decodeServiceError(status int, h http.Header, body []byte) *serviceError {
	// Field names match case-insensitively: Message and message both fill Message.
	var e struct{ Code, Message string }
	_ = json.Unmarshal(body, &e)
	code := h.Get("X-Amzn-ErrorType")
	if code == "" {
		code = e.Code
	}
	code, _, _ = strings.Cut(code, ":")
	if i := strings.LastIndex(code, "#"); i >= 0 {
		code = code[i+1:]
	}
	if code == "" {
		code = strconv.Itoa(status)
	}
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(status)
	}
	return &serviceError{Code: code, Message: msg}
}

func (c *caller) send(ctx context.Context, method, target string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, target, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	} else {
		req.Body, req.ContentLength = http.NoBody, 0
	}
	req.Header.Set("User-Agent", "chime-cli/"+Version)
	if c.conn.creds != nil {
		creds, err := c.conn.creds.Retrieve(ctx)
		if err != nil {
			return 0, nil, err
		}
		sum := sha256.Sum256(body)
		if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "chime", c.conn.region, time.Now()); err != nil {
			return 0, nil, err
		}
	}
	c.debugRequest(req, body)
	resp, err := c.conn.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	respBody, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, err
	}
	c.lastHeader = resp.Header
	c.debugResponse(resp, respBody)
	return resp.StatusCode, respBody, nil
}

var signaturePart = regexp.MustCompile(`Signature=[0-9a-f]+`)

func (c *caller) debugRequest(req *http.Request, body []byte) {
	if c.debug == nil {
		return
	}
	fmt.Fprintf(c.debug, "DEBUG request: %s %s\n", req.Method, req.URL)
	for _, line := range headerLines(req.Header) {
		fmt.Fprintf(c.debug, "DEBUG   %s\n", line)
	}
	fmt.Fprintf(c.debug, "DEBUG request body: %s\n", body)
}

func (c *caller) debugResponse(resp *http.Response, body []byte) {
	if c.debug == nil {
		return
	}
	fmt.Fprintf(c.debug, "DEBUG response: %s\n", resp.Status)
	for _, line := range headerLines(resp.Header) {
		fmt.Fprintf(c.debug, "DEBUG   %s\n", line)
	}
	fmt.Fprintf(c.debug, "DEBUG response body: %s\n", body)
}

// headerLines lists headers with secrets masked: the signature and any
// session token never reach the debug output.
func headerLines(h http.Header) []string {
	var lines []string
	for k, vs := range h {
		for _, v := range vs {
			switch strings.ToLower(k) {
			case "authorization":
				v = signaturePart.ReplaceAllString(v, "Signature=***")
			case "x-amz-security-token":
				v = "***"
			}
			lines = append(lines, k+": "+v)
		}
	}
	sort.Strings(lines)
	return lines
}

// httpClient builds the client of the global TLS and timeout options. The
// CA bundle is read only for an https endpoint: parsing a system bundle
// costs more than a whole request to a local server.
func httpClient(g *globals, endpoint string) (*http.Client, error) {
	tlsConf := &tls.Config{InsecureSkipVerify: g.noVerifySSL}
	bundle := g.caBundle
	if bundle == "" {
		bundle = os.Getenv("AWS_CA_BUNDLE")
	}
	if bundle != "" && strings.HasPrefix(strings.ToLower(endpoint), "https:") {
		pem, err := os.ReadFile(bundle)
		if err != nil {
			return nil, fmt.Errorf("cannot read the CA bundle %s: %v", bundle, err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("the CA bundle %s has no PEM certificates", bundle)
		}
		tlsConf.RootCAs = pool
	}
	dialer := &net.Dialer{Timeout: g.connectTimeout}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSClientConfig:       tlsConf,
		ResponseHeaderTimeout: g.readTimeout,
	}
	return &http.Client{Transport: transport}, nil
}
