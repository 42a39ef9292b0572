package cli

import (
	"strings"
	"testing"

	"github.com/openchime/chime/internal/usercsv"
)

// The help of the CSV commands names their columns in prose; every column
// the file format has must be there, so that a column added to usercsv
// cannot go unmentioned.
func TestUserFileHelpNamesEveryColumn(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		columns    []string
	}{
		{"import-users usage", importUsersUsage, usercsv.ImportColumns()},
		{"import-users summary", userFileCommands[0].doc, usercsv.ImportColumns()},
		{"export-users usage", exportUsersUsage, usercsv.ExportColumns()},
	} {
		for _, c := range tc.columns {
			if !strings.Contains(tc.text, c) {
				t.Errorf("the %s does not name the column %s", tc.name, c)
			}
		}
	}
}
