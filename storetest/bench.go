package storetest

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/openchime/chime"
	"github.com/openchime/chime/sqlstore"
)

// Bench measures a store's hot paths without HTTP: durable user creation
// by one and by many callers at once (many is where group commit and the
// engine's locking show), a read by id, and a page of 100 users. Each store
// package runs it from a Benchmark function of its own.
func Bench(b *testing.B, open Factory) {
	b.Run("CreateUser", func(b *testing.B) {
		for _, callers := range []int{1, 8} {
			b.Run(fmt.Sprintf("callers=%d", callers*runtime.GOMAXPROCS(0)), func(b *testing.B) {
				svc, account := benchAccount(b, open)
				var seq atomic.Int64
				b.SetParallelism(callers)
				b.ResetTimer()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						email := fmt.Sprintf("bench-%d@example.com", seq.Add(1))
						if _, err := svc.CreateUser(context.Background(), Owner, account, chime.NewUser{Email: email}); err != nil {
							b.Error(err)
							return
						}
					}
				})
			})
		}
	})
	b.Run("GetUser", func(b *testing.B) {
		svc, account := benchAccount(b, open)
		u, err := svc.CreateUser(context.Background(), Owner, account, chime.NewUser{Email: "get@example.com"})
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := svc.GetUser(context.Background(), Owner, account, u.ID); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
	b.Run("ListUsers100", func(b *testing.B) {
		svc, account := benchAccount(b, open)
		for i := 0; i < 100; i++ {
			if _, err := svc.CreateUser(context.Background(), Owner, account, chime.NewUser{Email: fmt.Sprintf("list-%d@example.com", i)}); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				page, err := svc.ListUsers(context.Background(), Owner, account, chime.UserFilter{}, chime.PageRequest{Limit: 100})
				if err != nil || len(page.Users) != 100 {
					b.Errorf("%v", err)
					return
				}
			}
		})
	})
}

func benchAccount(b *testing.B, open Factory) (chime.UserService, string) {
	b.Helper()
	svc := open(b, sqlstore.Options{})
	// Users are created (not invited) in EnterpriseDirectory accounts.
	a, err := svc.Accounts.CreateAccount(context.Background(), Owner, chime.NewAccount{Name: "bench", Type: chime.EnterpriseDirectory})
	if err != nil {
		b.Fatal(err)
	}
	return svc.Users, a.ID
}
