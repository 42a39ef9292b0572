package usercsv

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/client"
)

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		want       []Row
	}{
		{"Minimal", "Email\nA@example.com\n", []Row{{Line: 2, Email: "A@example.com"}}},
		{"EveryColumn", "Email,Username,UserType,LicenseType\na@example.com,Ann,PrivateUser,Basic\n",
			[]Row{{Line: 2, Email: "a@example.com", Username: "Ann", UserType: "PrivateUser", LicenseType: "Basic"}}},
		{"HeaderInAnyCaseAndOrder", "licensetype, USERTYPE ,email\nPro,SharedDevice,d@example.com\n",
			[]Row{{Line: 2, Email: "d@example.com", UserType: "SharedDevice", LicenseType: "Pro"}}},
		{"ByteOrderMarkAndCRLF", "\ufeffEmail,Username\r\na@example.com,Ann\r\nb@example.com,Bob\r\n",
			[]Row{{Line: 2, Email: "a@example.com", Username: "Ann"}, {Line: 3, Email: "b@example.com", Username: "Bob"}}},
		{"NoFinalLineBreak", "Email\r\na@example.com", []Row{{Line: 2, Email: "a@example.com"}}},
		{"BlankLinesAndEmptyRowsSkipped", "Email,Username\n\na@example.com,Ann\n,\n  ,  \nb@example.com\n",
			[]Row{{Line: 3, Email: "a@example.com", Username: "Ann"}, {Line: 6, Email: "b@example.com"}}},
		{"QuotedLineBreakKeepsLineNumbers", "Email,Username\n\"a@example.com\",\"Ann\nLee\"\nb@example.com,Bob\n",
			[]Row{{Line: 2, Email: "a@example.com", Username: "Ann\nLee"}, {Line: 4, Email: "b@example.com", Username: "Bob"}}},
		{"ValuesKeptAsTheyAre", "Email,Username\n a@example.com ,  \n",
			[]Row{{Line: 2, Email: " a@example.com ", Username: "  "}}},
		{"ExportColumnsIgnored", "Email,Username,UserType,LicenseType,UserId,UserRegistrationStatus\na@example.com,Ann,PrivateUser,Pro,u-1,Registered\n",
			[]Row{{Line: 2, Email: "a@example.com", Username: "Ann", UserType: "PrivateUser", LicenseType: "Pro"}}},
		{"HeaderOnly", "Email,Username\r\n", nil},
		{"FormulaEscapeRemoved", "Email,Username\na@example.com,'=SUM(1)\nb@example.com,''+1\nc@example.com,'plain\n",
			[]Row{{Line: 2, Email: "a@example.com", Username: "=SUM(1)"}, {Line: 3, Email: "b@example.com", Username: "'+1"},
				{Line: 4, Email: "c@example.com", Username: "'plain"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", tc.want) {
				t.Fatalf("got  %#v\nwant %#v", got, tc.want)
			}
		})
	}
}

func TestReadRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		line       int
		reason     string
	}{
		{"Empty", "", 1, "empty"},
		{"OnlyAByteOrderMark", "\ufeff", 1, "empty"},
		{"NoEmailColumn", "Username,UserType\nAnn,PrivateUser\n", 1, "no Email column"},
		{"UnknownColumn", "Email,Name\na@example.com,Ann\n", 1, `unknown column "Name"`},
		{"ColumnTwice", "Email,email\na@example.com,b@example.com\n", 1, "named twice"},
		{"MoreFieldsThanColumns", "Email,Username\na@example.com,Ann\nb@example.com,Bob,extra\n", 3, "3 fields"},
		{"BareQuote", "Email\na@exa\"mple.com\n", 2, "bare \""},
		{"UnterminatedQuote", "Email,Username\na@example.com,\"Ann\n", 2, "extraneous or missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.file))
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line != tc.line || !strings.Contains(fe.Reason, tc.reason) {
				t.Fatalf("got %v, want line %d: ...%s...", err, tc.line, tc.reason)
			}
		})
	}
	t.Run("TooManyRows", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("Email\n")
		for i := 0; i <= MaxRows; i++ {
			fmt.Fprintf(&b, "u%d@example.com\n", i)
		}
		_, err := Read(strings.NewReader(b.String()))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Line != MaxRows+2 {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("TooLarge", func(t *testing.T) {
		file := "Email,Username\na@example.com," + strings.Repeat("x", MaxFileBytes) + "\n"
		_, err := Read(strings.NewReader(file))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Line != 0 || !strings.Contains(fe.Reason, "larger") {
			t.Fatalf("got %v", err)
		}
	})
}

// fakeAPI answers as the API does for a few addresses.
type fakeAPI struct {
	users   []User
	created int
	fail    string // the e-mail whose CreateUser cannot be sent
	pages   int    // ListUsers pages served
}

func (f *fakeAPI) CreateUser(_ context.Context, r Row) (string, error) {
	switch {
	case r.Email == f.fail:
		return "", &client.ConnectError{URL: "http://127.0.0.1:1", Err: errors.New("connection refused")}
	case !strings.Contains(r.Email, "@"):
		return "", &Refusal{Reason: "BadRequestException: Email is not a valid e-mail address"}
	}
	for _, u := range f.users {
		if strings.EqualFold(u.Email, r.Email) {
			return "", &Refusal{Conflict: true, Reason: "ConflictException: A user with this e-mail address already exists"}
		}
	}
	f.created++
	u := User{UserID: fmt.Sprintf("u%d", f.created), Email: r.Email, DisplayName: r.Username, UserType: r.UserType, LicenseType: "Pro"}
	f.users = append(f.users, u)
	return u.UserID, nil
}

func (f *fakeAPI) UpdateUserLicense(_ context.Context, id, license string) error {
	if license != "Basic" && license != "Pro" {
		return &Refusal{Reason: fmt.Sprintf("BadRequestException: LicenseType %q is not supported by the account", license)}
	}
	for i := range f.users {
		if f.users[i].UserID == id {
			f.users[i].LicenseType = license
		}
	}
	return nil
}

func (f *fakeAPI) ListUsers(_ context.Context, token string) ([]User, string, error) {
	f.pages++
	start := 0
	if token != "" {
		fmt.Sscan(token, &start)
	}
	end := min(start+2, len(f.users))
	next := ""
	if end < len(f.users) {
		next = fmt.Sprint(end)
	}
	return f.users[start:end], next, nil
}

func TestImportSortsOutcomes(t *testing.T) {
	rows, err := Read(strings.NewReader("Email,Username,LicenseType\n" +
		"a@example.com,Ann,Basic\n" +
		"A@EXAMPLE.COM,Ann again,\n" +
		"not-an-address,,\n" +
		"b@example.com,Bob,Gold\n" +
		"c@example.com,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	api := &fakeAPI{}
	var seen []string
	rep, err := Import(context.Background(), api, rows, func(done, total int, last Result) {
		seen = append(seen, fmt.Sprintf("%d/%d %s", done, total, last.Outcome))
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line    int
		outcome Outcome
		reason  string
	}{
		{2, Created, ""},
		{3, Exists, "ConflictException"},
		{4, Invalid, "not a valid e-mail address"},
		{5, Invalid, `the user was created, but its LicenseType was refused: BadRequestException: LicenseType "Gold"`},
		{6, Created, ""},
	}
	if len(rep.Results) != len(want) {
		t.Fatalf("%d results", len(rep.Results))
	}
	for i, w := range want {
		r := rep.Results[i]
		if r.Row.Line != w.line || r.Outcome != w.outcome || !strings.Contains(r.Reason, w.reason) || (w.reason == "" && r.Reason != "") {
			t.Errorf("result %d: %+v, want %+v", i, r, w)
		}
	}
	if rep.Results[3].UserID == "" || api.users[0].LicenseType != "Basic" {
		t.Errorf("the user of a refused licence has no id, or the licence was not set: %+v", api.users)
	}
	if rep.OK() || rep.Summary() != "5 rows: 2 created, 1 already exist, 2 invalid" {
		t.Errorf("OK %v, summary %q", rep.OK(), rep.Summary())
	}
	if strings.Join(seen, ",") != "1/5 created,2/5 already exists,3/5 invalid,4/5 invalid,5/5 created" {
		t.Errorf("progress %v", seen)
	}

	// Run again: every address is taken now, which is no failure.
	rows = []Row{rows[0], rows[4]}
	rep, err = Import(context.Background(), api, rows, nil)
	if err != nil || !rep.OK() || rep.Counts[Exists] != 2 {
		t.Fatalf("second run: %v %+v", err, rep)
	}
}

func TestImportStopsOnFailure(t *testing.T) {
	api := &fakeAPI{fail: "down@example.com"}
	rows := []Row{{Line: 2, Email: "a@example.com"}, {Line: 3, Email: "down@example.com"}, {Line: 4, Email: "b@example.com"}}
	rep, err := Import(context.Background(), api, rows, nil)
	var ce *client.ConnectError
	if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), "line 3: ") || len(rep.Results) != 1 || api.created != 1 {
		t.Fatalf("err %v, report %+v", err, rep)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if rep, err := Import(ctx, api, rows, nil); !errors.Is(err, context.Canceled) || len(rep.Results) != 0 {
		t.Fatalf("cancelled: %v %+v", err, rep)
	}
}

func TestRefusal(t *testing.T) {
	for _, tc := range []struct {
		err      error
		refused  bool
		conflict bool
	}{
		{&client.Error{Status: 400, Code: "BadRequestException", Message: "Email is not a valid e-mail address"}, true, false},
		{&client.Error{Status: 409, Code: "ConflictException", Message: "taken"}, true, true},
		{&client.Error{Status: 404, Code: "NotFoundException", Message: "no account"}, true, false},
		{&client.Error{Status: 429, Code: "ThrottledClientException", Message: "slow down"}, false, false},
		{&client.Error{Status: 503, Code: "ServiceUnavailableException", Message: "busy"}, false, false},
		{&client.ConnectError{URL: "http://127.0.0.1:1", Err: errors.New("refused")}, false, false},
	} {
		var r *Refusal
		got := refusal(tc.err)
		if errors.As(got, &r) != tc.refused || (r != nil && r.Conflict != tc.conflict) {
			t.Errorf("%v: got %#v", tc.err, got)
		}
	}
	if refusal(nil) != nil {
		t.Error("no error became one")
	}
}

// An export reads back as the rows it was written from, formula-like
// values included, whatever the page size.
func TestExportReadsBack(t *testing.T) {
	api := &fakeAPI{users: []User{
		{UserID: "u1", Email: "a@example.com", DisplayName: "Ann", UserType: "PrivateUser", LicenseType: "Pro", Registration: "Registered"},
		{UserID: "u2", Email: "b@example.com", DisplayName: "=HYPERLINK(\"x\")", UserType: "PrivateUser", LicenseType: "Basic", Registration: "Suspended"},
		{UserID: "u3", Email: "c@example.com", DisplayName: "Room, \"Device\"\n2", UserType: "SharedDevice", LicenseType: "Pro", Registration: "Registered"},
		{UserID: "u4", Email: "d@example.com", DisplayName: "'-1", UserType: "PrivateUser", LicenseType: "Pro", Registration: "Unregistered"},
		{UserID: "u5", Email: "e@example.com", DisplayName: "", UserType: "PrivateUser", LicenseType: "Pro", Registration: "Registered"},
	}}
	var b bytes.Buffer
	var progress []int
	n, err := Export(context.Background(), api, &b, func(n int) { progress = append(progress, n) })
	if err != nil || n != 5 || fmt.Sprint(progress) != "[2 4 5]" {
		t.Fatalf("%d users, %v, progress %v", n, err, progress)
	}
	out := b.String()
	if !strings.HasPrefix(out, "Email,Username,UserType,LicenseType,UserId,UserRegistrationStatus\r\n") ||
		!strings.Contains(out, `,"'=HYPERLINK(""x"")",`) || !strings.Contains(out, `,''-1,`) {
		t.Fatalf("export:\n%s", out)
	}
	rows, err := Read(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range api.users {
		want := Row{Line: rows[i].Line, Email: u.Email, Username: u.DisplayName, UserType: u.UserType, LicenseType: u.LicenseType}
		if rows[i] != want {
			t.Errorf("row %d: %#v, want %#v", i, rows[i], want)
		}
	}
	b.Reset()
	if n, err := Export(context.Background(), &fakeAPI{}, &b, nil); n != 0 || err != nil ||
		b.String() != "Email,Username,UserType,LicenseType,UserId,UserRegistrationStatus\r\n" {
		t.Fatalf("empty export %q %v", b.String(), err)
	}
}

// The columns are named as the API's members, and the members the
// operations are sent and read with are apispec's: a rename in the model
// fails here rather than in a file.
func TestColumnsAreAPIMembers(t *testing.T) {
	input := func(op, member string) bool {
		o := apispec.Lookup(op)
		return o != nil && o.Input != nil && o.Input.MemberNamed(member) != nil
	}
	for _, col := range importColumns {
		if !input("CreateUser", col) && !input("UpdateUser", col) {
			t.Errorf("column %s is a member of neither CreateUser's nor UpdateUser's input", col)
		}
	}
	for _, m := range []string{"AccountId", "Email", "Username", "UserType"} {
		if !input("CreateUser", m) {
			t.Errorf("CreateUser has no input member %s", m)
		}
	}
	for _, m := range []string{"AccountId", "UserId", "LicenseType"} {
		if !input("UpdateUser", m) {
			t.Errorf("UpdateUser has no input member %s", m)
		}
	}
	for _, m := range []string{"AccountId", "MaxResults", "NextToken"} {
		if !input("ListUsers", m) {
			t.Errorf("ListUsers has no input member %s", m)
		}
	}
	list := apispec.Lookup("ListUsers").Output.MemberNamed("Users")
	if list == nil || list.Shape.Member == nil {
		t.Fatal("ListUsers has no Users list")
	}
	// What an export writes: the user's members, ColumnUserID and
	// ColumnRegistration by their own names.
	for _, m := range []string{ColumnUserID, "PrimaryEmail", "DisplayName", ColumnUserType, ColumnLicenseType, ColumnRegistration} {
		if list.Shape.Member.MemberNamed(m) == nil {
			t.Errorf("ListUsers' users have no member %s", m)
		}
	}
	if apispec.Lookup("ListUsers").Output.MemberNamed("NextToken") == nil {
		t.Error("ListUsers' output has no NextToken")
	}
	if u := apispec.Lookup("CreateUser").Output.MemberNamed("User"); u == nil || u.Shape.MemberNamed("UserId") == nil {
		t.Error("CreateUser's output has no User.UserId")
	}
}
