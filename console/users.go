package console

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
)

type user struct {
	UserId                   string
	AccountId                string
	PrimaryEmail             string
	PrimaryProvisionedNumber string
	DisplayName              string
	LicenseType              string
	UserType                 string
	UserRegistrationStatus   string
	UserInvitationStatus     string
	RegisteredOn             string
	InvitedOn                string
	AlexaForBusinessMetadata *struct {
		IsAlexaForBusinessEnabled bool
		AlexaForBusinessRoomArn   string
	}
	PersonalPIN string
}

type telephony struct {
	InboundCalling, OutboundCalling, SMS bool
}

type userError struct {
	UserId, ErrorCode, ErrorMessage string
}

// listUsersOp lists the users page: the extension that adds the e-mail
// prefix and registration status to ListUsers' filters.
const listUsersOp = "AdminListUsers"

// The filters of the users page: the query parameter, and the member of
// listUsersOp it fills. E-mail prefix and status are found in the
// operation's input (a member ending in "Prefix", and one of the
// registration-status enumeration), so that the page never filters in a
// way the API does not.
type userFilter struct {
	Param, Member, Label string
	Options              []string
}

func userFilters() []userFilter {
	fs := []userFilter{{Param: "email", Member: "UserEmail", Label: "E-mail address (exact)"}}
	if m := inputMember(listUsersOp, func(m apispec.Member) bool {
		return m.Location == apispec.Query && strings.HasSuffix(m.Name, "Prefix")
	}); m != "" {
		fs = append(fs, userFilter{Param: "prefix", Member: m, Label: "E-mail address begins with"})
	}
	fs = append(fs, userFilter{Param: "type", Member: "UserType", Label: "User type", Options: enumOf(listUsersOp, "UserType")})
	if m := inputMember(listUsersOp, func(m apispec.Member) bool {
		return m.Location == apispec.Query && m.Shape.Name == "RegistrationStatus"
	}); m != "" {
		fs = append(fs, userFilter{Param: "status", Member: m, Label: "Status", Options: enumOf(listUsersOp, m)})
	}
	return fs
}

type usersData struct {
	Users     []user
	Filters   []userFilter
	Filtered  bool
	NextPage  string
	FirstPage string
}

func (c *Console) handleUsers(w http.ResponseWriter, r *http.Request, s *session) {
	a := c.loadAccount(w, r, s)
	if a == nil {
		return
	}
	q := r.URL.Query()
	d := &usersData{Filters: userFilters(), FirstPage: accountPath(a.AccountId) + "/users"}
	p := &page{Title: "Users of " + a.Name, Section: "users", Session: s, Account: a, Form: url.Values{}, Data: d}
	in := map[string]any{"AccountId": a.AccountId, "MaxResults": pageSize}
	for _, f := range d.Filters {
		if v := q.Get(f.Param); v != "" {
			in[f.Member] = v
			p.Form.Set(f.Param, v)
			d.Filtered = true
		}
	}
	if t := q.Get("token"); t != "" {
		in["NextToken"] = t
		first := url.Values{}
		for k, v := range q {
			if k != "token" {
				first[k] = v
			}
		}
		if len(first) > 0 {
			d.FirstPage += "?" + first.Encode()
		}
	} else {
		d.FirstPage = ""
	}
	var out struct {
		Users     []user
		NextToken string
	}
	status := http.StatusOK
	if err := c.invoke(r, s, listUsersOp, in, &out); err != nil {
		f := c.explain(r, listUsersOp, err, "AccountId")
		status = f.status
		// The form's fields are named by parameter, not by member.
		for _, fl := range d.Filters {
			if f.field == fl.Member {
				f.field = fl.Param
			}
		}
		p.apply(f)
	}
	d.Users = out.Users
	if out.NextToken != "" {
		d.NextPage = nextPage(r, out.NextToken)
	}
	c.render(w, status, "users", p)
}

