// Package randid makes the identifiers of the service: UUIDv4 ids and
// personal meeting PINs from crypto/rand, the default sources that the
// server injects (logic never calls them directly), and Seeded, the same
// kinds drawn from a seed for a deterministic server.
package randid

import (
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/big"
	"math/rand/v2"
	"sync"
)

// UUID returns a lowercase UUIDv4.
func UUID() string {
	var b [16]byte
	_, _ = crand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return formatUUID(b)
}

// formatUUID makes 16 random bytes a lowercase UUIDv4.
func formatUUID(b [16]byte) string {
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
	n, _ := crand.Int(crand.Reader, tenDigits) // cannot fail with crypto/rand
	return fmt.Sprintf("%010d", n)
}

// Seeded makes the same identifiers, in the same order, from the same
// seed: a deterministic server's ids, PINs, tokens and request ids, so
// that two runs of one test answer byte for byte the same. Each kind has
// a stream of its own, so that, say, an extra request id does not shift
// the ids of what is created after it. It is safe for concurrent use; the
// order of concurrent draws is the order they happen in.
type Seeded struct {
	seed    uint64
	mu      sync.Mutex
	streams map[string]*rand.ChaCha8
}

// NewSeeded returns the identifiers of seed.
func NewSeeded(seed uint64) *Seeded {
	return &Seeded{seed: seed, streams: map[string]*rand.ChaCha8{}}
}

// Restart begins every stream again from the seed.
func (s *Seeded) Restart() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.streams)
}

// read fills b from the stream of kind.
func (s *Seeded) read(kind string, b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.streams[kind]
	if !ok {
		st = rand.NewChaCha8(sha256.Sum256(fmt.Appendf(nil, "chime %s %d", kind, s.seed)))
		s.streams[kind] = st
	}
	_, _ = st.Read(b) // a ChaCha8 read never fails
}

// Stream returns a UUID source drawing from the stream of kind.
func (s *Seeded) Stream(kind string) func() string {
	return func() string {
		var b [16]byte
		s.read(kind, b[:])
		return formatUUID(b)
	}
}

// PIN returns 10 decimal digits from the PIN stream.
func (s *Seeded) PIN() string {
	var b [8]byte
	s.read("pin", b[:])
	return fmt.Sprintf("%010d", binary.BigEndian.Uint64(b[:])%10_000_000_000)
}

// Token returns a bot security token from the token stream: 30 bytes in
// standard base64, as the random ones.
func (s *Seeded) Token() string {
	var b [30]byte
	s.read("token", b[:])
	return base64.StdEncoding.EncodeToString(b[:])
}

// Key returns 32 bytes that stand for the installation secret name.
func (s *Seeded) Key(name string) []byte {
	k := sha256.Sum256(fmt.Appendf(nil, "chime secret %s %d", name, s.seed))
	return k[:]
}
