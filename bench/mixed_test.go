package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/openchime/chime/apispec"
)

// testFixture is a fixture with ids of the right form, as the setup
// would make them.
func testFixture() *fixture {
	id := func(kind string, i int) string { return fmt.Sprintf("%08d-0000-4000-8000-%012d", len(kind), i) }
	ids := func(kind string, n int) []string {
		var s []string
		for i := range n {
			s = append(s, id(kind, i))
		}
		return s
	}
	numbers := func(first, n int) []string {
		var s []string
		for i := range n {
			s = append(s, fmt.Sprintf("+1206555%04d", first+i))
		}
		return s
	}
	return &fixture{tag: "test", enterprise: benchAccount, team: id("team", 0), lwa: id("lwa", 0), directory: id("dir", 0),
		users: ids("user", 5), lwaUsers: ids("lwauser", 3), callers: ids("caller", 2), callerNumbers: numbers(100, 2),
		numbers: numbers(100, 8), connectorNumbers: numbers(110, 2), spareNumbers: numbers(120, 2), free: numbers(130, 2),
		order: id("order", 0), rooms: ids("room", 2), spareRooms: ids("spareroom", 2), busyRoom: id("busy", 0),
		bot: id("bot", 0), spareBot: id("sparebot", 0), spareAccounts: ids("spareacct", 2),
		meeting: id("meeting", 0), conversation: id("conversation", 0), message: id("message", 0)}
}

// TestMixCoversEveryOperation: every implemented operation of the Chime
// API is in the mixed workload with a weight, and nothing else is.
func TestMixCoversEveryOperation(t *testing.T) {
	ops := mixOperations()
	if len(ops) == 0 {
		t.Fatal("apispec implements no operation")
	}
	seen := map[string]bool{}
	for _, op := range ops {
		seen[op.Name] = true
		if e, ok := mix[op.Name]; !ok || e.weight <= 0 || e.input == nil {
			t.Errorf("%s is implemented but missing from the mixed workload (bench/mixed.go, mix): give it a weight and an input", op.Name)
		}
	}
	for name := range mix {
		if !seen[name] {
			t.Errorf("the mixed workload has %s, which is not an implemented operation of the Chime API", name)
		}
	}
}

// TestMixWeights: the weights are per thousand, and reads dominate.
func TestMixWeights(t *testing.T) {
	total, reads := 0, 0
	for _, op := range mixOperations() {
		total += mix[op.Name].weight
		if isRead(op) {
			reads += mix[op.Name].weight
		}
	}
	if total != 1000 {
		t.Errorf("the weights sum to %d, not 1000 (they are per thousand requests)", total)
	}
	if reads*100 < total*80 {
		t.Errorf("reads are %d of %d: a realistic administration load is at least 80%% reads", reads, total)
	}
	schedule := mixSchedule()
	if len(schedule) != total {
		t.Fatalf("schedule of %d slots, want %d", len(schedule), total)
	}
	count := map[string]int{}
	for _, name := range schedule {
		count[name]++
	}
	for _, op := range mixOperations() {
		if count[op.Name] != mix[op.Name].weight {
			t.Errorf("%s has %d slots, want %d", op.Name, count[op.Name], mix[op.Name].weight)
		}
	}
	if strings.Join(schedule, ",") != strings.Join(mixSchedule(), ",") {
		t.Error("the schedule differs between two calls: runs would not send the same sequence")
	}
}

// TestMixInputsValidate: each operation's input, for several requests,
// passes the validation the server applies, and lays out as a request.
func TestMixInputsValidate(t *testing.T) {
	fx := testFixture()
	for _, op := range mixOperations() {
		e, ok := mix[op.Name]
		if !ok {
			continue // TestMixCoversEveryOperation names it
		}
		for i := range int64(3) {
			b, _ := json.Marshal(e.input(fx, i))
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.UseNumber()
			var doc map[string]any
			if err := dec.Decode(&doc); err != nil {
				t.Fatal(err)
			}
			if err := apispec.Validate(op.InputShape(), doc, op.Name); err != nil {
				t.Errorf("%s request %d: %v (input %s)", op.Name, i, err, b)
			}
			r := operationRequest("http://127.0.0.1:1", op, e.input(fx, i))
			if r.Method != op.Method || r.Want != op.Status {
				t.Errorf("%s: request %s, want %d", op.Name, r.Method, r.Want)
			}
		}
	}
	mixed := mixedWorkload("http://127.0.0.1:1", fx)
	for i := range int64(2000) {
		mixed.next(0, i)
	}
}
