package awscli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/openchime/chime/server"
)

// globals are the AWS CLI's global options.
type globals struct {
	debug           bool
	endpointURL     string
	region          string
	regionGiven     bool
	profile         string
	output          string
	query           string
	color           string
	caBundle        string
	noVerifySSL     bool
	noSignRequest   bool
	noPaginate      bool
	noCLIPager      bool
	autoPrompt      bool
	noAutoPrompt    bool
	readTimeout     time.Duration
	connectTimeout  time.Duration
	cliBinaryFormat string
	errorFormat     string
	help            bool
	version         bool
	// conf is the profile's settings in the shared config file.
	conf profileConfig
}

// globalFlag is one global option: takes says whether it has a value.
type globalFlag struct {
	name  string
	takes bool
	set   func(g *globals, v string) error
	doc   string
}

// setTimeout reads a number of seconds as the AWS CLI does: Python's
// int(), a value below zero refused when the request is made (exit code
// 255 either way); 0 waits forever.
func setTimeout(d *time.Duration, v, which string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return &configError{msg: fmt.Sprintf("invalid literal for int() with base 10: '%s'", v), exit: ExitGeneralError}
	}
	if n < 0 {
		return &configError{msg: fmt.Sprintf("Attempted to set %s timeout to %d, but the timeout cannot be set to a value less than or equal to 0.", which, n), exit: ExitGeneralError}
	}
	*d = time.Duration(n) * time.Second
	return nil
}

// oneOfValues refuses a value that is not among the allowed, in the AWS
// CLI's words.
func oneOfValues(v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return errors.New(invalidChoice(v, allowed))
}

// invalidChoice is the AWS CLI's message for a value outside its choices:
// the value, then the choices close to it (difflib's get_close_matches:
// the three most similar with a ratio of 0.8 or more). It ends with a
// line feed when nothing is suggested, as the AWS CLI's does.
func invalidChoice(v string, choices []string) string {
	msg := fmt.Sprintf("Found invalid choice '%s'\n", v)
	if near := closeMatches(v, choices); len(near) > 0 {
		msg += "\nMaybe you meant:\n\n  * " + strings.Join(near, "\n  * ")
	}
	return msg
}

var globalFlags = []globalFlag{
	{"--debug", false, func(g *globals, _ string) error { g.debug = true; return nil }, "Print each request and response to standard error, with signatures and tokens masked."},
	{"--endpoint-url", true, func(g *globals, v string) error { g.endpointURL = v; return nil }, "The server's URL (else AWS_ENDPOINT_URL_CHIME, AWS_ENDPOINT_URL, the shared config, or http://" + server.DefaultListen + ")."},
	{"--no-verify-ssl", false, func(g *globals, _ string) error { g.noVerifySSL = true; return nil }, "Do not verify TLS certificates."},
	{"--no-paginate", false, func(g *globals, _ string) error { g.noPaginate = true; return nil }, "Make one call only, for the first page of results."},
	{"--output", true, func(g *globals, v string) error {
		g.output = v
		return oneOfValues(v, "json", "text", "table", "yaml", "yaml-stream", "off")
	}, "json, text, table, yaml, yaml-stream or off (else AWS_DEFAULT_OUTPUT, else json)."},
	{"--query", true, func(g *globals, v string) error { g.query = v; return nil }, "A JMESPath expression applied to the response."},
	{"--profile", true, func(g *globals, v string) error { g.profile = v; return nil }, "The shared-config profile to use."},
	{"--region", true, func(g *globals, v string) error { g.region, g.regionGiven = v, true; return nil }, "The signing region (else the shared config, else us-east-1)."},
	{"--version", false, func(g *globals, _ string) error { g.version = true; return nil }, "Print the version."},
	{"--color", true, func(g *globals, v string) error { g.color = v; return oneOfValues(v, "on", "off", "auto") }, "on, off or auto: colour in table output."},
	{"--no-sign-request", false, func(g *globals, _ string) error { g.noSignRequest = true; return nil }, "Send requests unsigned."},
	{"--ca-bundle", true, func(g *globals, v string) error { g.caBundle = v; return nil }, "A PEM file of certificate authorities to trust."},
	{"--cli-read-timeout", true, func(g *globals, v string) error { return setTimeout(&g.readTimeout, v, "read") }, "Seconds to wait for a response; 0 waits forever. Default 60."},
	{"--cli-connect-timeout", true, func(g *globals, v string) error { return setTimeout(&g.connectTimeout, v, "connect") }, "Seconds to wait for a connection; 0 waits forever. Default 60."},
	{"--cli-binary-format", true, func(g *globals, v string) error {
		g.cliBinaryFormat = v
		return oneOfValues(v, "base64", "raw-in-base64-out")
	}, "base64 or raw-in-base64-out (no Chime member is binary)."},
	{"--no-cli-pager", false, func(g *globals, _ string) error { g.noCLIPager = true; return nil }, "Do not send output to a pager."},
	{"--cli-auto-prompt", false, func(g *globals, _ string) error { g.autoPrompt = true; return nil }, "Prompt for the command's parameters before running it."},
	{"--no-cli-auto-prompt", false, func(g *globals, _ string) error { g.noAutoPrompt = true; return nil }, "Never prompt, whatever AWS_CLI_AUTO_PROMPT says."},
	{"--cli-error-format", true, func(g *globals, v string) error {
		g.errorFormat = v
		return oneOfValues(v, errorFormats...)
	}, "How errors are written: enhanced (the default), legacy, json, yaml, text or table (else AWS_CLI_ERROR_FORMAT, else the profile's cli_error_format)."},
	{"--help", false, func(g *globals, _ string) error { g.help = true; return nil }, "Print help."},
}

