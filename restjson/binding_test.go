package restjson

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/openchime/chime/apispec"
)

// appendString writes every string exactly as encoding/json does (without
// HTML escaping): the edge cases, then random strings of bytes, runes and
// invalid sequences from a fixed seed.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	cases := []string{"", "plain", `q"uo\te`, "\x00\x01\b\f\n\r\t\x1f\x7f", "<&>", "\u2028\u2029", "ünïcode ✓ 𝄞",
		"\xff", "a\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", string(utf8.RuneError)}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "\"", "\\", "\x00", "\x1f", "\x7f", "é", "\u2028", "𝄞", "\xff", "\xc3", "<"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); string(got) != strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("appendString(%q) = %s, encoding/json: %s", s, got, want.String())
		}
	}
}

func TestAppendFloatMatchesEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1, 0.5, 0.1, 1e-7, 1.5e-7, 1e20, 1e21, 123456789.125, -0.25, 1e-6} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f); string(got) != string(want) {
			t.Errorf("appendFloat(%v) = %s, encoding/json: %s", f, got, want)
		}
	}
}

// Every output type of every implemented operation, filled with a value in
// every member, encodes to exactly what a plain reflective encoder makes
// of it: members in the struct's order, which is the model's (checked too).
// A second fill leaves the optional members out.
func TestOutputEncodersFollowTheModel(t *testing.T) {
	for _, op := range apispec.Implemented() {
		if !hasOutputMembers(op) {
			continue
		}
		out := newOutput(t, op)
		checkFieldOrder(t, reflect.TypeOf(out).Elem(), op.Output)
		for _, full := range []bool{true, false} {
			fill(reflect.ValueOf(out).Elem(), full, 0)
			got := out.(encoder).appendJSON(nil)
			var want bytes.Buffer
			reflectJSON(&want, reflect.ValueOf(out).Elem())
			if string(got) != want.String() {
				t.Errorf("%s (all members %v):\n got %s\nwant %s", op.Name, full, got, want.String())
			}
			if !json.Valid(got) {
				t.Errorf("%s: not valid JSON: %s", op.Name, got)
			}
		}
	}
}

func hasOutputMembers(op *apispec.Operation) bool {
	return op.Output != nil && len(op.Output.Members) > 0
}

// newOutput returns a new value of the operation's output type.
func newOutput(t *testing.T, op *apispec.Operation) any {
	newOut, ok := newOutputs[op.Name]
	if !ok {
		t.Fatalf("%s has no output type", op.Name)
	}
	return newOut()
}

func checkFieldOrder(t *testing.T, typ reflect.Type, s *apispec.Shape) {
	if typ.NumField() != len(s.Members) {
		t.Fatalf("%s has %d fields for %d members", typ, typ.NumField(), len(s.Members))
	}
	for i, m := range s.Members {
		if typ.Field(i).Name != m.Name {
			t.Errorf("%s field %d is %s, the model's member %s", typ, i, typ.Field(i).Name, m.Name)
		}
		inner := m.Shape
		if inner.Type == apispec.List {
			inner = inner.Member
		}
		if inner.Type == apispec.Structure {
			ft := typ.Field(i).Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			checkFieldOrder(t, ft, inner)
		}
	}
}

var sampleTime = time.Date(2026, 11, 28, 22, 37, 17, 313_000_000, time.UTC)

// fill sets every member; with full false, optional (pointer) members stay
// nil and lists empty.
func fill(v reflect.Value, full bool, depth int) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(sampleTime))
			return
		}
		for i := range v.NumField() {
			fill(v.Field(i), full, depth+1)
		}
	case reflect.Pointer:
		if !full || depth > 6 {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), full, depth+1)
	case reflect.Slice:
		n := 0
		if full && depth <= 6 {
			n = 2
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(v.Index(i), full, depth+1)
		}
	case reflect.String:
		v.SetString("v\"al\u00e9\n<" + v.Type().String())
	case reflect.Int64:
		v.SetInt(-42)
	case reflect.Float64:
		v.SetFloat(0.25)
	case reflect.Bool:
		v.SetBool(true)
	}
}

// reflectJSON is the reference encoding: nil pointers left out, slices
// always written, timestamps in the service's layout.
func reflectJSON(w *bytes.Buffer, v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			w.WriteString(`"` + v.Interface().(time.Time).UTC().Format(wireTimeLayout) + `"`)
			return
		}
		w.WriteByte('{')
		first := true
		for i := range v.NumField() {
			f := v.Field(i)
			if f.Kind() == reflect.Pointer && f.IsNil() {
				continue
			}
			if !first {
				w.WriteByte(',')
			}
			first = false
			w.WriteString(`"` + v.Type().Field(i).Name + `":`)
			reflectJSON(w, f)
		}
		w.WriteByte('}')
	case reflect.Pointer:
		reflectJSON(w, v.Elem())
	case reflect.Slice:
		w.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				w.WriteByte(',')
			}
			reflectJSON(w, v.Index(i))
		}
		w.WriteByte(']')
	default:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v.Interface())
		w.Truncate(w.Len() - 1)
	}
}
