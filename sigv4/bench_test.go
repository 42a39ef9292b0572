package sigv4_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/openchime/chime/sigv4"
)

func BenchmarkVerify(b *testing.B) {
	body := []byte(`{"Email":"roomdevice@example.com","UserType":"SharedDevice"}`)
	req := httptest.NewRequest("POST", "http://127.0.0.1:8765/accounts/12a3456b-7c89-012d-3456-78901e23fg45/users?operation=create", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	sum := sha256.Sum256(body)
	now := time.Now()
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: keys["AKIDEXAMPLE"].SecretAccessKey}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "chime", "us-east-1", now); err != nil {
		b.Fatal(err)
	}
	v := &sigv4.Verifier{Keys: keys, Service: "chime", Now: func() time.Time { return now }}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Verify(req, body); err != nil {
			b.Fatal(err)
		}
	}
}
