package console

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/internal/usercsv"
	"github.com/openchime/chime/sigv4"
)

// Users from and to CSV files: an import runs in the background, row by
// row through the API (internal/usercsv, as `chime admin-import-users`
// runs it), while its page shows the progress and, at the end, a result
// per row; an export is a download.

// MaxImportBytes bounds the body of an import: the file and the form.
const MaxImportBytes = usercsv.MaxFileBytes + MaxFormBytes

// importJobs keeps the imports of this node, each visible to the session
// that started it only. Finished imports are forgotten an hour after they
// finished, and
// at most maxImportJobs are kept, so that the map stays small.
type importJobs struct {
	mu   sync.Mutex
	byID map[string]*importJob
}

const (
	maxImportJobs = 100
	// maxRunningImports bounds one session's imports running at once, so
	// that one signed-in key cannot take every place of maxImportJobs.
	maxRunningImports = 2
	importJobTTL      = time.Hour
	importDeadline    = 30 * time.Minute
)

type importJob struct {
	id, sessionID, accountID string

	mu    sync.Mutex
	done  int
	total int
	// finishedAt is when the import ended; zero while it runs.
	finishedAt time.Time
	report     *usercsv.Report
	// stopped is why the import stopped before its end, in words a
	// person can act on; "" when it ran to the end.
	stopped string
}

// importState is a copy of the job's state, for a page.
type importState struct {
	ID, AccountID string
	Done, Total   int
	Percent       int
	Finished      bool
	Report        *usercsv.Report
	Stopped       string
}

func (j *importJob) state() importState {
	j.mu.Lock()
	defer j.mu.Unlock()
	st := importState{ID: j.id, AccountID: j.accountID, Done: j.done, Total: j.total, Finished: !j.finishedAt.IsZero(), Report: j.report, Stopped: j.stopped}
	if j.total > 0 {
		st.Percent = j.done * 100 / j.total
	}
	return st
}

// finished returns when the import ended; zero while it runs.
func (j *importJob) finished() time.Time {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.finishedAt
}

func (js *importJobs) add(j *importJob, now time.Time) bool {
	js.mu.Lock()
	defer js.mu.Unlock()
	if js.byID == nil {
		js.byID = map[string]*importJob{}
	}
	running := 0
	for id, old := range js.byID {
		switch at := old.finished(); {
		case !at.IsZero() && now.Sub(at) > importJobTTL:
			delete(js.byID, id)
		case at.IsZero() && old.sessionID == j.sessionID:
			running++
		}
	}
	if len(js.byID) >= maxImportJobs || running >= maxRunningImports {
		return false
	}
	js.byID[j.id] = j
	return true
}

func (js *importJobs) get(id string, s *session) *importJob {
	js.mu.Lock()
	defer js.mu.Unlock()
	j := js.byID[id]
	if j == nil || j.sessionID != s.id {
		return nil
	}
	return j
}

// importAPI is usercsv.API on the console's own path: each row's
// operations are run as the signed-in principal through the API's
// validation and handlers, as every other console action.
func (c *Console) importAPI(p *sigv4.Principal, accountID string) usercsv.API {
	call := func(ctx context.Context, op string, in map[string]any) ([]byte, error) {
		return c.cfg.API.Invoke(ctx, p, op, in)
	}
	return usercsv.CallAPI(call, importRefusal, accountID)
}

// importRefusal is a row's error as `chime admin-import-users` sorts it:
// a refusal of the client's (a 4xx but 429) makes the row invalid; any
// other error stops the import.
func importRefusal(err error) error {
	var e *chime.Error
	if errors.As(err, &e) && kindStatus(e.Kind) < 500 && e.Kind != chime.Throttled {
		return &usercsv.Refusal{Conflict: e.Kind == chime.Conflict, Reason: e.Message, Err: err}
	}
	return err
}

type importPage struct {
	// Problem is why the file was refused before any row ran.
	Problem string
	Job     *importState
	Columns []string
	Max     int
}

func (c *Console) handleImportForm(w http.ResponseWriter, r *http.Request, s *session) {
	a := c.loadAccount(w, r, s)
	if a == nil {
		return
	}
	c.render(w, http.StatusOK, "import", &page{Title: "Import users into " + a.Name, Section: "import", Session: s, Account: a,
		Data: &importPage{Columns: usercsv.ImportColumns(), Max: usercsv.MaxRows}})
}

