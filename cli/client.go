package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/openchime/chime/server"
	"github.com/openchime/chime/sigv4"
)

// connection is how the command line reaches a server: endpoint, region
// and credentials, resolved the way the AWS CLI resolves them.
type connection struct {
	endpoint string
	region   string
	creds    aws.CredentialsProvider
	http     *http.Client
}

type connectionFlags struct {
	endpointURL string
	region      string
	profile     string
}

// resolveEndpoint applies the AWS CLI's order: --endpoint-url, then
// AWS_ENDPOINT_URL_CHIME, then AWS_ENDPOINT_URL, then the shared config,
// then the local server's default address.
func resolveEndpoint(flagValue, fromConfig string) (string, error) {
	endpoint := flagValue
	for _, v := range []string{os.Getenv("AWS_ENDPOINT_URL_CHIME"), os.Getenv("AWS_ENDPOINT_URL"), fromConfig, "http://" + server.DefaultListen} {
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

func connect(ctx context.Context, f connectionFlags) (*connection, error) {
	opts := []func(*config.LoadOptions) error{}
	if f.profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(f.profile))
	}
	if f.region != "" {
		opts = append(opts, config.WithRegion(f.region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, err
	}
	base := ""
	if cfg.BaseEndpoint != nil {
		base = *cfg.BaseEndpoint
	}
	endpoint, err := resolveEndpoint(f.endpointURL, base)
	if err != nil {
		return nil, err
	}
	region := cfg.Region
	if region == "" {
		region = "us-east-1"
	}
	creds := cfg.Credentials
	if _, err := creds.Retrieve(ctx); err != nil {
		if !loopbackEndpoint(endpoint) {
			return nil, fmt.Errorf("Unable to locate credentials. You can configure credentials by running \"aws configure\".")
		}
		// A local server in development mode accepts the development pair.
		creds = credentials.NewStaticCredentialsProvider(sigv4.DevAccessKeyID, sigv4.DevSecretAccessKey, "")
	}
	return &connection{endpoint: endpoint, region: region, creds: creds, http: &http.Client{Timeout: 60 * time.Second}}, nil
}

func loopbackEndpoint(endpoint string) bool {
	u, err := url.Parse(endpoint)
	if err != nil {
		return false
	}
	if u.Hostname() == "localhost" {
		return true
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
}

// serviceError is an error response of the server.
type serviceError struct {
	Exception string
	Message   string
}

// do sends a signed JSON request and returns the response body.
func (c *connection) do(ctx context.Context, method, path string, in any) ([]byte, *serviceError, error) {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return nil, nil, err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.endpoint+path, bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	creds, err := c.creds.Retrieve(ctx)
	if err != nil {
		return nil, nil, err
	}
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "chime", c.region, time.Now()); err != nil {
		return nil, nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("Could not connect to the endpoint URL: %q", c.endpoint+path)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	if resp.StatusCode >= 300 {
		var e struct{ Message string }
		_ = json.Unmarshal(out, &e)
		exc := resp.Header.Get("X-Amzn-ErrorType")
		if exc == "" {
			exc = fmt.Sprintf("HTTP %d", resp.StatusCode)
		}
		return nil, &serviceError{Exception: exc, Message: e.Message}, nil
	}
	return out, nil, nil
}
