package awscli

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"github.com/aws/smithy-go/logging"
	"github.com/openchime/chime/client"
	"github.com/openchime/chime/server"
	"github.com/openchime/chime/sigv4"
)

// maxAttempts follows AWS CLI v2's standard retry mode.
const maxAttempts = 3

// validRegion is botocore's check of a region name: at most 63 letters,
// digits and hyphens, not all digits, no hyphen first or last. An empty
// name passes, and is what requests are then signed for.
func validRegion(r string) bool {
	return regionChars.MatchString(r) && !allDigits.MatchString(r) && !strings.HasPrefix(r, "-") && !strings.HasSuffix(r, "-")
}

var (
	regionChars = regexp.MustCompile(`^[a-zA-Z0-9-]{0,63}$`)
	allDigits   = regexp.MustCompile(`^[0-9]+$`)
)

// configError is a problem of the local configuration: exit code 253
// unless exit says otherwise (an unknown profile is 255 in the AWS CLI).
type configError struct {
	msg  string
	exit int
	// kind names a configuration error (exit code 253) in the enhanced
	// and structured error formats: "Configuration" unless it says
	// otherwise.
	kind string
}

func (e *configError) Error() string { return e.msg }

// report writes the error: a configuration error (253) in the error
// format, with its kind; the others (255) as their message alone, as the
// AWS CLI writes its general errors in every format.
func (e *configError) report(w io.Writer) int {
	if e.code() != ExitConfigError {
		PrintError(w, e.msg)
		return e.code()
	}
	kind := e.kind
	if kind == "" {
		kind = "Configuration"
	}
	reportError(w, "An error occurred ("+kind+"): "+e.msg, "Code", kind, "Message", e.msg)
	return e.code()
}

// code is the exit code the error ends the program with.
func (e *configError) code() int {
	if e.exit != 0 {
		return e.exit
	}
	return ExitConfigError
}

// connect settles where and how requests go: the endpoint, the region,
// the credentials and the HTTP client of the global options.
func (p *Program) connect(ctx context.Context, g *globals) (*client.Client, error) {
	attempts, err := p.retryAttempts(g.conf)
	if err != nil {
		return nil, err
	}
	s, err := p.settings(ctx, g)
	if err != nil {
		return nil, err
	}
	endpoint, err := p.resolveEndpoint(g.endpointURL, s.endpoint)
	if err != nil {
		return nil, err
	}
	hc, err := p.httpClient(g, endpoint)
	if err != nil {
		return nil, &configError{msg: err.Error()}
	}
	c := &client.Client{Endpoint: endpoint, HTTP: hc, UserAgent: "chime-cli/" + p.Version, MaxAttempts: attempts}
	if g.debug {
		c.Debug = visibleWriter{p.Stderr} // bodies and headers are the server's
	}
	if g.noSignRequest {
		return c, nil
	}
	creds := s.creds
	if creds == nil {
		creds = aws.AnonymousCredentials{}
	}
	if v, err := creds.Retrieve(ctx); err != nil || v.AccessKeyID == "" {
		if !loopbackEndpoint(endpoint) {
			return nil, &configError{msg: "Unable to locate credentials. You can configure credentials by running \"aws login\".", kind: "NoCredentials"}
		}
		// A local server in development mode accepts the development pair.
		creds = credentials.NewStaticCredentialsProvider(sigv4.DevAccessKeyID, sigv4.DevSecretAccessKey, "")
	}
	region := s.region
	if region == "" && !s.regionGiven {
		region = client.DefaultRegion
	}
	if !validRegion(region) {
		return nil, &configError{msg: fmt.Sprintf("Provided region_name '%s' doesn't match a supported format.", region), exit: ExitGeneralError}
	}
	c.Signer = client.NewSigner(creds, region)
	c.Signer.Now = p.now
	return c, nil
}

