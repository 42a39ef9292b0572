package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/openchime/chime"
)

// errLostRace stands for an engine's deadlock or serialization failure.
var errLostRace = errors.New("deadlock detected")

// racingDialect classifies errLostRace as Retry.
type racingDialect struct{ sqliteDialect }

func (racingDialect) Classify(err error) Failure {
	if errors.Is(err, errLostRace) {
		return Retry
	}
	return Other
}

// A write that lost a race with another transaction runs again, a few
// times at most, and is then Unavailable (retry later); other failures
// are not run again.
func TestWriteRetriesLostRaces(t *testing.T) {
	s := New(openTestDB(t), racingDialect{}, Options{})
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		losses int   // how many runs fail with errLostRace
		other  error // what the run after them returns
		runs   int
		kind   chime.Kind // of the result; -1 for none
	}{
		{"LostOnce", 1, nil, 2, -1},
		{"LostEveryTime", 100, nil, maxAttempts, chime.Unavailable},
		{"OtherFailure", 0, errors.New("disk on fire"), 1, chime.Internal},
		{"DomainError", 0, chime.Errorf(chime.Conflict, "taken"), 1, chime.Conflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runs := 0
			err := s.write(context.Background(), "test", func(ctx context.Context, tx *sql.Tx) error {
				runs++
				if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, 'x')`, tc.name); err != nil {
					return err
				}
				if runs <= tc.losses {
					return errLostRace
				}
				return tc.other
			})
			if runs != tc.runs {
				t.Errorf("ran %d times, want %d", runs, tc.runs)
			}
			if tc.kind < 0 && err != nil || tc.kind >= 0 && chime.KindOf(err) != tc.kind {
				t.Errorf("got %v (%v), want kind %v", chime.KindOf(err), err, tc.kind)
			}
		})
	}
}
