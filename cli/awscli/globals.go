package cli

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"github.com/aws/smithy-go/logging"
	"github.com/openchime/chime/server"
	"github.com/openchime/chime/sigv4"
)

// globals are the AWS CLI's global options.
type globals struct {
	debug           bool
	endpointURL     string
	region          string
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
	help            bool
	version         bool
}

// globalFlag is one global option: takes says whether it has a value.
type globalFlag struct {
	name  string
	takes bool
	set   func(g *globals, v string) error
	doc   string
}

func setTimeout(d *time.Duration, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return fmt.Errorf("expected a number of seconds, received %q", v)
	}
	*d = time.Duration(n) * time.Second
	return nil
}

func oneOfValues(v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("invalid choice: %q (choose from %s)", v, "'"+strings.Join(allowed, "', '")+"'")
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
	{"--region", true, func(g *globals, v string) error { g.region = v; return nil }, "The signing region (else the shared config, else us-east-1)."},
	{"--version", false, func(g *globals, _ string) error { g.version = true; return nil }, "Print the version."},
	{"--color", true, func(g *globals, v string) error { g.color = v; return oneOfValues(v, "on", "off", "auto") }, "on, off or auto: colour in table output."},
	{"--no-sign-request", false, func(g *globals, _ string) error { g.noSignRequest = true; return nil }, "Send requests unsigned."},
	{"--ca-bundle", true, func(g *globals, v string) error { g.caBundle = v; return nil }, "A PEM file of certificate authorities to trust."},
	{"--cli-read-timeout", true, func(g *globals, v string) error { return setTimeout(&g.readTimeout, v) }, "Seconds to wait for a response; 0 waits forever. Default 60."},
	{"--cli-connect-timeout", true, func(g *globals, v string) error { return setTimeout(&g.connectTimeout, v) }, "Seconds to wait for a connection; 0 waits forever. Default 60."},
	{"--cli-binary-format", true, func(g *globals, v string) error {
		g.cliBinaryFormat = v
		return oneOfValues(v, "base64", "raw-in-base64-out")
	}, "base64 or raw-in-base64-out (no Chime member is binary)."},
	{"--no-cli-pager", false, func(g *globals, _ string) error { g.noCLIPager = true; return nil }, "Do not send output to a pager."},
	{"--cli-auto-prompt", false, func(g *globals, _ string) error { g.autoPrompt = true; return nil }, "Prompt for the command's parameters before running it."},
	{"--no-cli-auto-prompt", false, func(g *globals, _ string) error { g.noAutoPrompt = true; return nil }, "Never prompt, whatever AWS_CLI_AUTO_PROMPT says."},
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

func defaultGlobals() *globals {
	return &globals{color: "auto", readTimeout: 60 * time.Second, connectTimeout: 60 * time.Second}
}

// outputFormat resolves --output, then AWS_DEFAULT_OUTPUT, then json.
func (g *globals) outputFormat() (string, error) {
	if g.output != "" {
		return g.output, nil
	}
	if v := os.Getenv("AWS_DEFAULT_OUTPUT"); v != "" {
		if err := oneOfValues(v, "json", "text", "table", "yaml", "yaml-stream", "off"); err != nil {
			return "", fmt.Errorf("AWS_DEFAULT_OUTPUT: %v", err)
		}
		return v, nil
	}
	return "json", nil
}

// connection is how the command line reaches a server.
type connection struct {
	endpoint string
	region   string
	creds    aws.CredentialsProvider // nil: unsigned
	http     *http.Client
}

// configError is a problem of the local configuration (exit code 253).
type configError struct{ msg string }

func (e *configError) Error() string { return e.msg }

// resolveEndpoint applies the AWS CLI's order: --endpoint-url, then
// AWS_ENDPOINT_URL_CHIME, then AWS_ENDPOINT_URL, then the shared config,
// then the local server's default address.
func resolveEndpoint(flagValue, fromConfig string) (string, error) {
	endpoint := flagValue
	candidates := []string{fromConfig, "http://" + server.DefaultListen}
	if !strings.EqualFold(os.Getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true") {
		candidates = append([]string{os.Getenv("AWS_ENDPOINT_URL_CHIME"), os.Getenv("AWS_ENDPOINT_URL")}, candidates...)
	}
	for _, v := range candidates {
		if endpoint == "" {
			endpoint = v
		}
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", fmt.Errorf("Bad value for --endpoint-url %q: scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/", endpoint)
	}
	return endpoint, nil
}

// quickSettings resolves region and credentials without the SDK's loader
// when nothing but the environment can contribute to them: no profile is
// named, no shared config file exists, and the credentials come from the
// environment or there is no shared credentials file either. The loader
// would find the same answer, only slower (it costs about as much as the
// whole request to a local server). ok is false when the loader is needed.
func quickSettings(g *globals) (region string, creds aws.CredentialsProvider, ok bool) {
	if g.profile != "" || os.Getenv("AWS_PROFILE") != "" || os.Getenv("AWS_WEB_IDENTITY_TOKEN_FILE") != "" ||
		os.Getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != "" || os.Getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") != "" {
		return "", nil, false
	}
	home, _ := os.UserHomeDir()
	exists := func(env, def string) bool {
		path := os.Getenv(env)
		if path == "" {
			path = filepath.Join(home, ".aws", def)
		}
		_, err := os.Stat(path)
		return err == nil
	}
	if exists("AWS_CONFIG_FILE", "config") {
		return "", nil, false
	}
	id, secret := os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
	switch {
	case id != "" && secret != "":
		creds = credentials.NewStaticCredentialsProvider(id, secret, os.Getenv("AWS_SESSION_TOKEN"))
	case exists("AWS_SHARED_CREDENTIALS_FILE", "credentials"):
		return "", nil, false
	}
	region = g.region
	for _, env := range []string{"AWS_REGION", "AWS_DEFAULT_REGION"} {
		if region == "" {
			region = os.Getenv(env)
		}
	}
	return region, creds, true
}

