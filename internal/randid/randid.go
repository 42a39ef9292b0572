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
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

var tenDigits = big.NewInt(10_000_000_000)

// PIN returns 10 decimal digits.
func PIN() string {
	n, _ := rand.Int(rand.Reader, tenDigits) // cannot fail with crypto/rand
	return fmt.Sprintf("%010d", n)
}
