// Package postgres is the Postgres store of Suara Desa: hand-written SQL on
// sqlx and lib/pq, migrations embedded in the binary.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the Postgres store. Its public methods own their transactions.
type Store struct {
	db *sqlx.DB
	// places is the desa list in memory (places_cache.go).
	places *placeCache
}

// Open connects to Postgres and sizes the pool. It does not migrate.
func Open(ctx context.Context, url string, maxConns int) (*Store, error) {
	connector, err := newCachingConnector(withOneRoundTrip(url))
	if err != nil {
		return nil, fmt.Errorf("opening postgres: %w", err)
	}
	db := sqlx.NewDb(sql.OpenDB(connector), "postgres")
	if maxConns <= 0 {
		maxConns = 20
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connecting to postgres: %w", err)
	}
	return &Store{db: db, places: &placeCache{}}, nil
}

// withOneRoundTrip asks lib/pq to send a query and its parameters in one
// round trip (binary_parameters=yes) instead of preparing first: half the
// round trips per statement, measured by `make bench`. A URL that sets it
// already is left alone.
func withOneRoundTrip(u string) string {
	if !strings.HasPrefix(u, "postgres://") && !strings.HasPrefix(u, "postgresql://") || strings.Contains(u, "binary_parameters=") {
		return u
	}
	if strings.Contains(u, "?") {
		return u + "&binary_parameters=yes"
	}
	return u + "?binary_parameters=yes"
}

// DB exposes the pool for other stores that share the database (the
// WhatsApp device store) and for tests.
func (s *Store) DB() *sqlx.DB { return s.db }

// Close closes the pool.
func (s *Store) Close() error { return s.db.Close() }

// Ping checks that Postgres answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *Store) provider(log *slog.Logger) (*goose.Provider, error) {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return nil, err
	}
	opts := []goose.ProviderOption{goose.WithSessionLocker(locker)}
	if log != nil {
		opts = append(opts, goose.WithSlog(log))
	}
	return goose.NewProvider(goose.DialectPostgres, s.db.DB, mustSub(migrations, "migrations"), opts...)
}

// Migrate applies the pending migrations, each in its own transaction, under
// an advisory lock so that two processes starting at once do not collide.
// It returns the versions it applied.
func (s *Store) Migrate(ctx context.Context, log *slog.Logger) ([]int64, error) {
	p, err := s.provider(log)
	if err != nil {
		return nil, fmt.Errorf("preparing migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrating: %w", err)
	}
	applied := make([]int64, 0, len(results))
	for _, r := range results {
		applied = append(applied, r.Source.Version)
	}
	return applied, nil
}

// SchemaVersion returns the applied and the newest known schema version.
func (s *Store) SchemaVersion(ctx context.Context) (current, target int64, err error) {
	p, err := s.provider(nil)
	if err != nil {
		return 0, 0, err
	}
	return p.GetVersions(ctx)
}

// inTx runs fn in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("beginning transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing: %w", err)
	}
	return nil
}

// isUniqueViolation tells whether err is a unique violation of constraint
// (any constraint when empty).
func isUniqueViolation(err error, constraint string) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code == "23505" {
		return constraint == "" || pqErr.Constraint == constraint
	}
	return false
}

// isForeignKeyViolation tells whether err is a foreign key violation: a
// row naming one that does not exist.
func isForeignKeyViolation(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "23503"
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}
