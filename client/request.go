package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/openchime/chime/apispec"
)

// Request is an operation's input laid out as the restJson1 binding says:
// URI members in the path, query members after the operation's constant
// query, the other members as one JSON object.
type Request struct {
	Method string
	// Path has its labels filled in and percent-encoded.
	Path string
	// Query is the encoded query string, without '?'; empty for none.
	Query string
	// Body is the JSON document of the body members; nil when the
	// operation has no body members.
	Body []byte
}

// Encode lays out input, a decoded JSON document of op's input shape. A
// URI member missing from input is an error; nothing else is validated
// (the server does that, against the same description). The body's keys
// are in sorted order, as encoding/json writes a map.
func Encode(op *apispec.Operation, input map[string]any) (Request, error) {
	r := Request{Method: op.Method, Path: op.Path}
	var query []string
	if op.Query != "" {
		query = append(query, op.Query)
	}
	var bodyMembers []string // present, by name
	hasBody := false
	for _, m := range op.InputShape().Members {
		v, present := input[m.Name]
		switch m.Location {
		case apispec.URI:
			if !present {
				return Request{}, fmt.Errorf("%s: the input has no %s, which the path needs", op.Name, m.Name)
			}
			r.Path = strings.Replace(r.Path, "{"+m.LocationName+"}", escape(text(v)), 1)
		case apispec.Query:
			if !present {
				continue
			}
			for _, s := range queryValues(v) {
				query = append(query, escape(m.LocationName)+"="+escape(s))
			}
		default:
			hasBody = true
			if present {
				bodyMembers = append(bodyMembers, m.Name)
			}
		}
	}
	r.Query = strings.Join(query, "&")
	if hasBody {
		slices.Sort(bodyMembers)
		b := append(make([]byte, 0, 64), '{')
		for i, name := range bodyMembers {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendQuote(b, name) // member names are ASCII letters and digits
			b = append(b, ':')
			v, err := json.Marshal(input[name])
			if err != nil {
				return Request{}, fmt.Errorf("%s: %s: %v", op.Name, name, err)
			}
			b = append(b, v...)
		}
		r.Body = append(b, '}')
	}
	return r, nil
}

// text is a label's or query value's text.
func text(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

// URL is the request's address on the server at endpoint, a base URL
// such as http://127.0.0.1:8765.
func (r Request) URL(endpoint string) string {
	u := strings.TrimRight(endpoint, "/") + r.Path
	if r.Query != "" {
		u += "?" + r.Query
	}
	return u
}

// HTTPRequest builds the unsigned HTTP request for the server at
// endpoint: a JSON body with its Content-Type, or no body at all.
func (r Request) HTTPRequest(ctx context.Context, endpoint string) (*http.Request, error) {
	return NewHTTPRequest(ctx, r.Method, r.URL(endpoint), r.Body, "application/json")
}

// NewHTTPRequest builds an unsigned request to url with body and its
// Content-Type; a nil body sends none and no Content-Type.
func NewHTTPRequest(ctx context.Context, method, url string, body []byte, contentType string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header["Content-Type"] = []string{contentType}
	}
	return req, nil
}

func queryValues(v any) []string {
	if l, ok := v.([]any); ok {
		out := make([]string, len(l))
		for i, e := range l {
			out[i] = text(e)
		}
		return out
	}
	return []string{text(v)}
}

// escape percent-encodes everything but A-Z a-z 0-9 - . _ ~, as botocore
// does for URI labels and query values.
func escape(s string) string {
	i := 0
	for i < len(s) && unreserved(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) * 3)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if c := s[i]; unreserved(c) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}
