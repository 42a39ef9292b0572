package restjson

import "testing"

// The body budget refuses, without waiting, a claim past its key's share
// or past the total, and a released claim frees its bytes again.
func TestBodyBudget(t *testing.T) {
	b := newBodyBudget(100, 150)
	if !b.acquire("a", 60) || !b.acquire("a", 40) {
		t.Fatal("claims within the key's share refused")
	}
	if b.acquire("a", 1) {
		t.Fatal("a claim past the key's share accepted")
	}
	if !b.acquire("b", 50) || b.acquire("c", 1) {
		t.Fatal("the total is not enforced")
	}
	if b.receiving() != 3 {
		t.Fatalf("%d bodies receiving, want 3", b.receiving())
	}
	b.release("a", 60)
	if !b.acquire("c", 50) {
		t.Fatal("released bytes were not freed")
	}
	b.release("a", 40)
	b.release("b", 50)
	b.release("c", 50)
	if b.receiving() != 0 || b.inUse != 0 || len(b.byKey) != 0 {
		t.Fatalf("after every release: %d bodies, %d bytes, %d keys", b.receiving(), b.inUse, len(b.byKey))
	}
}
