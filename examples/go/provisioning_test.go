// Package provisioning is provisioning code tested against chime with
// chimetest: copy this file into your project, `go get
// github.com/openchime/chime`, and `go test`.
package provisioning

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/aws/aws-sdk-go-v2/service/chime/types"
	"github.com/openchime/chime/chimetest"
)

// provision is the code under test: a user per address, skipping those
// that exist; it returns the ids of the new ones.
func provision(ctx context.Context, c *chime.Client, accountID string, emails []string) ([]string, error) {
	var created []string
	for _, email := range emails {
		out, err := c.CreateUser(ctx, &chime.CreateUserInput{AccountId: aws.String(accountID), Email: aws.String(email), UserType: types.UserTypePrivateUser})
		var conflict *types.ConflictException
		if errors.As(err, &conflict) {
			continue
		}
		if err != nil {
			return created, err
		}
		created = append(created, *out.User.UserId)
	}
	return created, nil
}

func TestProvisionCreatesEachUserOnce(t *testing.T) {
	t.Parallel() // each test has a server of its own
	srv := chimetest.NewServer(t, chimetest.WithoutRetries())
	ctx := context.Background()
	if ids, err := provision(ctx, srv.Client, chimetest.ExampleAccountID, []string{"a@example.com", "b@example.com"}); err != nil || len(ids) != 2 {
		t.Fatalf("first run: %v %v", ids, err)
	}
	if ids, err := provision(ctx, srv.Client, chimetest.ExampleAccountID, []string{"a@example.com", "c@example.com"}); err != nil || len(ids) != 1 {
		t.Fatalf("second run: %v %v", ids, err)
	}
	calls, err := srv.Requests(ctx, "CreateUser", 0)
	if err != nil {
		t.Fatal(err)
	}
	var statuses []int
	for _, c := range calls {
		statuses = append(statuses, c.Status)
	}
	if len(calls) != 4 || calls[2].Status != 409 || calls[2].ErrorCode != "ConflictException" || strings.Contains(calls[2].Parameters, "a@example.com") {
		t.Errorf("CreateUser calls: %v %+v", statuses, calls)
	}
}

func TestFromFixturesAndBack(t *testing.T) {
	t.Parallel()
	srv := chimetest.NewServer(t, chimetest.WithFixtureText(`
Accounts:
  - Name: Fixture Corp
    AccountId: 0f1e2d3c-0000-4000-8000-000000000001
    AccountType: EnterpriseLWA
    Users:
      - Email: existing@example.com
`))
	ctx := context.Background()
	const account = "0f1e2d3c-0000-4000-8000-000000000001"
	if ids, err := provision(ctx, srv.Client, account, []string{"existing@example.com", "new@example.com"}); err != nil || len(ids) != 1 {
		t.Fatalf("provision over the fixtures: %v %v", ids, err)
	}
	if err := srv.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	users, err := srv.Client.ListUsers(ctx, &chime.ListUsersInput{AccountId: aws.String(account)})
	if err != nil || len(users.Users) != 1 || *users.Users[0].PrimaryEmail != "existing@example.com" {
		t.Fatalf("after the reset: %+v %v", users, err)
	}
}

func TestThrottlingReachesTheCaller(t *testing.T) {
	t.Parallel()
	srv := chimetest.NewServer(t, chimetest.WithoutRetries(), chimetest.WithRateLimit(1, 1))
	ctx := context.Background()
	var err error
	for range 3 {
		if _, err = provision(ctx, srv.Client, chimetest.ExampleAccountID, []string{"x@example.com"}); err != nil {
			break
		}
	}
	var throttled *types.ThrottledClientException
	if !errors.As(err, &throttled) {
		t.Fatalf("past the rate limit: %v", err)
	}
}
