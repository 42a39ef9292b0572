//go:build !cgosqlite

package sqlite

// openC is nil without the cgosqlite tag: the C SQLite is not built.
var openC opener
