package console

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/openchime/chime"
)

// account, accountSettings and the rest are the operations' outputs as the
// pages read them, by the model's member names.
type account struct {
	AwsAccountId         string
	AccountId            string
	Name                 string
	AccountType          string
	CreatedTimestamp     string
	DefaultLicense       string
	SupportedLicenses    []string
	AccountStatus        string
	SigninDelegateGroups []struct{ GroupName string }
}

type accountSettings struct {
	DisableRemoteControl bool
	EnableDialOut        bool
}

// pageSize is the accounts and users a list page shows.
const pageSize = 50

type accountsData struct {
	Accounts  []account
	Name      string
	UserEmail string
	NextToken string
	// Paged is whether this is a later page than the first.
	Paged bool
}

func (c *Console) handleAccounts(w http.ResponseWriter, r *http.Request, s *session) {
	q := r.URL.Query()
	d := accountsData{Name: q.Get("name"), UserEmail: q.Get("user-email")}
	p := &page{Title: "Accounts", Section: "accounts", Session: s, Form: url.Values{"name": {d.Name}, "user-email": {d.UserEmail}}, Data: &d}
	in := map[string]any{"MaxResults": pageSize}
	if d.Name != "" {
		in["Name"] = d.Name
	}
	if d.UserEmail != "" {
		in["UserEmail"] = d.UserEmail
	}
	if t := q.Get("token"); t != "" {
		in["NextToken"] = t
		d.Paged = true
	}
	var out struct {
		Accounts  []account
		NextToken string
	}
	status := http.StatusOK
	if err := c.invoke(r, s, "ListAccounts", in, &out); err != nil {
		f := c.explain(r, "ListAccounts", err)
		status = f.status
		p.apply(f)
	}
	d.Accounts, d.NextToken = out.Accounts, out.NextToken
	c.render(w, status, "accounts", p)
}

// nextPage is the URL of the following page: the same query with the new
// token.
func nextPage(r *http.Request, token string) string {
	q := r.URL.Query()
	q.Set("token", token)
	return r.URL.Path + "?" + q.Encode()
}

type newAccountData struct {
	AccountTypes []string
}

func (c *Console) handleNewAccountForm(w http.ResponseWriter, r *http.Request, s *session) {
	c.showNewAccount(w, http.StatusOK, &page{Session: s, Form: url.Values{"AccountType": {string(chime.Team)}}})
}

func (c *Console) showNewAccount(w http.ResponseWriter, status int, p *page) {
	p.Title, p.Section = "Create an account", "new-account"
	p.Data = newAccountData{AccountTypes: enumOf("AdminCreateAccount", "AccountType")}
	c.render(w, status, "newaccount", p)
}

// handleCreateAccount makes a Team account through CreateAccount, as a
// client of the API would, and any other type through AdminCreateAccount,
// the extension that stands for the real console's Enterprise set-up.
func (c *Console) handleCreateAccount(w http.ResponseWriter, r *http.Request, s *session) {
	name, typ := r.PostFormValue("Name"), r.PostFormValue("AccountType")
	op, in := "CreateAccount", map[string]any{"Name": name}
	if typ != "" && typ != string(chime.Team) {
		op = "AdminCreateAccount"
		in["AccountType"] = typ
	}
	var out struct{ Account account }
	if err := c.invoke(r, s, op, in, &out); err != nil {
		p := &page{Session: s, Form: r.PostForm}
		f := c.explain(r, op, err)
		p.apply(f)
		c.showNewAccount(w, f.status, p)
		return
	}
	c.redirect(w, r, s, accountPath(out.Account.AccountId), "Account created.")
}

// loadAccount reads the account of the URL, or shows the page a refusal
// calls for and returns nil.
func (c *Console) loadAccount(w http.ResponseWriter, r *http.Request, s *session) *account {
	var out struct{ Account account }
	if err := c.invoke(r, s, "GetAccount", map[string]any{"AccountId": r.PathValue("accountId")}, &out); err != nil {
		f := c.explain(r, "GetAccount", err, "AccountId")
		if f.notFound {
			c.notFound(w, r, s)
		} else {
			c.render(w, f.status, "refused", &page{Title: "Not shown", Session: s, Error: f.top})
		}
		return nil
	}
	return &out.Account
}

