package sqlstore

import "testing"

// Restore reads back every table it writes: each exported table needs a
// reader, or a broken row of it would pass.
func TestEveryExportedTableIsReadBack(t *testing.T) {
	for _, table := range exportedTables {
		if _, ok := rowReaders[table]; !ok {
			t.Errorf("%s has no row reader", table)
		}
	}
	if len(rowReaders) != len(exportedTables) {
		t.Errorf("%d row readers for %d exported tables", len(rowReaders), len(exportedTables))
	}
}
