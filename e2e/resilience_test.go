package e2e

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/openchime/chime/internal/testenv"
)

func runBoto3Retries(t *testing.T, s *server, n int) {
	python := lookPath(t, "python3", "the boto3 retry test is a Python script")
	if err := exec.Command(python, "-c", "import boto3").Run(); err != nil {
		testenv.Missing(t, "boto3 is not importable: skipping the boto3 retry test")
	}
	cmd := exec.Command(python, "testdata/boto3_retries.py", s.url, strconv.Itoa(n))
	cmd.Env = cleanEnv(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	m := regexp.MustCompile(`after (\d+) retries`).FindStringSubmatch(string(out))
	if m == nil || m[1] == "0" {
		t.Fatalf("no retry happened, so nothing was tested:\n%s", out)
	}
	t.Logf("%s", strings.TrimSpace(string(out)))
}

func TestBoto3RetriesThrottling(t *testing.T) {
	s := startServer(t, "--dev", "--rate-limit", "4", "--rate-burst", "1")
	runBoto3Retries(t, s, 6)
}

func TestBoto3RetriesInjectedFaults(t *testing.T) {
	s := startServer(t, "--dev", "--fault", "*:unavailable:0.4", "--fault", "CreateAccount:failure:0.2", "--fault-seed", "11")
	runBoto3Retries(t, s, 6)
}

// SIGTERM lets a request in flight finish before the process exits. The
// request is in flight for certain: its body is half sent, and the server's
// health says it is receiving one, when the signal goes.
func TestGracefulShutdownFinishesInFlightRequests(t *testing.T) {
	s := startServer(t, "--dev")
	body := []byte(`{"Name":"finished during shutdown"}`)
	pr, pw := io.Pipe()
	req, err := http.NewRequest("POST", s.url+"/accounts", pr)
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", "application/json")
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: "test", SecretAccessKey: "test"},
		req, hex.EncodeToString(sum[:]), "chime", "us-east-1", time.Now()); err != nil {
		t.Fatal(err)
	}
	done := make(chan *http.Response, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("the in-flight request failed: %v", err)
		}
		done <- resp
	}()
	pw.Write(body[:10])
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		resp, err := http.Get(s.url + "/_chime/health")
		if err != nil {
			t.Fatal(err)
		}
		var h struct{ Receiving int }
		json.NewDecoder(resp.Body).Decode(&h)
		resp.Body.Close()
		if h.Receiving == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server never started receiving the body")
		}
	}
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	pw.Write(body[10:])
	pw.Close()
	if resp := <-done; resp == nil || resp.StatusCode != 201 {
		t.Fatalf("the in-flight request: %+v", resp)
	}
	if err := s.cmd.Wait(); err != nil {
		t.Fatalf("exit: %v", err)
	}
}

// writeTestCA makes a CA and a certificate for 127.0.0.1 signed by it.
func writeTestCA(t *testing.T) (caPEM, certFile, keyFile string) {
	dir := t.TempDir()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "chime test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalECPrivateKey(key)
	caPEM = filepath.Join(dir, "ca.pem")
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(caPEM, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600)
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600)
	return caPEM, certFile, keyFile
}

func TestTLS(t *testing.T) {
	caPEM, cert, key := writeTestCA(t)
	s := &server{t: t, args: []string{"server", "--listen", "127.0.0.1:0", "--log-format", "text", "--dev", "--tls-cert", cert, "--tls-key", key}}
	pool := x509.NewCertPool()
	pemBytes, _ := os.ReadFile(caPEM)
	pool.AppendCertsFromPEM(pemBytes)
	httpClient := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	startWith(t, s, httpClient)
	c := awschime.New(awschime.Options{Region: "us-east-1", BaseEndpoint: aws.String(s.url), HTTPClient: httpClient,
		Credentials: credentials.NewStaticCredentialsProvider("test", "test", "")})
	out, err := c.CreateUser(context.Background(), &awschime.CreateUserInput{AccountId: aws.String("12a3456b-7c89-012d-3456-78901e23fg45"),
		Email: aws.String("tls@example.com")})
	if err != nil || aws.ToString(out.User.PrimaryEmail) != "tls@example.com" {
		t.Fatalf("over TLS: %v", err)
	}
	// A client that does not trust the CA is refused by its own TLS check.
	if _, err := sdkClient(s.url, "test", "test").ListAccounts(context.Background(), &awschime.ListAccountsInput{}); err == nil ||
		!strings.Contains(err.Error(), "certificate") {
		t.Fatalf("an untrusted certificate was accepted: %v", err)
	}
	// The command line trusts it through --ca-bundle.
	cmd := exec.Command(binary, "list-users", "--account-id", "12a3456b-7c89-012d-3456-78901e23fg45", "--endpoint-url", s.url,
		"--ca-bundle", caPEM, "--query", "Users[0].PrimaryEmail", "--output", "text")
	cmd.Env = cleanEnv(t)
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "tls@example.com" {
		t.Fatalf("chime --ca-bundle: %v %s", err, out)
	}
}
