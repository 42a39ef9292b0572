package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/openchime/chime"
)

// PhoneNumberStore is chime.PhoneNumberService on the store's database.
//
// A number's row keeps facts (chime.PhoneNumberRecord): every read returns
// the number as it stands at the store's clock, and every change locks the
// row, settles it at now, applies the domain's rule and writes it back, in
// one transaction. A row deleted longer ago than the retention is a
// released number: it is nobody's, and an order of the number replaces it.
//
// A transaction that locks several numbers locks them in ascending E.164
// order, after the account it locks if any, and never locks an account
// after a number: so on PostgreSQL no two transactions wait for each other
// in a cycle.
type PhoneNumberStore struct{ *core }

var _ chime.PhoneNumberService = PhoneNumberStore{}

const phoneNumberColumns = `seq, aws_account_id, e164, country, number_type, product_type, status,
	inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations,
	calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at`

// storedAssociation is an association as the associations column keeps
// it (JSON), its time in Unix milliseconds.
type storedAssociation struct {
	Name         string `json:"Name"`
	Value        string `json:"Value"`
	AssociatedAt int64  `json:"AssociatedAt"`
}

func associationsColumn(as []chime.PhoneNumberAssociation) string {
	stored := make([]storedAssociation, len(as))
	for i, a := range as {
		stored[i] = storedAssociation{Name: string(a.Name), Value: a.Value, AssociatedAt: toMillis(a.AssociatedAt)}
	}
	b, _ := json.Marshal(stored) // always marshals
	return string(b)
}

// scanPhoneNumber reads a row of phone_numbers with its owner and seq.
func scanPhoneNumber(row interface{ Scan(...any) error }) (*chime.PhoneNumberRecord, string, int64, error) {
	var (
		r                                                  chime.PhoneNumberRecord
		seq, created, updated                              int64
		owner, numberType, product, status, assoc, cnState string
		caps                                               [6]int64
		nameSet, acquired, deleted                         sql.NullInt64
	)
	if err := row.Scan(&seq, &owner, &r.E164, &r.Country, &numberType, &product, &status,
		&caps[0], &caps[1], &caps[2], &caps[3], &caps[4], &caps[5], &assoc,
		&r.CallingName, &cnState, &nameSet, &created, &updated, &acquired, &deleted); err != nil {
		return nil, "", 0, err
	}
	r.Type, r.ProductType, r.Status = chime.PhoneNumberType(numberType), chime.PhoneNumberProductType(product), chime.PhoneNumberStatus(status)
	r.Capabilities = chime.PhoneNumberCapabilities{InboundCall: caps[0] != 0, OutboundCall: caps[1] != 0,
		InboundSMS: caps[2] != 0, OutboundSMS: caps[3] != 0, InboundMMS: caps[4] != 0, OutboundMMS: caps[5] != 0}
	var stored []storedAssociation
	if err := json.Unmarshal([]byte(assoc), &stored); err != nil {
		return nil, "", 0, err
	}
	r.Associations = make([]chime.PhoneNumberAssociation, len(stored))
	for i, a := range stored {
		r.Associations[i] = chime.PhoneNumberAssociation{Name: chime.PhoneNumberAssociationName(a.Name), Value: a.Value,
			AssociatedAt: fromMillis(a.AssociatedAt)}
	}
	r.CallingNameStatus = chime.CallingNameStatus(cnState)
	r.CallingNameSetAt = fromNullMillis(nameSet)
	r.CreatedAt, r.UpdatedAt = fromMillis(created), fromMillis(updated)
	r.AcquiredAt, r.DeletedAt = fromNullMillis(acquired), fromNullMillis(deleted)
	return &r, owner, seq, nil
}

