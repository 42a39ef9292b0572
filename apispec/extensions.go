package apispec

import "github.com/openchime/chime"

// Extensions are this project's own operations, outside the Chime API: they
// stand in for the console actions of the real service that had no API
// (claiming a domain, connecting a directory or an OIDC provider, suspending
// an account), and serve test suites (state control, the request journal).
// They live under /_chime/ and are signed like every request.
var Extensions = append(consoleExtensions, stateExtensions...)

// consoleExtensions stand in for the console and operate a development
// server (its clock, its faults).
var consoleExtensions = []*Operation{
	{Name: "AdminCreateAccount", Method: "POST", Path: "/_chime/accounts", Status: 201, Implemented: true,
		Doc:         "Creates an account of any type, optionally with a chosen id (extension).",
		Description: "Creates an account of any type: Team, EnterpriseDirectory, EnterpriseLWA or EnterpriseOIDC. The real service made Enterprise accounts through its console (claiming a domain, connecting a directory or an OIDC provider); tests and operators use this instead. An id may be chosen, for accounts that must keep a known id.",
		Input: input("AdminCreateAccount",
			Member{Name: "Name", Shape: accountName, Required: true, Doc: "The name of the account."},
			Member{Name: "AccountType", Shape: accountType, Doc: "The account type; Team when absent."},
			Member{Name: "AccountId", Shape: bounded(&Shape{Name: "AccountIdChoice", Type: String, Pattern: `[^/?#%]*\S[^/?#%]*`}, 1, 64, true, true),
				Doc: "The account id to use instead of a fresh UUID."}),
		Output: output("AdminCreateAccount", Member{Name: "Account", Shape: account, Doc: "The account."})},
	{Name: "AdminUpdateAccount", Method: "POST", Path: "/_chime/accounts/{accountId}", Status: 200, Implemented: true,
		Doc:         "Changes an account's type or status, as the console did (extension).",
		Description: "Changes an account's type (from Team to an Enterprise type, never back) or its status. A Suspended account answers writes with ForbiddenException and still answers reads.",
		Input: input("AdminUpdateAccount", accountIDLabel,
			Member{Name: "AccountType", Shape: accountType, Doc: "The new account type; an Enterprise account cannot become Team again."},
			Member{Name: "AccountStatus", Shape: accountStatus, Doc: "Active, or Suspended to refuse writes."}),
		Output: output("AdminUpdateAccount", Member{Name: "Account", Shape: account, Doc: "The account."})},
	{Name: "AdminListUsers", Method: "GET", Path: "/_chime/accounts/{accountId}/users", Status: 200, Implemented: true,
		Doc:         "Lists the users of an account with the console's filters: e-mail prefix and registration status besides ListUsers' (extension).",
		Description: "Lists the users of an account as ListUsers does, with two more filters that the console's users page offers: the beginning of the e-mail address (the users then come in address order) and the registration status (Unregistered, Registered or Suspended). Filters combine. Personal meeting PINs are not shown.",
		Input: input("AdminListUsers", accountIDLabel,
			Member{Name: "UserEmail", Shape: emailAddress, Location: Query, LocationName: "user-email", Doc: "Only the user with this e-mail address."},
			Member{Name: "EmailPrefix", Shape: capped(&Shape{Name: "EmailPrefix", Type: String, Sensitive: true}, chime.MaxEmailPrefixLength), Location: Query, LocationName: "email-prefix",
				Doc: "Only users whose e-mail address begins with this, in address order."},
			Member{Name: "UserType", Shape: userType, Location: Query, LocationName: "user-type", Doc: "Only users of this type."},
			Member{Name: "UserRegistrationStatus", Shape: registrationStatus, Location: Query, LocationName: "status", Doc: "Only users in this registration status."},
			maxResultsQuery, nextTokenQuery),
		Output: output("AdminListUsers",
			Member{Name: "Users", Shape: listOf("UserList", user), Doc: "The users."},
			Member{Name: "NextToken", Shape: stringShape, Doc: "The token of the next page."}),
		Paginator: &Paginator{InputToken: "NextToken", OutputToken: "NextToken", LimitKey: "MaxResults", ResultKey: "Users"}},
	{Name: "AdminAdvanceClock", Control: true, Method: "POST", Path: "/_chime/clock", Status: 200, Implemented: true,
		Doc:         "Moves this server node's clock forward, so that orders complete and deleted numbers are released without waiting (extension).",
		Description: "Moves the clock of the server node that answers forward, never back, so that phone number orders complete, calling names settle and deleted numbers are released without waiting. Only a server started with --dev or --clock-control allows it.",
		Input: input("AdminAdvanceClock",
			Member{Name: "AdvanceMillis", Shape: bounded(&Shape{Name: "ClockAdvance", Type: Integer}, 0, 3153600000000, true, true), Required: true,
				Doc: "How far to move the clock, in milliseconds (604800000 is 7 days)."}),
		Output: output("AdminAdvanceClock", clockMembers...)},
	{Name: "AdminGetClock", Control: true, Method: "GET", Path: "/_chime/clock", Status: 200, Implemented: true,
		Doc:         "Shows this server node's clock and how far it runs ahead (extension).",
		Description: "Shows the time of the server node that answers and how far its clock runs ahead of the system's.",
		Input:       input("AdminGetClock"), Output: output("AdminGetClock", clockMembers...)},
	{Name: "AdminDeleteFaults", Control: true, Method: "DELETE", Path: "/_chime/faults", Status: 204, Implemented: true,
		Doc:         "Removes every injected fault of this server node (extension).",
		Description: "Removes the injected faults of the caller's AWS account on the server node that answers; the node's own --fault rules apply again.",
		Input:       input("AdminDeleteFaults"), Output: output("AdminDeleteFaults")},
	{Name: "AdminGetFaults", Control: true, Method: "GET", Path: "/_chime/faults", Status: 200, Implemented: true,
		Doc:         "Shows the faults this server node injects (extension).",
		Description: "Shows the injected faults of the caller's AWS account on the server node that answers.",
		Input:       input("AdminGetFaults"), Output: output("AdminGetFaults", faultMembers...)},
	{Name: "AdminPutFaults", Control: true, Method: "PUT", Path: "/_chime/faults", Status: 200, Implemented: true,
		Doc:         "Sets the faults this server node injects: failures or latency for a fraction of requests, drawn from a seed (extension).",
		Description: "Sets the faults the server node injects into the caller's AWS account's requests, in place of the node's --fault rules: for each rule, an operation (or * for all), a kind (unavailable, throttle, failure or latency) and the fraction of requests it hits. Draws come from the seed, so the same requests see the same faults every run. Only a server started with --dev or --fault-injection allows it.",
		Input:       input("AdminPutFaults", faultMembers...),
		Output:      output("AdminPutFaults", faultMembers...)},
}

