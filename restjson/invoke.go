package restjson

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/sigv4"
)

// Invoke runs one operation for caller, in process, from its input as the
// model names it (every member by name, wherever the wire puts it), and
// returns its output as JSON. The input goes through the validation,
// decoding and handler a request does, so that what the server loads by
// itself (fixtures) obeys the same rules as what clients send; only the
// signature, throttling, faults and the journal are left out.
func (a *API) Invoke(ctx context.Context, caller *sigv4.Principal, opName string, input map[string]any) ([]byte, error) {
	op := apispec.Lookup(opName)
	serveOp := bindings[opName]
	if op == nil || !op.Implemented || serveOp == nil {
		return nil, fmt.Errorf("no implemented operation %s", opName)
	}
	c := &call{op: op, owner: caller.AccountID, labels: map[string]string{}, query: url.Values{}}
	body := map[string]any{}
	for name, v := range input {
		var m *apispec.Member
		if op.Input != nil {
			m = op.Input.MemberNamed(name)
		}
		if m == nil {
			return nil, chime.Errorf(chime.BadRequest, "%s has no member %s", opName, name)
		}
		switch m.Location {
		case apispec.URI:
			c.labels[m.LocationName] = fmt.Sprint(v)
		case apispec.Query:
			c.query.Set(m.LocationName, fmt.Sprint(v))
		default:
			body[name] = v
		}
	}
	if len(body) > 0 {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, chime.Errorf(chime.BadRequest, "%s: the input does not encode as JSON: %v", opName, err)
		}
		c.body = b
	}
	if err := validateCall(c); err != nil {
		return nil, err
	}
	out, err := serveOp(a, withCaller(ctx, caller), c)
	if err != nil {
		return nil, err
	}
	if out == nil {
		return []byte("{}"), nil
	}
	return out.appendJSON(nil), nil
}
