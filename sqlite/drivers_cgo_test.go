//go:build cgosqlite

package sqlite

import (
	"context"
	"database/sql"
	"net/url"
	"strings"

	"github.com/mattn/go-sqlite3"
	"github.com/openchime/chime/sqlstore"
)

// cgoDriver is the C SQLite of github.com/mattn/go-sqlite3, giving each
// connection the pragmas Open gives modernc's (mattn's DSN has no general
// pragma parameter, and not every one of them).
const cgoDriver = "sqlite3-chime"

func init() {
	sql.Register(cgoDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		for _, p := range filePragmas {
			name, value, _ := strings.Cut(strings.TrimSuffix(p, ")"), "(")
			if _, err := c.Exec("PRAGMA "+name+" = "+value, nil); err != nil {
				return err
			}
		}
		return nil
	}})
}

// openC is Open on the C SQLite. Its errors are not classified (Dialect
// knows modernc's), which the benchmarks never meet.
var openC opener = openCgo

func openCgo(ctx context.Context, path string, o sqlstore.Options) (*sqlstore.Store, error) {
	if err := makeDir(path); err != nil {
		return nil, err
	}
	db, err := sql.Open(cgoDriver, "file:"+(&url.URL{Path: path}).EscapedPath()+"?_txlock=immediate")
	if err != nil {
		return nil, err
	}
	return openFile(ctx, db, path, o)
}
