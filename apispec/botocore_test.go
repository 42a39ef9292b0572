package apispec

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/openchime/chime/internal/testenv"
)

// botocoreModel prints, as JSON, the parts of the Chime model inside the
// installed botocore that our description must agree with. The model stays
// where it is; only this test reads it.
const botocoreModel = `
import botocore, gzip, json, os, sys
path = os.path.join(os.path.dirname(botocore.__file__), 'data', 'chime', '2018-05-01', 'service-2.json.gz')
model = json.load(gzip.open(path))
json.dump({'operations': {n: {'http': o['http'], 'input': o.get('input', {}).get('shape'),
    'output': o.get('output', {}).get('shape')} for n, o in model['operations'].items()},
    'shapes': {n: {k: v for k, v in s.items() if k != 'documentation'} for n, s in model['shapes'].items()},
    'paginators': json.load(open(os.path.join(os.path.dirname(path), 'paginators-1.json')))['pagination']}, sys.stdout)
`

type modelShape struct {
	Type      string   `json:"type"`
	Enum      []string `json:"enum"`
	Pattern   string   `json:"pattern"`
	Min       *int     `json:"min"`
	Max       *int     `json:"max"`
	Sensitive bool     `json:"sensitive"`
	Required  []string `json:"required"`
	Member    *struct {
		Shape string `json:"shape"`
	} `json:"member"`
	Members orderedMembers `json:"members"`
}

type modelMember struct {
	Name         string
	Shape        string `json:"shape"`
	Location     string `json:"location"`
	LocationName string `json:"locationName"`
}

// orderedMembers keeps the model's member order, which JSON objects lose in Go maps.
type orderedMembers []modelMember

func (o *orderedMembers) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		var m modelMember
		if err := dec.Decode(&m); err != nil {
			return err
		}
		m.Name = key.(string)
		*o = append(*o, m)
	}
	return nil
}

type model struct {
	Operations map[string]struct {
		HTTP struct {
			Method       string `json:"method"`
			RequestURI   string `json:"requestUri"`
			ResponseCode int    `json:"responseCode"`
		} `json:"http"`
		Input  string `json:"input"`
		Output string `json:"output"`
	} `json:"operations"`
	Shapes     map[string]modelShape `json:"shapes"`
	Paginators map[string]struct {
		InputToken  string `json:"input_token"`
		OutputToken string `json:"output_token"`
		LimitKey    string `json:"limit_key"`
		ResultKey   string `json:"result_key"`
	} `json:"paginators"`
}

func loadBotocoreModel(t *testing.T) *model {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		testenv.Missing(t, "python3 is not installed: cannot compare with the botocore model")
	}
	out, err := exec.Command(python, "-c", botocoreModel).Output()
	if err != nil {
		testenv.Missing(t, "botocore is not importable (%v): cannot compare with its model", err)
	}
	var m model
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

func TestOperationsMatchBotocore(t *testing.T) {
	m := loadBotocoreModel(t)
	if len(Operations) != len(m.Operations) || len(Operations) != 62 {
		t.Fatalf("we describe %d operations, botocore has %d", len(Operations), len(m.Operations))
	}
	for i, op := range Operations {
		if i > 0 && Operations[i-1].Name >= op.Name {
			t.Errorf("%s is out of alphabetical order", op.Name)
		}
		mo, ok := m.Operations[op.Name]
		if !ok {
			t.Errorf("%s is not in botocore's model", op.Name)
			continue
		}
		uri := op.Path
		if op.Query != "" {
			uri += "?" + op.Query
		}
		status := mo.HTTP.ResponseCode
		if status == 0 {
			status = 200
		}
		if op.Method != mo.HTTP.Method || uri != mo.HTTP.RequestURI || op.Status != status {
			t.Errorf("%s: we say %s %s %d, botocore says %s %s %d", op.Name, op.Method, uri, op.Status,
				mo.HTTP.Method, mo.HTTP.RequestURI, status)
		}
		// Operations are compared once they are described, implemented or
		// not yet.
		if !op.Implemented && op.Input == nil && op.Output == nil {
			continue
		}
		if p, ok := m.Paginators[op.Name]; ok != (op.Paginator != nil) {
			t.Errorf("%s: paginator %v, botocore has one: %v", op.Name, op.Paginator, ok)
		} else if ok && *op.Paginator != (Paginator{p.InputToken, p.OutputToken, p.LimitKey, p.ResultKey}) {
			t.Errorf("%s: paginator %+v, botocore %+v", op.Name, *op.Paginator, p)
		}
		compareShape(t, m, op.Name+" input", op.Input, mo.Input)
		compareShape(t, m, op.Name+" output", op.Output, mo.Output)
	}
}

func compareShape(t *testing.T, m *model, where string, ours *Shape, name string) {
	t.Helper()
	if ours == nil || name == "" {
		if (ours == nil) != (name == "") {
			t.Errorf("%s: we have %v, botocore has %q", where, ours != nil, name)
		}
		return
	}
	theirs, ok := m.Shapes[name]
	if !ok {
		t.Errorf("%s: botocore has no shape %s", where, name)
		return
	}
	if ours.Name != name {
		t.Errorf("%s: shape name %s, botocore %s", where, ours.Name, name)
	}
	want := fmt.Sprintf("type=%s enum=%v pattern=%q min=%s max=%s sensitive=%v", theirs.Type, theirs.Enum,
		theirs.Pattern, bound(theirs.Min), bound(theirs.Max), theirs.Sensitive)
	min, max := "-", "-"
	if ours.HasMin {
		min = fmt.Sprint(ours.Min)
	}
	if ours.HasMax {
		max = fmt.Sprint(ours.Max)
	}
	got := fmt.Sprintf("type=%s enum=%v pattern=%q min=%s max=%s sensitive=%v", ours.Type, ours.Enum,
		ours.Pattern, min, max, ours.Sensitive)
	if got != want {
		t.Errorf("%s (%s):\n ours     %s\n botocore %s", where, name, got, want)
	}
	switch ours.Type {
	case List:
		compareShape(t, m, where+"[]", ours.Member, theirs.Member.Shape)
	case Structure:
		var ourNames, theirNames, ourReq []string
		for _, mem := range ours.Members {
			ourNames = append(ourNames, fmt.Sprintf("%s@%s:%s", mem.Name, mem.Location, mem.LocationName))
			if mem.Required {
				ourReq = append(ourReq, mem.Name)
			}
		}
		for _, mem := range theirs.Members {
			theirNames = append(theirNames, fmt.Sprintf("%s@%s:%s", mem.Name, mem.Location, mem.LocationName))
		}
		if !reflect.DeepEqual(ourNames, theirNames) {
			t.Errorf("%s members:\n ours     %v\n botocore %v", where, ourNames, theirNames)
			return
		}
		// Required is a set: the model lists it in no particular order.
		theirReq := append([]string(nil), theirs.Required...)
		sort.Strings(ourReq)
		sort.Strings(theirReq)
		if fmt.Sprint(ourReq) != fmt.Sprint(theirReq) && !(len(ourReq) == 0 && len(theirReq) == 0) {
			t.Errorf("%s required: ours %v, botocore %v", where, ourReq, theirs.Required)
		}
		for i, mem := range ours.Members {
			compareShape(t, m, where+"."+mem.Name, mem.Shape, theirs.Members[i].Shape)
		}
	}
}

func bound(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}
