package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/openchime/chime/cli/awscli"
	"github.com/openchime/chime/sqlite"
)

// `chime backup --store sqlite:PATH --to FILE` copies a SQLite store while
// servers keep serving it (sqlite.Backup). PostgreSQL has pg_dump for the
// same, and `chime export` moves either store's contents as JSON Lines
// (docs/operations.md, "Backup and restore").
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("chime backup", stderr)
	store := fs.String("store", "", "the store to copy: sqlite:PATH (env CHIME_STORE)")
	to := fs.String("to", "", "the file to write the copy to; it must not exist (env CHIME_TO)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if *store == "" || *to == "" {
		awscli.PrintError(stderr, "the following arguments are required: --store, --to")
		return awscli.ExitParamError
	}
	path, ok := strings.CutPrefix(*store, "sqlite:")
	if !ok || path == "" {
		awscli.PrintError(stderr, "chime backup copies a SQLite store (--store sqlite:PATH); back up PostgreSQL with pg_dump, or either store with chime export")
		return awscli.ExitParamError
	}
	if err := sqlite.Backup(ctx, path, *to); err != nil {
		awscli.PrintError(stderr, err.Error())
		switch {
		case ctx.Err() != nil:
			return awscli.ExitInterrupted
		case errors.Is(err, sqlite.ErrBackupRefused), errors.Is(err, os.ErrNotExist):
			// What the command line named: a file that exists, one that
			// is not chime's, one or a directory that is missing.
			return awscli.ExitParamError
		}
		return awscli.ExitGeneralError
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", path, *to)
	return awscli.ExitOK
}
