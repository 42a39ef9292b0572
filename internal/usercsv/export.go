package usercsv

import (
	"context"
	"encoding/csv"
	"io"
)

// User is one user as an export writes it: the members of ListUsers'
// users that an import reads back, and the id and state.
type User struct {
	UserID string
	Email  string
	// DisplayName is written as the Username column: what CreateUser
	// makes the display name of a private user from.
	DisplayName  string
	UserType     string
	LicenseType  string
	Registration string
}

// Writer writes a users file: the header, then a row a user.
type Writer struct {
	w      *csv.Writer
	header bool
}

// NewWriter returns a Writer on w. Lines end in CRLF, as RFC 4180 and
// spreadsheets have them.
func NewWriter(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{w: cw}
}

// Write writes one user, after the header the first time. A value a
// spreadsheet would run as a formula is written with a leading
// apostrophe, which Read removes.
func (w *Writer) Write(u User) error {
	if !w.header {
		w.header = true
		if err := w.w.Write(exportColumns); err != nil {
			return err
		}
	}
	rec := []string{u.Email, u.DisplayName, u.UserType, u.LicenseType, u.UserID, u.Registration}
	for i := range rec {
		rec[i] = escapeFormula(rec[i])
	}
	return w.w.Write(rec)
}

// Flush writes the header if no user was written, and whatever is
// buffered, and returns the first error of any write.
func (w *Writer) Flush() error {
	if !w.header {
		w.header = true
		if err := w.w.Write(exportColumns); err != nil {
			return err
		}
	}
	w.w.Flush()
	return w.w.Error()
}

// Export writes every user of the account, in ListUsers' order, page
// after page, and returns how many it wrote. progress, when not nil, is
// called after each page with the users written so far.
func Export(ctx context.Context, api API, w io.Writer, progress func(n int)) (int, error) {
	out := NewWriter(w)
	n := 0
	token := ""
	for {
		users, next, err := api.ListUsers(ctx, token)
		if err != nil {
			return n, err
		}
		for _, u := range users {
			if err := out.Write(u); err != nil {
				return n, err
			}
			n++
		}
		if progress != nil {
			progress(n)
		}
		if next == "" {
			return n, out.Flush()
		}
		token = next
	}
}