// insertPhoneNumber stores a number for owner unless some row holds it
// already, and reports whether it did. The row that is there may belong
// to a transaction not yet committed: on PostgreSQL the insert then waits
// for it, and a number is never given to two owners.
func (c *core) insertPhoneNumber(ctx context.Context, tx *sql.Tx, owner string, r *chime.PhoneNumberRecord) (bool, error) {
	caps := r.Capabilities
	return c.execMatched(ctx, tx, c.q(`INSERT INTO phone_numbers (aws_account_id, e164, country, number_type, product_type,
		status, inbound_call, outbound_call, inbound_sms, outbound_sms, inbound_mms, outbound_mms, associations,
		calling_name, calling_name_status, calling_name_set_at, created_at, updated_at, acquired_at, deleted_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (e164) DO NOTHING`),
		owner, r.E164, r.Country, string(r.Type), string(r.ProductType), string(r.Status),
		boolInt(caps.InboundCall), boolInt(caps.OutboundCall), boolInt(caps.InboundSMS), boolInt(caps.OutboundSMS),
		boolInt(caps.InboundMMS), boolInt(caps.OutboundMMS), associationsColumn(r.Associations),
		r.CallingName, string(r.CallingNameStatus), nullMillis(r.CallingNameSetAt), toMillis(r.CreatedAt),
		toMillis(r.UpdatedAt), nullMillis(r.AcquiredAt), nullMillis(r.DeletedAt))
}

// savePhoneNumber writes back what a change may change.
func (c *core) savePhoneNumber(ctx context.Context, tx *sql.Tx, owner string, r *chime.PhoneNumberRecord) error {
	_, err := c.on(tx).ExecContext(ctx, c.q(`UPDATE phone_numbers SET product_type = ?, status = ?, associations = ?,
		calling_name = ?, calling_name_status = ?, calling_name_set_at = ?, updated_at = ?, acquired_at = ?, deleted_at = ?
		WHERE aws_account_id = ? AND e164 = ?`),
		string(r.ProductType), string(r.Status), associationsColumn(r.Associations), r.CallingName,
		string(r.CallingNameStatus), nullMillis(r.CallingNameSetAt), toMillis(r.UpdatedAt), nullMillis(r.AcquiredAt),
		nullMillis(r.DeletedAt), owner, r.E164)
	return err
}

// readPhoneNumber reads a number of owner as stored (lock is "" or the
// dialect's lock clause); NotFound if owner has no row for it.
func (c *core) readPhoneNumber(ctx context.Context, q querier, owner, e164, lock string) (*chime.PhoneNumberRecord, error) {
	r, _, _, err := scanPhoneNumber(c.on(q).QueryRowContext(ctx,
		c.q(`SELECT `+phoneNumberColumns+` FROM phone_numbers WHERE aws_account_id = ? AND e164 = ?`+lock), owner, e164))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFoundPhoneNumber()
	}
	return r, err
}

// phoneNumberAt reads a number of owner as it stands at now: NotFound if
// owner has none or it has been released.
func (c *core) phoneNumberAt(ctx context.Context, owner, e164 string, now time.Time) (*chime.PhoneNumberRecord, error) {
	r, err := c.readPhoneNumber(ctx, c.db, owner, e164, "")
	if err != nil {
		return nil, err
	}
	if !r.Settle(now, c.timings) {
		return nil, notFoundPhoneNumber()
	}
	return r, nil
}

// changePhoneNumber locks a number of owner, settles it at now, applies
// change and writes it back; NotFound if owner has none or it has been
// released. It returns the number as it stands at now after the change.
func (c *core) changePhoneNumber(ctx context.Context, tx *sql.Tx, owner, e164 string, now time.Time,
	change func(r *chime.PhoneNumberRecord) error) (*chime.PhoneNumber, error) {
	r, err := c.readPhoneNumber(ctx, tx, owner, e164, c.dialect.LockForUpdate())
	if err != nil {
		return nil, err
	}
	if !r.Settle(now, c.timings) {
		return nil, notFoundPhoneNumber()
	}
	if err := change(r); err != nil {
		return nil, err
	}
	if err := c.savePhoneNumber(ctx, tx, owner, r); err != nil {
		return nil, err
	}
	n, _ := r.At(now, c.timings)
	return &n, nil
}

// lockAnyPhoneNumber reads and locks the row of a number, whoever holds
// it, with its seq; sql.ErrNoRows if there is none.
func (c *core) lockAnyPhoneNumber(ctx context.Context, tx *sql.Tx, e164 string) (*chime.PhoneNumberRecord, int64, error) {
	r, _, seq, err := scanPhoneNumber(c.on(tx).QueryRowContext(ctx,
		c.q(`SELECT `+phoneNumberColumns+` FROM phone_numbers WHERE e164 = ?`+c.dialect.LockForUpdate()), e164))
	return r, seq, err
}

