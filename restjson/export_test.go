package restjson

import (
	"net/url"

	"github.com/openchime/chime/apispec"
)

// DecodeRequest routes, validates and decodes a request as the server does
// before its handler runs, and returns the operation's typed input.
func DecodeRequest(method, target string, body []byte) (any, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	query := u.Query()
	op, labels, ok := newRouter(apispec.All).match(method, u.EscapedPath(), query)
	if !ok {
		return nil, errBodyMismatch
	}
	c := &call{op: op, labels: labels, query: query, body: body}
	if err := validateCall(c); err != nil {
		return nil, err
	}
	decode, ok := requestDecoders[op.Name]
	if !ok {
		return nil, nil // an operation without input
	}
	return decode(c)
}
