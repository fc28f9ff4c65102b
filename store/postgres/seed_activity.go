package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// The demo's activity in desa Bimomartani, so that its board shows the
// whole cycle: gagasan at several stages, a meeting to come, an
// accountability meeting held, a funded kegiatan with a tranche paid and a
// report with photos, and complaints.
const (
	demoDesa          = "34.04.11.2002"
	demoKegiatanCode  = "K-KEJAM3"
	demoFundedGagasan = "G-KEJAM3"
)

// SeedDemoActivity loads the demo activity (after SeedDemo with the same
// demo): its residents and what they sent; photos are two stored images for
// the progress report. It does nothing when it was loaded before.
func (s *Store) SeedDemoActivity(ctx context.Context, demo Demo, now time.Time, photos []Media) error {
	var exists bool
	if err := s.db.GetContext(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM gagasan WHERE code = $1)`, demoFundedGagasan); err != nil || exists {
		return err
	}
	i := slices.IndexFunc(demo.People, func(p DemoPerson) bool { return p.Role == string(domain.RoleTPK) })
	if i < 0 {
		return errors.New("demo data: no TPK for the demo kegiatan")
	}
	tpk, _ := domain.ParsePhone(demo.People[i].Phone)
	ids := map[string]int64{}
	for _, p := range demo.Residents() {
		phone, _ := domain.ParsePhone(p.Phone)
		var dusunID int64
		if err := s.db.GetContext(ctx, &dusunID, `SELECT id FROM dusun WHERE desa_kode = $1 AND nama = $2`, p.DesaKode, p.Dusun); err != nil {
			return fmt.Errorf("finding demo dusun %s: %w", p.Dusun, err)
		}
		id, err := s.UpsertRegisteredContact(ctx, domain.Contact{Phone: phone, Name: p.Name, DesaKode: p.DesaKode, DusunID: dusunID,
			Gender: domain.Gender(p.Gender), Channel: "sim"})
		if err != nil {
			return err
		}
		ids[p.Phone] = int64(id)
	}
	day := 24 * time.Hour
	wib := domain.Kecamatan{TimeZone: "Asia/Jakarta"}.Location()
	at9 := func(days int) time.Time { // 09.00 WIB, days from today
		d := now.In(wib).AddDate(0, 0, days)
		return time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, wib)
	}
	gagasan := []struct {
		code, title, desc, cat, dusun, sender string
		path                                  []domain.Status
		age                                   time.Duration
	}{
		{demoFundedGagasan, "Perbaikan jalan Dusun Kejambon", "Jalan tanah sepanjang 300 m rusak dan licin saat hujan; anak sekolah sering jatuh.",
			"INFRASTRUKTUR", "Kejambon", "+6281100000011",
			[]domain.Status{domain.StatusDibahas, domain.StatusUsulanDesa, domain.StatusVerifikasi, domain.StatusPrioritasMAD, domain.StatusDidanai}, 120 * day},
		{"G-HEMAT7", "Posyandu balita Dusun Bimo", "Ruang posyandu dan timbangan untuk 40 balita.", "KESEHATAN", "Bimo", "+6281100000013",
			[]domain.Status{domain.StatusDibahas, domain.StatusUsulanDesa}, 60 * day},
		{"G-TAMAN4", "Pelatihan menjahit untuk ibu-ibu", "Pelatihan dan dua mesin jahit untuk kelompok perempuan.", "EKONOMI", "Bimo", "+6281100000013",
			[]domain.Status{domain.StatusDibahas}, 30 * day},
		{"G-PAWAC6", "Sumur bor untuk musim kemarau", "Sumur dangkal kering setiap kemarau; warga membeli air.", "INFRASTRUKTUR", "Sambiroto", "+6281100000012",
			nil, 5 * day},
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, g := range gagasan {
			var id int64
			err := tx.GetContext(ctx, &id, `INSERT INTO gagasan (code, sender_id, desa_kode, dusun_id, category, title, description, status, created_at, updated_at)
				VALUES ($1, $2, $3, (SELECT id FROM dusun WHERE desa_kode = $3 AND nama = $4), $5, $6, $7, 'DIAJUKAN', $8, $8) RETURNING id`,
				g.code, ids[g.sender], demoDesa, g.dusun, g.cat, g.title, g.desc, now.Add(-g.age))
			if err != nil {
				return fmt.Errorf("demo gagasan: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO gagasan_history (gagasan_id, to_status, changed_by, at) VALUES ($1, 'DIAJUKAN', 'warga', $2)`,
				id, now.Add(-g.age)); err != nil {
				return err
			}
			from := domain.StatusDiajukan
			for i, to := range g.path {
				at := now.Add(-g.age + time.Duration(i+1)*g.age/time.Duration(len(g.path)+1))
				if _, err := tx.ExecContext(ctx, `INSERT INTO gagasan_history (gagasan_id, from_status, to_status, changed_by, at) VALUES ($1, $2, $3, 'demo', $4)`,
					id, string(from), string(to), at); err != nil {
					return err
				}
				from = to
			}
			if _, err := tx.ExecContext(ctx, `UPDATE gagasan SET status = $2 WHERE id = $1`, id, string(from)); err != nil {
				return err
			}
		}
		meetings := []struct {
			code, typ, place, status string
			at                       time.Time
			attended, women          any
			agenda                   []string
		}{
			{"R-MKPAC3", "MUSDES_PERENCANAAN", "Balai Desa Bimomartani", "DIJADWALKAN", at9(5), nil, nil, []string{"G-TAMAN4", "G-PAWAC6"}},
			{"R-TANGJ4", "MUSDES_PERTANGGUNGJAWABAN", "Balai Desa Bimomartani", "SELESAI", at9(-6), 46, 19, nil},
		}
		for _, m := range meetings {
			var id int64
			err := tx.GetContext(ctx, &id, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women)
				VALUES ($1, $2, $3, 'DESA', $4, $5, $6, $7, $8) RETURNING id`, m.code, m.typ, demoDesa, m.at, m.place, m.status, m.attended, m.women)
			if err != nil {
				return fmt.Errorf("demo meeting: %w", err)
			}
			for _, g := range m.agenda {
				if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_agenda (meeting_id, gagasan_id) SELECT $1, id FROM gagasan WHERE code = $2`, id, g); err != nil {
					return err
				}
			}
		}
		// The social map of Kejambon and Bimo; the road answers a mapped problem.
		for _, it := range []struct{ dusun, kind, title, desc string }{
			{"Kejambon", "MASALAH", "Jalan tanah licin saat hujan", "300 m ke sekolah dan pasar"},
			{"Kejambon", "POTENSI", "Sawah irigasi teknis", "Dua kali panen setahun"},
			{"Kejambon", "KETERBATASAN_SDM", "Sedikit tukang batu terlatih", ""},
			{"Bimo", "MASALAH", "Balita jauh dari posyandu", ""},
			{"Bimo", "POTENSI", "Kelompok ibu penjahit", ""},
		} {
			var id int64
			err := tx.GetContext(ctx, &id, `INSERT INTO map_items (dusun_id, kind, title, description, created_by)
				VALUES ((SELECT id FROM dusun WHERE desa_kode = $1 AND nama = $2), $3, $4, $5, 'demo') RETURNING id`, demoDesa, it.dusun, it.kind, it.title, it.desc)
			if err != nil {
				return fmt.Errorf("demo map: %w", err)
			}
			link := map[string]string{"Jalan tanah licin saat hujan": demoFundedGagasan, "Balita jauh dari posyandu": "G-HEMAT7", "Kelompok ibu penjahit": "G-TAMAN4"}[it.title]
			if link != "" {
				if _, err := tx.ExecContext(ctx, `UPDATE gagasan SET map_item_id = $1 WHERE code = $2`, id, link); err != nil {
					return err
				}
			}
		}
		for _, c := range []struct{ dusun, level, text string }{
			{"Kejambon", "SANGAT_MISKIN", "Tidak punya lahan dan penghasilan tetap"},
			{"Kejambon", "MISKIN", "Rumah berlantai tanah"},
			{"Kejambon", "MISKIN", "Makan daging kurang dari sekali seminggu"},
		} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO poverty_criteria (dusun_id, level, text, created_by)
				VALUES ((SELECT id FROM dusun WHERE desa_kode = $1 AND nama = $2), $3, $4, 'demo')`, demoDesa, c.dusun, c.level, c.text); err != nil {
				return err
			}
		}
		for _, c := range []struct {
			dusun        string
			sm, m, total int
		}{{"Kejambon", 2, 18, 140}, {"Bimo", 5, 22, 160}} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO rtm_counts (dusun_id, sangat_miskin, miskin, total, updated_by)
				VALUES ((SELECT id FROM dusun WHERE desa_kode = $1 AND nama = $2), $3, $4, $5, 'demo')`, demoDesa, c.dusun, c.sm, c.m, c.total); err != nil {
				return err
			}
		}
		for _, c := range []struct {
			code, text, status string
			anonymous          bool
		}{
			{"A-CEPAT3", "Material batu di lokasi jalan kurang dari yang dijanjikan.", "DITANGANI", true},
			{"A-HAR4NA", "Pekerja belum menerima upah minggu lalu.", "DITERIMA", false},
		} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO complaints (code, desa_kode, contact_id, anonymous, text, status) VALUES ($1, $2, $3, $4, $5, $6)`,
				c.code, demoDesa, ids["+6281100000012"], c.anonymous, c.text, c.status); err != nil {
				return fmt.Errorf("demo complaint: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := s.CreateKegiatan(ctx, NewKegiatan{Code: demoKegiatanCode, GagasanCode: demoFundedGagasan, Budget: 150_000_000, TPK: []domain.Phone{tpk}}); err != nil {
		return fmt.Errorf("demo kegiatan: %w", err)
	}
	if err := s.DisburseTranche(ctx, demoKegiatanCode, 1, "demo", now.Add(-20*day)); err != nil {
		return fmt.Errorf("demo tranche: %w", err)
	}
	turn, err := s.BeginTurn(ctx, tpk)
	if err != nil {
		return err
	}
	defer turn.Rollback()
	k, err := turn.Kegiatan(ctx, demoKegiatanCode)
	if err != nil {
		return err
	}
	r := domain.ProgressReport{KegiatanID: k.ID, Percent: 35, Note: "Pemadatan tanah selesai 100 m, pasangan batu dimulai."}
	for i, m := range photos {
		id, err := turn.SaveMedia(ctx, m)
		if err != nil {
			return err
		}
		r.PhotoIDs = append(r.PhotoIDs, id)
		r.Captions = append(r.Captions, []string{"pemadatan tanah", "pasangan batu"}[i%2])
	}
	if err := turn.CreateReport(ctx, r, nil, nil); err != nil {
		return fmt.Errorf("demo report: %w", err)
	}
	return turn.Commit()
}
