package restjson

import (
	"fmt"
	"testing"
)

// A journal's size is a bound, not an allocation: a server started with
// a large --journal-size holds only what it has answered.
func TestJournalGrowsWithItsEntries(t *testing.T) {
	j := newJournal(1 << 16)
	j.add(journalEntry{owner: "111122223333", op: "GetUser"})
	if c := cap(j.entries); c > 16 {
		t.Errorf("one entry in a journal of 65536 holds room for %d", c)
	}
}

// Clearing one AWS account's entries keeps the others' in order, and the
// ring fills and wraps again after it.
func TestJournalClearKeepsTheRing(t *testing.T) {
	j := newJournal(4)
	for i := range 6 {
		owner := "111122223333"
		if i%2 == 1 {
			owner = "444455556666"
		}
		j.add(journalEntry{owner: owner, op: fmt.Sprint(i)})
	}
	j.clear("111122223333")
	all := func(*journalEntry) bool { return true }
	ops := func(owner string) string {
		var s []string
		for _, e := range j.list(owner, all) {
			s = append(s, e.op)
		}
		return fmt.Sprint(s)
	}
	if got := ops("444455556666"); got != "[3 5]" {
		t.Fatalf("after clearing the other account: %s, want [3 5]", got)
	}
	for i := 6; i < 10; i++ {
		j.add(journalEntry{owner: "444455556666", op: fmt.Sprint(i)})
	}
	if got := ops("444455556666"); got != "[6 7 8 9]" {
		t.Errorf("after wrapping again: %s, want [6 7 8 9]", got)
	}
}
