package awscli

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/client"
	"go.yaml.in/yaml/v3"
)

// commands maps AWS CLI command names to the operations the server
// implements, extensions included.
func commands() map[string]*apispec.Operation {
	m := map[string]*apispec.Operation{}
	for _, op := range apispec.All {
		if op.Implemented {
			m[kebab(op.Name)] = op
		}
	}
	return m
}

// param is one command-line option of an operation.
type param struct {
	flag   string
	member apispec.Member
}

// opParams lists an operation's options, in model order.
func opParams(op *apispec.Operation) []param {
	var ps []param
	for _, m := range op.InputShape().Members {
		ps = append(ps, param{flag: "--" + kebab(m.Name), member: m})
	}
	return ps
}

// invocation is a parsed command line for one operation.
type invocation struct {
	op       *apispec.Operation
	g        *globals
	values   map[string][]string // flag -> raw values
	booleans map[string]bool     // member -> value
	unknown  []string

	inputJSON, inputYAML string
	skeleton             string // "", input, yaml-input, output
	startingToken        string
	pageSize, maxItems   int64
	hasStarting          bool
}

// parseInvocation reads the tokens of `chime <operation> ...` (globals may
// stand anywhere).
func parseInvocation(op *apispec.Operation, g *globals, args []string) (*invocation, error) {
	inv := &invocation{op: op, g: g, values: map[string][]string{}, booleans: map[string]bool{}}
	params := map[string]apispec.Member{}
	for _, p := range opParams(op) {
		params[p.flag] = p.member
	}
	for i := 0; i < len(args); i++ {
		tok := args[i]
		name, inline, hasInline := strings.Cut(tok, "=")
		if !strings.HasPrefix(tok, "--") {
			inv.unknown = append(inv.unknown, tok)
			continue
		}
		if !hasInline {
			name = tok
		}
		next := func() (string, error) {
			if hasInline {
				return inline, nil
			}
			if i+1 < len(args) && !strings.HasPrefix(args[i+1], "--") {
				i++
				return args[i], nil
			}
			return "", paramErrorf("argument %s: expected one argument", name)
		}
		if gf := lookupGlobal(name); gf != nil {
			v := ""
			if gf.takes {
				var err error
				if v, err = next(); err != nil {
					return nil, err
				}
			}
			if err := gf.set(g, v); err != nil {
				return nil, paramErrorf("argument %s: %v", name, err)
			}
			continue
		}
		switch name {
		case "--cli-input-json", "--cli-input-yaml":
			v, err := next()
			if err != nil {
				return nil, err
			}
			if name == "--cli-input-json" {
				inv.inputJSON = v
			} else {
				inv.inputYAML = v
			}
			continue
		case "--generate-cli-skeleton":
			inv.skeleton = "input"
			if hasInline {
				inv.skeleton = inline
			} else if i+1 < len(args) && !strings.HasPrefix(args[i+1], "--") {
				i++
				inv.skeleton = args[i]
			}
			if inv.skeleton != "input" && inv.skeleton != "output" && inv.skeleton != "yaml-input" {
				return nil, paramErrorf("argument --generate-cli-skeleton: Found invalid choice '%s'", inv.skeleton)
			}
			continue
		}
		if op.Paginator != nil {
			switch name {
			case "--starting-token":
				v, err := next()
				if err != nil {
					return nil, err
				}
				inv.startingToken, inv.hasStarting = v, true
				continue
			case "--page-size", "--max-items":
				v, err := next()
				if err != nil {
					return nil, err
				}
				n, err := coerce(&apispec.Shape{Type: apispec.Integer}, v, name)
				if err != nil {
					return nil, err
				}
				if name == "--page-size" {
					inv.pageSize = n.(int64)
				} else {
					inv.maxItems = n.(int64)
				}
				continue
			}
		}
		if m, ok := params[name]; ok {
			if m.Shape.Type == apispec.Boolean {
				inv.booleans[m.Name] = true
				continue
			}
			if hasInline {
				inv.values[name] = []string{inline}
			} else {
				var vals []string
				multi := m.Shape.Type == apispec.List
				for i+1 < len(args) && !strings.HasPrefix(args[i+1], "--") {
					i++
					vals = append(vals, args[i])
					if !multi {
						break
					}
				}
				if len(vals) == 0 {
					return nil, paramErrorf("argument %s: expected %s argument", name, map[bool]string{true: "at least one", false: "one"}[multi])
				}
				inv.values[name] = vals
			}
			continue
		}
		if strings.HasPrefix(name, "--no-") {
			if m, ok := params["--"+strings.TrimPrefix(name, "--no-")]; ok && m.Shape.Type == apispec.Boolean {
				inv.booleans[m.Name] = false
				continue
			}
		}
		inv.unknown = append(inv.unknown, tok)
	}
	if len(inv.unknown) > 0 {
		return nil, &paramError{"Unknown options: " + strings.Join(inv.unknown, ", ")}
	}
	return inv, nil
}

