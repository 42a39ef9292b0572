package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// faultyFile fails its Sync or its Close, as a full or failing disk does
// when it is told to make the data durable.
type faultyFile struct {
	*os.File
	failSync, failClose bool
	synced              bool
}

var errDisk = errors.New("input/output error")

func (f *faultyFile) Sync() error {
	if f.failSync {
		return errDisk
	}
	f.synced = true
	return f.File.Sync()
}

func (f *faultyFile) Close() error {
	err := f.File.Close()
	if f.failClose {
		return errDisk
	}
	return err
}

// TestExportSyncAndClose: export syncs its file before it closes it, and
// a failed sync or close is an error with a non-zero exit that leaves
// nothing of the export behind: the path keeps what it held before.
func TestExportSyncAndClose(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "s.db"), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Secret(ctx, "pagination"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name                string
		failSync, failClose bool
	}{{"ok", false, false}, {"sync", true, false}, {"close", false, true}} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			path := filepath.Join(out, "export.jsonl")
			os.WriteFile(path, []byte("the previous export\n"), 0o600)
			dst, err := createDestination(path)
			if err != nil {
				t.Fatal(err)
			}
			fd := dst.(*fileDestination)
			f := &faultyFile{File: fd.syncFile.(*os.File), failSync: tc.failSync, failClose: tc.failClose}
			fd.syncFile = f
			var stderr bytes.Buffer
			code := export(ctx, s, dst, &stderr)
			got, _ := os.ReadFile(path)
			entries, _ := os.ReadDir(out)
			if len(entries) != 1 {
				t.Errorf("%d files beside the export, want none", len(entries)-1)
			}
			if !tc.failSync && !tc.failClose {
				if code != 0 || !f.synced || !strings.Contains(string(got), `"chime-export"`) || !strings.HasPrefix(stderr.String(), "exported ") {
					t.Errorf("exit %d, synced %v, file %q, stderr %s", code, f.synced, got, stderr.String())
				}
				if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
					t.Errorf("the export's mode: %v %v", fi.Mode(), err)
				}
				return
			}
			if code != 255 || !strings.Contains(stderr.String(), tc.name+" ") || !strings.Contains(stderr.String(), errDisk.Error()) ||
				strings.Contains(stderr.String(), "exported") {
				t.Errorf("exit %d, stderr %s", code, stderr.String())
			}
			if string(got) != "the previous export\n" {
				t.Errorf("the path holds %q after a failed %s", got, tc.name)
			}
		})
	}
}
