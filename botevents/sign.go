package botevents

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
)

// The headers that sign a delivery.
const (
	HeaderSignature = "Chime-Signature"
	HeaderTimestamp = "Chime-Request-Timestamp"
)

// ErrBadSignature is returned by Verify when a request is unsigned or its
// signature does not match the token.
var ErrBadSignature = errors.New("botevents: the Chime-Signature does not match")

// Sign is the Chime-Signature of body sent at timestamp:
// base64(HMAC-SHA256(token, timestamp + "|" + body)).
func Sign(token, timestamp string, body []byte) string {
	return base64.StdEncoding.EncodeToString(mac(token, timestamp, body))
}

func mac(token, timestamp string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte(timestamp))
	m.Write([]byte{'|'})
	m.Write(body)
	return m.Sum(nil)
}

// Verify checks the Chime-Signature of a request whose body has been read
// into body, as a bot does with its security token. It does not judge how
// old Chime-Request-Timestamp is; a bot that fears replays should.
func Verify(token string, r *http.Request, body []byte) error {
	ts := r.Header.Get(HeaderTimestamp)
	sig, err := base64.StdEncoding.DecodeString(r.Header.Get(HeaderSignature))
	if ts == "" || err != nil || len(sig) == 0 {
		return ErrBadSignature
	}
	if !hmac.Equal(sig, mac(token, ts, body)) {
		return ErrBadSignature
	}
	return nil
}
