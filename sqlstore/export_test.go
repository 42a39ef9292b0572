package sqlstore

// The table lists, for the tests of package sqlstore_test that hold them
// against the live schema of every engine.
var (
	ExportedTables   = exportedTables
	UnexportedTables = unexportedTables
)
