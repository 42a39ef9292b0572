package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	s, _, file, code := openTransfer(ctx, "export", "the store to read", "where to write the export; - for standard output", args, stderr)
	if s == nil {
		return code
	}
	defer s.Close()
	var dst destination = &streamDestination{w: stdout, name: "standard output"}
	if *file != "-" {
		d, err := createDestination(*file)
		if err != nil {
			awscli.PrintError(stderr, err.Error())
			return awscli.ExitConfigError
		}
		dst = d
	}
	return export(ctx, s, dst, stderr)
}

// export writes the store's export to dst and then reports the records
// that reached it, by table. Every failure, a write, the flush, the sync
// or the close, is an error with a non-zero exit, after which dst is
// discarded (see destination).
func export(ctx context.Context, s *sqlstore.Store, dst destination, stderr io.Writer) int {
	fail := func(err error) int {
		left := dst.Discard()
		awscli.PrintError(stderr, "export failed, "+left+": "+err.Error())
		if ctx.Err() != nil {
			return awscli.ExitInterrupted
		}
		return awscli.ExitGeneralError
	}
	estimate, err := s.Count(ctx) // for the progress bar only
	if err != nil {
		return fail(err)
	}
	bar := newProgress(stderr, "export", estimate.Total())
	w := bufio.NewWriterSize(dst, 64<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	written := sqlstore.Counts{Rows: map[string]int{}}
	n := 0
	err = s.Export(ctx, func(r sqlstore.Record) error {
		if err := enc.Encode(r); err != nil {
			return err
		}
		switch r.Type {
		case sqlstore.RecordHeader:
			return nil
		case sqlstore.RecordSecret:
			written.Secrets++
		case sqlstore.RecordRow:
			written.Rows[r.Table]++
		}
		n++
		bar.update(n)
		return nil
	})
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = dst.Commit()
	}
	bar.done(n)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(stderr, "exported %v\n", written)
	return awscli.ExitOK
}

// destination is where an export goes.
type destination interface {
	io.Writer
	// Commit makes what was written durable (synced, closed): only then
	// is the export complete.
	Commit() error
	// Discard, after a failure, drops what it can of a partial export and
	// says what is left.
	Discard() string
}

// syncFile is the part of *os.File a destination uses.
type syncFile interface {
	io.Writer
	Sync() error
	Close() error
}

// createDestination opens --file. A regular file (or a new one) is
// written as a temporary file beside it, which Commit syncs, closes and
// renames over it: the path then holds a whole export, and after a
// failure what it held before, never part of an export (an import of a
// cut export would load a part of the installation without a word). A
// device or a pipe (a FIFO), or a link under /dev or /proc to an open
// file (/dev/stdout, redirected to a file or not), is written in place,
// appending, as a shell's redirection would.
func createDestination(path string) (destination, error) {
	fi, statErr := os.Stat(path)
	lfi, _ := os.Lstat(path)
	abs, _ := filepath.Abs(path)
	descriptor := lfi != nil && lfi.Mode()&os.ModeSymlink != 0 &&
		(strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/"))
	if statErr == nil && (descriptor || !fi.Mode().IsRegular()) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return nil, err
		}
		return &streamDestination{w: f, f: f, name: path}, nil
	}
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved // replace the file a link points to, not the link
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.partial")
	if err != nil {
		return nil, fmt.Errorf("cannot write beside %s: %w", path, err)
	}
	return &fileDestination{syncFile: f, tmp: f.Name(), path: target}, nil
}

// fileDestination is an export to a regular file: see createDestination.
type fileDestination struct {
	syncFile
	tmp, path       string
	closed, renamed bool
}

func (d *fileDestination) Commit() error {
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", d.tmp, err)
	}
	d.closed = true
	if err := d.Close(); err != nil {
		return fmt.Errorf("close %s: %w", d.tmp, err)
	}
	if err := os.Rename(d.tmp, d.path); err != nil {
		return err
	}
	d.renamed = true
	return syncDir(filepath.Dir(d.path))
}

func (d *fileDestination) Discard() string {
	if d.renamed {
		return d.path + " holds the whole export, but its directory could not be synced"
	}
	if !d.closed {
		d.Close()
	}
	os.Remove(d.tmp)
	return "nothing was written to " + d.path
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}

// streamDestination is an export written in place: standard output, or a
// device or a pipe that --file names (f, closed by Commit). A regular file
// behind it (standard output redirected to a file) is synced.
type streamDestination struct {
	w    io.Writer
	f    syncFile
	name string
}

