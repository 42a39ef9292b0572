package console_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/openchime/chime"
)

// apiMessage is the message the API gives for a call.
func (e *env) apiMessage(key, op string, in map[string]any) string {
	e.t.Helper()
	err := e.invoke(key, op, in, nil)
	var ce *chime.Error
	if err == nil || !asChime(err, &ce) {
		e.t.Fatalf("%s: want a refusal, got %v", op, err)
	}
	return ce.Message
}

func asChime(err error, target **chime.Error) bool {
	e, ok := err.(*chime.Error)
	*target = e
	return ok
}

type apiAccount struct {
	AccountId, Name, AccountType, AccountStatus, DefaultLicense string
	SigninDelegateGroups                                        []struct{ GroupName string }
}

func (e *env) getAccount(key, id string) (apiAccount, error) {
	var out struct{ Account apiAccount }
	err := e.invoke(key, "GetAccount", map[string]any{"AccountId": id}, &out)
	return out.Account, err
}

func TestAccountPages(t *testing.T) {
	e := newEnv(t)
	b := e.signedIn("test")

	t.Run("EmptyState", func(t *testing.T) {
		contains(t, b.get("/console/accounts"), `id="accounts-empty"`, "There are no accounts yet.")
	})
	var team, dir string
	t.Run("CreateTeam", func(t *testing.T) {
		contains(t, b.get("/console/accounts/new"), `<label for="Name">`, `<label for="AccountType">`, `id="new-account-form"`)
		r := b.post("/console/accounts/new", url.Values{"Name": {"Team One"}, "AccountType": {"Team"}})
		team = strings.TrimPrefix(r.header.Get("Location"), "/console/accounts/")
		contains(t, b.follow(r), "<h1>Team One</h1>", "Account created.")
		a, err := e.getAccount("test", team)
		if err != nil || a.Name != "Team One" || a.AccountType != "Team" {
			t.Fatalf("the API has %+v, %v", a, err)
		}
	})
	t.Run("CreateEnterprise", func(t *testing.T) {
		r := b.post("/console/accounts/new", url.Values{"Name": {"Dir"}, "AccountType": {"EnterpriseDirectory"}})
		dir = strings.TrimPrefix(r.header.Get("Location"), "/console/accounts/")
		if a, err := e.getAccount("test", dir); err != nil || a.AccountType != "EnterpriseDirectory" {
			t.Fatalf("the API has %+v, %v", a, err)
		}
	})
	t.Run("CreateInvalid", func(t *testing.T) {
		r := b.post("/console/accounts/new", url.Values{"Name": {strings.Repeat("n", 101)}, "AccountType": {"Team"}})
		want := e.apiMessage("test", "CreateAccount", map[string]any{"Name": strings.Repeat("n", 101)})
		if r.status != http.StatusBadRequest {
			t.Fatalf("got %d", r.status)
		}
		contains(t, r, `<p class="field-error" id="Name-error">`+want+`</p>`, `aria-invalid="true"`, `value="`+strings.Repeat("n", 101)+`"`)
	})
	t.Run("RenameAndLicence", func(t *testing.T) {
		b.get("/console/accounts/" + team)
		r := b.follow(b.post("/console/accounts/"+team+"/update", url.Values{"Name": {"Team Two"}, "DefaultLicense": {"Basic"}}))
		contains(t, r, "Account saved.", "<h1>Team Two</h1>")
		if a, _ := e.getAccount("test", team); a.Name != "Team Two" || a.DefaultLicense != "Basic" {
			t.Fatalf("the API has %+v", a)
		}
		r = b.post("/console/accounts/"+team+"/update", url.Values{"Name": {"Team Two"}, "DefaultLicense": {"Plus"}})
		if r.status != http.StatusBadRequest {
			t.Fatalf("an unsupported licence: %d", r.status)
		}
		contains(t, r, e.apiMessage("test", "UpdateAccount", map[string]any{"AccountId": team, "DefaultLicense": "Plus"}))
	})
	t.Run("SuspendAsksFirst", func(t *testing.T) {
		r := b.post("/console/accounts/"+team+"/status", url.Values{"AccountStatus": {"Suspended"}})
		contains(t, r, "Suspend the account Team Two?", `id="confirm-form"`, `name="confirm" value="yes"`, `id="cancel"`)
		if a, _ := e.getAccount("test", team); a.AccountStatus != "Active" {
			t.Fatal("suspended without confirmation")
		}
		contains(t, b.follow(b.post("/console/accounts/"+team+"/status", url.Values{"AccountStatus": {"Suspended"}, "confirm": {"yes"}})),
			"Account suspended.", `id="reactivate-account"`)
		if a, _ := e.getAccount("test", team); a.AccountStatus != "Suspended" {
			t.Fatalf("the API has %s", a.AccountStatus)
		}
		// A suspended account refuses writes, in the API's words.
		r = b.post("/console/accounts/"+team+"/update", url.Values{"Name": {"Nope"}})
		contains(t, r, e.apiMessage("test", "UpdateAccount", map[string]any{"AccountId": team, "Name": "Nope"}))
		b.follow(b.post("/console/accounts/"+team+"/status", url.Values{"AccountStatus": {"Active"}}))
		if a, _ := e.getAccount("test", team); a.AccountStatus != "Active" {
			t.Fatalf("the API has %s", a.AccountStatus)
		}
	})
	t.Run("Settings", func(t *testing.T) {
		contains(t, b.follow(b.post("/console/accounts/"+team+"/settings", url.Values{"EnableDialOut": {"true"}})), "Account settings saved.",
			`id="EnableDialOut" name="EnableDialOut" value="true" checked`)
		var out struct {
			AccountSettings struct{ EnableDialOut, DisableRemoteControl bool }
		}
		e.mustInvoke("test", "GetAccountSettings", map[string]any{"AccountId": team}, &out)
		if !out.AccountSettings.EnableDialOut || out.AccountSettings.DisableRemoteControl {
			t.Fatalf("the API has %+v", out.AccountSettings)
		}
	})
	t.Run("DelegateGroups", func(t *testing.T) {
		contains(t, b.get("/console/accounts/"+dir), `id="delegate-groups-empty"`)
		contains(t, b.follow(b.post("/console/accounts/"+dir+"/delegates/add", url.Values{"GroupName": {"admins"}})), "Sign-in delegate group added.", "admins")
		if a, _ := e.getAccount("test", dir); len(a.SigninDelegateGroups) != 1 || a.SigninDelegateGroups[0].GroupName != "admins" {
			t.Fatalf("the API has %+v", a.SigninDelegateGroups)
		}
		b.follow(b.post("/console/accounts/"+dir+"/delegates/remove", url.Values{"GroupName": {"admins"}}))
		if a, _ := e.getAccount("test", dir); len(a.SigninDelegateGroups) != 0 {
			t.Fatalf("the API has %+v", a.SigninDelegateGroups)
		}
		// A Team account takes none: the API's refusal, at the top.
		r := b.post("/console/accounts/"+team+"/delegates/add", url.Values{"GroupName": {"admins"}})
		contains(t, r, `id="error"`, e.apiMessage("test", "AssociateSigninDelegateGroupsWithAccount",
			map[string]any{"AccountId": team, "SigninDelegateGroups": []any{map[string]any{"GroupName": "admins"}}}))
		// An empty name is refused next to the field.
		r = b.post("/console/accounts/"+dir+"/delegates/add", url.Values{"GroupName": {" "}})
		contains(t, r, `<p class="field-error" id="GroupName-error">Invalid input: GroupName must match the pattern .*\S.*</p>`)
	})
	t.Run("DeleteRefusedWithUsers", func(t *testing.T) {
		e.mustInvoke("test", "CreateUser", map[string]any{"AccountId": dir, "Email": "active@example.com"}, nil)
		contains(t, b.get("/console/accounts/"+dir+"/delete"), "Delete the account Dir?", `id="confirm"`)
		r := b.post("/console/accounts/"+dir+"/delete", url.Values{"confirm": {"yes"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("got %d", r.status)
		}
		contains(t, r, "it still has active users. Suspend or remove them first", e.apiMessage("test", "DeleteAccount", map[string]any{"AccountId": dir}))
		if _, err := e.getAccount("test", dir); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		contains(t, b.post("/console/accounts/"+team+"/delete", nil), `id="confirm-form"`)
		if _, err := e.getAccount("test", team); err != nil {
			t.Fatalf("deleted without confirmation: %v", err)
		}
		r := b.follow(b.post("/console/accounts/"+team+"/delete", url.Values{"confirm": {"yes"}}))
		contains(t, r, "Account deleted.")
		if _, err := e.getAccount("test", team); !chime.IsKind(err, chime.NotFound) {
			t.Fatalf("the API still has it: %v", err)
		}
		if r := b.get("/console/accounts/" + team); r.status != http.StatusNotFound {
			t.Fatalf("deleted account page: %d", r.status)
		}
	})
	t.Run("SearchAndPages", func(t *testing.T) {
		for i := 0; i < 55; i++ {
			e.account("test", fmt.Sprintf("Bulk %02d", i), chime.Team)
		}
		r := b.get("/console/accounts?name=Bulk")
		if n := strings.Count(r.body, ">Bulk "); n != 50 {
			t.Fatalf("first page has %d", n)
		}
		next := between(r.body, `<a href="`, `" id="next-page"`)
		r = b.get(html.UnescapeString(next))
		if n := strings.Count(r.body, ">Bulk "); n != 5 || !strings.Contains(r.body, `id="first-page"`) {
			t.Fatalf("second page has %d:\n%s", n, mainOf(r.body))
		}
		r = b.get("/console/accounts?name=Bulk+5")
		if n := strings.Count(r.body, ">Bulk "); n != 5 {
			t.Fatalf("Bulk 5 finds %d", n)
		}
		contains(t, b.get("/console/accounts?name=Nothing"), "No account matches.")
	})
}

// between is the text after the last start before end.
func between(s, start, end string) string {
	i := strings.Index(s, end)
	if i < 0 {
		return ""
	}
	j := strings.LastIndex(s[:i], start)
	return s[j+len(start) : i]
}

type apiUser struct {
	UserId, PrimaryEmail, DisplayName, LicenseType, UserType, UserRegistrationStatus, PersonalPIN string
}

func (e *env) getUser(key, account, id string) (apiUser, error) {
	var out struct{ User apiUser }
	err := e.invoke(key, "GetUser", map[string]any{"AccountId": account, "UserId": id}, &out)
	return out.User, err
}

func TestUserPages(t *testing.T) {
	e := newEnv(t)
	lwa := e.account("test", "Lwa", chime.EnterpriseLWA)
	b := e.signedIn("test")
	acc := "/console/accounts/" + lwa
	contains(t, b.get(acc+"/users"), `id="users-empty"`, "This account has no users yet.")

	var id string
	t.Run("SeedForm", func(t *testing.T) {
		contains(t, b.get(acc+"/users/new"), `<label for="Email">`, `<label for="Username">`, `<label for="UserType">`)
		r := b.post(acc+"/users/new", url.Values{"Email": {"roomdevice@example.com"}, "UserType": {"SharedDevice"}})
		loc := r.header.Get("Location")
		if !strings.HasPrefix(loc, acc+"/users/") {
			t.Fatalf("landed on %q", loc)
		}
		id = strings.TrimPrefix(loc, acc+"/users/")
		page := b.follow(r)
		contains(t, page, "User created.", "<h1>roomdevice@example.com</h1>", ">SharedDevice<", ">Room Device<", id)
		u, err := e.getUser("test", lwa, id)
		if err != nil || u.PrimaryEmail != "roomdevice@example.com" || u.UserType != "SharedDevice" {
			t.Fatalf("the API has %+v, %v", u, err)
		}
	})
	t.Run("SeedFormRefusals", func(t *testing.T) {
		r := b.post(acc+"/users/new", url.Values{"Email": {"roomdevice@example.com"}})
		if r.status != http.StatusConflict {
			t.Fatalf("taken address: %d", r.status)
		}
		contains(t, r, e.apiMessage("test", "CreateUser", map[string]any{"AccountId": lwa, "Email": "roomdevice@example.com"}),
			`value="roomdevice@example.com"`)
		r = b.post(acc+"/users/new", url.Values{"Email": {"not-an-address"}})
		contains(t, r, `<p class="field-error" id="Email-error">`+e.apiMessage("test", "CreateUser", map[string]any{"AccountId": lwa, "Email": "not-an-address"}))
		team := e.account("test", "T", chime.Team)
		r = b.post("/console/accounts/"+team+"/users/new", url.Values{"Email": {"t@example.com"}})
		contains(t, r, "Service received a bad request")
	})
	page := acc + "/users/" + id
	t.Run("UserPage", func(t *testing.T) {
		r := b.get(page)
		for _, want := range []string{"User ID", "Account ID", "Primary e-mail address", "Display name", "Licence", "User type",
			"Registration status", "Invitation status", "Registered on", "Invited on", "Primary provisioned number",
			"Alexa for Business", "Personal meeting PIN"} {
			contains(t, r, "<dt>"+want+"</dt>")
		}
	})
	t.Run("Update", func(t *testing.T) {
		b.follow(b.post(page+"/update", url.Values{"LicenseType": {"Basic"}, "UserType": {"PrivateUser"}}))
		if u, _ := e.getUser("test", lwa, id); u.LicenseType != "Basic" || u.UserType != "PrivateUser" {
			t.Fatalf("the API has %+v", u)
		}
		r := b.post(page+"/update", url.Values{"LicenseType": {"Plus"}})
		contains(t, r, `id="error"`, e.apiMessage("test", "UpdateUser", map[string]any{"AccountId": lwa, "UserId": id, "LicenseType": "Plus"}))
	})
	t.Run("Telephony", func(t *testing.T) {
		contains(t, b.follow(b.post(page+"/settings", url.Values{"InboundCalling": {"true"}, "SMS": {"true"}})), "Telephony settings saved.")
		var out struct {
			UserSettings struct {
				Telephony struct{ InboundCalling, OutboundCalling, SMS bool }
			}
		}
		e.mustInvoke("test", "GetUserSettings", map[string]any{"AccountId": lwa, "UserId": id}, &out)
		if tel := out.UserSettings.Telephony; !tel.InboundCalling || tel.OutboundCalling || !tel.SMS {
			t.Fatalf("the API has %+v", tel)
		}
	})
	t.Run("ResetPINShownOnce", func(t *testing.T) {
		r := b.post(page+"/reset-pin", nil)
		u, _ := e.getUser("test", lwa, id)
		if r.status != http.StatusOK || u.PersonalPIN == "" {
			t.Fatalf("got %d, PIN %q", r.status, u.PersonalPIN)
		}
		contains(t, r, `<strong id="new-pin">`+u.PersonalPIN+`</strong>`)
		if again := b.get(page); strings.Contains(again.body, u.PersonalPIN) {
			t.Fatal("the user page shows the PIN again")
		}
	})
	t.Run("Logout", func(t *testing.T) {
		contains(t, b.follow(b.post(page+"/logout", nil)), "The user was signed out of every device.")
	})
	t.Run("SuspendAsksFirst", func(t *testing.T) {
		contains(t, b.post(page+"/suspend", nil), "Suspend roomdevice@example.com?", `id="confirm-form"`)
		if u, _ := e.getUser("test", lwa, id); u.UserRegistrationStatus != "Registered" {
			t.Fatal("suspended without confirmation")
		}
		contains(t, b.follow(b.post(page+"/suspend", url.Values{"confirm": {"yes"}})), "User suspended.", `id="unsuspend-user"`)
		if u, _ := e.getUser("test", lwa, id); u.UserRegistrationStatus != "Suspended" {
			t.Fatalf("the API has %s", u.UserRegistrationStatus)
		}
		contains(t, b.follow(b.post(page+"/unsuspend", nil)), "User unsuspended.")
		if u, _ := e.getUser("test", lwa, id); u.UserRegistrationStatus != "Registered" {
			t.Fatalf("the API has %s", u.UserRegistrationStatus)
		}
	})
	t.Run("SuspendOnTeamRemoves", func(t *testing.T) {
		team := e.account("test", "Removing", chime.Team)
		e.mustInvoke("test", "InviteUsers", map[string]any{"AccountId": team, "UserEmailList": []any{"gone@example.com"}}, nil)
		var out struct{ Users []apiUser }
		e.mustInvoke("test", "ListUsers", map[string]any{"AccountId": team}, &out)
		r := b.post("/console/accounts/"+team+"/users/"+out.Users[0].UserId+"/suspend", url.Values{"confirm": {"yes"}})
		if r.header.Get("Location") != "/console/accounts/"+team+"/users" {
			t.Fatalf("went to %q", r.header.Get("Location"))
		}
		contains(t, b.follow(r), "removed from this Team account", `id="users-empty"`)
	})
	t.Run("SuspendRefused", func(t *testing.T) {
		dir := e.account("test", "Dir", chime.EnterpriseDirectory)
		var u struct{ User struct{ UserId string } }
		e.mustInvoke("test", "CreateUser", map[string]any{"AccountId": dir, "Email": "d@example.com"}, &u)
		r := b.post("/console/accounts/"+dir+"/users/"+u.User.UserId+"/suspend", url.Values{"confirm": {"yes"}})
		if r.status < 400 {
			t.Fatalf("got %d", r.status)
		}
		contains(t, r, e.apiMessage("test", "BatchSuspendUser", map[string]any{"AccountId": dir, "UserIdList": []any{u.User.UserId}}))
	})
	t.Run("ListFiltersAndPages", func(t *testing.T) {
		for i := 0; i < 54; i++ {
			e.mustInvoke("test", "CreateUser", map[string]any{"AccountId": lwa, "Email": fmt.Sprintf("u%02d@example.com", i)}, nil)
		}
		r := b.get(acc + "/users")
		if n := strings.Count(r.body, "@example.com</a>"); n != 50 {
			t.Fatalf("first page has %d", n)
		}
		r = b.get(html.UnescapeString(between(r.body, `<a href="`, `" id="next-page"`)))
		if n := strings.Count(r.body, "@example.com</a>"); n != 5 {
			t.Fatalf("second page has %d", n)
		}
		r = b.get(acc + "/users?email=u07%40example.com")
		if n := strings.Count(r.body, "@example.com</a>"); n != 1 || !strings.Contains(r.body, "u07@example.com") {
			t.Fatalf("by e-mail: %d", n)
		}
		contains(t, b.get(acc+"/users?email=nobody%40example.com"), "No user matches.")
		r = b.get(acc + "/users?type=SharedDevice")
		if n := strings.Count(r.body, "@example.com</a>"); n != 0 {
			t.Fatalf("SharedDevice users: %d", n)
		}
		r = b.get(acc + "/users?type=Robot")
		contains(t, r, `id="type-error"`)
		// The beginning of an address, in address order, and the status.
		r = b.get(acc + "/users?prefix=u1")
		if n := strings.Count(r.body, "@example.com</a>"); n != 10 || strings.Index(r.body, "u10@") > strings.Index(r.body, "u19@") {
			t.Fatalf("by prefix u1: %d users", n)
		}
		r = b.get(acc + "/users?status=Suspended&prefix=u")
		if n := strings.Count(r.body, "@example.com</a>"); n != 0 {
			t.Fatalf("suspended users: %d", n)
		}
		r = b.get(acc + "/users?status=Registered&prefix=u0")
		if n := strings.Count(r.body, "@example.com</a>"); n != 10 {
			t.Fatalf("registered users of prefix u0: %d", n)
		}
		contains(t, b.get(acc+"/users?status=Dormant"), `id="status-error"`)
	})
	t.Run("Invite", func(t *testing.T) {
		team := e.account("test", "Invited", chime.Team)
		tp := "/console/accounts/" + team + "/invite"
		contains(t, b.get(tp), `<label for="UserEmailList">`)
		r := b.post(tp, url.Values{"UserEmailList": {"a@example.com\nb@example.com, c@example.com"}})
		if r.status != http.StatusOK {
			t.Fatalf("got %d: %s", r.status, mainOf(r.body))
		}
		contains(t, r, `id="invites-table"`, "a@example.com", "b@example.com", "c@example.com")
		var out struct{ Users []apiUser }
		e.mustInvoke("test", "ListUsers", map[string]any{"AccountId": team}, &out)
		if len(out.Users) != 3 {
			t.Fatalf("the API lists %d users", len(out.Users))
		}
		r = b.post(tp, url.Values{"UserEmailList": {"a@example.com bad"}})
		contains(t, r, `id="UserEmailList-error"`, `aria-invalid="true"`)
	})
	t.Run("ImportAndExport", func(t *testing.T) {
		contains(t, b.get(acc+"/import"), `id="import-form"`, `enctype="multipart/form-data"`)
		// A bad file is refused before any row runs, next to the field.
		contains(t, b.upload(acc+"/import", "Name\nx\n"), `id="file-error"`, `aria-invalid="true"`)
		var csv strings.Builder
		csv.WriteString("Email,Username,UserType,LicenseType\n")
		for i := range 40 {
			fmt.Fprintf(&csv, "csv%d@example.com,csv %d,PrivateUser,Basic\n", i, i)
		}
		csv.WriteString("csv0@example.com,again,,\nnot-an-address,,,\n")
		r := b.upload(acc+"/import", csv.String())
		if r.status != http.StatusSeeOther {
			t.Fatalf("import: %d %s", r.status, mainOf(r.body))
		}
		progress := r.header.Get("Location")
		for polls := 0; ; polls++ {
			if polls == 100_000 {
				t.Fatal("the import did not finish")
			}
			r = b.get(progress)
			if strings.Contains(r.body, `data-finished="true"`) {
				break
			}
			if r.header.Get("Refresh") == "" {
				t.Fatalf("an unfinished import's page does not load itself again: %s", mainOf(r.body))
			}
		}
		contains(t, r, `id="import-summary"`, "42 rows: 40 created, 1 already exist, 1 invalid", `max="42" value="42"`)
		var out struct{ Users []apiUser }
		e.mustInvoke("test", "ListUsers", map[string]any{"AccountId": lwa, "UserEmail": "csv39@example.com"}, &out)
		if len(out.Users) != 1 || out.Users[0].LicenseType != "Basic" {
			t.Fatalf("the API has %+v", out.Users)
		}
		// Another session does not see the import.
		other := e.signedIn("test")
		if r := other.get(progress); r.status != http.StatusNotFound {
			t.Errorf("another session's view of the import: %d", r.status)
		}
		contains(t, b.get(acc+"/export"), `id="export-download"`)
		r = b.get(acc + "/export?download=1")
		if r.status != 200 || r.header.Get("Content-Type") != "text/csv; charset=utf-8" || !strings.Contains(r.body, "csv39@example.com") ||
			!strings.HasPrefix(r.body, "Email,Username,UserType,LicenseType,UserId,UserRegistrationStatus") {
			t.Fatalf("export: %d %s %q", r.status, r.header.Get("Content-Type"), r.body[:min(len(r.body), 200)])
		}
	})
}

// TestEveryPageIsAccessible checks what a checker can check in the HTML
// alone: one h1, a main landmark, every input labelled, ids unique.
func TestEveryPageIsAccessible(t *testing.T) {
	e := newEnv(t)
	id := e.account("test", "Pages", chime.EnterpriseLWA)
	var u struct{ User struct{ UserId string } }
	e.mustInvoke("test", "CreateUser", map[string]any{"AccountId": id, "Email": "p@example.com"}, &u)
	b := e.signedIn("test")
	acc := "/console/accounts/" + id
	pages := map[string]response{"signin": e.browser().get("/console/signin")}
	for _, p := range []string{"/console/accounts", "/console/accounts/new", acc, acc + "/delete", acc + "/users", acc + "/users/new",
		acc + "/invite", acc + "/import", acc + "/export", acc + "/users/" + u.User.UserId, "/console/accounts/none"} {
		pages[p] = b.get(p)
	}
	pages["confirm"] = b.post(acc+"/users/"+u.User.UserId+"/suspend", nil)
	for name, r := range pages {
		if n := strings.Count(r.body, "<h1"); n != 1 {
			t.Errorf("%s: %d h1", name, n)
		}
		if !strings.Contains(r.body, `<main id="main"`) || !strings.Contains(r.body, `<html lang="en">`) {
			t.Errorf("%s: no main landmark or language", name)
		}
		ids := map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(r.body, -1) {
			if ids[m[1]] {
				t.Errorf("%s: id %q twice", name, m[1])
			}
			ids[m[1]] = true
		}
		for _, m := range control.FindAllStringSubmatch(r.body, -1) {
			if strings.Contains(m[0], `type="hidden"`) {
				continue
			}
			cid := idAttr.FindStringSubmatch(m[0])
			if cid == nil || !strings.Contains(r.body, `<label for="`+cid[1]+`"`) {
				t.Errorf("%s: an unlabelled control %s", name, m[0])
			}
		}
	}
}

var (
	idAttr  = regexp.MustCompile(`\sid="([^"]+)"`)
	control = regexp.MustCompile(`<(?:input|select|textarea)\b[^>]*>`)
)
