package postgres

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// CatalogText is a reviewed text of the message catalog.
type CatalogText struct {
	Lang string `db:"lang"`
	Key  string `db:"key"`
	Text string `db:"text"`
}

// CatalogTexts lists the reviewed texts, which the service applies at start.
func (s *Store) CatalogTexts(ctx context.Context) ([]CatalogText, error) {
	var out []CatalogText
	if err := s.db.SelectContext(ctx, &out, `SELECT lang, key, text FROM catalog_texts ORDER BY lang, key`); err != nil {
		return nil, fmt.Errorf("loading catalog texts: %w", err)
	}
	return out, nil
}

// ReplaceCatalogTexts stores a review: the texts that differ from the
// compiled catalog, in place of the previous review, in one transaction.
func (s *Store) ReplaceCatalogTexts(ctx context.Context, texts []CatalogText) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM catalog_texts`); err != nil {
			return fmt.Errorf("clearing catalog texts: %w", err)
		}
		for _, t := range texts {
			if _, err := tx.ExecContext(ctx, `INSERT INTO catalog_texts (lang, key, text) VALUES ($1, $2, $3)`, t.Lang, t.Key, t.Text); err != nil {
				return fmt.Errorf("storing catalog text %s/%s: %w", t.Lang, t.Key, err)
			}
		}
		return nil
	})
}

// SetDesaLang sets the language a desa's residents get until they choose
// one (BAHASA).
func (s *Store) SetDesaLang(ctx context.Context, desaKode, lang string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE desa SET lang = $2 WHERE kode = $1`, desaKode, lang)
	if err != nil {
		return fmt.Errorf("setting desa language: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.ENOTFOUND, "desa %s tidak ada", desaKode)
	}
	return nil
}
