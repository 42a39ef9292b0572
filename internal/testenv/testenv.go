// Package testenv decides what a test does when a client it needs (python3,
// botocore, boto3, the AWS CLI) is missing: it skips, saying why, except
// where CHIME_REQUIRE_CLIENTS is set, as CI sets it, and then it fails, so
// that a comparison that must run cannot quietly stop running.
//
// It imports only the standard library.
package testenv

import (
	"fmt"
	"os"
	"testing"
)

// RequireClients is the environment variable that turns skips into failures.
const RequireClients = "CHIME_REQUIRE_CLIENTS"

// Missing skips the test with the reason, or fails it when the clients are
// required.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	why := fmt.Sprintf(format, args...)
	if os.Getenv(RequireClients) != "" {
		t.Fatalf("%s, and %s is set", why, RequireClients)
	}
	t.Skip(why)
}
