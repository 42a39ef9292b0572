// Package randid makes the random identifiers of the service from
// crypto/rand: UUIDv4 ids and personal meeting PINs. These are the default
// sources that the server injects; logic never calls them directly.
package randid

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
)

// UUID returns a lowercase UUIDv4.
func UUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:36], b[10:16])
	return string(out[:])
}

var tenDigits = big.NewInt(10_000_000_000)

// PIN returns 10 decimal digits.
func PIN() string {
	n, _ := rand.Int(rand.Reader, tenDigits) // cannot fail with crypto/rand
	return fmt.Sprintf("%010d", n)
}
