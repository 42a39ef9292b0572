package server_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/openchime/chime/server"
)

// TestConsole: the console answers under /console/ on the API's listener,
// and the API answers everything else as before; with the console off,
// /console/ is the API's like any unknown path.
func TestConsole(t *testing.T) {
	for _, on := range []bool{true, false} {
		name := map[bool]string{true: "On", false: "Off"}[on]
		t.Run(name, func(t *testing.T) {
			cfg := server.Defaults()
			cfg.Listen, cfg.Dev, cfg.Console = "127.0.0.1:0", true, on
			srv, stop := serve(t, cfg)
			defer stop()
			base := "http://" + srv.Addr()
			code, hdr, body := signedGet(t, base+"/console/signin")
			if on {
				if code != 200 || !strings.Contains(body, `id="signin-form"`) || hdr.Get("Content-Security-Policy") == "" {
					t.Fatalf("console: %d %.200s", code, body)
				}
			} else {
				if code != 404 || hdr.Get("X-Amzn-Errortype") == "" || hdr.Get("Content-Security-Policy") != "" {
					t.Fatalf("with the console off: %d %v %.200s", code, hdr, body)
				}
				wantCode, wantHdr, _ := signedGet(t, base+"/elsewhere/signin")
				if code != wantCode || hdr.Get("X-Amzn-Errortype") != wantHdr.Get("X-Amzn-Errortype") {
					t.Fatalf("/console/ answers %d %s, another unknown path %d %s", code, hdr.Get("X-Amzn-Errortype"), wantCode, wantHdr.Get("X-Amzn-Errortype"))
				}
			}
			// The API is the same either way.
			if code, hdr, body := signedGet(t, base+"/accounts"); code != 200 || !strings.Contains(body, "Example Corp") || hdr.Get("Content-Security-Policy") != "" {
				t.Fatalf("ListAccounts: %d %.200s", code, body)
			}
		})
	}
}

func signedGet(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	sum := sha256.Sum256(nil)
	err := v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: "test", SecretAccessKey: "test"},
		req, hex.EncodeToString(sum[:]), "chime", "us-east-1", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}
