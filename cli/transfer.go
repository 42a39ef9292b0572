package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/openchime/chime/cli/awscli"
	"github.com/openchime/chime/postgres"
	"github.com/openchime/chime/server"
	"github.com/openchime/chime/sqlstore"
)

// `chime export` and `chime import` move a whole installation between
// stores as JSON Lines: one record (header, secret, account, user) a line,
// streamed both ways, with a progress bar on a terminal.

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	s, file, code := openTransfer(ctx, "export", "the store to read", "where to write the export; - for standard output", args, stderr)
	if s == nil {
		return code
	}
	defer s.Close()
	out := stdout
	if *file != "-" {
		f, err := os.OpenFile(*file, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			awscli.PrintError(stderr, err.Error())
			return awscli.ExitConfigError
		}
		defer f.Close()
		out = f
	}
	counts, err := s.Count(ctx)
	if err != nil {
		awscli.PrintError(stderr, err.Error())
		return awscli.ExitGeneralError
	}
	bar := newProgress(stderr, "export", counts.Total())
	w := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err = s.Export(ctx, func(r sqlstore.Record) error {
		if r.Type != sqlstore.RecordHeader {
			n++
			bar.update(n)
		}
		return enc.Encode(r)
	})
	if err == nil {
		err = w.Flush()
	}
	bar.done(n)
	if err != nil {
		awscli.PrintError(stderr, "export failed: "+err.Error())
		return awscli.ExitGeneralError
	}
	fmt.Fprintf(stderr, "exported %d accounts, %d users\n", counts.Accounts, counts.Users)
	return awscli.ExitOK
}

func runImport(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer) int {
	s, file, code := openTransfer(ctx, "import", "the empty store to load", "the export to read; - for standard input", args, stderr)
	if s == nil {
		return code
	}
	defer s.Close()
	in := stdin
	total := 0
	if *file != "-" {
		f, err := os.Open(*file)
		if err != nil {
			awscli.PrintError(stderr, err.Error())
			return awscli.ExitConfigError
		}
		defer f.Close()
		in = f
		total = countLines(*file) - 1
	}
	bar := newProgress(stderr, "import", total)
	dec := json.NewDecoder(bufio.NewReaderSize(in, 64<<10))
	dec.DisallowUnknownFields()
	next := func() (sqlstore.Record, bool, error) {
		var r sqlstore.Record
		if err := dec.Decode(&r); err != nil {
			if errors.Is(err, io.EOF) {
				return r, false, nil
			}
			return r, false, fmt.Errorf("the input is not a chime export: %v", err)
		}
		return r, true, nil
	}
	counts, err := s.Import(ctx, next, bar.update)
	bar.done(counts.Total())
	if err != nil {
		awscli.PrintError(stderr, "import failed, nothing after the last full batch was written: "+err.Error())
		return awscli.ExitGeneralError
	}
	fmt.Fprintf(stderr, "imported %d accounts, %d users\n", counts.Accounts, counts.Users)
	return awscli.ExitOK
}

// openTransfer parses the flags of export or import and opens --store.
// A nil store means the command ends with the returned code.
func openTransfer(ctx context.Context, name, storeDoc, fileDoc string, args []string, stderr io.Writer) (*sqlstore.Store, *string, int) {
	fs := newFlagSet("chime "+name, stderr)
	store := fs.String("store", "", storeDoc+": sqlite:PATH or postgres://... (env CHIME_STORE)")
	file := fs.String("file", "-", fileDoc+" (env CHIME_FILE)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, awscli.ExitOK
		}
		return nil, nil, awscli.ExitParamError
	}
	if err := applyEnv(fs); err != nil {
		awscli.PrintError(stderr, err.Error())
		return nil, nil, awscli.ExitParamError
	}
	if *store == "" {
		awscli.PrintError(stderr, "the following arguments are required: --store")
		return nil, nil, awscli.ExitParamError
	}
	s, _, err := server.OpenStore(ctx, *store, postgres.DefaultPool(), sqlstore.Options{})
	if err != nil {
		awscli.PrintError(stderr, err.Error())
		return nil, nil, awscli.ExitConfigError
	}
	return s, file, awscli.ExitOK
}

func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		n++
	}
	return n
}

// progress draws a bar on a terminal and nothing elsewhere.
type progress struct {
	w     io.Writer
	label string
	total int
	on    bool
	last  int
}

func newProgress(w io.Writer, label string, total int) *progress {
	p := &progress{w: w, label: label, total: total}
	if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		p.on = true
	}
	return p
}

func (p *progress) update(n int) {
	if !p.on || (n-p.last < 200 && n != p.total) {
		return
	}
	p.last = n
	if p.total <= 0 {
		fmt.Fprintf(p.w, "\r%s: %d records", p.label, n)
		return
	}
	const width = 30
	filled := min(width, n*width/p.total)
	fmt.Fprintf(p.w, "\r%s: [%s%s] %3d%% %d/%d", p.label, strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		min(100, n*100/p.total), n, p.total)
}

func (p *progress) done(n int) {
	if p.on {
		p.last = -1 << 30
		p.update(n)
		fmt.Fprintln(p.w)
	}
}
