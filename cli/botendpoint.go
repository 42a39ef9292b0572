package cli

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/openchime/chime/botevents"
	"github.com/openchime/chime/cli/awscli"
)

// runBotEndpoint serves a bot's HTTPS events endpoint on this machine, for
// trying bots without one: a certificate of its own (written to
// --cert-out, for the server's --bot-event-ca), the challenge handshake
// answered, and each event checked with the bot's security token (read
// from --token-file at every event, so it can be written after the bot is
// created) and printed as a JSON line.
func runBotEndpoint(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("chime bot-endpoint", stderr)
	listen := fs.String("listen", "127.0.0.1:8443", "address to listen on, loopback host:port")
	certOut := fs.String("cert-out", "bot-endpoint.pem", "file to write the endpoint's certificate to")
	tokenFile := fs.String("token-file", "", "file holding the bot's security token; events are printed unchecked without one")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return awscli.ExitOK
		}
		return awscli.ExitParamError
	}
	host, _, err := net.SplitHostPort(*listen)
	if err != nil || !(host == "localhost" || net.ParseIP(host) != nil && net.ParseIP(host).IsLoopback()) {
		fmt.Fprintf(stderr, "chime: [ERROR]: --listen must be a loopback host:port, not %q\n", *listen)
		return awscli.ExitParamError
	}
	cert, certPEM, err := selfSignedCert()
	if err == nil {
		err = os.WriteFile(*certOut, certPEM, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "chime: [ERROR]: %v\n", err)
		return awscli.ExitGeneralError
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "chime: [ERROR]: %v\n", err)
		return awscli.ExitGeneralError
	}
	var out sync.Mutex
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		var msg struct {
			botevents.Event
			Challenge string
		}
		if err != nil || json.Unmarshal(body, &msg) != nil {
			http.Error(w, "not a bot event", http.StatusBadRequest)
			return
		}
		if msg.EventType == "HTTPSEndpointVerification" {
			json.NewEncoder(w).Encode(map[string]string{"Challenge": msg.Challenge})
			return
		}
		verified := false
		if *tokenFile != "" {
			token, err := os.ReadFile(*tokenFile)
			if err != nil || botevents.Verify(strings.TrimSpace(string(token)), r, body) != nil {
				http.Error(w, "bad signature", http.StatusUnauthorized)
				return
			}
			verified = true
		}
		out.Lock()
		defer out.Unlock()
		line, _ := json.Marshal(struct {
			Verified bool
			Event    botevents.Event
		}{verified, msg.Event})
		fmt.Fprintf(stdout, "%s\n", line)
	})}
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	fmt.Fprintf(stderr, "bot endpoint at https://%s/ (certificate in %s)\n", ln.Addr(), *certOut)
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.ServeTLS(ln, "", ""); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "chime: [ERROR]: %v\n", err)
		return awscli.ExitGeneralError
	}
	return awscli.ExitOK
}

// selfSignedCert makes a certificate for 127.0.0.1, ::1 and localhost that
// is its own CA, valid for a day.
func selfSignedCert() (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: "chime bot endpoint"},
		NotBefore: time.Now().Add(-time.Minute), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback}, DNSNames: []string{"localhost"}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, certPEM, nil
}
