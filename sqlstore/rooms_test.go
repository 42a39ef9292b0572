package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/openchime/chime"
)

// Members added while their room is deleted go with it or are refused,
// on every engine: no membership outlives its room.
func TestNoMembershipOutlivesItsRoom(t *testing.T) {
	ctx := context.Background()
	const owner, caller = "111122223333", "arn:aws:iam::111122223333:user/x"
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := e.open(t)
			svc := s.Services()
			a, err := svc.Accounts.CreateAccount(ctx, owner, chime.NewAccount{Name: "a", Type: chime.EnterpriseLWA})
			if err != nil {
				t.Fatal(err)
			}
			var users []string
			for i := range 6 {
				u, err := svc.Users.CreateUser(ctx, owner, a.ID, chime.NewUser{Email: fmt.Sprintf("u%d@example.com", i)})
				if err != nil {
					t.Fatal(err)
				}
				users = append(users, u.ID)
			}
			for round := range 6 {
				r, err := svc.Rooms.CreateRoom(ctx, owner, caller, a.ID, chime.NewRoom{Name: fmt.Sprintf("r%d", round)})
				if err != nil {
					t.Fatal(err)
				}
				var wg sync.WaitGroup
				errs := make(chan error, len(users)+1)
				for i := 0; i <= len(users); i++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if i == len(users) {
							_, err := svc.Rooms.DeleteRoom(ctx, owner, a.ID, r.ID)
							errs <- err
							return
						}
						item := chime.MembershipItem{MemberID: users[i]}
						var err error
						if (i+round)%2 == 0 {
							_, err = svc.Rooms.CreateRoomMembership(ctx, owner, caller, a.ID, r.ID, item)
						} else {
							_, _, err = svc.Rooms.BatchCreateRoomMembership(ctx, owner, caller, a.ID, r.ID, []chime.MembershipItem{item})
						}
						if chime.IsKind(err, chime.NotFound) {
							err = nil // the room went first
						}
						errs <- err
					}()
				}
				wg.Wait()
				close(errs)
				for err := range errs {
					if err != nil {
						t.Fatal(err)
					}
				}
			}
			if orphans := rowsOf(t, s, `SELECT room_id, member_id FROM room_memberships
				WHERE room_id NOT IN (SELECT id FROM rooms)`, ""); len(orphans) > 0 {
				t.Fatalf("memberships of deleted rooms: %v", orphans)
			}
		})
	}
}
