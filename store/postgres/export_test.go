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
