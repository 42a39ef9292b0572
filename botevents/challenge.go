package botevents

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// ErrChallengeFailed is wrapped by the error of an endpoint that answered
// the challenge other than with 200 and the same Challenge.
var ErrChallengeFailed = errors.New("botevents: endpoint verification failed")

// challengeDigits is the length of a challenge, as in Chime's example.
const challengeDigits = 20

// Challenge is the handshake of PutEventsConfiguration: it posts
// {"Challenge":"<20 digits>","EventType":"HTTPSEndpointVerification"} to
// endpoint and succeeds only on a 200 whose JSON body echoes the Challenge
// within Options.Timeout. It goes through the same allow-list as events,
// and works whether or not delivery is enabled. The error wraps
// ErrNotAllowed or ErrChallengeFailed when it is one of those.
func (d *Dispatcher) Challenge(ctx context.Context, endpoint string) error {
	if _, err := d.checkURL(endpoint); err != nil {
		return err
	}
	challenge, err := d.challengeValue()
	if err != nil {
		return err
	}
	body, err := json.Marshal(struct {
		Challenge string `json:"Challenge"`
		EventType string `json:"EventType"`
	}{challenge, "HTTPSEndpointVerification"})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, d.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := d.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrNotAllowed) {
			return err
		}
		return fmt.Errorf("%w: %s", ErrChallengeFailed, plainError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%w: endpoint answered %s", ErrChallengeFailed, resp.Status)
	}
	var echo struct {
		Challenge string `json:"Challenge"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&echo); err != nil {
		return fmt.Errorf("%w: the answer is not JSON", ErrChallengeFailed)
	}
	if echo.Challenge != challenge {
		return fmt.Errorf("%w: the answer does not echo the Challenge", ErrChallengeFailed)
	}
	return nil
}

// challengeValue is 20 uniformly random decimal digits.
func (d *Dispatcher) challengeValue() (string, error) {
	out := make([]byte, 0, challengeDigits)
	buf := make([]byte, 32)
	for len(out) < challengeDigits {
		if _, err := io.ReadFull(d.opts.Rand, buf); err != nil {
			return "", fmt.Errorf("botevents: challenge: %w", err)
		}
		for _, b := range buf {
			if b < 250 && len(out) < challengeDigits { // 250 = 25*10: no digit favoured
				out = append(out, '0'+b%10)
			}
		}
	}
	return string(out), nil
}
