package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime/internal/pgtest"
)

// twoNodes starts two server processes on one PostgreSQL schema.
func twoNodes(t *testing.T) (*server, *server) {
	url := pgtest.Schema(t)
	a := startServer(t, "--dev", "--store", url)
	b := startServer(t, "--dev", "--store", url)
	return a, b
}

func TestNodesShareOneDatabase(t *testing.T) {
	a, b := twoNodes(t)
	ctx := context.Background()
	ca, cb := sdkClient(a.url, "test", "test"), sdkClient(b.url, "test", "test")

	t.Run("WrittenOnOneReadOnTheOther", func(t *testing.T) {
		out, err := ca.CreateUser(ctx, &awschime.CreateUserInput{AccountId: aws.String(crashAccount), Email: aws.String("seen@example.com")})
		if err != nil {
			t.Fatal(err)
		}
		got, err := cb.GetUser(ctx, &awschime.GetUserInput{AccountId: aws.String(crashAccount), UserId: out.User.UserId})
		if err != nil || aws.ToString(got.User.PersonalPIN) != aws.ToString(out.User.PersonalPIN) {
			t.Fatalf("node B: %v", err)
		}
	})

	t.Run("OneEmailOneWinner", func(t *testing.T) {
		const n = 16
		var created, conflicts atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				c := []*awschime.Client{ca, cb}[i%2]
				_, err := c.CreateUser(ctx, &awschime.CreateUserInput{AccountId: aws.String(crashAccount), Email: aws.String("race@example.com")})
				var conflict *types.ConflictException
				switch {
				case err == nil:
					created.Add(1)
				case errors.As(err, &conflict):
					conflicts.Add(1)
				default:
					t.Errorf("request %d: %v", i, err)
				}
			}(i)
		}
		wg.Wait()
		if created.Load() != 1 || conflicts.Load() != n-1 {
			t.Fatalf("%d created, %d conflicts", created.Load(), conflicts.Load())
		}
		list, err := cb.ListUsers(ctx, &awschime.ListUsersInput{AccountId: aws.String(crashAccount), UserEmail: aws.String("race@example.com")})
		if err != nil || len(list.Users) != 1 {
			t.Fatalf("%d rows for the address (%v)", len(list.Users), err)
		}
	})

	t.Run("TokenFromOneNodeOnTheOther", func(t *testing.T) {
		for i := 0; i < 3; i++ {
			if _, err := ca.CreateUser(ctx, &awschime.CreateUserInput{AccountId: aws.String(crashAccount), Email: aws.String(fmt.Sprintf("page%d@example.com", i))}); err != nil {
				t.Fatal(err)
			}
		}
		first, err := ca.ListUsers(ctx, &awschime.ListUsersInput{AccountId: aws.String(crashAccount), MaxResults: aws.Int32(1)})
		if err != nil || first.NextToken == nil {
			t.Fatalf("%v", err)
		}
		second, err := cb.ListUsers(ctx, &awschime.ListUsersInput{AccountId: aws.String(crashAccount), MaxResults: aws.Int32(1), NextToken: first.NextToken})
		if err != nil || len(second.Users) != 1 || aws.ToString(second.Users[0].UserId) == aws.ToString(first.Users[0].UserId) {
			t.Fatalf("node B refused node A's token: %v", err)
		}
	})

	t.Run("KillOneNodeUnderLoad", func(t *testing.T) {
		var mu sync.Mutex
		acked := map[string]string{} // email -> id
		load := func(ctx context.Context, c *awschime.Client, node string, worker int) {
			for i := 0; ctx.Err() == nil; i++ {
				email := fmt.Sprintf("%s%d-%d@example.com", node, worker, i)
				out, err := c.CreateUser(context.Background(), &awschime.CreateUserInput{AccountId: aws.String(crashAccount), Email: aws.String(email)})
				if err != nil {
					if node == "b" {
						t.Errorf("the surviving node failed: %v", err)
					}
					return
				}
				mu.Lock()
				acked[email] = aws.ToString(out.User.UserId)
				mu.Unlock()
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for worker, node := range []struct {
			name string
			c    *awschime.Client
		}{{"a", ca}, {"b", cb}, {"a", ca}, {"b", cb}} {
			wg.Add(1)
			go func() { defer wg.Done(); load(ctx, node.c, node.name, worker) }()
		}
		time.Sleep(300 * time.Millisecond)
		a.kill(syscall.SIGKILL)
		time.Sleep(300 * time.Millisecond) // B keeps serving
		cancel()
		wg.Wait()
		for email, id := range acked {
			got, err := cb.GetUser(context.Background(), &awschime.GetUserInput{AccountId: aws.String(crashAccount), UserId: aws.String(id)})
			if err != nil || aws.ToString(got.User.PrimaryEmail) != email {
				t.Fatalf("acknowledged %s lost after node A died: %v", email, err)
			}
		}
		t.Logf("%d acknowledged creates on two nodes, all read back from the survivor", len(acked))
	})
}

// Two nodes, two AWS accounts, one number: whichever order reaches the
// database first gets it, the other's order item fails, and neither call
// fails. Then both nodes sweep the released numbers at once: each number
// is released once, and ordering it again works.
func TestNodesShareThePhoneNumberPool(t *testing.T) {
	url := pgtest.Schema(t)
	creds := filepath.Join(t.TempDir(), "credentials")
	if err := os.WriteFile(creds, []byte("[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\naws_account_id = 111122223333\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"--dev", "--store", url, "--credentials", creds, "--deletion-retention", "1s", "--sweep-interval", "50ms"}
	a, b := startServer(t, args...), startServer(t, args...)
	ctx := context.Background()
	ca, cb := sdkClient(a.url, "test", "test"), sdkClient(b.url, "AKIDOTHER", "other-secret")
	numbers := make([]string, 20)
	for i := range numbers {
		numbers[i] = fmt.Sprintf("+1206555%04d", 150+i)
	}
	orders := make([][2]string, len(numbers))
	var wg sync.WaitGroup
	for i, n := range numbers {
		for j, c := range []*awschime.Client{ca, cb} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out, err := c.CreatePhoneNumberOrder(ctx, &awschime.CreatePhoneNumberOrderInput{
					ProductType: types.PhoneNumberProductTypeVoiceConnector, E164PhoneNumbers: []string{n}})
				if err != nil {
					t.Errorf("order of %s: %v", n, err)
					return
				}
				orders[i][j] = aws.ToString(out.PhoneNumberOrder.PhoneNumberOrderId)
			}()
		}
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	status := func(c *awschime.Client, id string) types.PhoneNumberOrderStatus {
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			out, err := c.GetPhoneNumberOrder(ctx, &awschime.GetPhoneNumberOrderInput{PhoneNumberOrderId: aws.String(id)})
			if err != nil {
				t.Fatal(err)
			}
			if s := out.PhoneNumberOrder.Status; s != types.PhoneNumberOrderStatusProcessing || time.Now().After(deadline) {
				return s
			}
		}
	}
	won := map[string]*awschime.Client{}
	for i, n := range numbers {
		sa, sb := status(ca, orders[i][0]), status(cb, orders[i][1])
		switch {
		case sa == types.PhoneNumberOrderStatusSuccessful && sb == types.PhoneNumberOrderStatusFailed:
			won[n] = ca
		case sb == types.PhoneNumberOrderStatusSuccessful && sa == types.PhoneNumberOrderStatusFailed:
			won[n] = cb
		default:
			t.Fatalf("%s: the orders ended %s and %s", n, sa, sb)
		}
	}
	// Both nodes sweep every 50 ms; the retention is a second.
	for n, c := range won {
		if _, err := c.DeletePhoneNumber(ctx, &awschime.DeletePhoneNumberInput{PhoneNumberId: aws.String(n)}); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(1500 * time.Millisecond) // past the retention, several sweeps of each node
	out, err := cb.CreatePhoneNumberOrder(ctx, &awschime.CreatePhoneNumberOrderInput{ProductType: types.PhoneNumberProductTypeVoiceConnector, E164PhoneNumbers: numbers})
	if err != nil {
		t.Fatal(err)
	}
	if s := status(cb, aws.ToString(out.PhoneNumberOrder.PhoneNumberOrderId)); s != types.PhoneNumberOrderStatusSuccessful {
		t.Fatalf("ordering the released numbers again: %s", s)
	}
	for _, s := range []*server{a, b} {
		if strings.Contains(s.logs.String(), "sweeping released phone numbers failed") {
			t.Errorf("a sweep failed:\n%s", s.logs.String())
		}
	}
}
