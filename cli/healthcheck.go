package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/openchime/chime/cli/awscli"
	"github.com/openchime/chime/server"
)

// Exit codes of `chime healthcheck`, those a container runtime's
// HEALTHCHECK reads: 0 healthy, 1 unhealthy.
const (
	healthy   = 0
	unhealthy = 1
)

// healthcheckURL is where `chime healthcheck` asks by default: the health
// endpoint of a server on its default address, which is also the port
// the container image publishes.
const healthcheckURL = "http://" + server.DefaultListen + "/_chime/health"

// runHealthcheck is `chime healthcheck`: one GET of a server's health
// endpoint, exit 0 on 200 and 1 on anything else, with the reason on one
// line of stderr. It exists for images that have no shell and no HTTP
// client (the image is FROM scratch), whose HEALTHCHECK runs the chime
// binary itself.
func runHealthcheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("chime healthcheck", stderr)
	target := fs.String("url", healthcheckURL, "health endpoint to GET (env CHIME_URL)")
	timeout := fs.Duration("timeout", 3*time.Second, "give up after this long, and count it as unhealthy (env CHIME_TIMEOUT)")
	noVerify := fs.Bool("no-verify-ssl", false, "accept any TLS certificate, for a server on --tls-cert whose name is not the URL's host (env CHIME_NO_VERIFY_SSL)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if *timeout <= 0 {
		fmt.Fprintf(stderr, "chime: [ERROR]: --timeout must be more than 0, not %v\n", *timeout)
		return awscli.ExitParamError
	}
	status, err := checkHealth(ctx, *target, *timeout, *noVerify)
	if err != nil {
		fmt.Fprintf(stderr, "unhealthy: %s: %v\n", *target, err)
		return unhealthy
	}
	fmt.Fprintf(stdout, "healthy: %s: %s\n", *target, status)
	return healthy
}

// checkHealth GETs target once and returns its status line when it is 200,
// else an error that says why in one line: the status and the start of
// the body (the server's 503 says what is wrong), or the transport's
// error.
func checkHealth(ctx context.Context, target string, timeout time.Duration, noVerify bool) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return "", err
	}
	client := &http.Client{
		// No proxy from the environment: the check is of this server, and
		// a redirect is not a health endpoint answering.
		Transport: &http.Transport{
			DisableKeepAlives: true,
			TLSClientConfig:   &tls.Config{InsecureSkipVerify: noVerify},
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return "", fmt.Errorf("no answer within %v", timeout)
		}
		// The URL leads the reason already.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("%s %s", resp.Status, oneLine(body))
	}
	return resp.Status, nil
}

// oneLine is a body fit for the end of a one-line reason: its lines
// joined by spaces.
func oneLine(body []byte) string {
	return strings.Join(strings.Fields(string(body)), " ")
}