var faultRule = structure("FaultRule",
	Member{Name: "Operation", Shape: nonEmptyString, Required: true, Doc: "The operation to fail, or * for every operation."},
	Member{Name: "Kind", Shape: enum("FaultKind", "unavailable", "throttle", "failure", "latency"), Required: true,
		Doc: "unavailable (503), throttle (429), failure (500), or latency (a delay)."},
	Member{Name: "Rate", Shape: bounded(&Shape{Name: "FaultRate", Type: Double}, 0, 1, true, true), Required: true,
		Doc: "The fraction of the operation's requests to affect, above 0 and at most 1."},
	Member{Name: "DelayMillis", Shape: bounded(&Shape{Name: "FaultDelay", Type: Integer}, 1, 300000, true, true),
		Doc: "For latency faults: the delay in milliseconds."},
)

var faultMembers = []Member{
	{Name: "Seed", Shape: &Shape{Name: "FaultSeed", Type: Integer}, Doc: "The seed of the random draws; the same seed repeats the same faults."},
	{Name: "Rules", Shape: bounded(listOf("FaultRules", faultRule), 0, 100, false, true), Doc: "The fault rules."},
}

var clockMembers = []Member{
	{Name: "Now", Shape: timestamp, Doc: "The server's time."},
	{Name: "OffsetMillis", Shape: &Shape{Name: "ClockOffset", Type: Integer}, Doc: "How far the server's clock runs ahead of the system's, in milliseconds."},
}

