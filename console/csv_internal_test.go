package console

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/usercsv"
)

// The imports a node keeps are bounded: per session while they run, in
// all, and finished ones are forgotten after importJobTTL.
func TestImportJobsAreBounded(t *testing.T) {
	var js importJobs
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	job := func(id, session string) *importJob { return &importJob{id: id, sessionID: session} }
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
	js.byID["a0"].finishedAt = now
	if !js.add(job("a-next", "a"), now) {
		t.Error("a finished import still counted as running")
	}
	js.byID["a1"].finishedAt = now
	// An import that ran long is kept for the TTL after it finished.
	js.byID["b0"].finishedAt = now.Add(importJobTTL)
	js.add(job("c0", "c"), now.Add(importJobTTL+time.Second))
	if _, kept := js.byID["a1"]; kept {
		t.Error("a finished import outlived importJobTTL")
	}
	if _, kept := js.byID["b0"]; !kept {
		t.Error("an import was forgotten less than importJobTTL after it finished")
	}
	// The node's bound, whatever the sessions.
	for i := 0; len(js.byID) < maxImportJobs; i++ {
		js.add(job(fmt.Sprint("s", i), fmt.Sprint("session-", i)), now)
	}
	if js.add(job("over", "another"), now) {
		t.Errorf("more than %d imports kept", maxImportJobs)
	}
}

// Every kind but Internal has a page status; an import sorts the kinds as
// the command line does by their wire status (a 4xx but 429 is the row's
// refusal, anything else stops the import).
func TestPageStatusComplete(t *testing.T) {
	for _, k := range chime.Kinds {
		_, ok := pageStatus[k]
		if ok == (k == chime.Internal) {
			t.Errorf("kind %v: in pageStatus %v", k, ok)
		}
		err := chime.Errorf(k, "message")
		var rf *usercsv.Refusal
		refused := errors.As(importRefusal(err), &rf)
		wantRefused := k != chime.Internal && k != chime.Throttled && k != chime.Unavailable
		if refused != wantRefused {
			t.Errorf("kind %v: refused %v, want %v", k, refused, wantRefused)
		}
		if refused && (rf.Conflict != (k == chime.Conflict) || rf.Reason != "message" || !errors.Is(rf, err)) {
			t.Errorf("kind %v: %+v", k, rf)
		}
	}
	if err := errors.New("no kind"); importRefusal(err) != err {
		t.Error("an error without a kind became a refusal")
	}
}