// reserve gives owner the number of r, the record an order makes, if the
// pool has the number and nobody holds it; a released number's row is
// removed first. It reports whether the number is owner's now.
func (c *core) reserve(ctx context.Context, tx *sql.Tx, owner string, r *chime.PhoneNumberRecord, now time.Time) (bool, error) {
	if _, _, ok := chime.PoolNumber(r.E164); !ok {
		return false, nil
	}
	held, seq, err := c.lockAnyPhoneNumber(ctx, tx, r.E164)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, err
	default:
		if _, ok := held.At(now, c.timings); ok {
			return false, nil
		}
		if _, err := c.on(tx).ExecContext(ctx, c.q(`DELETE FROM phone_numbers WHERE seq = ?`), seq); err != nil {
			return false, err
		}
	}
	return c.insertPhoneNumber(ctx, tx, owner, r)
}

// unassignNumbersOfUsers takes back, unassigned, the numbers of users an
// account is about to lose. The caller has locked the account.
func (c *core) unassignNumbersOfUsers(ctx context.Context, tx *sql.Tx, owner, accountID string, userIDs []string) error {
	return c.unassignNumbers(ctx, tx, owner, accountID, func(id string) bool { return slices.Contains(userIDs, id) })
}

// unassignNumbersOfAccount takes back, unassigned, the numbers of every
// user of an account about to be deleted. The caller has locked the account.
func (c *core) unassignNumbersOfAccount(ctx context.Context, tx *sql.Tx, owner, accountID string) error {
	return c.unassignNumbers(ctx, tx, owner, accountID, func(string) bool { return true })
}

func (c *core) unassignNumbers(ctx context.Context, tx *sql.Tx, owner, accountID string, of func(userID string) bool) error {
	rows, err := c.on(tx).QueryContext(ctx, c.q(`SELECT id, phone_number FROM users
		WHERE aws_account_id = ? AND account_id = ? AND phone_number <> ''`), owner, accountID)
	if err != nil {
		return err
	}
	type held struct{ user, number string }
	var numbers []held
	for rows.Next() {
		var h held
		if err := rows.Scan(&h.user, &h.number); err != nil {
			rows.Close()
			return err
		}
		if of(h.user) {
			numbers = append(numbers, h)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	slices.SortFunc(numbers, func(a, b held) int { return strings.Compare(a.number, b.number) })
	now := c.nowMillis()
	for _, h := range numbers {
		_, err := c.changePhoneNumber(ctx, tx, owner, h.number, now, func(r *chime.PhoneNumberRecord) error {
			if assignedTo(r, h.user) {
				chime.DisassociatePhoneNumber(r, now)
			}
			return nil
		})
		if err != nil && !chime.IsKind(err, chime.NotFound) {
			return err
		}
	}
	return nil
}

// assignedTo reports whether a settled number is assigned to the user.
func assignedTo(r *chime.PhoneNumberRecord, userID string) bool {
	return r.Status == chime.Assigned && slices.ContainsFunc(r.Associations, func(a chime.PhoneNumberAssociation) bool {
		return a.Name == chime.AssociatedUserID && a.Value == userID
	})
}

// storedOrderedNumber is a number of an order as the numbers column keeps
// it (JSON).
type storedOrderedNumber struct {
	E164     string `json:"E164"`
	Reserved bool   `json:"Reserved"`
}

const orderColumns = `id, product_type, numbers, created_at, completes_at`

func scanOrder(row interface{ Scan(...any) error }) (*chime.PhoneNumberOrderRecord, error) {
	var (
		o                 chime.PhoneNumberOrderRecord
		product, numbers  string
		created, complete int64
	)
	if err := row.Scan(&o.ID, &product, &numbers, &created, &complete); err != nil {
		return nil, err
	}
	var stored []storedOrderedNumber
	if err := json.Unmarshal([]byte(numbers), &stored); err != nil {
		return nil, err
	}
	o.ProductType = chime.PhoneNumberProductType(product)
	o.Numbers = make([]chime.OrderedNumberRecord, len(stored))
	for i, n := range stored {
		o.Numbers[i] = chime.OrderedNumberRecord{E164: n.E164, Reserved: n.Reserved}
	}
	o.CreatedAt, o.CompletesAt = fromMillis(created), fromMillis(complete)
	return &o, nil
}

func orderedNumbersColumn(ns []chime.OrderedNumberRecord) string {
	stored := make([]storedOrderedNumber, len(ns))
	for i, n := range ns {
		stored[i] = storedOrderedNumber{E164: n.E164, Reserved: n.Reserved}
	}
	b, _ := json.Marshal(stored) // always marshals
	return string(b)
}

// CreatePhoneNumberOrder implements chime.PhoneNumberService. In one
// transaction it reserves each number the pool has and nobody holds,
// taking the account's default calling name; the others fail in the
// order. Two orders of one number at once: the unique number decides,
// and the later order's item fails.
func (s PhoneNumberStore) CreatePhoneNumberOrder(ctx context.Context, owner string, product chime.PhoneNumberProductType, numbers []string) (*chime.PhoneNumberOrder, error) {
	canonical, err := chime.CheckPhoneNumberOrder(product, numbers)
	if err != nil {
		return nil, err
	}
	now := s.nowMillis()
	o := &chime.PhoneNumberOrderRecord{ID: s.newID(), ProductType: product, Numbers: make([]chime.OrderedNumberRecord, len(canonical)),
		CreatedAt: now, CompletesAt: now.Add(s.timings.OrderDelay).Truncate(time.Millisecond)}
	err = s.write(ctx, "create phone number order", func(ctx context.Context, tx *sql.Tx) error {
		var callingName string
		err := s.on(tx).QueryRowContext(ctx, s.q(`SELECT calling_name FROM aws_account_settings WHERE aws_account_id = ?`),
			owner).Scan(&callingName)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		for _, i := range ascending(canonical) {
			r := chime.NewOrderedPhoneNumber(canonical[i], product, now, o.CompletesAt, callingName)
			reserved, err := s.reserve(ctx, tx, owner, r, now)
			if err != nil {
				return err
			}
			o.Numbers[i] = chime.OrderedNumberRecord{E164: canonical[i], Reserved: reserved}
		}
		_, err = s.on(tx).ExecContext(ctx, s.q(`INSERT INTO phone_number_orders (aws_account_id, id, product_type, numbers,
			created_at, completes_at) VALUES (?, ?, ?, ?, ?, ?)`), owner, o.ID, string(o.ProductType),
			orderedNumbersColumn(o.Numbers), toMillis(o.CreatedAt), toMillis(o.CompletesAt))
		return err
	})
	if err != nil {
		return nil, err
	}
	out := o.At(now)
	return &out, nil
}

// ascending returns the indexes of numbers in ascending order of the
// numbers: the order transactions lock numbers in.
func ascending(numbers []string) []int {
	idx := make([]int, len(numbers))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return numbers[idx[a]] < numbers[idx[b]] })
	return idx
}

