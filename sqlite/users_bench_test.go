package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
	"github.com/openchime/chime/storetest"
)

// millionUsers is the size of the account BenchmarkListUsersMillion
// searches: the largest account the console is meant to stay fast on.
const millionUsers = 1_000_000

// BenchmarkListUsersMillion measures a page of 100 users of one account of
// a million, on a database file, by each filter the console offers. The
// users are written straight into the store's tables (see loadUsers),
// which takes well under a minute; the benchmark runs only with -bench:
//
//	go test ./sqlite/ -run '^$' -bench ListUsersMillion -benchtime 200x
func BenchmarkListUsersMillion(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "chime.db")
	s, err := sqlite.Open(ctx, path, sqlstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const account = "a1b2c3d4-0000-4000-8000-000000000001"
	start := time.Now()
	if err := loadUsers(ctx, s, account, millionUsers); err != nil {
		b.Fatal(err)
	}
	if _, err := s.CreateAccount(ctx, storetest.Owner, chime.NewAccount{Name: "million", Type: chime.EnterpriseLWA, ID: account}); err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded %d users in %v", millionUsers, time.Since(start).Round(time.Millisecond))
	users := s.Services().Users

	// A cursor deep in the account: the seq of a user near the end.
	deep := strconv.Itoa(millionUsers - 150)
	for _, bc := range []struct {
		name   string
		filter chime.UserFilter
		cursor string
		min    int // users the page must hold
	}{
		{"NoFilter", chime.UserFilter{}, "", 100},
		{"DeepPage", chime.UserFilter{}, deep, 100},
		{"Email", chime.UserFilter{Email: benchEmail(millionUsers / 2)}, "", 1},
		{"EmailPrefix", chime.UserFilter{EmailPrefix: "jo"}, "", 100},
		{"EmailPrefixNarrow", chime.UserFilter{EmailPrefix: "maria.garcia1"}, "", 100},
		// After john.kim142@example.com, half-way through the prefix's
		// 150,000 users.
		{"EmailPrefixDeepPage", chime.UserFilter{EmailPrefix: "jo"}, "142", 100},
		{"EmailPrefixSuspended", chime.UserFilter{EmailPrefix: "jo", Registration: chime.Suspended}, "", 100},
		{"Type", chime.UserFilter{Type: chime.SharedDevice}, "", 100},
		{"Registration", chime.UserFilter{Registration: chime.Suspended}, "", 100},
		{"RegistrationDeepPage", chime.UserFilter{Registration: chime.Registered}, deep, 100},
		{"TypeAndRegistration", chime.UserFilter{Type: chime.SharedDevice, Registration: chime.Unregistered}, "", 100},
	} {
		b.Run(bc.name, func(b *testing.B) {
			p := chime.PageRequest{Limit: 100, Cursor: bc.cursor}
			for b.Loop() {
				page, err := users.ListUsers(ctx, storetest.Owner, account, bc.filter, p)
				if err != nil {
					b.Fatal(err)
				}
				if len(page.Users) < bc.min {
					b.Fatalf("%d users", len(page.Users))
				}
			}
		})
	}
}

var (
	benchFirst = []string{"james", "maria", "john", "li", "fatima", "olga", "jose", "anna", "mohammed", "yuki",
		"peter", "sofia", "joanna", "david", "ana", "ivan", "chen", "laura", "omar", "emma"}
	benchLast = []string{"smith", "garcia", "wang", "kumar", "muller", "rossi", "silva", "kim", "nguyen", "jones",
		"ivanova", "hassan", "tanaka", "dubois", "novak", "jensen", "lopez", "ahmed", "cohen", "brown"}
)

// benchEmail is the address of the i-th user (from 1): names that share
// beginnings, as a directory's do, and unique by the number.
func benchEmail(i int) string {
	return fmt.Sprintf("%s.%s%d@example.com", benchFirst[i%len(benchFirst)], benchLast[(i/len(benchFirst))%len(benchLast)], i)
}

// loadUsers writes n users of one EnterpriseLWA account into an empty
// store, in creation order (seq 1 to n): one in ten a shared device, one
// in fifty suspended and one in a hundred unregistered (invited), spread
// by a hash of the number so that no name goes with a type or state. The
// rows go in through the store's own connections and schema, in a few
// large transactions: a commit per 500 rows, as Import makes, would spend
// minutes syncing the file.
func loadUsers(ctx context.Context, s *sqlstore.Store, account string, n int) error {
	registered := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	const batch = 100_000
	for first := 1; first <= n; first += batch {
		tx, err := s.DB().BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO users (seq, aws_account_id, account_id, id, email, email_key,
			display_name, license, user_type, registration, registered_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			tx.Rollback()
			return err
		}
		for i := first; i < first+batch && i <= n; i++ {
			email := benchEmail(i)
			h := uint32(i) * 2654435761 // Knuth's multiplicative hash
			userType, registration := chime.PrivateUser, chime.Registered
			if (h>>8)%10 == 0 {
				userType = chime.SharedDevice
			}
			switch (h >> 16) % 100 {
			case 0, 1:
				registration = chime.Suspended
			case 2:
				registration = chime.Unregistered
			}
			if _, err := st.ExecContext(ctx, int64(i), storetest.Owner, account, fmt.Sprintf("00000000-0000-4000-8000-%012d", i),
				email, email, email[:len(email)-len("@example.com")], string(chime.Pro), string(userType),
				string(registration), registered); err != nil {
				tx.Rollback()
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
