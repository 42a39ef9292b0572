package awscli

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/client"
	"go.yaml.in/yaml/v3"
)

// commands maps AWS CLI command names to the operations the server
// implements, extensions included.
func commands() map[string]*apispec.Operation {
	m := map[string]*apispec.Operation{}
	for _, op := range apispec.Implemented() {
		m[op.CommandName()] = op
	}
	return m
}

// commandNames are the names of the operations' commands, sorted.
func commandNames() []string {
	var names []string
	for _, op := range apispec.Implemented() {
		names = append(names, op.CommandName())
	}
	sort.Strings(names)
	return names
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
		ps = append(ps, param{flag: "--" + apispec.Kebab(m.Name), member: m})
	}
	return ps
}

// opOptions lists the options of an operation's parser in the AWS CLI's
// order: the members (a boolean's --no- form after it), then
// --cli-input-json and --cli-input-yaml, the pagination options and
// --generate-cli-skeleton.
func opOptions(op *apispec.Operation) []string {
	var options []string
	for _, p := range opParams(op) {
		options = append(options, p.flag)
		if p.member.Shape.Type == apispec.Boolean {
			options = append(options, "--no-"+strings.TrimPrefix(p.flag, "--"))
		}
	}
	options = append(options, "--cli-input-json", "--cli-input-yaml")
	if op.Paginator != nil {
		options = append(options, "--starting-token", "--page-size", "--max-items")
	}
	return append(options, "--generate-cli-skeleton")
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
	// wireTimestamps keeps timestamps as the server sent them
	// (cli_timestamp_format = wire).
	wireTimestamps bool
	// Which of --starting-token, --page-size and --max-items were given.
	hasStarting, hasPageSize, hasMaxItems bool
}

