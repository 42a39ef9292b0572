package bench

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// backendCPU returns a reader of the CPU time that the PostgreSQL backends
// of the connections named appName have used, read from /proc: the
// database's share of a request, which pg_stat_statements (wall time of
// statements, without commits and their WAL flush) does not give. It
// works when PostgreSQL runs on this machine; elsewhere it reads 0.
//
// A backend that has gone keeps the last figure read, and one that opens
// during a run counts from its start, so that the reading only grows.
func backendCPU(ctx context.Context, dbURL, appName string) (func() time.Duration, func(), error) {
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		return nil, nil, err
	}
	var mu sync.Mutex
	last := map[int]time.Duration{}
	read := func() time.Duration {
		mu.Lock()
		defer mu.Unlock()
		rows, err := db.QueryContext(ctx, "SELECT pid FROM pg_stat_activity WHERE application_name = $1", appName)
		if err == nil {
			for rows.Next() {
				var pid int
				if rows.Scan(&pid) == nil {
					if cpu := processCPU(pid); cpu > 0 {
						last[pid] = cpu
					}
				}
			}
			rows.Close()
		}
		var total time.Duration
		for _, cpu := range last {
			total += cpu
		}
		return total
	}
	return read, func() { db.Close() }, nil
}