func lookupGlobal(name string) *globalFlag {
	for i := range globalFlags {
		if globalFlags[i].name == name {
			return &globalFlags[i]
		}
	}
	return nil
}

// resolveGlobal finds the global option a token names, as the AWS CLI's
// first parser does: its exact name, or a prefix of one (argparse's
// allow_abbrev); arg is the whole token, for the message that refuses a
// prefix of several. --help is only ever taken whole: it is not an option
// of the AWS CLI's parser.
func resolveGlobal(name, arg string) (*globalFlag, error) {
	if gf := lookupGlobal(name); gf != nil {
		return gf, nil
	}
	var names []string
	for _, gf := range globalFlags {
		if gf.name != "--help" {
			names = append(names, gf.name)
		}
	}
	full, err := resolvePrefix(name, arg, names)
	if full == "" {
		return nil, err
	}
	return lookupGlobal(full), nil
}

// resolvePrefix is argparse's abbreviation rule: the one option that
// name begins, "" when none does, an error naming them all (in the
// parser's order) when several do.
func resolvePrefix(name, arg string, options []string) (string, error) {
	if !strings.HasPrefix(name, "--") || len(name) < 3 {
		return "", nil
	}
	var matches []string
	for _, o := range options {
		if strings.HasPrefix(o, name) {
			matches = append(matches, o)
		}
	}
	switch len(matches) {
	case 0:
		return "", nil
	case 1:
		return matches[0], nil
	}
	return "", paramErrorf("ambiguous option: %s could match %s", arg, strings.Join(matches, ", "))
}

func defaultGlobals() *globals {
	return &globals{color: "auto", readTimeout: 60 * time.Second, connectTimeout: 60 * time.Second}
}

// outputFormat resolves --output, then AWS_DEFAULT_OUTPUT, then the
// profile's output, then json. A wrong value from the environment or the
// profile is refused as the AWS CLI refuses it, with exit code 255.
func (g *globals) outputFormat(e *Env) (string, error) {
	if g.output != "" {
		return g.output, nil
	}
	v := e.getenv("AWS_DEFAULT_OUTPUT")
	if v == "" {
		if g.conf.err != nil {
			return "", g.conf.err
		}
		v = g.conf.setting("output")
	}
	if v == "" {
		return "json", nil
	}
	if oneOfValues(v, "json", "text", "table", "yaml", "yaml-stream", "off") != nil {
		return "", &configError{msg: "Unknown output type: " + v, exit: ExitGeneralError}
	}
	return v, nil
}