func (c *Console) handleImport(w http.ResponseWriter, r *http.Request, s *session) {
	a := c.loadAccount(w, r, s)
	if a == nil {
		return
	}
	d := &importPage{Columns: usercsv.ImportColumns(), Max: usercsv.MaxRows}
	p := &page{Title: "Import users into " + a.Name, Section: "import", Session: s, Account: a, Data: d}
	file, _, err := r.FormFile("file")
	if err != nil {
		d.Problem = "Choose a CSV file to import."
		c.render(w, http.StatusBadRequest, "import", p)
		return
	}
	defer file.Close()
	rows, err := usercsv.Read(file)
	if err != nil {
		d.Problem = err.Error()
		c.render(w, http.StatusBadRequest, "import", p)
		return
	}
	j := &importJob{id: c.randomHex(16), sessionID: s.id, accountID: a.AccountId, total: len(rows)}
	if !c.imports.add(j, c.cfg.Now()) {
		d.Problem = fmt.Sprintf("Too many imports are running (at most %d of yours at once) or kept on this server; try again when one has finished.", maxRunningImports)
		c.render(w, http.StatusServiceUnavailable, "import", p)
		return
	}
	api := c.importAPI(s.principal, a.AccountId)
	// The import outlives the request that started it, within a deadline
	// of its own.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), importDeadline)
	go func() {
		defer cancel()
		c.runImport(ctx, j, api, rows)
	}()
	http.Redirect(w, r, accountPath(a.AccountId)+"/import/"+j.id, http.StatusSeeOther)
}

// runImport runs the rows and keeps their outcome on j. It stops on a
// failure to run a row, and on a panic in one: a panic here, off any
// request, would otherwise end the server.
func (c *Console) runImport(ctx context.Context, j *importJob, api usercsv.API, rows []usercsv.Row) {
	var rep *usercsv.Report
	var err error
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
		j.mu.Lock()
		defer j.mu.Unlock()
		j.finishedAt, j.report = c.cfg.Now(), rep
		if err != nil {
			id := c.cfg.NewRequestID()
			c.cfg.Logger.Error("console: an import stopped", "request_id", id, "account_id", j.accountID, "error", err.Error())
			j.stopped = "The import stopped before its end: the server could not run a row. Rows after it were not run; import them again later. Request id " + id + "."
		}
	}()
	rep, err = usercsv.Import(ctx, api, rows, func(done, _ int, _ usercsv.Result) {
		j.mu.Lock()
		j.done = done
		j.mu.Unlock()
	})
}

func (c *Console) handleImportProgress(w http.ResponseWriter, r *http.Request, s *session) {
	a := c.loadAccount(w, r, s)
	if a == nil {
		return
	}
	j := c.imports.get(r.PathValue("job"), s)
	if j == nil || j.accountID != a.AccountId {
		c.notFound(w, r, s)
		return
	}
	st := j.state()
	if !st.Finished {
		// Without JavaScript, the page asks the browser to load it again.
		w.Header().Set("Refresh", "1")
	}
	c.render(w, http.StatusOK, "importprogress", &page{Title: "Importing users into " + a.Name, Section: "import", Session: s, Account: a, Data: &st})
}

func (c *Console) handleExport(w http.ResponseWriter, r *http.Request, s *session) {
	a := c.loadAccount(w, r, s)
	if a == nil {
		return
	}
	if r.URL.Query().Get("download") == "" {
		c.render(w, http.StatusOK, "export", &page{Title: "Export the users of " + a.Name, Section: "export", Session: s, Account: a})
		return
	}
	// Into memory first: an export that fails half-way must not reach the
	// browser as a file that looks whole.
	var b bytes.Buffer
	if _, err := usercsv.Export(r.Context(), c.importAPI(s.principal, a.AccountId), &b, nil); err != nil {
		f := c.explain(r, "ListUsers", err, "AccountId")
		c.render(w, f.status, "refused", &page{Title: "Not exported", Session: s, Account: a, Error: "The users could not be exported. " + f.top})
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="users-`+a.AccountId+`.csv"`)
	h.Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(http.StatusOK)
	w.Write(b.Bytes())
}