// parseInvocation reads the tokens of `chime <operation> ...` (globals may
// stand anywhere).
func parseInvocation(op *apispec.Operation, g *globals, args []string) (*invocation, error) {
	inv := &invocation{op: op, g: g, values: map[string][]string{}, booleans: map[string]bool{}}
	params := map[string]apispec.Member{}
	options := opOptions(op)
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
		// An abbreviation stands for its option: the global options
		// first, as the AWS CLI's first parser reads them, then the
		// operation's.
		gf, err := resolveGlobal(name, tok)
		if err != nil {
			return nil, err
		}
		if gf != nil {
			name = gf.name
		} else if !slices.Contains(options, name) {
			full, err := resolvePrefix(name, tok, options)
			if err != nil {
				return nil, err
			}
			if full != "" {
				name = full
			}
		}
		next := func() (string, error) {
			if hasInline {
				return inline, nil
			}
			if i+1 < len(args) && !looksLikeOption(args[i+1]) {
				i++
				return args[i], nil
			}
			return "", paramErrorf("argument %s: expected one argument", name)
		}
		if gf != nil {
			v := ""
			if gf.takes {
				var err error
				if v, err = next(); err != nil {
					return nil, err
				}
			}
			if err := gf.set(g, v); err != nil {
				var ce *configError
				if errors.As(err, &ce) {
					return nil, err
				}
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
			} else if i+1 < len(args) && !looksLikeOption(args[i+1]) {
				i++
				inv.skeleton = args[i]
			}
			if inv.skeleton != "input" && inv.skeleton != "output" && inv.skeleton != "yaml-input" {
				return nil, &paramError{"argument --generate-cli-skeleton: " + invalidChoice(inv.skeleton, []string{"input", "output", "yaml-input"})}
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
				// argparse's type=int: its message, exit code 252.
				n, err := pyInt(v)
				if err != nil {
					return nil, paramErrorf("argument %s: invalid int value: %s", name, pyQuote(v))
				}
				if name == "--page-size" {
					inv.pageSize, inv.hasPageSize = n, true
				} else {
					inv.maxItems, inv.hasMaxItems = n, true
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
				for i+1 < len(args) && !looksLikeOption(args[i+1]) {
					i++
					vals = append(vals, args[i])
					if !multi {
						break
					}
				}
				// A list option may be given no value at all (an empty
				// list), as in the AWS CLI; another option must have one.
				if len(vals) == 0 && !multi {
					return nil, paramErrorf("argument %s: expected one argument", name)
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
		return nil, &unknownOptions{inv.unknown}
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
// --starting-token, as botocore encodes it: the service token of the page
// to read (null for the first page) and, when the last page was cut, how
// many of its items to skip (a Python slice start: negative counts from
// the end).
type paginationToken struct {
	NextToken *string `json:"NextToken"`
	Truncate  *int    `json:"boto_truncate_amount"`
}

// encodeToken is base64 of Python's json.dumps of the token.
func encodeToken(t paginationToken) string {
	var b strings.Builder
	b.WriteString(`{"NextToken": `)
	if t.NextToken == nil {
		b.WriteString("null")
	} else {
		writeASCIIString(&b, *t.NextToken)
	}
	if t.Truncate != nil {
		fmt.Fprintf(&b, `, "boto_truncate_amount": %d`, *t.Truncate)
	}
	b.WriteString("}")
	return base64.StdEncoding.EncodeToString([]byte(b.String()))
}

// decodeToken reads a --starting-token as botocore does: base64 of a JSON
// token, or else the older form "<service token>___<items to skip>" (the
// service token "None" standing for none), or else an opaque service
// token for the server to judge. A token of the older form with more
// parts than the operation has tokens is refused.
func decodeToken(s string) (paginationToken, error) {
	var t paginationToken
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && json.Unmarshal(b, &t) == nil {
		return t, nil
	}
	t = paginationToken{}
	parts := strings.Split(s, "___")
	if len(parts) == 2 {
		if n, err := strconv.Atoi(strings.TrimSpace(parts[1])); err == nil {
			t.Truncate = &n
			parts = parts[:1]
		} else {
			parts = []string{s}
		}
	}
	if len(parts) != 1 {
		return t, fmt.Errorf("Bad starting token: %s", s)
	}
	if parts[0] != "None" {
		t.NextToken = &parts[0]
	}
	return t, nil
}

// pyIndex is where Python's slice bound i falls in a list of n items.
func pyIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return max(0, min(i, n))
}

// paginates settles whether the call follows NextToken as the AWS CLI
// does: not with --no-paginate, nor when the operation's own token or
// limit is given. Without pagination, a non-zero --starting-token,
// --page-size or --max-items is refused, and one that is zero or empty
// reaches validation as the unknown PaginationConfig it becomes there.
// With pagination, --page-size becomes the limit, validated with the rest.
func (inv *invocation) paginates(doc map[string]any) (bool, error) {
	p := inv.op.Paginator
	if p == nil {
		return false, nil
	}
	_, explicitToken := doc[p.InputToken]
	_, explicitLimit := doc[p.LimitKey]
	if !inv.g.noPaginate && !explicitToken && !explicitLimit {
		if inv.hasPageSize {
			doc[p.LimitKey] = inv.pageSize
		}
		return true, nil
	}
	var used []string
	if inv.startingToken != "" {
		used = append(used, "--starting-token")
	}
	if inv.pageSize != 0 {
		used = append(used, "--page-size")
	}
	if inv.maxItems != 0 {
		used = append(used, "--max-items")
	}
	if len(used) > 0 {
		return false, paramErrorf("Cannot specify --no-paginate along with pagination arguments: %s", strings.Join(used, ", "))
	}
	if inv.hasStarting || inv.hasPageSize || inv.hasMaxItems {
		doc["PaginationConfig"] = map[string]any{}
	}
	return false, nil
}

// result is what an operation answered: the whole response, and for a
// paginated call the pages as botocore yields them (the last one cut at
// --max-items) and the token to resume from.
type result struct {
	doc    any
	pages  []*object
	resume string
}

// execute runs the invocation. A paginated call follows NextToken and
// merges the pages as botocore's PageIterator does, --max-items and
// --starting-token included. The errors are the client's, and
// *paramError.
func (inv *invocation) execute(ctx context.Context, api *client.Client, doc map[string]any, paginate bool) (*result, error) {
	op := inv.op
	p := op.Paginator
	if !paginate {
		out, err := call(ctx, api, op, doc, inv.wireTimestamps)
		if err != nil {
			return nil, err
		}
		return &result{doc: out}, nil
	}
	var starting *paginationToken
	if inv.hasStarting {
		t, err := decodeToken(inv.startingToken)
		if err != nil {
			return nil, err
		}
		if t.NextToken != nil {
			doc[p.InputToken] = *t.NextToken
		}
		starting = &t
	}
	res := &result{}
	merged := newObject()
	var items []any
	for first := true; ; first = false {
		var this *string
		if tok, ok := doc[p.InputToken].(string); ok {
			this = &tok
		}
		page, err := call(ctx, api, op, doc, inv.wireTimestamps)
		if err != nil {
			return nil, err
		}
		for _, k := range page.keys {
			if k != p.ResultKey && k != p.OutputToken {
				merged.set(k, page.vals[k])
			}
		}
		pageItems, _ := page.vals[p.ResultKey].([]any)
		startingCut := 0
		if first && starting != nil && starting.Truncate != nil {
			startingCut = *starting.Truncate
			pageItems = pageItems[pyIndex(startingCut, len(pageItems)):]
			page.set(p.ResultKey, pageItems)
		}
		res.pages = append(res.pages, page)
		next, _ := page.vals[p.OutputToken].(string)
		if cut := int64(len(items)+len(pageItems)) - inv.maxItems; inv.hasMaxItems && cut > 0 {
			keep := len(pageItems) - int(cut)
			pageItems = pageItems[:pyIndex(keep, len(pageItems))]
			page.set(p.ResultKey, pageItems)
			items = append(items, pageItems...)
			truncate := keep + startingCut
			res.resume = encodeToken(paginationToken{NextToken: this, Truncate: &truncate})
			break
		}
		items = append(items, pageItems...)
		if next == "" {
			break
		}
		if inv.hasMaxItems && int64(len(items)) == inv.maxItems {
			res.resume = encodeToken(paginationToken{NextToken: &next})
			break
		}
		doc[p.InputToken] = next
	}
	if items == nil {
		items = []any{}
	}
	full := newObject()
	full.set(p.ResultKey, items)
	for _, k := range merged.keys {
		full.set(k, merged.vals[k])
	}
	if res.resume != "" {
		full.set("NextToken", res.resume)
	}
	res.doc = full
	return res, nil
}

// call sends one request and shapes its answer as the output says.
func call(ctx context.Context, api *client.Client, op *apispec.Operation, doc map[string]any, wire bool) (*object, error) {
	resp, err := api.Send(ctx, op, doc)
	if err != nil {
		return nil, err
	}
	raw, err := resp.Document()
	if err != nil {
		return nil, err
	}
	out, _ := shapeResponse(op.Output, raw, wire).(*object)
	if out == nil {
		out = newObject()
	}
	return out, nil
}

// negativeNumber is argparse's pattern of a word that is a negative
// number, and so a value, not an option.
var negativeNumber = regexp.MustCompile(`^-\d+$|^-\d*\.\d+$`)

// looksLikeOption is argparse's test of whether a word is an option rather
// than a value: it starts with '-', is not '-' alone or a negative number,
// and has no space. A value such as -x must then be given as --opt=-x,
// as with the AWS CLI.
func looksLikeOption(w string) bool {
	switch {
	case !strings.HasPrefix(w, "-"), w == "-", negativeNumber.MatchString(w):
		return false
	}
	return !strings.Contains(w, " ")
}
