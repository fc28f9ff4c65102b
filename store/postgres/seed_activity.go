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

// The demo's finished MAD in Ngemplak: proposals of three desa found LAYAK
// with their budgets, the year's allocation, a MAD Prioritas that scored
// them and a MAD Penetapan that funded and forwarded them (SeedDemoMAD).
const (
	demoKecamatan     = "34.04.11"
	demoMADPrioritas  = "R-MAPRY4"
	demoMADPenetapan  = "R-MAPEN7"
	demoMADAllocation = 500_000_000
)

// demoMADProposal is one of the demo MAD's proposals: sent by a demo
// resident (sender) or filed for a resident by the KPMD (forName, with a
// relative's number or none).
type demoMADProposal struct {
	code, desa, dusun, cat, title, sender, forName, notify string
	budget                                                 int64
	mkp                                                    bool
	scores                                                 [5]int
}

var demoMADProposals = []demoMADProposal{
	{"G-TAPAK4", "34.04.11.2002", "Kejambon", "INFRASTRUKTUR", "Talud saluran irigasi Kejambon", "+6281100000011", "", "", 180_000_000, false, [5]int{80, 85, 80, 70, 20}},
	{"G-PANGN6", "34.04.11.2002", "Bimo", "EKONOMI", "Pelatihan olahan pangan ibu-ibu", "+6281100000013", "", "", 60_000_000, true, [5]int{70, 60, 85, 60, 100}},
	{"G-AYRWT7", "34.04.11.2002", "Sambiroto", "INFRASTRUKTUR", "Jaringan air bersih Sambiroto", "+6281100000012", "", "", 120_000_000, true, [5]int{90, 90, 75, 60, 90}},
	{"G-JEMTN3", "34.04.11.2001", "Jetis", "INFRASTRUKTUR", "Jembatan penghubung Dusun Jetis", "", "Sarno", "+6281100000101", 220_000_000, false, [5]int{75, 80, 60, 50, 10}},
	{"G-PYNKM4", "34.04.11.2001", "Kemasan", "KESEHATAN", "Posyandu Dusun Kemasan", "", "Wartini", "", 90_000_000, true, [5]int{85, 70, 90, 70, 100}},
	{"G-KEPRM9", "34.04.11.2005", "Umbulsari", "EKONOMI", "Simpan pinjam kelompok perempuan", "", "Sumarni", "+6281100000102", 75_000_000, true, [5]int{80, 65, 80, 80, 100}},
	{"G-PAMNY6", "34.04.11.2005", "Dayakan", "PENDIDIKAN", "Rehab gedung PAUD Dayakan", "", "Sutini", "", 140_000_000, true, [5]int{70, 75, 70, 60, 90}},
}

// SeedDemoMADProposals writes the demo MAD's proposals (LAYAK, with
// budgets, at VERIFIKASI), its two meetings (held days before now) and the
// allocation of their years, unranked: the first half of SeedDemoMAD, where
// the tests of the MAD's forms start. It does nothing when they exist.
func (s *Store) SeedDemoMADProposals(ctx context.Context, now time.Time) error {
	var exists bool
	if err := s.db.GetContext(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM meetings WHERE code = $1)`, demoMADPenetapan); err != nil || exists {
		return err
	}
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, p := range demoMADProposals {
			var id int64
			err := tx.GetContext(ctx, &id, `INSERT INTO gagasan (code, sender_id, desa_kode, dusun_id, category, title, description, status,
					for_name, notify_phone, notify_channel, created_at, updated_at)
				VALUES ($1, (SELECT id FROM contacts WHERE phone = nullif($2, '')), $3, (SELECT id FROM dusun WHERE desa_kode = $3 AND nama = $4),
					$5, $6, '', 'VERIFIKASI', $7, $8, CASE WHEN $8 = '' THEN '' ELSE 'sim' END, $9, $9) RETURNING id`,
				p.code, p.sender, p.desa, p.dusun, p.cat, p.title, p.forName, p.notify, now.AddDate(0, -3, 0))
			if err != nil {
				return fmt.Errorf("demo MAD gagasan: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO gagasan_history (gagasan_id, from_status, to_status, changed_by, at)
				VALUES ($1, '', 'DIAJUKAN', 'warga', $2), ($1, 'DIAJUKAN', 'DIBAHAS', 'demo', $3), ($1, 'DIBAHAS', 'USULAN_DESA', 'demo', $4),
					($1, 'USULAN_DESA', 'VERIFIKASI', 'demo', $5)`,
				id, now.AddDate(0, -3, 0), now.AddDate(0, -2, 0), now.AddDate(0, -1, -15), now.AddDate(0, -1, 0)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO proposals (gagasan_id, verdict, reason, verdict_by, verdict_at, budget, from_mkp)
				VALUES ($1, 'LAYAK', 'Sesuai RAB dan survei lokasi', 'demo', $2, $3, $4)`, id, now.AddDate(0, 0, -25), p.budget, p.mkp); err != nil {
				return err
			}
		}
		wib := domain.Kecamatan{TimeZone: "Asia/Jakarta"}.Location()
		for _, m := range []struct {
			code, typ string
			days      int
		}{{demoMADPrioritas, "MAD_PRIORITAS", -14}, {demoMADPenetapan, "MAD_PENETAPAN", -7}} {
			d := now.In(wib).AddDate(0, 0, m.days)
			at := time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, wib)
			if _, err := tx.ExecContext(ctx, `INSERT INTO meetings (code, type, desa_kode, audience, starts_at, place, status, attended, attended_women)
				VALUES ($1, $2, $3, 'MAD', $4, 'Pendopo Kecamatan Ngemplak', 'SELESAI', 21, 9)`, m.code, m.typ, demoDesa, at); err != nil {
				return fmt.Errorf("demo MAD meeting: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO allocations (kecamatan_kode, year, amount, updated_by) VALUES ($1, $2, $3, 'demo')
				ON CONFLICT DO NOTHING`, demoKecamatan, at.Year(), demoMADAllocation); err != nil {
				return fmt.Errorf("demo allocation: %w", err)
			}
		}
		return nil
	})
}