// GetPhoneNumberOrder implements chime.PhoneNumberService.
func (s PhoneNumberStore) GetPhoneNumberOrder(ctx context.Context, owner, orderID string) (*chime.PhoneNumberOrder, error) {
	now := s.nowMillis()
	o, err := scanOrder(s.on(s.db).QueryRowContext(ctx, s.q(`SELECT `+orderColumns+` FROM phone_number_orders
		WHERE aws_account_id = ? AND id = ?`), owner, orderID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chime.Errorf(chime.NotFound, "The phone number order %s was not found", orderID)
	}
	if err != nil {
		return nil, s.classify("get phone number order", err)
	}
	out := o.At(now)
	return &out, nil
}

// ListPhoneNumberOrders implements chime.PhoneNumberService: by creation
// time, then id. The cursor is the last order's time and id.
func (s PhoneNumberStore) ListPhoneNumberOrders(ctx context.Context, owner string, p chime.PageRequest) (*chime.PhoneNumberOrderPage, error) {
	limit, err := pageSize(p, chime.ResultMaxPageSize, chime.ResultMaxPageSize)
	if err != nil {
		return nil, err
	}
	afterTime, afterID := int64(math.MinInt64), ""
	if p.Cursor != "" {
		ms, id, ok := strings.Cut(p.Cursor, "/")
		n, err := strconv.ParseInt(ms, 10, 64)
		if !ok || err != nil || id == "" {
			return nil, badCursor()
		}
		afterTime, afterID = n, id
	}
	now := s.nowMillis()
	rows, err := s.on(s.db).QueryContext(ctx, s.q(`SELECT `+orderColumns+` FROM phone_number_orders
		WHERE aws_account_id = ? AND (created_at > ? OR (created_at = ? AND id > ?)) ORDER BY created_at, id LIMIT ?`),
		owner, afterTime, afterTime, afterID, limit+1)
	if err != nil {
		return nil, s.classify("list phone number orders", err)
	}
	defer rows.Close()
	page := &chime.PhoneNumberOrderPage{Orders: []chime.PhoneNumberOrder{}}
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, s.classify("list phone number orders", err)
		}
		if len(page.Orders) == limit {
			last := page.Orders[limit-1]
			page.Next = strconv.FormatInt(toMillis(last.CreatedAt), 10) + "/" + last.ID
			break
		}
		page.Orders = append(page.Orders, o.At(now))
	}
	return page, s.classify("list phone number orders", rows.Err())
}