// resolveEndpoint applies the AWS CLI's order: --endpoint-url, then
// AWS_ENDPOINT_URL_CHIME, then AWS_ENDPOINT_URL, then the shared config,
// then the local server's default address.
func (p *Program) resolveEndpoint(flagValue, fromConfig string) (string, error) {
	endpoint := flagValue
	candidates := []string{fromConfig, "http://" + server.DefaultListen}
	if !strings.EqualFold(p.getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true") {
		candidates = append([]string{p.getenv("AWS_ENDPOINT_URL_CHIME"), p.getenv("AWS_ENDPOINT_URL")}, candidates...)
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

func loopbackEndpoint(endpoint string) bool {
	u, err := url.Parse(endpoint)
	return err == nil && server.IsLoopbackHost(u.Hostname())
}

// settings are what the environment and the shared config files say.
type settings struct {
	region string
	// regionGiven: --region was given, perhaps empty, which the AWS CLI
	// takes as it is.
	regionGiven bool
	endpoint    string                  // the profile's endpoint_url
	creds       aws.CredentialsProvider // nil: none found
}

// settings resolves the region, the profile's endpoint and the
// credentials as AWS CLI v2 and aws-sdk-go-v2 do, from the Env alone:
// the environment, then the profile (--profile, AWS_PROFILE or default)
// of the shared config and credentials files. Credentials that take more
// than reading (a role to assume, SSO, a credential process, web
// identity, a container endpoint) come from aws-sdk-go-v2's own chain.
// The EC2 instance metadata service is never asked: a chime server is not
// reached through EC2, and the lookup would only add a slow request.
func (p *Program) settings(ctx context.Context, g *globals) (settings, error) {
	var s settings
	profile := g.profile
	if profile == "" {
		profile = p.getenv("AWS_PROFILE")
	}
	named := profile != ""
	if !named {
		profile = "default"
	}
	configFile, credsFile := p.awsFile("AWS_CONFIG_FILE", "config"), p.awsFile("AWS_SHARED_CREDENTIALS_FILE", "credentials")
	var sc config.SharedConfig
	if named || fileExists(configFile) || fileExists(credsFile) {
		loaded, err := config.LoadSharedConfigProfile(ctx, profile, func(o *config.LoadSharedConfigOptions) {
			o.ConfigFiles, o.CredentialsFiles, o.Logger = fileList(configFile), fileList(credsFile), logging.Nop{}
		})
		var missing config.SharedConfigProfileNotExistError
		switch {
		case errors.As(err, &missing) && !named: // the default profile need not exist
		case errors.As(err, &missing):
			return s, &configError{msg: fmt.Sprintf("The config profile (%s) could not be found", missing.Profile), exit: ExitGeneralError}
		case err != nil:
			return s, &configError{msg: err.Error()}
		default:
			sc = loaded
		}
	}
	s.region, s.regionGiven = g.region, g.regionGiven
	for _, v := range []string{p.getenv("AWS_REGION"), p.getenv("AWS_DEFAULT_REGION"), sc.Region} {
		if s.region == "" && !s.regionGiven {
			s.region = v
		}
	}
	ignore := sc.IgnoreConfiguredEndpoints != nil && *sc.IgnoreConfiguredEndpoints
	if v := p.getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"); v != "" {
		ignore = strings.EqualFold(v, "true")
	}
	if !ignore {
		s.endpoint = sc.BaseEndpoint
	}
	// The order of aws-sdk-go-v2's chain: a profile named by --profile
	// first, else the environment's keys, else its web identity, else
	// the profile.
	id, secret := p.getenv("AWS_ACCESS_KEY_ID"), p.getenv("AWS_SECRET_ACCESS_KEY")
	switch {
	case g.profile == "" && id != "" && secret != "":
		s.creds = credentials.NewStaticCredentialsProvider(id, secret, p.getenv("AWS_SESSION_TOKEN"))
	case g.profile == "" && p.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") != "":
		return p.sdkCredentials(ctx, g, s, configFile, credsFile)
	case sc.Source == nil && sc.RoleARN == "" && sc.Credentials.HasKeys():
		s.creds = credentials.StaticCredentialsProvider{Value: sc.Credentials}
	case takesSDKChain(sc) || p.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != "" || p.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") != "":
		return p.sdkCredentials(ctx, g, s, configFile, credsFile)
	}
	return s, nil
}

// takesSDKChain reports whether the profile's credentials need more than
// reading: a role, a source profile, SSO, a login session, a process or
// web identity.
func takesSDKChain(sc config.SharedConfig) bool {
	return sc.Source != nil || sc.RoleARN != "" || sc.CredentialSource != "" || sc.WebIdentityTokenFile != "" ||
		sc.SSOSessionName != "" || sc.SSORegion != "" || sc.SSOAccountID != "" || sc.SSOStartURL != "" || sc.SSORoleName != "" ||
		sc.LoginSession != "" || sc.CredentialProcess != ""
}

// sdkCredentials takes the credentials from aws-sdk-go-v2's loader, given
// the same profile and files. (The loader reads the process's
// environment itself, which is the Env outside tests.)
func (p *Program) sdkCredentials(ctx context.Context, g *globals, s settings, configFile, credsFile string) (settings, error) {
	opts := []func(*config.LoadOptions) error{
		config.WithEC2IMDSClientEnableState(imds.ClientDisabled),
		config.WithLogger(logging.Nop{}),
		config.WithSharedConfigFiles(fileList(configFile)),
		config.WithSharedCredentialsFiles(fileList(credsFile)),
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
			return s, &configError{msg: fmt.Sprintf("The config profile (%s) could not be found", missing.Profile), exit: ExitGeneralError}
		}
		return s, &configError{msg: err.Error()}
	}
	s.creds = cfg.Credentials
	return s, nil
}

