package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/openchime/chime"
)

// A store that is closed, or closing, answers every call at once, and as
// Unavailable (the server is going away: retry elsewhere), on every
// engine.
func TestClosedStoreIsUnavailable(t *testing.T) {
	ctx := context.Background()
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := e.open(t)
			a, err := s.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "x", Type: chime.EnterpriseDirectory})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				_, err := s.CreateUser(ctx, "111122223333", a.ID, chime.NewUser{Email: "late@example.com"})
				if chime.KindOf(err) != chime.Unavailable {
					t.Errorf("CreateUser: %v (%v), want unavailable", chime.KindOf(err), err)
				}
				_, err = s.GetAccount(ctx, "111122223333", a.ID)
				if chime.KindOf(err) != chime.Unavailable {
					t.Errorf("GetAccount: %v (%v), want unavailable", chime.KindOf(err), err)
				}
				if err := s.Ping(ctx); chime.KindOf(err) != chime.Unavailable {
					t.Errorf("Ping: %v (%v), want unavailable", chime.KindOf(err), err)
				}
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("a call to a closed store did not return")
			}
		})
	}
}
