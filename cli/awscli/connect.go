package awscli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/openchime/chime/client"
)

// Connect prepares one of the program's own commands that call the API
// (chime admin-import-users): the global options on its line, before the
// command or after it, are applied as an operation's are, and the rest
// returned for the command to parse; the client sends as an operation's
// would (endpoint, region, credentials, retries, TLS options, --debug).
// After the command only whole names are global options, so that a
// command's own option is never taken for a global one it begins. On a
// wrong line or configuration it prints the error and returns the exit
// code, with a nil client.
func (p *Program) Connect(ctx context.Context, args []string) (*client.Client, []string, int) {
	_, rest, g, err := splitCommand(args)
	var own []string
	for i := 0; err == nil && i < len(rest); i++ {
		a := rest[i]
		name, v, inline := strings.Cut(a, "=")
		gf := lookupGlobal(name)
		if gf == nil || gf.name == "--help" || gf.name == "--version" {
			own = append(own, a)
			continue
		}
		if gf.takes && !inline {
			if i+1 >= len(rest) {
				err = fmt.Errorf("argument %s: expected one argument", gf.name)
				break
			}
			i++
			v = rest[i]
		}
		if e := gf.set(g, v); e != nil {
			err = e
			var ce *configError
			if !errors.As(e, &ce) {
				err = fmt.Errorf("argument %s: %v", gf.name, e)
			}
		}
	}
	var ce *configError
	if errors.As(err, &ce) {
		PrintError(p.Stderr, err.Error())
		return nil, nil, ce.code()
	}
	if err != nil {
		return nil, nil, paramFailure(p.Stderr, err, true)
	}
	g.conf = p.loadProfile(g)
	api, err := p.connect(ctx, g)
	if errors.As(err, &ce) {
		PrintError(p.Stderr, err.Error())
		return nil, nil, ce.code()
	}
	if err != nil {
		return nil, nil, paramFailure(p.Stderr, err, false)
	}
	return api, own, ExitOK
}

// CallFailure prints the failure of a call of operation through api as
// an operation's own is printed, and returns its exit code: 254 for the
// server's error, 255 when it could not be reached, 130 once ctx ended.
func (p *Program) CallFailure(ctx context.Context, err error, operation string, api *client.Client) int {
	return callFailure(ctx, p.Stderr, err, operation, api)
}

func callFailure(ctx context.Context, stderr io.Writer, err error, operation string, api *client.Client) int {
	var se *client.Error
	var ce *client.ConnectError
	switch {
	case ctx.Err() != nil:
		return ExitInterrupted
	case errors.As(err, &se):
		retries := ""
		if se.Retries > 0 {
			retries = fmt.Sprintf(" (reached max retries: %d)", se.Retries)
		}
		// botocore's error has its Message before its Code.
		reportError(stderr, fmt.Sprintf("An error occurred (%s) when calling the %s operation%s: %s", visible(se.Code), operation, retries, visible(se.Message)),
			"Message", se.Message, "Code", se.Code)
		return ExitServiceError
	case errors.As(err, &ce):
		PrintError(stderr, connectFailure(ce, api.HTTP))
		return ExitGeneralError
	}
	PrintError(stderr, err.Error())
	return ExitGeneralError
}
