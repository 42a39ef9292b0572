package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/openchime/chime"
	"github.com/openchime/chime/apispec"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlstore"
)

// stateControl is the server's restjson.StateControl: the store's reset,
// snapshot and restore, and the start state that a reset loads again
// (the fixtures, and development mode's example account).
type stateControl struct {
	s *Server
}

// loadStart loads the start state of owner (of every AWS account with
// all), and returns how many rows it holds afterwards.
func (s *Server) loadStart(ctx context.Context, owner chime.Owner, all bool) (int, error) {
	if err := s.fixtures.Apply(ctx, s.api, func(o chime.Owner) bool { return all || o == owner }); err != nil {
		if ce := (*chime.Error)(nil); errors.As(err, &ce) && ce.Kind == chime.BadRequest {
			return 0, chime.Errorf(chime.BadRequest, "The fixtures could not be loaded again: %s", ce.Message)
		}
		return 0, err // the store's failure keeps its kind: a 503 stays one
	}
	if s.cfg.Dev && (all || owner == sigv4.DevAccountID) {
		if err := seedExample(ctx, s.store.Services().Accounts); err != nil {
			return 0, err
		}
	}
	if all {
		c, err := s.store.Count(ctx)
		return c.Total() - c.Secrets, err
	}
	return s.store.CountOwner(ctx, owner)
}

func (st stateControl) Reset(ctx context.Context, owner chime.Owner, all bool) (int, int, error) {
	s := st.s
	removed, err := s.store.Reset(ctx, owner, all)
	if err != nil {
		return 0, 0, err
	}
	if all && s.seeded != nil {
		// A deterministic server after a reset of everything answers as it
		// did after its start: the same ids, from the same time.
		s.seeded.Restart()
		s.clock.Rewind()
	}
	loaded, err := s.loadStart(ctx, owner, all)
	return removed, loaded, err
}

// maxSnapshot is the largest snapshot AdminRestoreSnapshot takes back,
// in bytes of the JSON string it travels as: its member's bound, and the
// request body that carries it.
func (s *Server) maxSnapshot() int {
	limit := int64(apispec.Lookup("AdminRestoreSnapshot").Input.MemberNamed("Snapshot").Shape.Max)
	body := s.cfg.MaxBodyBytes
	if body <= 0 {
		body = restjson.DefaultMaxBodyBytes
	}
	return int(min(limit, body))
}

func (st stateControl) Snapshot(ctx context.Context, owner chime.Owner) (string, error) {
	// One line, the records separated by spaces: the text output writes a
	// line feed inside a value as \n, so that lines would not survive
	// `--query Snapshot --output text > file`; a JSON decoder, chime
	// import's included, reads records apart by any white space.
	var b strings.Builder
	limit, size := st.s.maxSnapshot(), 0
	err := st.s.store.Snapshot(ctx, owner, func(r sqlstore.Record) error {
		line, err := json.Marshal(r)
		if err != nil {
			return err
		}
		// What could not be restored is not built: the size counts the
		// escapes the snapshot takes inside a request's JSON.
		size += 1 + len(line) + bytes.Count(line, []byte{'"'}) + bytes.Count(line, []byte{'\\'})
		if size > limit {
			return chime.Errorf(chime.Unprocessable, "The AWS account's data is larger than a snapshot may be (%d bytes, bounded by --max-body-bytes); chime export saves it whole", limit)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(line)
		return nil
	})
	if err != nil {
		return "", err
	}
	return b.String(), nil
}

func (st stateControl) Restore(ctx context.Context, owner chime.Owner, snapshot string) (int, int, error) {
	var records []sqlstore.Record
	dec := json.NewDecoder(strings.NewReader(snapshot))
	dec.DisallowUnknownFields()
	for {
		var r sqlstore.Record
		err := dec.Decode(&r)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, 0, chime.Errorf(chime.BadRequest, "The snapshot is not a series of export records: record %d does not read", len(records)+1)
		}
		records = append(records, r)
	}
	return st.s.store.Restore(ctx, owner, records)
}

var _ restjson.StateControl = stateControl{}