// document builds the input document: the options typed, then the keys of
// --cli-input-json/yaml that the options did not set.
func (inv *invocation) document(e *Env) (map[string]any, error) {
	doc := map[string]any{}
	for _, p := range opParams(inv.op) {
		if raw, ok := inv.values[p.flag]; ok {
			v, err := convertParam(e, p.flag, p.member.Shape, append([]string(nil), raw...))
			if err != nil {
				return nil, err
			}
			doc[p.member.Name] = v
		}
		if b, ok := inv.booleans[p.member.Name]; ok {
			doc[p.member.Name] = b
		}
	}
	if inv.inputJSON != "" && inv.inputYAML != "" {
		return nil, &paramError{"Only one --cli-input- parameter may be specified."}
	}
	var loaded map[string]any
	switch {
	case inv.inputJSON != "":
		text, err := readParamFile(e, "--cli-input-json", inv.inputJSON)
		if err != nil {
			return nil, err
		}
		v, err := decodeJSONValue(text)
		if err != nil {
			return nil, &paramError{"Error parsing parameter 'cli-input-json': Invalid JSON received."}
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, paramErrorf("Error parsing parameter '--cli-input-json': Invalid type: expecting map, received %s", pyType(v))
		}
		loaded = m
	case inv.inputYAML != "":
		text, err := readParamFile(e, "--cli-input-yaml", inv.inputYAML)
		if err != nil {
			return nil, err
		}
		var v any
		if err := yaml.Unmarshal([]byte(text), &v); err != nil {
			return nil, &paramError{"Error parsing parameter 'cli-input-yaml': Invalid YAML received."}
		}
		m, ok := normalizeYAML(v).(map[string]any)
		if !ok {
			return nil, paramErrorf("Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received %s", pyType(normalizeYAML(v)))
		}
		loaded = m
	}
	for k, v := range loaded {
		if _, set := doc[k]; !set {
			if mem := inv.op.InputShape().MemberNamed(k); mem != nil {
				c, err := coerce(mem.Shape, v, "--cli-input")
				if err == nil {
					v = c
				}
			}
			doc[k] = v
		}
	}
	return doc, nil
}

// normalizeYAML gives YAML values the types JSON decoding gives.
func normalizeYAML(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeYAML(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = normalizeYAML(e)
		}
		return x
	case int:
		return int64(x)
	}
	return v
}

// missingRequired lists required options not given, for argparse's message.
func (inv *invocation) missingRequired() []string {
	if inv.inputJSON != "" || inv.inputYAML != "" || inv.skeleton == "input" || inv.skeleton == "yaml-input" {
		return nil
	}
	var missing []string
	for _, p := range opParams(inv.op) {
		if !p.member.Required {
			continue
		}
		if _, ok := inv.values[p.flag]; ok {
			continue
		}
		if _, ok := inv.booleans[p.member.Name]; ok {
			continue
		}
		missing = append(missing, p.flag)
	}
	return missing
}

// paginationToken is the CLI-level token of --max-items and
// --starting-token: the service token of the page to read (null for the
// first page) and how many of its items were already printed.
type paginationToken struct {
	NextToken *string `json:"NextToken"`
	Truncate  int     `json:"boto_truncate_amount,omitempty"`
}

