package postgres

import (
	"context"
	"database/sql/driver"
	"errors"

	"github.com/lib/pq"
)

// The statement cache: every parameterised statement is prepared once per
// connection and executed by name afterwards, so Postgres parses, analyses
// and (once it settles on a generic plan) plans it once per connection
// instead of at every execution. lib/pq has no such cache of its own; a
// CPU profile of Postgres under `make bench` showed a third of its time in
// parse, analyse and plan. Statements without parameters keep lib/pq's
// simple protocol (one round trip, nothing to reuse). The wrapper forwards
// everything else to lib/pq's connection unchanged.

// maxCachedStatements bounds the statements one connection keeps prepared.
// The store's SQL is a fixed set of a few hundred texts; past the bound a
// statement simply runs unprepared, as it would without the cache.
const maxCachedStatements = 1000

// pqConn is what lib/pq's connection implements and the pool uses.
type pqConn interface {
	driver.Conn
	driver.ConnPrepareContext
	driver.ConnBeginTx
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
	driver.NamedValueChecker
}

type preparedStmt interface {
	driver.Stmt
	driver.StmtQueryContext
	driver.StmtExecContext
}

type cachingConnector struct {
	base driver.Connector
}

func newCachingConnector(dsn string) (driver.Connector, error) {
	base, err := pq.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return cachingConnector{base: base}, nil
}

func (c cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.base.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, ok := conn.(pqConn)
	if !ok { // a lib/pq release that changed its interfaces: no cache
		return conn, nil
	}
	return &cachingConn{pqConn: pc, stmts: map[string]preparedStmt{}}, nil
}

func (c cachingConnector) Driver() driver.Driver { return c.base.Driver() }

// cachingConn is used by one goroutine at a time (database/sql's rule for
// driver connections), so its map needs no lock.
type cachingConn struct {
	pqConn
	stmts map[string]preparedStmt
}

// stmt returns the query's prepared statement on this connection, or nil
// when it should run unprepared.
func (c *cachingConn) stmt(ctx context.Context, query string, args []driver.NamedValue) (preparedStmt, error) {
	if len(args) == 0 {
		return nil, nil
	}
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxCachedStatements {
		return nil, nil
	}
	s, err := c.pqConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	st, ok := s.(preparedStmt)
	if !ok { // not one to keep (a changed driver): run the query unprepared
		_ = s.Close()
		return nil, nil
	}
	c.stmts[query] = st
	return st, nil
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	st, err := c.stmt(ctx, query, args)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return c.pqConn.QueryContext(ctx, query, args)
	}
	rows, err := st.QueryContext(ctx, args)
	c.forgetStale(query, err)
	return rows, err
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	st, err := c.stmt(ctx, query, args)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return c.pqConn.ExecContext(ctx, query, args)
	}
	res, err := st.ExecContext(ctx, args)
	c.forgetStale(query, err)
	return res, err
}

// forgetStale drops a statement that Postgres no longer accepts: a table it
// reads changed shape ("cached plan must not change result type"), or the
// session's statements were discarded. The next use prepares it again; the
// old one stays on the server until the connection closes.
func (c *cachingConn) forgetStale(query string, err error) {
	var pe *pq.Error
	if errors.As(err, &pe) && (pe.Code == "0A000" || pe.Code == "26000") {
		delete(c.stmts, query)
	}
}
