package postgres

import (
	"bytes"
	"context"
	"fmt"

	"github.com/suaradesa/suaradesa/configs"
	"github.com/suaradesa/suaradesa/domain"
)

// SeedDemo loads the demo kecamatan, its desa and dusun and the demo people
// with their roles. It is idempotent: loading it twice changes nothing.
func (s *Store) SeedDemo(ctx context.Context) error {
	if _, err := s.ImportDesa(ctx, bytes.NewReader(configs.DemoDesaCSV), "WIB", ""); err != nil {
		return fmt.Errorf("loading demo desa: %w", err)
	}
	for _, p := range configs.DemoPeople {
		phone, err := domain.ParsePhone(p.Phone)
		if err != nil {
			return err
		}
		var dusunID int64
		if err := s.db.GetContext(ctx, &dusunID, `SELECT id FROM dusun WHERE desa_kode = $1 AND nama = $2`, p.DesaKode, p.Dusun); err != nil {
			return fmt.Errorf("finding demo dusun %s: %w", p.Dusun, err)
		}
		if _, err := s.UpsertRegisteredContact(ctx, domain.Contact{
			Phone: phone, Name: p.Name, DesaKode: p.DesaKode, DusunID: dusunID, Gender: domain.Gender(p.Gender), Channel: "sim",
		}); err != nil {
			return err
		}
		if err := s.GrantRole(ctx, domain.RoleAssignment{Phone: phone, Role: domain.Role(p.Role), DesaKode: p.DesaKode}, "seed"); err != nil {
			return err
		}
	}
	return nil
}
