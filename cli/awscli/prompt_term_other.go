//go:build !unix

package awscli

import (
	"context"
	"errors"
	"os"
)

// runTerminal needs a Unix terminal.
func runTerminal(ctx context.Context, m *promptModel, in, out *os.File) error {
	return errors.New("the auto-prompt needs a Unix terminal")
}

func isTerminal(f *os.File) bool { return false }