// loadUser reads the user of the URL and its account, or shows the page a
// refusal calls for and returns nils.
func (c *Console) loadUser(w http.ResponseWriter, r *http.Request, s *session) (*account, *user) {
	a := c.loadAccount(w, r, s)
	if a == nil {
		return nil, nil
	}
	var out struct{ User user }
	if err := c.invoke(r, s, "GetUser", map[string]any{"AccountId": a.AccountId, "UserId": r.PathValue("userId")}, &out); err != nil {
		f := c.explain(r, "GetUser", err, "AccountId", "UserId")
		if f.notFound {
			c.notFound(w, r, s)
		} else {
			c.render(w, f.status, "refused", &page{Title: "Not shown", Session: s, Account: a, Error: f.top})
		}
		return nil, nil
	}
	return a, &out.User
}

type userData struct {
	User          *user
	Licenses      []string
	UserTypes     []string
	Telephony     *telephony
	SettingsError string
	// NewPIN is set only on the page that answers a PIN reset.
	NewPIN string
}

func (c *Console) handleUser(w http.ResponseWriter, r *http.Request, s *session) {
	c.showUser(w, r, http.StatusOK, &page{Session: s}, "")
}

func (c *Console) showUser(w http.ResponseWriter, r *http.Request, status int, p *page, newPIN string) {
	a, u := c.loadUser(w, r, p.Session)
	if a == nil {
		return
	}
	p.Account, p.Title, p.Section = a, userTitle(u), "users"
	if p.Form == nil {
		p.Form = url.Values{}
	}
	if !p.Form.Has("LicenseType") {
		p.Form.Set("LicenseType", u.LicenseType)
	}
	if !p.Form.Has("UserType") {
		p.Form.Set("UserType", u.UserType)
	}
	licenses := a.SupportedLicenses
	if len(licenses) == 0 {
		licenses = enumOf("UpdateUser", "LicenseType")
	}
	d := &userData{User: u, Licenses: licenses, UserTypes: enumOf("UpdateUser", "UserType"), NewPIN: newPIN}
	var out struct{ UserSettings struct{ Telephony telephony } }
	if err := c.invoke(r, p.Session, "GetUserSettings", map[string]any{"AccountId": a.AccountId, "UserId": u.UserId}, &out); err != nil {
		d.SettingsError = c.explain(r, "GetUserSettings", err).top
	} else {
		d.Telephony = &out.UserSettings.Telephony
	}
	p.Data = d
	c.render(w, status, "user", p)
}

func userTitle(u *user) string {
	if u.PrimaryEmail != "" {
		return u.PrimaryEmail
	}
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.UserId
}

// afterUserWrite ends a POST of the user page, as afterAccountWrite does
// for the account's.
func (c *Console) afterUserWrite(w http.ResponseWriter, r *http.Request, s *session, op string, err error, done string) {
	if err != nil {
		f := c.explain(r, op, err, "AccountId", "UserId")
		if f.notFound {
			c.notFound(w, r, s)
			return
		}
		p := &page{Session: s, Form: r.PostForm}
		p.apply(f)
		c.showUser(w, r, f.status, p, "")
		return
	}
	c.redirect(w, r, s, userPath(r.PathValue("accountId"), r.PathValue("userId")), done)
}

func (c *Console) userInput(r *http.Request) map[string]any {
	return map[string]any{"AccountId": r.PathValue("accountId"), "UserId": r.PathValue("userId")}
}

func (c *Console) handleUpdateUser(w http.ResponseWriter, r *http.Request, s *session) {
	in := c.userInput(r)
	for _, m := range []string{"LicenseType", "UserType"} {
		if v := r.PostFormValue(m); v != "" {
			in[m] = v
		}
	}
	err := c.invoke(r, s, "UpdateUser", in, nil)
	c.afterUserWrite(w, r, s, "UpdateUser", err, "User saved.")
}

