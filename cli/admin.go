package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
)

// The admin commands call the extension under /_chime/: what the real
// service did in its console (claiming a domain, connecting a directory,
// suspending an account), which the AWS API never offered.
func runAdmin(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: chime admin create-account|update-account [options]")
		return exitParamError
	}
	fs := newFlagSet("chime admin "+args[0], stderr)
	var cf connectionFlags
	fs.StringVar(&cf.endpointURL, "endpoint-url", "", "the server's URL (default: AWS_ENDPOINT_URL_CHIME, AWS_ENDPOINT_URL, shared config, or the local default)")
	fs.StringVar(&cf.region, "region", "", "the signing region (default from the shared config, else us-east-1)")
	fs.StringVar(&cf.profile, "profile", "", "the shared-config profile to use")
	var opName, method, path string
	body := map[string]string{}
	var accountID, name, accountType, status string
	switch args[0] {
	case "create-account":
		fs.StringVar(&name, "name", "", "the account name (required)")
		fs.StringVar(&accountType, "account-type", "", "Team, EnterpriseDirectory, EnterpriseLWA or EnterpriseOIDC (default Team)")
		fs.StringVar(&accountID, "account-id", "", "the account id to use instead of a fresh UUID")
		opName, method = "AdminCreateAccount", "POST"
	case "update-account":
		fs.StringVar(&accountID, "account-id", "", "the account to change (required)")
		fs.StringVar(&accountType, "account-type", "", "EnterpriseDirectory, EnterpriseLWA or EnterpriseOIDC")
		fs.StringVar(&status, "account-status", "", "Active or Suspended")
		opName, method = "AdminUpdateAccount", "POST"
	default:
		fmt.Fprintf(stderr, "chime: [ERROR]: unknown admin command %q\n", args[0])
		return exitParamError
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitParamError
	}
	switch opName {
	case "AdminCreateAccount":
		if name == "" {
			fmt.Fprintln(stderr, "chime: [ERROR]: the following arguments are required: --name")
			return exitParamError
		}
		path = "/_chime/accounts"
		body["Name"] = name
		setIf(body, "AccountId", accountID)
	case "AdminUpdateAccount":
		if accountID == "" {
			fmt.Fprintln(stderr, "chime: [ERROR]: the following arguments are required: --account-id")
			return exitParamError
		}
		path = "/_chime/accounts/" + url.PathEscape(accountID)
		setIf(body, "AccountStatus", status)
	}
	setIf(body, "AccountType", accountType)
	conn, err := connect(ctx, cf)
	if err != nil {
		fmt.Fprintf(stderr, "chime: [ERROR]: %v\n", err)
		return exitConfigError
	}
	out, svcErr, err := conn.do(ctx, method, path, body)
	if err != nil {
		fmt.Fprintf(stderr, "chime: [ERROR]: %v\n", err)
		return exitGeneralError
	}
	if svcErr != nil {
		fmt.Fprintf(stderr, "\nchime: [ERROR]: An error occurred (%s) when calling the %s operation: %s\n", svcErr.Exception, opName, svcErr.Message)
		return exitServiceError
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, out, "", "    "); err != nil {
		stdout.Write(out)
		return exitOK
	}
	pretty.WriteByte('\n')
	stdout.Write(pretty.Bytes())
	return exitOK
}

func setIf(m map[string]string, k, v string) {
	if v != "" {
		m[k] = v
	}
}
