// Package usercsv provisions the users of a Chime account from a CSV file
// and writes an account's users as one: the file format (Read, Write), the
// import that runs each row against the API and sorts its outcome
// (Import), and the export that pages through ListUsers (Export). The
// console and `chime admin-import-users` share it; each calls the API its
// own way through the small API interface, so that every rule a row must
// pass is the API's own, with its message: CallAPI writes the operations'
// inputs and reads their outputs once, whatever carries them; ClientAPI
// sends them over HTTP, and the console through the server's own
// validating path.
//
// It imports chime (page sizes), client (ClientAPI) and the standard
// library.
package usercsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The columns of a users file, named as the API's members are. A file
// must have Email; the other columns are optional and may come in any
// order. Header names match in any case.
const (
	ColumnEmail       = "Email"
	ColumnUsername    = "Username"
	ColumnUserType    = "UserType"
	ColumnLicenseType = "LicenseType"
	// ColumnUserID and ColumnRegistration are written by an export and
	// ignored by an import, so that an export can be imported again.
	ColumnUserID       = "UserId"
	ColumnRegistration = "UserRegistrationStatus"
)

// importColumns are the columns an import reads; exportColumns those an
// export writes, in order.
var (
	importColumns = []string{ColumnEmail, ColumnUsername, ColumnUserType, ColumnLicenseType}
	exportColumns = []string{ColumnEmail, ColumnUsername, ColumnUserType, ColumnLicenseType, ColumnUserID, ColumnRegistration}
)

// ImportColumns are the columns an import reads, in their usual order.
func ImportColumns() []string { return append([]string(nil), importColumns...) }

// ExportColumns are the columns an export writes, in order.
func ExportColumns() []string { return append([]string(nil), exportColumns...) }

// Bounds of a users file: a bigger one is refused before any row runs.
const (
	MaxFileBytes = 8 << 20
	MaxRows      = 50_000
)

// Row is one user of a users file, its values as the file has them.
type Row struct {
	// Line is the line of the file the row starts on, from 1 (the header).
	Line        int
	Email       string
	Username    string
	UserType    string
	LicenseType string
}

// FileError is a file that cannot be read as a users file: nothing of it
// runs. Line is 0 when the fault is not on one line (the file's size).
type FileError struct {
	Line   int
	Reason string
}

func (e *FileError) Error() string {
	if e.Line == 0 {
		return e.Reason
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// bom is the byte order mark some spreadsheets write first.
const bom = "\ufeff"

// Read reads a users file: a header row, then one user a row. Lines may
// end in CRLF; a leading byte order mark, blank lines and rows of empty
// fields are skipped; a row may have fewer fields than the header (the
// rest are empty) but not more. Values are kept as they are, spaces
// included, for the API to judge. It returns a *FileError for a file
// that is not one: malformed CSV, no Email column, a column named twice
// or unknown, or more than MaxFileBytes or MaxRows.
func Read(r io.Reader) ([]Row, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, &FileError{Reason: fmt.Sprintf("the file is larger than %d MiB", MaxFileBytes>>20)}
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &FileError{Line: 1, Reason: "the file is empty: it needs a header row naming the columns, " + strings.Join(importColumns, ", ")}
	}
	if err != nil {
		return nil, csvError(err)
	}
	index, err := readHeader(header)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(rec) > len(header) {
			return nil, &FileError{Line: line, Reason: fmt.Sprintf("%d fields, but the header names %d columns", len(rec), len(header))}
		}
		if len(rows) == MaxRows {
			return nil, &FileError{Line: line, Reason: fmt.Sprintf("more than %d users: split the file", MaxRows)}
		}
		field := func(col string) string {
			if i, ok := index[col]; ok && i < len(rec) {
				return unescapeFormula(rec[i])
			}
			return ""
		}
		rows = append(rows, Row{Line: line, Email: field(ColumnEmail), Username: field(ColumnUsername),
			UserType: field(ColumnUserType), LicenseType: field(ColumnLicenseType)})
	}
}

// readHeader maps each column an import reads to its field.
func readHeader(header []string) (map[string]int, error) {
	index := map[string]int{}
	for i, name := range header {
		name = strings.TrimSpace(name)
		col := ""
		for _, c := range exportColumns {
			if strings.EqualFold(name, c) {
				col = c
			}
		}
		if col == "" {
			return nil, &FileError{Line: 1, Reason: fmt.Sprintf("unknown column %q: the columns are %s (and %s, %s, which an import ignores)",
				name, strings.Join(importColumns, ", "), ColumnUserID, ColumnRegistration)}
		}
		if _, dup := index[col]; dup {
			return nil, &FileError{Line: 1, Reason: fmt.Sprintf("column %s is named twice", col)}
		}
		index[col] = i
	}
	if _, ok := index[ColumnEmail]; !ok {
		return nil, &FileError{Line: 1, Reason: fmt.Sprintf("no %s column: the header row must name it", ColumnEmail)}
	}
	return index, nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FileError{Line: pe.Line, Reason: pe.Err.Error()}
	}
	return err
}

// A value a spreadsheet would take for a formula (it begins with =, +,
// -, @, a tab or a carriage return) is written with a leading
// apostrophe, which spreadsheets show as text; so is a value that already
// begins with apostrophes before such a character, so that reading
// removes exactly the one apostrophe writing added.
func escapeFormula(v string) string {
	if formulaLike(strings.TrimLeft(v, "'")) {
		return "'" + v
	}
	return v
}

func unescapeFormula(v string) string {
	if rest, ok := strings.CutPrefix(v, "'"); ok && formulaLike(strings.TrimLeft(rest, "'")) {
		return rest
	}
	return v
}

func formulaLike(v string) bool {
	return v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0]))
}