// batchError is the first item a Batch operation could not do, as an
// error of its kind, so that one user's refusal reads as a refusal.
func batchError(errs []userError) error {
	if len(errs) == 0 {
		return nil
	}
	kind := chime.BadRequest
	switch errs[0].ErrorCode {
	case "NotFound":
		kind = chime.NotFound
	case "Forbidden":
		kind = chime.Forbidden
	case "Conflict":
		kind = chime.Conflict
	}
	return chime.Errorf(kind, "%s", errs[0].ErrorMessage)
}

func (c *Console) handleSuspendUser(w http.ResponseWriter, r *http.Request, s *session) {
	if r.PostFormValue("confirm") != "yes" {
		a, u := c.loadUser(w, r, s)
		if a == nil {
			return
		}
		c.confirm(w, http.StatusOK, &page{Session: s, Account: a, Section: "users"}, confirmData{
			Heading: "Suspend " + userTitle(u) + "?",
			Text: "On a Team account, suspending removes the user from the account: they are no longer listed and their address may be invited again. " +
				"On an EnterpriseLWA account the user becomes Suspended and can be unsuspended later. Directory and OIDC accounts suspend users in their directory, so the server refuses.",
			Action: userPath(a.AccountId, u.UserId) + "/suspend", Button: "Suspend user", Cancel: userPath(a.AccountId, u.UserId),
			Hidden: map[string]string{"confirm": "yes"}, Danger: true,
		})
		return
	}
	id := r.PathValue("accountId")
	var out struct{ UserErrors []userError }
	err := c.invoke(r, s, "BatchSuspendUser", map[string]any{"AccountId": id, "UserIdList": []any{r.PathValue("userId")}}, &out)
	if err == nil {
		err = batchError(out.UserErrors)
	}
	if err != nil {
		c.afterUserWrite(w, r, s, "BatchSuspendUser", err, "")
		return
	}
	// A Team account's suspended user is gone: the page to return to is
	// the list, which the user page then links to anyway.
	var check struct{ User user }
	if c.invoke(r, s, "GetUser", c.userInput(r), &check) != nil {
		c.redirect(w, r, s, accountPath(id)+"/users", "User suspended: the user is removed from this Team account.")
		return
	}
	c.redirect(w, r, s, userPath(id, r.PathValue("userId")), "User suspended.")
}

func (c *Console) handleUnsuspendUser(w http.ResponseWriter, r *http.Request, s *session) {
	var out struct{ UserErrors []userError }
	err := c.invoke(r, s, "BatchUnsuspendUser", map[string]any{"AccountId": r.PathValue("accountId"), "UserIdList": []any{r.PathValue("userId")}}, &out)
	if err == nil {
		err = batchError(out.UserErrors)
	}
	c.afterUserWrite(w, r, s, "BatchUnsuspendUser", err, "User unsuspended.")
}

// handleResetPIN answers with the user page showing the new PIN, once: it
// is not kept in the session, and the page is not cached, so reloading
// the user page does not show it again.
func (c *Console) handleResetPIN(w http.ResponseWriter, r *http.Request, s *session) {
	var out struct{ User user }
	if err := c.invoke(r, s, "ResetPersonalPIN", c.userInput(r), &out); err != nil {
		c.afterUserWrite(w, r, s, "ResetPersonalPIN", err, "")
		return
	}
	c.showUser(w, r, http.StatusOK, &page{Session: s, Flash: "A new personal meeting PIN was set."}, out.User.PersonalPIN)
}

func (c *Console) handleLogoutUser(w http.ResponseWriter, r *http.Request, s *session) {
	err := c.invoke(r, s, "LogoutUser", c.userInput(r), nil)
	c.afterUserWrite(w, r, s, "LogoutUser", err, "The user was signed out of every device.")
}