// The state-control and journal extensions serve test suites: a known
// start for each test, a saved state to come back to, and a record of what
// was called. They act on the caller's AWS account only (a reset of every
// account needs the development key), and are refused unless the server
// allows them (--dev, --state-control, --journal-size).
var stateExtensions = []*Operation{
	{Name: "AdminResetState", Control: true, Method: "POST", Path: "/_chime/reset", Status: 200, Implemented: true,
		Doc:         "Removes the data of the caller's AWS account and loads its start state again: the server's fixtures and, under --dev, the example account (extension).",
		Description: "Removes every account, user, phone number, room, bot and setting of the caller's AWS account, then loads its start state again: the server's fixtures (--fixtures) and, under --dev, the example account. A test suite calls it between tests. Scope All resets every AWS account and is allowed to the development key only; on a --deterministic server it also starts the ids and the clock again, so that each test sees the same values whatever ran before it. Only a server started with --dev or --state-control allows it.",
		Input: input("AdminResetState",
			Member{Name: "Scope", Shape: enum("ResetScope", "AwsAccount", "All"),
				Doc: "AwsAccount (the default) resets the caller's AWS account; All resets every AWS account, and is allowed to the development key only."}),
		Output: output("AdminResetState",
			Member{Name: "RemovedRows", Shape: &Shape{Name: "RowCount", Type: Integer}, Doc: "How many stored rows the reset removed."},
			Member{Name: "LoadedRows", Shape: &Shape{Name: "RowCount", Type: Integer}, Doc: "How many rows the start state loaded back."})},
	{Name: "AdminGetSnapshot", Control: true, Method: "GET", Path: "/_chime/snapshot", Status: 200, Implemented: true,
		Doc:         "Returns the data of the caller's AWS account as a snapshot in the export format, for AdminRestoreSnapshot (extension).",
		Description: "Returns the caller's AWS account's data as export records, JSON objects on one line separated by spaces (chime import reads them), as chime export writes them but without the installation's secrets and with rows numbered afresh on restore. Save it with --query Snapshot --output text and give it back to admin-restore-snapshot. Data larger than admin-restore-snapshot takes back (the server's --max-body-bytes) is refused with UnprocessableEntityException; chime export saves it whole. Only a server started with --dev or --state-control allows it.",
		Input:       input("AdminGetSnapshot"),
		Output: output("AdminGetSnapshot",
			Member{Name: "Snapshot", Shape: &Shape{Name: "SnapshotDocument", Type: String, Sensitive: true}, Doc: "The snapshot: export records, JSON objects separated by spaces."})},
	{Name: "AdminRestoreSnapshot", Control: true, Method: "PUT", Path: "/_chime/snapshot", Status: 200, Implemented: true,
		Doc:         "Replaces the data of the caller's AWS account with a snapshot taken by AdminGetSnapshot (extension).",
		Description: "Replaces the caller's AWS account's data with a snapshot's, in one transaction: when any record is refused, nothing changes. A snapshot holds one AWS account's rows and can be restored only into that AWS account. Its size is bounded by the server's --max-body-bytes. Only a server started with --dev or --state-control allows it.",
		Input: input("AdminRestoreSnapshot",
			Member{Name: "Snapshot", Shape: bounded(&Shape{Name: "SnapshotDocument", Type: String, Lines: true, Sensitive: true}, 1, 1<<26, true, true), Required: true,
				Doc: "The snapshot, as AdminGetSnapshot returned it (file://PATH on the command line)."}),
		Output: output("AdminRestoreSnapshot",
			Member{Name: "RemovedRows", Shape: &Shape{Name: "RowCount", Type: Integer}, Doc: "How many stored rows the restore replaced."},
			Member{Name: "LoadedRows", Shape: &Shape{Name: "RowCount", Type: Integer}, Doc: "How many rows the snapshot loaded."})},
	{Name: "AdminListRequests", Control: true, Method: "GET", Path: "/_chime/requests", Status: 200, Implemented: true,
		Doc:         "Lists the latest requests of the caller's AWS account that this server node received, oldest first, with their parameters masked (extension).",
		Description: "Lists the requests of the caller's AWS account that the answering server node recorded, oldest first: time, operation, HTTP status, error code, request id and the input, with e-mail addresses, names, phone numbers and tokens masked. Filters narrow the list by operation, status and time. The journal keeps the node's last --journal-size requests (1000 under --dev) and does not record its own calls. Each node has its own journal.",
		Input: input("AdminListRequests",
			Member{Name: "Operation", Shape: nonEmptyString, Location: Query, LocationName: "operation", Doc: "Only requests of this operation."},
			Member{Name: "Status", Shape: bounded(&Shape{Name: "HttpStatus", Type: Integer}, 100, 599, true, true), Location: Query, LocationName: "status",
				Doc: "Only requests answered with this HTTP status."},
			Member{Name: "Since", Shape: capped(&Shape{Name: "SinceTime", Type: String, Pattern: `.*\S.*`}, 64), Location: Query, LocationName: "since",
				Doc: "Only requests received at or after this time (ISO 8601, for example 2026-01-01T00:00:00Z)."}),
		Output: output("AdminListRequests",
			Member{Name: "Requests", Shape: listOf("JournalEntryList", journalEntry), Doc: "The requests, oldest first."})},
	{Name: "AdminDeleteRequests", Control: true, Method: "DELETE", Path: "/_chime/requests", Status: 204, Implemented: true,
		Doc:         "Forgets the recorded requests of the caller's AWS account on this server node (extension).",
		Description: "Forgets the recorded requests of the caller's AWS account on the answering server node, so that a test starts with an empty journal. Other AWS accounts' requests are kept.",
		Input:       input("AdminDeleteRequests"), Output: output("AdminDeleteRequests")},
}

var journalEntry = structure("JournalEntry",
	Member{Name: "Time", Shape: timestamp, Doc: "When the request was received, by the server's clock."},
	Member{Name: "Operation", Shape: stringShape, Doc: "The operation, or Unknown when no route matched."},
	Member{Name: "Status", Shape: &Shape{Name: "HttpStatus", Type: Integer}, Doc: "The HTTP status of the answer."},
	Member{Name: "ErrorCode", Shape: stringShape, Doc: "The error's exception name, for an error."},
	Member{Name: "RequestId", Shape: stringShape, Doc: "The request id the answer carried."},
	Member{Name: "AwsAccountId", Shape: stringShape, Doc: "The caller's AWS account."},
	Member{Name: "Parameters", Shape: stringShape,
		Doc: "The operation's input as a JSON object, with sensitive values (e-mail addresses, names, phone numbers, tokens) masked."},
)