func encodeToken(t paginationToken) string {
	b, _ := json.Marshal(t)
	return base64.StdEncoding.EncodeToString(b)
}

func decodeToken(s string) (paginationToken, error) {
	var t paginationToken
	b, err := base64.StdEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &t)
	}
	if err != nil || t.Truncate < 0 {
		return t, paramErrorf("Bad value for --starting-token: %s", s)
	}
	return t, nil
}

// execute runs the invocation and returns the response document and the
// pages it came in. Paginated operations follow NextToken and merge the
// pages, as the AWS CLI does, unless told not to. The errors are the
// client's, and *paramError.
func (inv *invocation) execute(ctx context.Context, api *client.Client, doc map[string]any) (any, []any, error) {
	op := inv.op
	p := op.Paginator
	if p != nil && inv.g.noPaginate {
		var given []string
		if inv.hasStarting {
			given = append(given, "--starting-token")
		}
		if inv.pageSize > 0 {
			given = append(given, "--page-size")
		}
		if inv.maxItems > 0 {
			given = append(given, "--max-items")
		}
		if len(given) > 0 {
			return nil, nil, paramErrorf("Cannot specify --no-paginate along with pagination arguments: %s", strings.Join(given, ", "))
		}
	}
	paginate := p != nil && !inv.g.noPaginate
	if paginate {
		_, explicitToken := doc[p.InputToken]
		_, explicitLimit := doc[p.LimitKey]
		paginate = !explicitToken && !explicitLimit
	}
	if !paginate {
		out, err := call(ctx, api, op, doc)
		if err != nil {
			return nil, nil, err
		}
		return out, []any{out}, nil
	}
	if inv.pageSize > 0 {
		doc[p.LimitKey] = inv.pageSize
	}
	skip := 0
	if inv.hasStarting {
		t, err := decodeToken(inv.startingToken)
		if err != nil {
			return nil, nil, err
		}
		if t.NextToken != nil {
			doc[p.InputToken] = *t.NextToken
		}
		skip = t.Truncate
	}
	merged := newObject()
	var items, pages []any
	var resume *paginationToken
	for {
		page, err := call(ctx, api, op, doc)
		if err != nil {
			return nil, nil, err
		}
		pages = append(pages, page)
		for _, k := range page.keys {
			if k != p.ResultKey && k != p.OutputToken {
				merged.set(k, page.vals[k])
			}
		}
		pageItems, _ := page.vals[p.ResultKey].([]any)
		skipped := min(skip, len(pageItems))
		pageItems, skip = pageItems[skipped:], 0
		next, _ := page.vals[p.OutputToken].(string)
		if inv.maxItems > 0 && int64(len(items)+len(pageItems)) >= inv.maxItems {
			take := int(inv.maxItems) - len(items)
			items = append(items, pageItems[:take]...)
			if take < len(pageItems) {
				var this *string
				if tok, ok := doc[p.InputToken].(string); ok {
					this = &tok
				}
				resume = &paginationToken{NextToken: this, Truncate: skipped + take}
			} else if next != "" {
				resume = &paginationToken{NextToken: &next}
			}
			break
		}
		items = append(items, pageItems...)
		if next == "" {
			break
		}
		doc[p.InputToken] = next
	}
	if items == nil {
		items = []any{}
	}
	result := newObject()
	result.set(p.ResultKey, items)
	for _, k := range merged.keys {
		result.set(k, merged.vals[k])
	}
	if resume != nil {
		result.set("NextToken", encodeToken(*resume))
	}
	return result, pages, nil
}

// call sends one request and shapes its answer as the output says.
func call(ctx context.Context, api *client.Client, op *apispec.Operation, doc map[string]any) (*object, error) {
	resp, err := api.Send(ctx, op, doc)
	if err != nil {
		return nil, err
	}
	raw, err := resp.Document()
	if err != nil {
		return nil, err
	}
	out, _ := shapeResponse(op.Output, raw).(*object)
	if out == nil {
		out = newObject()
	}
	return out, nil
}