type accountData struct {
	Settings        *accountSettings
	SettingsError   string
	AccountStatuses []string
}

func (c *Console) handleAccount(w http.ResponseWriter, r *http.Request, s *session) {
	c.showAccount(w, r, http.StatusOK, &page{Session: s})
}

// showAccount renders the account page; p may carry a refusal and the
// form that caused it.
func (c *Console) showAccount(w http.ResponseWriter, r *http.Request, status int, p *page) {
	a := c.loadAccount(w, r, p.Session)
	if a == nil {
		return
	}
	p.Account, p.Title, p.Section = a, a.Name, "account"
	if p.Form == nil {
		p.Form = url.Values{}
	}
	if !p.Form.Has("Name") {
		p.Form.Set("Name", a.Name)
	}
	if !p.Form.Has("DefaultLicense") {
		p.Form.Set("DefaultLicense", a.DefaultLicense)
	}
	d := &accountData{}
	var out struct{ AccountSettings accountSettings }
	if err := c.invoke(r, p.Session, "GetAccountSettings", map[string]any{"AccountId": a.AccountId}, &out); err != nil {
		d.SettingsError = c.explain(r, "GetAccountSettings", err).top
	} else {
		d.Settings = &out.AccountSettings
	}
	p.Data = d
	c.render(w, status, "account", p)
}

// afterAccountWrite ends a POST of the account page: back to the page
// with a message, or the page again with the refusal.
func (c *Console) afterAccountWrite(w http.ResponseWriter, r *http.Request, s *session, op string, err error, done string) {
	if err != nil {
		f := c.explain(r, op, err, "AccountId")
		if f.notFound {
			c.notFound(w, r, s)
			return
		}
		p := &page{Session: s, Form: r.PostForm}
		p.apply(f)
		c.showAccount(w, r, f.status, p)
		return
	}
	c.redirect(w, r, s, accountPath(r.PathValue("accountId")), done)
}

func (c *Console) handleUpdateAccount(w http.ResponseWriter, r *http.Request, s *session) {
	in := map[string]any{"AccountId": r.PathValue("accountId")}
	if v := r.PostFormValue("Name"); r.PostForm.Has("Name") {
		in["Name"] = v
	}
	if v := r.PostFormValue("DefaultLicense"); v != "" {
		in["DefaultLicense"] = v
	}
	err := c.invoke(r, s, "UpdateAccount", in, nil)
	c.afterAccountWrite(w, r, s, "UpdateAccount", err, "Account saved.")
}

// confirmData is a confirmation step: the question, what doing it means,
// and the form that does it.
type confirmData struct {
	Heading, Text, Action, Button, Cancel string
	Hidden                                map[string]string
	// Danger marks a step that cannot be undone.
	Danger bool
}

func (c *Console) confirm(w http.ResponseWriter, status int, p *page, d confirmData) {
	p.Title, p.Data = d.Heading, d
	c.render(w, status, "confirm", p)
}

// handleAccountStatus suspends or reactivates an account
// (AdminUpdateAccount); suspending asks first.
func (c *Console) handleAccountStatus(w http.ResponseWriter, r *http.Request, s *session) {
	id, status := r.PathValue("accountId"), r.PostFormValue("AccountStatus")
	if status == string(chime.AccountSuspended) && r.PostFormValue("confirm") != "yes" {
		a := c.loadAccount(w, r, s)
		if a == nil {
			return
		}
		c.confirm(w, http.StatusOK, &page{Session: s, Account: a, Section: "account"}, confirmData{
			Heading: "Suspend the account " + a.Name + "?",
			Text:    "A suspended account still answers reads but refuses every change (new users, updates, settings) until it is reactivated.",
			Action:  accountPath(id) + "/status", Button: "Suspend account", Cancel: accountPath(id),
			Hidden: map[string]string{"AccountStatus": status, "confirm": "yes"},
		})
		return
	}
	err := c.invoke(r, s, "AdminUpdateAccount", map[string]any{"AccountId": id, "AccountStatus": status}, nil)
	done := "Account reactivated."
	if status == string(chime.AccountSuspended) {
		done = "Account suspended."
	}
	c.afterAccountWrite(w, r, s, "AdminUpdateAccount", err, done)
}

