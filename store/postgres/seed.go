package postgres

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/suaradesa/suaradesa/domain"
)

// Demo is the demo data set that SeedDemo and SeedDemoActivity load. The
// store does not own it: cmd reads it from configs.Demo (ReadDemo) and
// hands it in; tests read the same files.
type Demo struct {
	// DesaCSV is the demo kecamatan's desa and dusun, in ImportDesa's format.
	DesaCSV []byte
	// People are the demo numbers: with a role (a KPMD, a TPK member, a
	// facilitator) or, for residents, without.
	People []DemoPerson
}

// DemoPerson is one of the demo numbers listed in the README.
type DemoPerson struct {
	Phone, Name, Role, DesaKode, Dusun, Gender string
}

// The files of the demo data set, in the folder ReadDemo reads.
const (
	DemoDesaFile   = "demo-desa.csv"
	DemoPeopleFile = "demo-people.csv"
)

var demoPeopleHeader = []string{"phone", "name", "role", "desa_kode", "dusun", "gender"}

// ReadDemo reads the demo data set from a folder holding DemoDesaFile and
// DemoPeopleFile (lines starting with # in the latter are comments).
func ReadDemo(fsys fs.FS) (Demo, error) {
	var d Demo
	var err error
	if d.DesaCSV, err = fs.ReadFile(fsys, DemoDesaFile); err != nil {
		return d, fmt.Errorf("demo data: %w", err)
	}
	people, err := fs.ReadFile(fsys, DemoPeopleFile)
	if err != nil {
		return d, fmt.Errorf("demo data: %w", err)
	}
	cr := csv.NewReader(bytes.NewReader(people))
	cr.Comment = '#'
	cr.FieldsPerRecord = len(demoPeopleHeader)
	rows, err := cr.ReadAll()
	if err != nil {
		return d, fmt.Errorf("demo data %s: %w", DemoPeopleFile, err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], demoPeopleHeader) {
		return d, fmt.Errorf("demo data %s: the first line must be %v", DemoPeopleFile, demoPeopleHeader)
	}
	for _, r := range rows[1:] {
		d.People = append(d.People, DemoPerson{Phone: r[0], Name: r[1], Role: r[2], DesaKode: r[3], Dusun: r[4], Gender: r[5]})
	}
	return d, nil
}

// Staff are the demo people with a role, in the file's order.
func (d Demo) Staff() []DemoPerson {
	return slices.DeleteFunc(slices.Clone(d.People), func(p DemoPerson) bool { return p.Role == "" })
}

// Residents are the demo people without a role, in the file's order.
func (d Demo) Residents() []DemoPerson {
	return slices.DeleteFunc(slices.Clone(d.People), func(p DemoPerson) bool { return p.Role != "" })
}

// SeedDemo loads the demo kecamatan, its desa and dusun and the demo people
// with their roles. It is idempotent: loading it twice changes nothing.
func (s *Store) SeedDemo(ctx context.Context, demo Demo) error {
	if len(demo.DesaCSV) == 0 {
		return errors.New("demo data: no desa")
	}
	if _, err := s.ImportDesa(ctx, bytes.NewReader(demo.DesaCSV), "WIB", ""); err != nil {
		return fmt.Errorf("loading demo desa: %w", err)
	}
	for _, p := range demo.Staff() {
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
	// The staff's desa shows made-up numbers to write to on its board,
	// unless numbers were set there.
	if staff := demo.Staff(); len(staff) > 0 {
		if _, err := s.db.ExecContext(ctx, `UPDATE desa SET wa_number = $2, sms_number = $3
			WHERE kode = $1 AND wa_number = '' AND sms_number = ''`, staff[0].DesaKode, DemoBoardWA, DemoBoardSMS); err != nil {
			return fmt.Errorf("setting the demo desa's numbers: %w", err)
		}
	}
	return nil
}

// The made-up numbers the demo desa's board shows (SeedDemo).
const (
	DemoBoardWA  domain.Phone = "+6281100009000"
	DemoBoardSMS domain.Phone = "+6281100009001"
)
