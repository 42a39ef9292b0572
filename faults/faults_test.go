package faults

import (
	"testing"
	"time"
)

func TestDeterministicUnderSeed(t *testing.T) {
	c := Config{Seed: 42, Rules: []Rule{{Operation: "CreateUser", Kind: Unavailable, Rate: 0.3}, {Operation: "*", Kind: Latency, Rate: 0.5, Delay: time.Millisecond}}}
	draw := func() []Decision {
		in, err := New(c)
		if err != nil {
			t.Fatal(err)
		}
		var out []Decision
		for i := 0; i < 200; i++ {
			out = append(out, in.Decide("CreateUser"), in.Decide("GetUser"))
		}
		return out
	}
	a, b := draw(), draw()
	failed, delayed := 0, 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("draw %d differs between runs with one seed", i)
		}
		if a[i].Fail != "" {
			failed++
		}
		if a[i].Delay > 0 {
			delayed++
		}
	}
	// 200 CreateUser draws at 0.3, 400 latency draws at 0.5.
	if failed < 30 || failed > 90 || delayed < 150 || delayed > 250 {
		t.Errorf("%d failures, %d delays", failed, delayed)
	}
}

func TestOnlyNamedOperations(t *testing.T) {
	in, _ := New(Config{Seed: 1, Rules: []Rule{{Operation: "CreateUser", Kind: Throttle, Rate: 1}}})
	if in.Decide("GetUser").Fail != "" || in.Decide("CreateUser").Fail != Throttle {
		t.Fatal("a rule applied to the wrong operation")
	}
}

func TestParseRule(t *testing.T) {
	r, err := ParseRule("*:latency:0.5:250ms")
	if err != nil || r.Operation != "*" || r.Kind != Latency || r.Rate != 0.5 || r.Delay != 250*time.Millisecond || r.DelayMillis != 250 {
		t.Fatalf("%+v %v", r, err)
	}
	for _, bad := range []string{"CreateUser:unavailable", "CreateUser:explode:0.5", "CreateUser:failure:1.5", "CreateUser:failure:0",
		"*:latency:0.5", "*:latency:0.5:forever", ":failure:0.5", "a:b:c:d:e"} {
		if _, err := ParseRule(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