// searchWindow is how many candidates of the pool one query checks.
const searchWindow = 500

// SearchAvailablePhoneNumbers implements chime.PhoneNumberService. The
// cursor is the last number of the previous page: a page starts after it,
// so that numbers ordered or released between pages shift nothing.
func (s PhoneNumberStore) SearchAvailablePhoneNumbers(ctx context.Context, owner string, search chime.NumberSearch, p chime.PageRequest) ([]string, string, error) {
	limit, err := pageSize(p, chime.DefaultSearchPageSize, chime.MaxSearchPageSize)
	if err != nil {
		return nil, "", err
	}
	after, err := numberCursor(p.Cursor)
	if err != nil {
		return nil, "", err
	}
	candidates, err := chime.SearchPool(search)
	if err != nil {
		return nil, "", err
	}
	now := s.nowMillis()
	start, _ := slices.BinarySearch(candidates, after)
	if after != "" && start < len(candidates) && candidates[start] == after {
		start++
	}
	found := []string{}
	for start < len(candidates) && len(found) <= limit {
		window := candidates[start:min(start+searchWindow, len(candidates))]
		held, err := s.heldBetween(ctx, window[0], window[len(window)-1], now)
		if err != nil {
			return nil, "", s.classify("search available phone numbers", err)
		}
		for _, n := range window {
			if !held[n] {
				found = append(found, n)
			}
		}
		start += len(window)
	}
	if len(found) > limit {
		return found[:limit], found[limit-1], nil
	}
	return found, "", nil
}