// SeedDemoMAD loads the demo's finished MAD (after SeedDemoActivity): the
// MAD Prioritas scores the proposals of Bimomartani, Sindumartani and
// Umbulmartani by the default criteria, the MAD Penetapan keeps that order
// and records through RecordPenetapan what was funded and where the rest
// went, with each desa's delegates; notice tells the senders as in the
// service. It does nothing when it was loaded before.
func (s *Store) SeedDemoMAD(ctx context.Context, now time.Time, notice StatusNotice) error {
	if err := s.SeedDemoMADProposals(ctx, now); err != nil {
		return err
	}
	var decided bool
	if err := s.db.GetContext(ctx, &decided, `SELECT EXISTS (SELECT 1 FROM mad_rankings r JOIN meetings m ON m.id = r.meeting_id
		WHERE m.code = $1 AND r.decided_at IS NOT NULL)`, demoMADPenetapan); err != nil || decided {
		return err
	}
	scores := map[string]map[string]int{}
	for _, p := range demoMADProposals {
		sc := map[string]int{}
		for i, c := range domain.DefaultMADCriteria {
			sc[c.Key] = p.scores[i]
		}
		scores[p.code] = sc
	}
	res, err := s.RecordRanking(ctx, RankingInput{MeetingCode: demoMADPrioritas, Method: domain.MADSkor, Scores: scores, By: "demo", Now: now, Notice: notice})
	if err != nil {
		return fmt.Errorf("demo MAD Prioritas: %w", err)
	}
	ranks := map[string]int{}
	forwards := map[string]domain.Forward{}
	for _, it := range res.Items {
		ranks[it.Code] = it.Rank
		if !it.Funded {
			forwards[it.Code] = domain.Forward{To: domain.DefaultForwardTo, Reason: "Alokasi BLM tahun ini tidak cukup"}
		}
	}
	if _, ok := forwards["G-JEMTN3"]; ok {
		forwards["G-JEMTN3"] = domain.Forward{To: "Dinas Pekerjaan Umum Kabupaten Sleman", Reason: "Jembatan di luar batas biaya BLM; diusulkan ke SKPD"}
	}
	// The Penetapan is recorded on its day, three hours after it began, so
	// that the board's "ditetapkan" date is the meeting's.
	penNow := now
	var starts time.Time
	if err := s.db.GetContext(ctx, &starts, `SELECT starts_at FROM meetings WHERE code = $1`, demoMADPenetapan); err == nil && starts.Add(3*time.Hour).Before(now) {
		penNow = starts.Add(3 * time.Hour)
	}
	if _, err := s.RecordRanking(ctx, RankingInput{MeetingCode: demoMADPenetapan, Method: domain.MADUrutan, Ranks: ranks, By: "demo", Now: penNow}); err != nil {
		return fmt.Errorf("demo MAD Penetapan ranking: %w", err)
	}
	var delegates []domain.Delegate
	for _, d := range []struct{ desa, name, gender, pos string }{
		{"34.04.11.2002", "Sri Wahyuni", "P", "KPMD"}, {"34.04.11.2002", "Suparjo", "L", "Kepala Desa"}, {"34.04.11.2002", "Ngatini", "P", "Wakil MKP"},
		{"34.04.11.2001", "Wagiyem", "P", "KPMD"}, {"34.04.11.2001", "Sukiman", "L", "BPD"}, {"34.04.11.2001", "Rahmat", "L", "Tokoh masyarakat"},
		{"34.04.11.2005", "Painem", "P", "Wakil MKP"}, {"34.04.11.2005", "Sugeng", "L", "Kepala Desa"}, {"34.04.11.2005", "Tumini", "P", "KPMD"},
	} {
		delegates = append(delegates, domain.Delegate{DesaKode: d.desa, Name: d.name, Gender: domain.Gender(d.gender), Position: d.pos})
	}
	if _, err := s.RecordPenetapan(ctx, Penetapan{MeetingCode: demoMADPenetapan, Forwards: forwards, Delegates: delegates, By: "demo", Now: penNow, Notice: notice}); err != nil {
		return fmt.Errorf("demo MAD Penetapan: %w", err)
	}
	return nil
}
