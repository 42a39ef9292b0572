package usercsv

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/openchime/chime"
	"github.com/openchime/chime/client"
)

// Call sends one operation of the API with its input and returns its
// output document, as the wire has it.
type Call func(ctx context.Context, op string, in map[string]any) ([]byte, error)

// CallAPI is API on call, for one account: the inputs it sends and the
// outputs it reads are written here once, whoever carries them. refusal
// turns the API's refusal of a request into a *Refusal and leaves any
// other error as it is.
func CallAPI(call Call, refusal func(error) error, accountID string) API {
	return callAPI{call: call, refusal: refusal, account: accountID}
}

// ClientAPI is API over HTTP: the operations of one account sent through
// c, as the command line sends them. An answer of 4xx other than 429 is
// the API's refusal (409 a Conflict); 429, 5xx and no answer are failures.
func ClientAPI(c *client.Client, accountID string) API {
	call := func(ctx context.Context, op string, in map[string]any) ([]byte, error) {
		resp, err := c.Call(ctx, op, in)
		if err != nil {
			return nil, err
		}
		return resp.Body, nil
	}
	return CallAPI(call, refusal, accountID)
}

type callAPI struct {
	call    Call
	refusal func(error) error
	account string
}

// run calls op and decodes its output into out (when not nil).
func (a callAPI) run(ctx context.Context, op string, in map[string]any, out any) error {
	b, err := a.call(ctx, op, in)
	if err != nil {
		return a.refusal(err)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("the output of %s is not what the API sends: %v", op, err)
	}
	return nil
}

func (a callAPI) CreateUser(ctx context.Context, r Row) (string, error) {
	in := map[string]any{"AccountId": a.account, "Email": r.Email}
	if r.Username != "" {
		in["Username"] = r.Username
	}
	if r.UserType != "" {
		in["UserType"] = r.UserType
	}
	var out struct{ User struct{ UserId string } }
	if err := a.run(ctx, "CreateUser", in, &out); err != nil {
		return "", err
	}
	if out.User.UserId == "" {
		return "", errors.New("CreateUser answered without a UserId")
	}
	return out.User.UserId, nil
}

func (a callAPI) UpdateUserLicense(ctx context.Context, userID, license string) error {
	return a.run(ctx, "UpdateUser", map[string]any{"AccountId": a.account, "UserId": userID, "LicenseType": license}, nil)
}

// listPageSize is the most users ListUsers gives in one page.
const listPageSize = chime.MaxPageSize

func (a callAPI) ListUsers(ctx context.Context, token string) ([]User, string, error) {
	in := map[string]any{"AccountId": a.account, "MaxResults": listPageSize}
	if token != "" {
		in["NextToken"] = token
	}
	var out struct {
		Users []struct {
			UserId, PrimaryEmail, DisplayName, UserType, LicenseType, UserRegistrationStatus string
		}
		NextToken string
	}
	if err := a.run(ctx, "ListUsers", in, &out); err != nil {
		return nil, "", err
	}
	users := make([]User, len(out.Users))
	for i, u := range out.Users {
		users[i] = User{UserID: u.UserId, Email: u.PrimaryEmail, DisplayName: u.DisplayName,
			UserType: u.UserType, LicenseType: u.LicenseType, Registration: u.UserRegistrationStatus}
	}
	return users, out.NextToken, nil
}

// refusal turns an answer that refuses the request into a *Refusal and
// leaves any other error as it is.
func refusal(err error) error {
	var ce *client.Error
	if errors.As(err, &ce) && ce.Status >= 400 && ce.Status < 500 && ce.Status != http.StatusTooManyRequests {
		return &Refusal{Conflict: ce.Status == http.StatusConflict, Reason: fmt.Sprintf("%s: %s", ce.Code, ce.Message), Err: err}
	}
	return err
}
