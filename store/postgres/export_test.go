package postgres

import (
	"context"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// DesasFromSQL reads the desa list as DesasIn did before it was kept in
// memory (BenchmarkDesasIn).
func (t *Turn) DesasFromSQL(ctx context.Context) ([]domain.DesaPlace, error) {
	var out []domain.DesaPlace
	err := sqlx.SelectContext(ctx, t.tx, &out, sqlListPlaces)
	return out, err
}

// MigrateDownTo rolls the schema back to version (a migration's test
// writes rows as they were before it, then Migrate applies it).
func (s *Store) MigrateDownTo(ctx context.Context, version int64) error {
	p, err := s.provider(nil)
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, version)
	return err
}