func (c *Console) handleAccountSettings(w http.ResponseWriter, r *http.Request, s *session) {
	settings := map[string]any{
		"DisableRemoteControl": r.PostFormValue("DisableRemoteControl") == "true",
		"EnableDialOut":        r.PostFormValue("EnableDialOut") == "true",
	}
	err := c.invoke(r, s, "UpdateAccountSettings", map[string]any{"AccountId": r.PathValue("accountId"), "AccountSettings": settings}, nil)
	c.afterAccountWrite(w, r, s, "UpdateAccountSettings", err, "Account settings saved.")
}

func (c *Console) handleAddDelegate(w http.ResponseWriter, r *http.Request, s *session) {
	groups := []any{map[string]any{"GroupName": r.PostFormValue("GroupName")}}
	err := c.invoke(r, s, "AssociateSigninDelegateGroupsWithAccount",
		map[string]any{"AccountId": r.PathValue("accountId"), "SigninDelegateGroups": groups}, nil)
	c.afterAccountWrite(w, r, s, "AssociateSigninDelegateGroupsWithAccount", renameMember(err, "SigninDelegateGroups", "GroupName"), "Sign-in delegate group added.")
}

func (c *Console) handleRemoveDelegate(w http.ResponseWriter, r *http.Request, s *session) {
	err := c.invoke(r, s, "DisassociateSigninDelegateGroupsFromAccount",
		map[string]any{"AccountId": r.PathValue("accountId"), "GroupNames": []any{r.PostFormValue("GroupName")}}, nil)
	c.afterAccountWrite(w, r, s, "DisassociateSigninDelegateGroupsFromAccount", err, "Sign-in delegate group removed.")
}

// renameMember points a validation message about a member at the form
// field that fills it, when the two differ (one group name fills the
// SigninDelegateGroups list).
func renameMember(err error, member, field string) error {
	e, ok := err.(*chime.Error)
	if !ok || e.Kind != chime.BadRequest || invalidMember(e.Message) != member {
		return err
	}
	// "Invalid input: SigninDelegateGroups[0].GroupName must ..." becomes
	// "Invalid input: GroupName must ...".
	_, rest, _ := strings.Cut(strings.TrimPrefix(e.Message, "Invalid input: "), " ")
	return &chime.Error{Kind: e.Kind, Message: "Invalid input: " + field + " " + rest, Err: e.Err}
}

func (c *Console) handleDeleteAccountForm(w http.ResponseWriter, r *http.Request, s *session) {
	a := c.loadAccount(w, r, s)
	if a == nil {
		return
	}
	c.showDeleteAccount(w, http.StatusOK, &page{Session: s, Account: a, Section: "account"})
}

func (c *Console) showDeleteAccount(w http.ResponseWriter, status int, p *page) {
	id := p.Account.AccountId
	c.confirm(w, status, p, confirmData{
		Heading: "Delete the account " + p.Account.Name + "?",
		Text: "Deleting removes the account with its rooms, bots and settings, and frees its users' e-mail addresses. " +
			"It cannot be undone. The server refuses while any user of the account is still active.",
		Action: accountPath(id) + "/delete", Button: "Delete account", Cancel: accountPath(id), Danger: true,
		Hidden: map[string]string{"confirm": "yes"},
	})
}

func (c *Console) handleDeleteAccount(w http.ResponseWriter, r *http.Request, s *session) {
	if r.PostFormValue("confirm") != "yes" {
		c.handleDeleteAccountForm(w, r, s)
		return
	}
	id := r.PathValue("accountId")
	err := c.invoke(r, s, "DeleteAccount", map[string]any{"AccountId": id}, nil)
	if err == nil {
		c.redirect(w, r, s, Prefix+"accounts", "Account deleted.")
		return
	}
	f := c.explain(r, "DeleteAccount", err, "AccountId")
	if f.notFound {
		c.notFound(w, r, s)
		return
	}
	a := c.loadAccount(w, r, s)
	if a == nil {
		return
	}
	p := &page{Session: s, Account: a, Section: "account"}
	p.apply(f)
	if chime.IsKind(err, chime.Unprocessable) {
		p.Error = "The account was not deleted: it still has active users. Suspend or remove them first " +
			"(on the Users page), then delete the account. The server said: " + f.top
	}
	c.showDeleteAccount(w, f.status, p)
}