// heldBetween returns the numbers from first to last that some AWS account
// holds at now (a released number is held by none).
func (s PhoneNumberStore) heldBetween(ctx context.Context, first, last string, now time.Time) (map[string]bool, error) {
	rows, err := s.on(s.db).QueryContext(ctx, s.q(`SELECT e164, status, deleted_at FROM phone_numbers
		WHERE e164 >= ? AND e164 <= ?`), first, last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	held := map[string]bool{}
	for rows.Next() {
		var (
			r       chime.PhoneNumberRecord
			status  string
			deleted sql.NullInt64
		)
		if err := rows.Scan(&r.E164, &status, &deleted); err != nil {
			return nil, err
		}
		r.Status, r.DeletedAt = chime.PhoneNumberStatus(status), fromNullMillis(deleted)
		if _, ok := r.At(now, s.timings); ok {
			held[r.E164] = true
		}
	}
	return held, rows.Err()
}

// GetPhoneNumber implements chime.PhoneNumberService.
func (s PhoneNumberStore) GetPhoneNumber(ctx context.Context, owner, id string) (*chime.PhoneNumber, error) {
	e164, err := chime.PhoneNumberID(id)
	if err != nil {
		return nil, err
	}
	r, err := s.phoneNumberAt(ctx, owner, e164, s.nowMillis())
	if err != nil {
		return nil, s.classify("get phone number", err)
	}
	return &r.PhoneNumber, nil
}

// ListPhoneNumbers implements chime.PhoneNumberService. The filter is on
// the numbers as they stand, so it is applied to each row read; the
// cursor is the last number of the previous page.
func (s PhoneNumberStore) ListPhoneNumbers(ctx context.Context, owner string, f chime.PhoneNumberFilter, p chime.PageRequest) (*chime.PhoneNumberPage, error) {
	if err := chime.CheckPhoneNumberFilter(f); err != nil {
		return nil, err
	}
	limit, err := pageSize(p, chime.ResultMaxPageSize, chime.ResultMaxPageSize)
	if err != nil {
		return nil, err
	}
	after, err := numberCursor(p.Cursor)
	if err != nil {
		return nil, err
	}
	now := s.nowMillis()
	page := &chime.PhoneNumberPage{PhoneNumbers: []chime.PhoneNumber{}}
	// Rows are read a chunk at a time, as many as the page still needs
	// and one more, until the page and the one number after it are found.
	for {
		chunk, err := s.phoneNumbersAfter(ctx, owner, after, limit+1)
		if err != nil {
			return nil, s.classify("list phone numbers", err)
		}
		for _, r := range chunk {
			n, ok := r.At(now, s.timings)
			if !ok || !f.Matches(&n) {
				continue
			}
			if len(page.PhoneNumbers) == limit {
				page.Next = page.PhoneNumbers[limit-1].E164
				return page, nil
			}
			page.PhoneNumbers = append(page.PhoneNumbers, n)
		}
		if len(chunk) < limit+1 {
			return page, nil
		}
		after = chunk[len(chunk)-1].E164
	}
}

// phoneNumbersAfter reads up to n numbers of owner after the number after.
func (s PhoneNumberStore) phoneNumbersAfter(ctx context.Context, owner, after string, n int) ([]*chime.PhoneNumberRecord, error) {
	rows, err := s.on(s.db).QueryContext(ctx, s.q(`SELECT `+phoneNumberColumns+` FROM phone_numbers
		WHERE aws_account_id = ? AND e164 > ? ORDER BY e164 LIMIT ?`), owner, after, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*chime.PhoneNumberRecord
	for rows.Next() {
		r, _, _, err := scanPhoneNumber(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// UpdatePhoneNumber implements chime.PhoneNumberService. A malformed
// update is refused before the number is looked up.
func (s PhoneNumberStore) UpdatePhoneNumber(ctx context.Context, owner, id string, u chime.PhoneNumberUpdate) (*chime.PhoneNumber, error) {
	if err := chime.CheckPhoneNumberUpdate(u); err != nil {
		return nil, err
	}
	return s.change(ctx, owner, id, "update phone number", func(r *chime.PhoneNumberRecord, now time.Time) error {
		return chime.ApplyPhoneNumberUpdate(r, u, now)
	})
}

// DeletePhoneNumber implements chime.PhoneNumberService.
func (s PhoneNumberStore) DeletePhoneNumber(ctx context.Context, owner, id string) error {
	_, err := s.change(ctx, owner, id, "delete phone number", chime.DeletePhoneNumber)
	return err
}

// RestorePhoneNumber implements chime.PhoneNumberService.
func (s PhoneNumberStore) RestorePhoneNumber(ctx context.Context, owner, id string) (*chime.PhoneNumber, error) {
	return s.change(ctx, owner, id, "restore phone number", chime.RestorePhoneNumber)
}

// change applies a rule to one number of owner in a transaction.
func (s PhoneNumberStore) change(ctx context.Context, owner, id, what string,
	rule func(r *chime.PhoneNumberRecord, now time.Time) error) (*chime.PhoneNumber, error) {
	e164, err := chime.PhoneNumberID(id)
	if err != nil {
		return nil, err
	}
	now := s.nowMillis()
	var out *chime.PhoneNumber
	err = s.write(ctx, what, func(ctx context.Context, tx *sql.Tx) error {
		n, err := s.changePhoneNumber(ctx, tx, owner, e164, now, func(r *chime.PhoneNumberRecord) error { return rule(r, now) })
		out = n
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// BatchUpdatePhoneNumber implements chime.PhoneNumberService.
func (s PhoneNumberStore) BatchUpdatePhoneNumber(ctx context.Context, owner string, items []chime.PhoneNumberUpdateItem) ([]chime.PhoneNumberError, error) {
	ids := make([]string, len(items))
	for i, item := range items {
		ids[i] = item.ID
	}
	return s.batch(ctx, owner, ids, "batch update phone number", func(i int) error {
		return chime.CheckPhoneNumberUpdate(items[i].PhoneNumberUpdate)
	}, func(i int, r *chime.PhoneNumberRecord, now time.Time) error {
		return chime.ApplyPhoneNumberUpdate(r, items[i].PhoneNumberUpdate, now)
	})
}

// BatchDeletePhoneNumber implements chime.PhoneNumberService.
func (s PhoneNumberStore) BatchDeletePhoneNumber(ctx context.Context, owner string, ids []string) ([]chime.PhoneNumberError, error) {
	return s.batch(ctx, owner, ids, "batch delete phone number", nil, func(_ int, r *chime.PhoneNumberRecord, now time.Time) error {
		return chime.DeletePhoneNumber(r, now)
	})
}

// batch applies a rule to each number of ids (as the client sent them) in
// one transaction, in ascending order of the numbers, and reports the
// failures per item in the client's order. An item with an invalid id, or
// that check (when given) refuses, fails before its number is looked up.
func (s PhoneNumberStore) batch(ctx context.Context, owner string, ids []string, what string,
	check func(i int) error, rule func(i int, r *chime.PhoneNumberRecord, now time.Time) error) ([]chime.PhoneNumberError, error) {
	if len(ids) > chime.MaxPhoneNumbersPerRequest {
		return nil, chime.Errorf(chime.BadRequest, "A batch has at most %d phone numbers", chime.MaxPhoneNumbersPerRequest)
	}
	now := s.nowMillis()
	failed := make([]error, len(ids))
	err := s.write(ctx, what, func(ctx context.Context, tx *sql.Tx) error {
		clear(failed)
		numbers := make([]string, len(ids))
		for i, id := range ids {
			numbers[i], failed[i] = chime.PhoneNumberID(id)
			if failed[i] == nil && check != nil {
				failed[i] = check(i)
			}
		}
		for _, i := range ascending(numbers) {
			if failed[i] != nil {
				continue
			}
			_, err := s.changePhoneNumber(ctx, tx, owner, numbers[i], now, func(r *chime.PhoneNumberRecord) error { return rule(i, r, now) })
			if err != nil && chime.KindOf(err) == chime.Internal {
				return err
			}
			failed[i] = err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	errs := []chime.PhoneNumberError{}
	for i, err := range failed {
		if err != nil {
			errs = append(errs, chime.PhoneNumberErrorFor(ids[i], err))
		}
	}
	return errs, nil
}

// AssociatePhoneNumberWithUser implements chime.PhoneNumberService: the
// number and the user change in one transaction, under the account's lock.
func (s PhoneNumberStore) AssociatePhoneNumberWithUser(ctx context.Context, owner, accountID, userID, number string) error {
	e164, err := chime.E164(number)
	if err != nil {
		return err
	}
	now := s.nowMillis()
	return s.write(ctx, "associate phone number with user", func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.writableAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		u, err := s.loadUser(ctx, tx, owner, accountID, userID)
		if err != nil {
			return err
		}
		if u.PhoneNumber != "" {
			return chime.Errorf(chime.BadRequest, "The user %s already has a phone number: disassociate it first", userID)
		}
		if _, err := s.changePhoneNumber(ctx, tx, owner, e164, now, func(r *chime.PhoneNumberRecord) error {
			return chime.AssociatePhoneNumber(r, accountID, userID, now)
		}); err != nil {
			return err
		}
		return s.setUserPhoneNumber(ctx, tx, owner, accountID, userID, e164)
	})
}

// DisassociatePhoneNumberFromUser implements chime.PhoneNumberService.
func (s PhoneNumberStore) DisassociatePhoneNumberFromUser(ctx context.Context, owner, accountID, userID string) error {
	now := s.nowMillis()
	return s.write(ctx, "disassociate phone number from user", func(ctx context.Context, tx *sql.Tx) error {
		_, err := s.writableAccount(ctx, tx, owner, accountID)
		if err != nil {
			return err
		}
		u, err := s.loadUser(ctx, tx, owner, accountID, userID)
		if err != nil || u.PhoneNumber == "" {
			return err
		}
		_, err = s.changePhoneNumber(ctx, tx, owner, u.PhoneNumber, now, func(r *chime.PhoneNumberRecord) error {
			if assignedTo(r, userID) {
				chime.DisassociatePhoneNumber(r, now)
			}
			return nil
		})
		if err != nil && !chime.IsKind(err, chime.NotFound) {
			return err
		}
		return s.setUserPhoneNumber(ctx, tx, owner, accountID, userID, "")
	})
}

// setUserPhoneNumber sets a user's primary provisioned number ("" for none).
func (c *core) setUserPhoneNumber(ctx context.Context, tx *sql.Tx, owner, accountID, userID, e164 string) error {
	_, err := c.on(tx).ExecContext(ctx, c.q(`UPDATE users SET phone_number = ? WHERE aws_account_id = ? AND account_id = ? AND id = ?`),
		e164, owner, accountID, userID)
	return err
}

// CheckDialOutNumber implements chime.PhoneNumberService. A number owner
// does not hold is judged as a record of nothing, which the rule refuses
// with the same BadRequest as a number unfit for dial-outs: the operation
// models no NotFound.
func (s PhoneNumberStore) CheckDialOutNumber(ctx context.Context, owner, number string) error {
	e164, err := chime.E164(number)
	if err != nil {
		return err
	}
	r, err := s.phoneNumberAt(ctx, owner, e164, s.nowMillis())
	if chime.IsKind(err, chime.NotFound) {
		r, err = &chime.PhoneNumberRecord{}, nil
	}
	if err != nil {
		return s.classify("check dial-out number", err)
	}
	return chime.CheckDialOutNumber(r)
}

// sweepChunk is how many released numbers one sweep transaction removes.
const sweepChunk = 100

// SweepPhoneNumbers implements chime.PhoneNumberService. Each row is
// removed under its lock only if it is still released at now, so a sweep
// never removes a number restored or ordered again meanwhile, and two
// sweeps at once remove each row once.
func (s PhoneNumberStore) SweepPhoneNumbers(ctx context.Context) (int, error) {
	now := s.nowMillis()
	cutoff := toMillis(now.Add(-s.timings.DeletionRetention))
	rows, err := s.on(s.db).QueryContext(ctx, s.q(`SELECT e164 FROM phone_numbers
		WHERE deleted_at <= ? AND status = ? ORDER BY e164`), cutoff, string(chime.DeleteInProgress))
	if err != nil {
		return 0, s.classify("sweep phone numbers", err)
	}
	var due []string
	for rows.Next() {
		var e164 string
		if err := rows.Scan(&e164); err != nil {
			rows.Close()
			return 0, s.classify("sweep phone numbers", err)
		}
		due = append(due, e164)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, s.classify("sweep phone numbers", err)
	}
	removed := 0
	for len(due) > 0 {
		chunk := due[:min(sweepChunk, len(due))]
		due = due[len(chunk):]
		n := 0
		err := s.write(ctx, "sweep phone numbers", func(ctx context.Context, tx *sql.Tx) error {
			n = 0
			for _, e164 := range chunk {
				r, seq, err := s.lockAnyPhoneNumber(ctx, tx, e164)
				if errors.Is(err, sql.ErrNoRows) {
					continue // another sweep, or an order, was first
				}
				if err != nil {
					return err
				}
				if _, ok := r.At(now, s.timings); ok {
					continue // not released (any more): ordered again
				}
				if _, err := s.on(tx).ExecContext(ctx, s.q(`DELETE FROM phone_numbers WHERE seq = ?`), seq); err != nil {
					return err
				}
				n++
			}
			return nil
		})
		if err != nil {
			return removed, err
		}
		removed += n
	}
	return removed, nil
}

// pageSize is the size of page p of a list whose pages hold at most max
// items, def when p names none; BadRequest outside 0..max.
// enterprisePage checks a page request of a list inside an Enterprise
// account (rooms, memberships, bots): its size (def when absent, at most
// the model's ResultMax), its cursor, then the account.
func (c *core) enterprisePage(ctx context.Context, owner, accountID, what string, p chime.PageRequest, def int) (limit int, after int64, err error) {
	if limit, err = pageSize(p, def, chime.ResultMaxPageSize); err != nil {
		return 0, 0, err
	}
	if after, err = parseCursor(p.Cursor); err != nil {
		return 0, 0, err
	}
	if _, err := c.enterpriseAccount(ctx, owner, accountID); err != nil {
		return 0, 0, c.classify(what, err)
	}
	return limit, after, nil
}

func pageSize(p chime.PageRequest, def, max int) (int, error) {
	if p.Limit < 0 || p.Limit > max {
		return 0, chime.Errorf(chime.BadRequest, "MaxResults must be between 1 and %d", max)
	}
	if p.Limit == 0 {
		return def, nil
	}
	return p.Limit, nil
}

// numberCursor reads a cursor that is the last number of a page.
func numberCursor(cursor string) (string, error) {
	if cursor == "" {
		return "", nil
	}
	if e164, err := chime.E164(cursor); err != nil || e164 != cursor {
		return "", badCursor()
	}
	return cursor, nil
}

func badCursor() error { return chime.Errorf(chime.BadRequest, "NextToken is not valid") }

// notFoundPhoneNumber is the error for a number the caller does not hold;
// it does not repeat the number, which logs must not see.
func notFoundPhoneNumber() error {
	return chime.Errorf(chime.NotFound, "The phone number was not found")
}