func connect(ctx context.Context, g *globals) (*connection, error) {
	if region, creds, ok := quickSettings(g); ok {
		return finishConnect(ctx, g, region, "", creds)
	}
	// The instance metadata service is an EC2 credential source; a chime
	// server is not reached through EC2, and the lookup would only add a
	// slow request to an address outside the user's configuration.
	opts := []func(*config.LoadOptions) error{
		config.WithEC2IMDSClientEnableState(imds.ClientDisabled),
		config.WithLogger(logging.Nop{}),
	}
	if g.profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(g.profile))
	}
	if g.region != "" {
		opts = append(opts, config.WithRegion(g.region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		var missing config.SharedConfigProfileNotExistError
		if errors.As(err, &missing) {
			return nil, &configError{fmt.Sprintf("The config profile (%s) could not be found", missing.Profile)}
		}
		return nil, &configError{err.Error()}
	}
	base := ""
	if cfg.BaseEndpoint != nil && !strings.EqualFold(os.Getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true") {
		base = *cfg.BaseEndpoint
	}
	return finishConnect(ctx, g, cfg.Region, base, cfg.Credentials)
}

// finishConnect settles the endpoint, the HTTP client and the credentials.
func finishConnect(ctx context.Context, g *globals, region, configEndpoint string, creds aws.CredentialsProvider) (*connection, error) {
	endpoint, err := resolveEndpoint(g.endpointURL, configEndpoint)
	if err != nil {
		return nil, err
	}
	conn := &connection{endpoint: endpoint, region: region}
	if conn.region == "" {
		conn.region = "us-east-1"
	}
	if conn.http, err = httpClient(g, endpoint); err != nil {
		return nil, &configError{err.Error()}
	}
	if g.noSignRequest {
		return conn, nil
	}
	conn.creds = creds
	if conn.creds == nil {
		conn.creds = aws.AnonymousCredentials{}
	}
	if c, err := conn.creds.Retrieve(ctx); err != nil || c.AccessKeyID == "" {
		if !loopbackEndpoint(endpoint) {
			return nil, &configError{"Unable to locate credentials. You can configure credentials by running \"aws configure\"."}
		}
		// A local server in development mode accepts the development pair.
		conn.creds = credentials.NewStaticCredentialsProvider(sigv4.DevAccessKeyID, sigv4.DevSecretAccessKey, "")
	}
	return conn, nil
}

func loopbackEndpoint(endpoint string) bool {
	u, err := url.Parse(endpoint)
	return err == nil && server.IsLoopbackHost(u.Hostname())
}
