package bench

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
)

// answerTransport answers every request at once with 201 and UserBody,
// without a network or a server.
type answerTransport struct{}

func (answerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	io.Copy(io.Discard, r.Body)
	r.Body.Close()
	return &http.Response{StatusCode: 201, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(UserBody))}, nil
}

// BenchmarkGenerator is the load generator's own cost per request of each
// workload: the request laid out, signed, handed to net/http and its
// answer read, with no server behind it.
func BenchmarkGenerator(b *testing.B) {
	gen := NewGenerator("test", "test")
	gen.http = &http.Client{Transport: answerTransport{}}
	tokens := []string{"eyJhIjoiYiJ9.c2lnbmF0dXJl", "eyJhIjoiYyJ9.c2lnbmF0dXJl"}
	base := "http://127.0.0.1:8765"
	for _, wl := range append(chimeWorkloads(base, "1ab2345c-67de-4901-b23a-45c678901d2e", tokens), mixedWorkload(base, testFixture())) {
		b.Run(wl.name, func(b *testing.B) {
			ctx := context.Background()
			var i int64
			for b.Loop() {
				i++
				if _, err := gen.Do(ctx, wl.next(0, i)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
