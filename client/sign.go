package client

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// DefaultRegion is the signing region when none is configured.
const DefaultRegion = "us-east-1"

// Signer signs requests with SigV4 as the AWS SDKs do, with
// aws-sdk-go-v2's signer. It is safe for concurrent use.
type Signer struct {
	// Credentials are retrieved for every request.
	Credentials aws.CredentialsProvider
	// Region and Service are the credential scope: us-east-1, chime.
	Region, Service string
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	once sync.Once
	v4   *v4.Signer // keeps the derived signing keys between requests
}

// NewSigner returns a signer for the chime service in region.
func NewSigner(creds aws.CredentialsProvider, region string) *Signer {
	return &Signer{Credentials: creds, Region: region, Service: "chime"}
}

// emptyHash is the payload hash of a request without a body.
var emptyHash = hashBody(nil)

func hashBody(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// Sign adds the signature headers to req, whose body is body.
func (s *Signer) Sign(ctx context.Context, req *http.Request, body []byte) error {
	creds, err := s.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	hash := emptyHash
	if len(body) > 0 {
		hash = hashBody(body)
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	s.once.Do(func() { s.v4 = v4.NewSigner() })
	return s.v4.SignHTTP(ctx, creds, req, hash, s.Service, s.Region, now())
}
