// Package client calls the operations apispec describes, over HTTP, as an
// AWS SDK would: the restJson1 binding from the caller's side (URI labels,
// query members, a JSON body), SigV4 signatures from aws-sdk-go-v2's
// signer, retries of 5xx answers, and errors read from X-Amzn-ErrorType
// or the body's {"Code","Message"}. The command line's operations, the
// benchmark's load generator and tests share it.
//
// It imports apispec and aws-sdk-go-v2 (credentials and the signer).
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/openchime/chime/apispec"
)

// Client sends operations to one server.
type Client struct {
	// Endpoint is the server's base URL: http://127.0.0.1:8765.
	Endpoint string
	// Signer signs every request; nil sends them unsigned.
	Signer *Signer
	// HTTP sends the requests.
	HTTP *http.Client
	// UserAgent, when set, is every request's User-Agent.
	UserAgent string
	// MaxAttempts is how many times a request is sent while the server
	// answers 500, 502, 503 or 504 or cannot be reached; 0 means once.
	MaxAttempts int
	// Debug, when set, receives every request and response, with the
	// signature and any session token masked.
	Debug io.Writer
}

// New returns a client of the server at endpoint that signs with creds
// (nil: unsigned) for DefaultRegion and sends through httpClient (nil:
// http.DefaultClient), each request once.
func New(endpoint string, creds aws.CredentialsProvider, httpClient *http.Client) *Client {
	c := &Client{Endpoint: endpoint, HTTP: httpClient}
	if creds != nil {
		c.Signer = NewSigner(creds, DefaultRegion)
	}
	if c.HTTP == nil {
		c.HTTP = http.DefaultClient
	}
	return c
}

// Response is the server's answer.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Document decodes the body as a JSON object, numbers as json.Number; an
// empty body is a nil document.
func (r *Response) Document() (map[string]any, error) {
	if len(bytes.TrimSpace(r.Body)) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.UseNumber()
	var out map[string]any
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("the server's response is not JSON: %v", err)
	}
	return out, nil
}

// Call sends the operation named op (its API name: CreateUser) with input,
// which is a map[string]any, a JSON object as []byte, json.RawMessage or
// string, or any value that encodes as one; nil is no input. See Send for
// what it returns.
func (c *Client) Call(ctx context.Context, op string, input any) (*Response, error) {
	o := apispec.Lookup(op)
	if o == nil || (o.Input == nil && !o.Implemented) {
		return nil, fmt.Errorf("client: no operation %q with an input description in apispec", op)
	}
	doc, err := inputDocument(input)
	if err != nil {
		return nil, fmt.Errorf("client: %s input: %v", op, err)
	}
	return c.Send(ctx, o, doc)
}

func inputDocument(input any) (map[string]any, error) {
	var raw []byte
	switch v := input.(type) {
	case nil:
		return map[string]any{}, nil
	case map[string]any:
		return v, nil
	case json.RawMessage:
		raw = v
	case []byte:
		raw = v
	case string:
		raw = []byte(v)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		raw = b
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if doc == nil {
		doc = map[string]any{}
	}
	return doc, nil
}

// Send lays out input as op's binding says and sends it. A 2xx answer
// returns the response; any other answer returns the response and an
// *Error; no answer at all returns a *ConnectError, and the end of ctx
// returns ctx.Err().
func (c *Client) Send(ctx context.Context, op *apispec.Operation, input map[string]any) (*Response, error) {
	r, err := Encode(op, input)
	if err != nil {
		return nil, err
	}
	return c.Do(ctx, r)
}

// Do sends an encoded request, as Send does.
func (c *Client) Do(ctx context.Context, r Request) (*Response, error) {
	target := r.URL(c.Endpoint)
	attempts := max(c.MaxAttempts, 1)
	var last *Response
	var lastErr *Error
	for attempt := 1; attempt <= attempts; attempt++ {
		if attempt > 1 {
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(backoff(attempt)):
			}
		}
		resp, err := c.send(ctx, r, target)
		var sendErr *sendError
		switch {
		case errors.As(err, &sendErr):
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if attempt < attempts {
				continue
			}
			return nil, &ConnectError{URL: target, Err: sendErr.err}
		case err != nil:
			return nil, err
		case resp.Status < 300:
			return resp, nil
		}
		e := DecodeError(resp.Status, resp.Header, resp.Body)
		if !retryable(resp.Status) {
			return resp, e
		}
		e.Retries = attempt - 1
		last, lastErr = resp, e
	}
	return last, lastErr
}

// backoff is the wait before an attempt: 200 ms before the second, 400 ms
// before the third.
func backoff(attempt int) time.Duration { return time.Duration(50<<attempt) * time.Millisecond }

func retryable(status int) bool {
	return status == 500 || status == 502 || status == 503 || status == 504
}

// sendError is a request that got no answer (retried).
type sendError struct{ err error }

func (e *sendError) Error() string { return e.err.Error() }

func (c *Client) send(ctx context.Context, r Request, target string) (*Response, error) {
	req, err := NewHTTPRequest(ctx, r.Method, target, r.Body, "application/json")
	if err != nil {
		return nil, err
	}
	if c.UserAgent != "" {
		req.Header["User-Agent"] = []string{c.UserAgent}
	}
	if c.Signer != nil {
		if err := c.Signer.Sign(ctx, req, r.Body); err != nil {
			return nil, err
		}
	}
	c.debugRequest(req, r.Body)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, &sendError{err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, &sendError{err}
	}
	c.debugResponse(resp, body)
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

var signaturePart = regexp.MustCompile(`Signature=[0-9a-f]+`)

func (c *Client) debugRequest(req *http.Request, body []byte) {
	if c.Debug == nil {
		return
	}
	fmt.Fprintf(c.Debug, "DEBUG request: %s %s\n", req.Method, req.URL)
	for _, line := range headerLines(req.Header) {
		fmt.Fprintf(c.Debug, "DEBUG   %s\n", line)
	}
	fmt.Fprintf(c.Debug, "DEBUG request body: %s\n", body)
}

func (c *Client) debugResponse(resp *http.Response, body []byte) {
	if c.Debug == nil {
		return
	}
	fmt.Fprintf(c.Debug, "DEBUG response: %s\n", resp.Status)
	for _, line := range headerLines(resp.Header) {
		fmt.Fprintf(c.Debug, "DEBUG   %s\n", line)
	}
	fmt.Fprintf(c.Debug, "DEBUG response body: %s\n", body)
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