func (c *Console) handleUserSettings(w http.ResponseWriter, r *http.Request, s *session) {
	in := c.userInput(r)
	in["UserSettings"] = map[string]any{"Telephony": map[string]any{
		"InboundCalling":  r.PostFormValue("InboundCalling") == "true",
		"OutboundCalling": r.PostFormValue("OutboundCalling") == "true",
		"SMS":             r.PostFormValue("SMS") == "true",
	}}
	err := c.invoke(r, s, "UpdateUserSettings", in, nil)
	c.afterUserWrite(w, r, s, "UpdateUserSettings", err, "Telephony settings saved.")
}

type newUserData struct {
	UserTypes []string
}

func (c *Console) handleNewUserForm(w http.ResponseWriter, r *http.Request, s *session) {
	c.showNewUser(w, r, http.StatusOK, &page{Session: s, Form: url.Values{}})
}

func (c *Console) showNewUser(w http.ResponseWriter, r *http.Request, status int, p *page) {
	a := c.loadAccount(w, r, p.Session)
	if a == nil {
		return
	}
	p.Account, p.Title, p.Section = a, "Create a user", "new-user"
	p.Data = newUserData{UserTypes: enumOf("CreateUser", "UserType")}
	c.render(w, status, "newuser", p)
}

// handleCreateUser is the seed's form: CreateUser with e-mail, user name
// and user type, landing on the new user's page.
func (c *Console) handleCreateUser(w http.ResponseWriter, r *http.Request, s *session) {
	id := r.PathValue("accountId")
	in := map[string]any{"AccountId": id}
	for _, m := range []string{"Email", "Username", "UserType"} {
		if v := strings.TrimSpace(r.PostFormValue(m)); v != "" {
			in[m] = v
		}
	}
	var out struct{ User user }
	if err := c.invoke(r, s, "CreateUser", in, &out); err != nil {
		f := c.explain(r, "CreateUser", err, "AccountId")
		if f.notFound {
			c.notFound(w, r, s)
			return
		}
		p := &page{Session: s, Form: r.PostForm}
		p.apply(f)
		c.showNewUser(w, r, f.status, p)
		return
	}
	c.redirect(w, r, s, userPath(id, out.User.UserId), "User created.")
}

type inviteData struct {
	UserTypes []string
	Invites   []struct{ InviteId, Status, EmailAddress, EmailStatus string }
}

func (c *Console) handleInviteForm(w http.ResponseWriter, r *http.Request, s *session) {
	c.showInvite(w, r, http.StatusOK, &page{Session: s, Form: url.Values{}}, nil)
}

func (c *Console) showInvite(w http.ResponseWriter, r *http.Request, status int, p *page, d *inviteData) {
	a := c.loadAccount(w, r, p.Session)
	if a == nil {
		return
	}
	if d == nil {
		d = &inviteData{}
	}
	d.UserTypes = enumOf("InviteUsers", "UserType")
	p.Account, p.Title, p.Section, p.Data = a, "Invite users", "invite", d
	c.render(w, status, "invite", p)
}

// emailList splits what a person pastes: one address a line, or separated
// by commas, semicolons or spaces.
func emailList(s string) []any {
	var out []any
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}) {
		out = append(out, f)
	}
	return out
}

func (c *Console) handleInvite(w http.ResponseWriter, r *http.Request, s *session) {
	in := map[string]any{"AccountId": r.PathValue("accountId"), "UserEmailList": emailList(r.PostFormValue("UserEmailList"))}
	if in["UserEmailList"] == nil {
		in["UserEmailList"] = []any{}
	}
	if v := r.PostFormValue("UserType"); v != "" {
		in["UserType"] = v
	}
	d := &inviteData{}
	p := &page{Session: s, Form: r.PostForm}
	status := http.StatusOK
	if err := c.invoke(r, s, "InviteUsers", in, d); err != nil {
		f := c.explain(r, "InviteUsers", err, "AccountId")
		if f.notFound {
			c.notFound(w, r, s)
			return
		}
		status = f.status
		p.apply(f)
	} else {
		p.Flash = "Invitations made: see each address's result below."
		p.Form = url.Values{"UserType": {r.PostFormValue("UserType")}}
	}
	c.showInvite(w, r, status, p, d)
}
