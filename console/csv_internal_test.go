package console

import (
	"fmt"
	"testing"
	"time"
)

// The imports a node keeps are bounded: per session while they run, in
// all, and finished ones are forgotten after importJobTTL.
func TestImportJobsAreBounded(t *testing.T) {
	var js importJobs
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	job := func(id, session string) *importJob { return &importJob{id: id, sessionID: session, started: now} }
	for i := range maxRunningImports {
		if !js.add(job(fmt.Sprint("a", i), "a"), now) {
			t.Fatalf("session a's import %d refused", i)
		}
	}
	if js.add(job("a-more", "a"), now) {
		t.Errorf("session a ran more than %d imports at once", maxRunningImports)
	}
	if !js.add(job("b0", "b"), now) {
		t.Error("session a's imports kept session b from importing")
	}
	// Finished, a session may start another; past the TTL it is forgotten.
	js.byID["a0"].finished = true
	if !js.add(job("a-next", "a"), now) {
		t.Error("a finished import still counted as running")
	}
	js.byID["a1"].finished = true
	js.add(job("c0", "c"), now.Add(importJobTTL+time.Second))
	if _, kept := js.byID["a1"]; kept {
		t.Error("a finished import outlived importJobTTL")
	}
	// The node's bound, whatever the sessions.
	for i := 0; len(js.byID) < maxImportJobs; i++ {
		js.add(job(fmt.Sprint("s", i), fmt.Sprint("session-", i)), now)
	}
	if js.add(job("over", "another"), now) {
		t.Errorf("more than %d imports kept", maxImportJobs)
	}
}
