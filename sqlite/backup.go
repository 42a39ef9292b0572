package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
)

// ErrBackupRefused is wrapped by the errors of Backup that the caller can
// mend (the destination exists, the source is not a chime database).
var ErrBackupRefused = errors.New("backup refused")

// Backup writes a copy of the database file at path to dest while servers
// may be reading and writing it. VACUUM INTO reads one snapshot of the
// database (the write-ahead log lets writers go on meanwhile) and writes
// it, compacted and without a log, to a new file: every write committed
// before the snapshot is in the copy, none after it. The copy is made
// under a temporary name beside dest, synced, and then given dest's
// name, so that a file at dest is always a whole backup; dest must not
// exist. The database is neither created nor migrated: a backup of a file
// from another version of chime is that file as it is.
func Backup(ctx context.Context, path, dest string) (err error) {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("sqlite: backup of %s: %w", path, err)
	}
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("sqlite: backup to %s: the file exists; choose a new name: %w", dest, ErrBackupRefused)
	}
	v := url.Values{}
	v.Set("mode", "rw") // never create the file being backed up
	v.Add("_pragma", "busy_timeout(10000)")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+v.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	var tables int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&tables); err != nil {
		return fmt.Errorf("sqlite: backup of %s: %w", path, err)
	}
	if tables == 0 {
		return fmt.Errorf("sqlite: backup of %s: not a chime database (it has no schema_migrations table): %w", path, ErrBackupRefused)
	}

	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".partial-*")
	if err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", dest, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer func() {
		if err != nil {
			os.Remove(tmpName)
		}
	}()
	// VACUUM INTO writes only into a file that is missing or empty.
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return fmt.Errorf("sqlite: backup of %s: %w", path, err)
	}
	// SQLite does not sync what VACUUM INTO wrote.
	if err := syncFile(tmpName); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", dest, err)
	}
	if err := nameCopy(tmpName, dest); err != nil {
		return err
	}
	if err := syncFile(filepath.Dir(dest)); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", dest, err)
	}
	return nil
}

// nameCopy gives the finished copy at tmp the name dest, never replacing a
// file there. A hard link does that in one step; on a file system without
// hard links (FAT, exFAT, some network and FUSE mounts) the copy is renamed
// after a last check that dest is free, which a file made at dest in
// between would lose to.
func nameCopy(tmp, dest string) error {
	err := os.Link(tmp, dest)
	switch {
	case err == nil:
		os.Remove(tmp) // the copy has its name; a leftover second name is harmless
		return nil
	case errors.Is(err, os.ErrExist):
		return fmt.Errorf("sqlite: backup to %s: the file exists; choose a new name: %w", dest, ErrBackupRefused)
	}
	if _, statErr := os.Lstat(dest); statErr == nil {
		return fmt.Errorf("sqlite: backup to %s: the file exists; choose a new name: %w", dest, ErrBackupRefused)
	}
	if renameErr := os.Rename(tmp, dest); renameErr != nil {
		return fmt.Errorf("sqlite: backup to %s: %w (and a hard link: %v)", dest, renameErr, err)
	}
	return nil
}

func syncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