func (d *streamDestination) Write(p []byte) (int, error) { return d.w.Write(p) }

func (d *streamDestination) Commit() error {
	if f, ok := d.w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			if err := f.Sync(); err != nil {
				return fmt.Errorf("sync %s: %w", d.name, err)
			}
		}
	}
	if d.f != nil {
		f := d.f
		d.f = nil
		if err := f.Close(); err != nil {
			return fmt.Errorf("close %s: %w", d.name, err)
		}
	}
	return nil
}

func (d *streamDestination) Discard() string {
	if d.f != nil {
		d.f.Close()
		d.f = nil
	}
	return d.name + " holds an incomplete export"
}

func runImport(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer) int {
	s, spec, file, code := openTransfer(ctx, "import", "the empty store to load", "the export to read; - for standard input", args, stderr)
	if s == nil {
		return code
	}
	defer s.Close()
	// A store with data is refused before the input is read. It is the
	// command's configuration that is wrong, as with a --store that cannot
	// be opened: the same exit code.
	if c, err := s.Count(ctx); err != nil {
		awscli.PrintError(stderr, "import failed, nothing was written: "+err.Error())
		return awscli.ExitGeneralError
	} else if held := nonZeroRows(c); len(held) > 0 {
		awscli.PrintError(stderr, fmt.Sprintf("the target store %s is not empty: it holds %s. chime import loads only into an empty store; nothing was written",
			server.StoreLocation(spec), strings.Join(held, ", ")))
		return awscli.ExitConfigError
	}
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
	// Import calls progress after each batch it committed, with the
	// records written so far.
	committed := 0
	counts, err := s.Import(ctx, next, func(n int) {
		committed = n
		bar.update(n)
	})
	bar.done(committed)
	if err != nil {
		left := "nothing was written"
		if committed > 0 {
			left = fmt.Sprintf("the first %d records (the batches before the failing one) were written and stay in the store", committed)
		}
		awscli.PrintError(stderr, "import failed, "+left+": "+err.Error())
		if ctx.Err() != nil {
			return awscli.ExitInterrupted
		}
		return awscli.ExitGeneralError
	}
	fmt.Fprintf(stderr, "imported %v\n", counts)
	return awscli.ExitOK
}

// nonZeroRows lists the tables that hold rows, with their counts, in
// export order: "6 accounts", "66 users". Secrets are not data: a new
// store has them.
func nonZeroRows(c sqlstore.Counts) []string {
	var held []string
	for _, part := range strings.Split(c.String(), ", ") {
		if !strings.HasPrefix(part, "0 ") && !strings.HasSuffix(part, " secrets") {
			held = append(held, part)
		}
	}
	return held
}

// openTransfer parses the flags of export or import and opens --store,
// which it returns with its value. A nil store means the command ends
// with the returned code.
func openTransfer(ctx context.Context, name, storeDoc, fileDoc string, args []string, stderr io.Writer) (*sqlstore.Store, string, *string, int) {
	fs := newFlagSet("chime "+name, stderr)
	store := fs.String("store", "", storeDoc+": sqlite:PATH or postgres://... (env CHIME_STORE)")
	file := fs.String("file", "-", fileDoc+" (env CHIME_FILE)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return nil, "", nil, code
	}
	if *store == "" {
		awscli.PrintError(stderr, "the following arguments are required: --store")
		return nil, "", nil, awscli.ExitParamError
	}
	s, _, err := server.OpenStore(ctx, *store, postgres.DefaultPool(), sqlstore.Options{})
	if err != nil {
		awscli.PrintError(stderr, err.Error())
		if errors.Is(err, sqlstore.ErrNewerSchema) {
			return nil, "", nil, ExitNewerSchema
		}
		return nil, "", nil, awscli.ExitConfigError
	}
	return s, *store, file, awscli.ExitOK
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
	// every is how many items pass between redraws; unit names the items
	// when the total is not known.
	every int
	unit  string
}

func newProgress(w io.Writer, label string, total int) *progress {
	p := &progress{w: w, label: label, total: total, every: 200, unit: "records"}
	if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		p.on = true
	}
	return p
}

func (p *progress) update(n int) {
	if !p.on || (n-p.last < p.every && n != p.total) {
		return
	}
	p.last = n
	if p.total <= 0 {
		fmt.Fprintf(p.w, "\r%s: %d %s", p.label, n, p.unit)
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
