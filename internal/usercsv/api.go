package usercsv

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/openchime/chime"
	"github.com/openchime/chime/client"
)

// ClientAPI is API over HTTP: the operations of one account sent through
// c, as the command line sends them. An answer of 4xx other than 429 is
// the API's refusal (409 a Conflict); 429, 5xx and no answer are failures.
func ClientAPI(c *client.Client, accountID string) API {
	return clientAPI{c: c, account: accountID}
}

type clientAPI struct {
	c       *client.Client
	account string
}

func (a clientAPI) CreateUser(ctx context.Context, r Row) (string, error) {
	in := map[string]any{"AccountId": a.account, "Email": r.Email}
	if r.Username != "" {
		in["Username"] = r.Username
	}
	if r.UserType != "" {
		in["UserType"] = r.UserType
	}
	resp, err := a.c.Call(ctx, "CreateUser", in)
	if err != nil {
		return "", refusal(err)
	}
	doc, err := resp.Document()
	if err != nil {
		return "", err
	}
	user, _ := doc["User"].(map[string]any)
	id, _ := user["UserId"].(string)
	if id == "" {
		return "", errors.New("CreateUser answered without a UserId")
	}
	return id, nil
}

func (a clientAPI) UpdateUserLicense(ctx context.Context, userID, license string) error {
	_, err := a.c.Call(ctx, "UpdateUser", map[string]any{"AccountId": a.account, "UserId": userID, "LicenseType": license})
	return refusal(err)
}

// listPageSize is the most users ListUsers gives in one page.
const listPageSize = chime.MaxPageSize

func (a clientAPI) ListUsers(ctx context.Context, token string) ([]User, string, error) {
	in := map[string]any{"AccountId": a.account, "MaxResults": listPageSize}
	if token != "" {
		in["NextToken"] = token
	}
	resp, err := a.c.Call(ctx, "ListUsers", in)
	if err != nil {
		return nil, "", err
	}
	doc, err := resp.Document()
	if err != nil {
		return nil, "", err
	}
	list, _ := doc["Users"].([]any)
	users := make([]User, 0, len(list))
	for _, item := range list {
		m, _ := item.(map[string]any)
		str := func(k string) string { s, _ := m[k].(string); return s }
		users = append(users, User{UserID: str("UserId"), Email: str("PrimaryEmail"), DisplayName: str("DisplayName"),
			UserType: str("UserType"), LicenseType: str("LicenseType"), Registration: str("UserRegistrationStatus")})
	}
	next, _ := doc["NextToken"].(string)
	return users, next, nil
}

// refusal turns an answer that refuses the request into a *Refusal and
// leaves any other error as it is.
func refusal(err error) error {
	var ce *client.Error
	if errors.As(err, &ce) && ce.Status >= 400 && ce.Status < 500 && ce.Status != http.StatusTooManyRequests {
		return &Refusal{Conflict: ce.Status == http.StatusConflict, Reason: fmt.Sprintf("%s: %s", ce.Code, ce.Message)}
	}
	return err
}
