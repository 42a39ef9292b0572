package apispec

// Extensions are this project's own operations, outside the Chime API: they
// stand in for the console actions of the real service that had no API
// (claiming a domain, connecting a directory or an OIDC provider, suspending
// an account). They live under /_chime/ and are signed like every request.
var Extensions = []*Operation{
	{Name: "AdminCreateAccount", Method: "POST", Path: "/_chime/accounts", Status: 201, Implemented: true,
		Doc: "Creates an account of any type, optionally with a chosen id (extension).",
		Input: input("AdminCreateAccount",
			Member{Name: "Name", Shape: accountName, Required: true, Doc: "The name of the account."},
			Member{Name: "AccountType", Shape: accountType, Doc: "The account type; Team when absent."},
			Member{Name: "AccountId", Shape: bounded(&Shape{Name: "AccountIdChoice", Type: String, Pattern: `[^/?#%]*\S[^/?#%]*`}, 1, 64, true, true),
				Doc: "The account id to use instead of a fresh UUID."}),
		Output: output("AdminCreateAccount", Member{Name: "Account", Shape: account, Doc: "The account."})},
	{Name: "AdminUpdateAccount", Method: "POST", Path: "/_chime/accounts/{accountId}", Status: 200, Implemented: true,
		Doc: "Changes an account's type or status, as the console did (extension).",
		Input: input("AdminUpdateAccount", accountIDLabel,
			Member{Name: "AccountType", Shape: accountType, Doc: "The new account type; an Enterprise account cannot become Team again."},
			Member{Name: "AccountStatus", Shape: accountStatus, Doc: "Active, or Suspended to refuse writes."}),
		Output: output("AdminUpdateAccount", Member{Name: "Account", Shape: account, Doc: "The account."})},
}
