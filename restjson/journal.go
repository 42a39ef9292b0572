package restjson

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
)

// The request journal: the last requests this node answered, for a test
// to check what its code called ("CreateUser twice, and the second got a
// Conflict"). It is the node's memory only, bounded by its size and by
// maxJournalString; each AWS account reads and clears its own entries.
// Parameters are kept with the model's sensitive values and apispec's
// Personal members masked, so that the journal holds no e-mail address,
// name, phone number or token.

// journalEntry is one answered request.
type journalEntry struct {
	at         time.Time
	op         string
	status     int
	errorCode  string
	requestID  string
	owner      chime.Owner
	parameters string
}

// journal is a ring of the last entries. It grows as requests come, so
// that a large size costs memory only once that many are answered.
type journal struct {
	mu      sync.Mutex
	size    int            // the most entries kept
	entries []journalEntry // a ring once full
	next    int            // where the next entry goes once full
}

func newJournal(size int) *journal {
	if size <= 0 {
		return nil
	}
	return &journal{size: size}
}

func (j *journal) add(e journalEntry) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.entries) < j.size {
		j.entries = append(j.entries, e)
		return
	}
	j.entries[j.next] = e
	j.next = (j.next + 1) % len(j.entries)
}

// list returns owner's entries that keep, oldest first.
func (j *journal) list(owner chime.Owner, keep func(*journalEntry) bool) []journalEntry {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []journalEntry
	n := len(j.entries)
	for i := range n {
		e := &j.entries[(j.next+i)%n]
		if e.owner == owner && keep(e) {
			out = append(out, *e)
		}
	}
	return out
}

// clear forgets owner's entries, keeping the others' in order.
func (j *journal) clear(owner chime.Owner) {
	j.mu.Lock()
	defer j.mu.Unlock()
	n := len(j.entries)
	var kept []journalEntry
	for i := range n {
		if e := j.entries[(j.next+i)%n]; e.owner != owner {
			kept = append(kept, e)
		}
	}
	j.entries, j.next = kept, 0
}

// journalOps are the journal's own operations, which it does not record:
// reading the journal must not change it.
func journalOp(name string) bool { return name == "AdminListRequests" || name == "AdminDeleteRequests" }

// record adds an answered request to the journal.
func (a *API) record(at time.Time, requestID string, info *requestInfo, status int) {
	if a.journal == nil || info.owner == "" || journalOp(info.op) {
		return
	}
	e := journalEntry{at: at, op: info.op, status: status, requestID: requestID, owner: info.owner}
	if status >= 400 && info.failure != nil {
		we, _ := toWire(info.failure)
		e.errorCode = we.Exception
	}
	if info.call != nil {
		e.parameters = maskedParameters(info.call)
	}
	a.journal.add(e)
}

// masked stands for a sensitive value.
const masked = "***"

// maxJournalString bounds a string the journal keeps: a snapshot or a
// long value is summarised, so that the journal's memory stays a few
// kilobytes per request whatever the requests carry.
const maxJournalString = 256

func maskMember(m apispec.Member, v any) any {
	if m.Personal {
		return masked
	}
	return maskValue(m.Shape, v)
}

// maskedParameters is the call's input as a JSON object, by member name:
// labels, query parameters and body, with every value of a sensitive
// shape replaced by masked.
func maskedParameters(c *call) string {
	params := map[string]any{}
	if in := c.op.Input; in != nil {
		for _, m := range in.Members {
			switch m.Location {
			case apispec.URI:
				params[m.Name] = maskMember(m, c.labels[m.LocationName])
			case apispec.Query:
				if v, ok := c.query[m.LocationName]; ok && len(v) > 0 {
					params[m.Name] = maskMember(m, v[0])
				}
			case apispec.Body:
				if v, ok := c.doc[m.Name]; ok {
					params[m.Name] = maskMember(m, v)
				}
			}
		}
	}
	b, err := json.Marshal(params)
	if err != nil {
		return "{}" // only validated documents reach here; they encode
	}
	return string(b)
}

func maskValue(s *apispec.Shape, v any) any {
	if s.Sensitive {
		return masked
	}
	switch s.Type {
	case apispec.String:
		if str, ok := v.(string); ok && len(str) > maxJournalString {
			return fmt.Sprintf("(%d characters)", len(str))
		}
	case apispec.List:
		if items, ok := v.([]any); ok {
			out := make([]any, len(items))
			for i, item := range items {
				out[i] = maskValue(s.Member, item)
			}
			return out
		}
	case apispec.Structure:
		if obj, ok := v.(map[string]any); ok {
			out := make(map[string]any, len(obj))
			for _, m := range s.Members {
				if mv, ok := obj[m.Name]; ok {
					out[m.Name] = maskMember(m, mv)
				}
			}
			return out
		}
	}
	return v
}

func (a *API) checkJournal() error {
	if a.journal == nil {
		return chime.Errorf(chime.Forbidden, "The request journal is not enabled on this server (start it with --dev or --journal-size)")
	}
	return nil
}

func (a *API) handleAdminListRequests(ctx context.Context, owner chime.Owner, in *AdminListRequestsRequest) (*AdminListRequestsResponse, error) {
	if err := a.checkJournal(); err != nil {
		return nil, err
	}
	var since time.Time
	if in.Since != nil {
		t, err := time.Parse(time.RFC3339Nano, *in.Since)
		if err != nil {
			return nil, chime.Errorf(chime.BadRequest, "Since must be an ISO 8601 time such as 2026-01-01T00:00:00Z")
		}
		since = t
	}
	entries := a.journal.list(owner, func(e *journalEntry) bool {
		return (in.Operation == nil || e.op == *in.Operation) &&
			(in.Status == nil || int64(e.status) == *in.Status) &&
			!e.at.Before(since)
	})
	out := &AdminListRequestsResponse{Requests: make([]JournalEntry, 0, len(entries))}
	for _, e := range entries {
		je := JournalEntry{Time: &e.at, Operation: &e.op, RequestId: &e.requestID, AwsAccountId: &e.owner}
		status := int64(e.status)
		je.Status = &status
		if e.errorCode != "" {
			je.ErrorCode = &e.errorCode
		}
		if e.parameters != "" {
			je.Parameters = &e.parameters
		}
		out.Requests = append(out.Requests, je)
	}
	return out, nil
}

func (a *API) handleAdminDeleteRequests(ctx context.Context, owner chime.Owner, in *AdminDeleteRequestsRequest) error {
	if err := a.checkJournal(); err != nil {
		return err
	}
	a.journal.clear(owner)
	return nil
}
