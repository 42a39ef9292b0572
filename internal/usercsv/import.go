package usercsv

import (
	"context"
	"errors"
	"fmt"
)

// API is what an import and an export call, on one account. Each
// implementation reports the API's refusal of a request as a *Refusal
// (CallAPI, on whatever carries the operations; ClientAPI over HTTP); any
// other error is a failure to ask, which stops an import.
type API interface {
	// CreateUser is the API's CreateUser with the row's e-mail, user name
	// and user type (empty values left out); it returns the new user's id.
	CreateUser(ctx context.Context, r Row) (userID string, err error)
	// UpdateUserLicense is the API's UpdateUser with a LicenseType.
	UpdateUserLicense(ctx context.Context, userID, license string) error
	// ListUsers is one page of the API's ListUsers (every user), after
	// the page nextToken ended; "" asks for the first, and a returned ""
	// ends the list.
	ListUsers(ctx context.Context, nextToken string) (users []User, next string, err error)
}

// Refusal is the API's answer refusing one request: the row is invalid,
// or its address is taken (Conflict).
type Refusal struct {
	Conflict bool
	// Reason is the API's message.
	Reason string
	// Err is the error the refusal came as, for a caller that reports it
	// its own way.
	Err error
}

func (r *Refusal) Error() string { return r.Reason }

func (r *Refusal) Unwrap() error { return r.Err }

// Outcome is what became of a row.
type Outcome string

// Outcomes, in the order a summary counts them.
const (
	// Created: the user was created (and given the row's licence).
	Created Outcome = "created"
	// Exists: a user with the address exists already, in this or another
	// account of the same AWS account (CreateUser's Conflict); the row
	// changed nothing.
	Exists Outcome = "already exists"
	// Invalid: the API refused the row, for Reason. A user created whose
	// licence was then refused is invalid, with its UserID.
	Invalid Outcome = "invalid"
)

// Outcomes lists the outcomes in summary order.
var Outcomes = []Outcome{Created, Exists, Invalid}

// Result is the outcome of one row.
type Result struct {
	Row     Row
	Outcome Outcome
	// UserID is the created user's.
	UserID string
	// Reason is the API's message for a row it refused.
	Reason string
}

// Progress is called after each row, with the rows done and the rows of
// the file.
type Progress func(done, total int, last Result)

// Report is the outcome of an import.
type Report struct {
	// Results has one entry per row run, in file order.
	Results []Result
	// Counts are the rows of each outcome.
	Counts map[Outcome]int
}

// OK reports whether every row was created or already existed.
func (r *Report) OK() bool { return r.Counts[Invalid] == 0 }

// Summary is one line: how many rows of each outcome.
func (r *Report) Summary() string {
	return fmt.Sprintf("%d rows: %d created, %d already exist, %d invalid",
		len(r.Results), r.Counts[Created], r.Counts[Exists], r.Counts[Invalid])
}

// Import runs each row in file order: CreateUser, then UpdateUser for a
// row with a licence, and sorts the outcome. progress may be nil. An
// error that is not a refusal (the API cannot be reached, fails, or ctx
// ends) stops the import: it returns the report of the rows before, and
// the error naming the row's line.
func Import(ctx context.Context, api API, rows []Row, progress Progress) (*Report, error) {
	rep := &Report{Results: make([]Result, 0, len(rows)), Counts: map[Outcome]int{}}
	for i, row := range rows {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		res, err := importRow(ctx, api, row)
		if err != nil {
			return rep, fmt.Errorf("line %d: %w", row.Line, err)
		}
		rep.Results = append(rep.Results, res)
		rep.Counts[res.Outcome]++
		if progress != nil {
			progress(i+1, len(rows), res)
		}
	}
	return rep, nil
}

func importRow(ctx context.Context, api API, row Row) (Result, error) {
	res := Result{Row: row}
	id, err := api.CreateUser(ctx, row)
	var refused *Refusal
	switch {
	case errors.As(err, &refused) && refused.Conflict:
		res.Outcome, res.Reason = Exists, refused.Reason
		return res, nil
	case errors.As(err, &refused):
		res.Outcome, res.Reason = Invalid, refused.Reason
		return res, nil
	case err != nil:
		return res, err
	}
	res.Outcome, res.UserID = Created, id
	if row.LicenseType == "" {
		return res, nil
	}
	err = api.UpdateUserLicense(ctx, id, row.LicenseType)
	switch {
	case errors.As(err, &refused):
		res.Outcome = Invalid
		res.Reason = "the user was created, but its LicenseType was refused: " + refused.Reason
		return res, nil
	case err != nil:
		return res, fmt.Errorf("user %s was created, but its LicenseType was not set: %w", id, err)
	}
	return res, nil
}