// awsFile is the shared config or credentials file: the variable's path,
// else ~/.aws/NAME; "" when there is no home either.
func (p *Program) awsFile(env, name string) string {
	if v := p.getenv(env); v != "" {
		return p.path(v)
	}
	if home := p.getenv("HOME"); home != "" {
		return filepath.Join(home, ".aws", name)
	}
	return ""
}

func fileExists(path string) bool {
	if path == "" {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}

func fileList(path string) []string {
	if path == "" {
		return []string{}
	}
	return []string{path}
}

// httpClient builds the client of the global TLS and timeout options. The
// CA bundle is read only for an https endpoint: parsing a system bundle
// costs more than a whole request to a local server.
func (p *Program) httpClient(g *globals, endpoint string) (*http.Client, error) {
	tlsConf := &tls.Config{InsecureSkipVerify: g.noVerifySSL}
	bundle := g.caBundle
	if bundle == "" {
		bundle = p.lookup(g.conf, "AWS_CA_BUNDLE", "ca_bundle")
	}
	if bundle != "" && strings.HasPrefix(strings.ToLower(endpoint), "https:") {
		pem, err := os.ReadFile(p.path(bundle))
		if err != nil {
			return nil, fmt.Errorf("cannot read the CA bundle %s: %v", bundle, err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("the CA bundle %s has no PEM certificates", bundle)
		}
		tlsConf.RootCAs = pool
	}
	dialer := &net.Dialer{Timeout: g.connectTimeout}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSClientConfig:       tlsConf,
		ResponseHeaderTimeout: g.readTimeout,
	}
	return &http.Client{Transport: transport}, nil
}

// connectFailure is the AWS CLI's message for a request that got no
// answer: a timeout, a certificate it does not trust, or no connection.
// OpenSSL checks the chain before the name, Go the name first: a name
// that does not match is looked at again against hc's roots.
func connectFailure(ce *client.ConnectError, hc *http.Client) string {
	var opErr *net.OpError
	var netErr net.Error
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	reason := ""
	switch {
	case errors.As(ce.Err, &opErr) && opErr.Op == "dial" && opErr.Timeout():
		return fmt.Sprintf("Connect timeout on endpoint URL: %q", ce.URL)
	case errors.As(ce.Err, &netErr) && netErr.Timeout():
		return fmt.Sprintf("Read timeout on endpoint URL: %q", ce.URL)
	case errors.As(ce.Err, &unknownCA):
		reason = "unable to get local issuer certificate"
		if c := unknownCA.Cert; c != nil && bytes.Equal(c.RawIssuer, c.RawSubject) {
			reason = "self-signed certificate"
		}
	case errors.As(ce.Err, &hostErr) && untrusted(hostErr.Certificate, hc) != "":
		reason = untrusted(hostErr.Certificate, hc)
	case errors.As(ce.Err, &hostErr):
		reason = fmt.Sprintf("Hostname mismatch, certificate is not valid for '%s'.", hostErr.Host)
	case errors.As(ce.Err, &invalid) && invalid.Reason == x509.Expired:
		reason = "certificate has expired"
	case errors.As(ce.Err, &invalid):
		reason = "unsuitable certificate purpose"
	default:
		return fmt.Sprintf("Could not connect to the endpoint URL: %q", ce.URL)
	}
	return fmt.Sprintf("SSL validation failed for %s [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: %s (_ssl.c:992)", ce.URL, reason)
}

// untrusted is OpenSSL's reason for refusing a certificate's chain
// against the client's roots, "" when the chain is good.
func untrusted(cert *x509.Certificate, hc *http.Client) string {
	var roots *x509.CertPool
	if t, ok := hc.Transport.(*http.Transport); ok && t.TLSClientConfig != nil {
		roots = t.TLSClientConfig.RootCAs
	}
	_, err := cert.Verify(x509.VerifyOptions{Roots: roots})
	var unknownCA x509.UnknownAuthorityError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &unknownCA) && bytes.Equal(cert.RawIssuer, cert.RawSubject):
		return "self-signed certificate"
	case errors.As(err, &unknownCA):
		return "unable to get local issuer certificate"
	}
	return ""
}
