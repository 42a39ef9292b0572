package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Error is an answer outside 2xx, read as the AWS SDKs read it: the code
// from the X-Amzn-ErrorType header, else from the body's Code (or code),
// less any namespace ("aws.protocoltests#") and detail (":http://...").
type Error struct {
	Status  int
	Code    string
	Message string
	// Retries is how many times the request was sent again, on 5xx,
	// before this answer.
	Retries int
}

func (e *Error) Error() string { return fmt.Sprintf("%s (%d): %s", e.Code, e.Status, e.Message) }

// DecodeError reads an error answer. A body without a message gets the
// status text; without a code anywhere, the code is the status.
func DecodeError(status int, h http.Header, body []byte) *Error {
	// Field names match case-insensitively: Message and message both fill Message.
	var e struct{ Code, Message string }
	_ = json.Unmarshal(body, &e)
	code := h.Get("X-Amzn-ErrorType")
	if code == "" {
		code = e.Code
	}
	code, _, _ = strings.Cut(code, ":")
	if i := strings.LastIndex(code, "#"); i >= 0 {
		code = code[i+1:]
	}
	if code == "" {
		code = strconv.Itoa(status)
	}
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(status)
	}
	return &Error{Status: status, Code: code, Message: msg}
}

// ConnectError is a request that never got an answer: the server could
// not be reached, or did not answer in time.
type ConnectError struct {
	URL string
	Err error
}

func (e *ConnectError) Error() string { return fmt.Sprintf("cannot reach %s: %v", e.URL, e.Err) }

func (e *ConnectError) Unwrap() error { return e.Err }
