package postgres

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/suaradesa/suaradesa/domain"
)

// The scale data set (`suaradesa seed scale`): one kabupaten (Sleman,
// 34.04) of 17 kecamatan, 300 desa, 1,200 dusun, 100,000 residents, 30,000
// gagasan with their histories, 1,000 meetings with invitations and
// answers, 500 kegiatan with tranches, reports and photos, complaints, role
// holders in every desa and a facilitator login for every kecamatan. It is
// written by set-based statements (INSERT … SELECT over generate_series) in
// one transaction, so that it loads in well under a minute.

// ScaleSize is how much the scale data set holds.
type ScaleSize struct {
	Kecamatan, Desa, DusunPerDesa, Residents, Gagasan, Meetings, Kegiatan int
}

// FullScale is the kabupaten of issue #22.
var FullScale = ScaleSize{Kecamatan: 17, Desa: 300, DusunPerDesa: 4, Residents: 100_000, Gagasan: 30_000, Meetings: 1_000, Kegiatan: 500}

// Times is the data set shrunk (or grown) by f, keeping at least one of
// each and at most the kabupaten's 17 kecamatan.
func (z ScaleSize) Times(f float64) ScaleSize {
	n := func(v int) int { return max(1, int(math.Round(float64(v)*f))) }
	out := ScaleSize{Desa: n(z.Desa), DusunPerDesa: z.DusunPerDesa, Residents: n(z.Residents), Gagasan: n(z.Gagasan),
		Meetings: n(z.Meetings), Kegiatan: n(z.Kegiatan)}
	out.Kecamatan = min(z.Kecamatan, out.Desa)
	// Residents enough for every desa's role holders; kegiatan fewer
	// than gagasan.
	out.Residents = max(out.Residents, out.Desa*12)
	out.Kegiatan = min(out.Kegiatan, out.Gagasan/2)
	return out
}

// ScaleCounts is what SeedScale loaded.
type ScaleCounts struct {
	Kecamatan, Desa, Dusun, Residents, RoleHolders, Gagasan, History, Meetings, Invitations, Kegiatan, Reports,
	Photos, Complaints, Admins int
}

// ScalePhonePrefix starts every number of the scale data set's residents.
const ScalePhonePrefix = "+62899"

// ScaleAdminPrefix starts the usernames of the scale data set's
// facilitators: "fas-34.04.01" for kecamatan 34.04.01.
const ScaleAdminPrefix = "fas-"

// ScaleKabupaten is the kabupaten the scale data set fills.
const ScaleKabupaten = "34.04"

// ErrScaleSeeded: the scale data set is there already; SeedScale loads it
// once (run it on a fresh database).
var ErrScaleSeeded = domain.Errorf(domain.ECONFLICT, "the scale data set is loaded already (residents %s…): use a fresh database", ScalePhonePrefix)

// The kecamatan of Kabupaten Sleman by their Kemendagri numbers.
var slemanKecamatan = []string{"Gamping", "Godean", "Moyudan", "Minggir", "Seyegan", "Mlati", "Depok", "Berbah", "Prambanan",
	"Kalasan", "Ngemplak", "Ngaglik", "Sleman", "Tempel", "Turi", "Pakem", "Cangkringan"}

// Parts of made-up desa names, as Javanese place names are made; the
// official names (`wilayah import`) are kept where they are loaded.
var (
	desaHeads = []string{"Sumber", "Sido", "Tirto", "Margo", "Wukir", "Argo", "Bangun", "Sendang", "Widodo", "Purwo", "Harjo",
		"Condong", "Tri", "Wedo", "Umbul", "Selo", "Sindu", "Bimo", "Catur", "Jogo"}
	desaTails = []string{"harjo", "mulyo", "rejo", "agung", "martani", "adi", "sari", "luhur", "moyo", "tani", "kerto", "binangun",
		"rahayu", "tirto", "wibowo", "arum"}
	dusunNames = []string{"Krajan", "Kradenan", "Ngaglik", "Sambiroto", "Karanganyar", "Tegalsari", "Jetis", "Kemasan",
		"Gondang", "Sidorejo", "Pundong", "Kalijeruk", "Dukuh", "Plosokuning", "Nglempong", "Banjarsari"}
	womenNames = []string{"Siti", "Sri", "Wati", "Sumarni", "Partini", "Endang", "Tri", "Yuni", "Suparmi", "Ngatini", "Rina",
		"Dewi", "Lestari", "Murni", "Sukinah", "Tuminah"}
	menNames = []string{"Budi", "Slamet", "Darto", "Joko", "Suparno", "Sugeng", "Agus", "Wahyu", "Parjo", "Bambang", "Heri",
		"Mulyadi", "Tukiman", "Sarjono", "Eko", "Purnomo"}
	lastNames = []string{"Wibowo", "Santoso", "Rahayu", "Susanti", "Hartono", "Lestari", "Prasetyo", "Wulandari", "Saputra",
		"Handayani", "Kurniawan", "Setiawati", "", "", "", ""}
	gagasanTitles = []string{"Perbaikan jalan", "Talud sungai", "Sumur bor", "Drainase", "Posyandu balita", "Pelatihan menjahit",
		"Jembatan gantung", "Rabat beton gang", "Saluran irigasi", "Pelatihan olahan singkong", "Beasiswa anak sekolah",
		"Penerangan jalan", "MCK umum", "Pelatihan budidaya lele", "Kelas literasi ibu-ibu", "Perpipaan air bersih"}
	complaintTexts = []string{"Material di lokasi kurang dari yang dijanjikan.", "Pekerja belum menerima upah.",
		"Pekerjaan berhenti sejak dua minggu.", "Papan informasi kegiatan tidak dipasang.", "Rapat tidak diumumkan di dusun kami."}
)

// scaleStages spreads the gagasan that did not become kegiatan along the
// cycle, in hundredths: most are early, some left it.
var scaleStages = []struct {
	status domain.Status
	pct    int
}{
	{domain.StatusDiajukan, 30}, {domain.StatusDibahas, 20}, {domain.StatusUsulanDesa, 12}, {domain.StatusVerifikasi, 8},
	{domain.StatusPrioritasMAD, 6}, {domain.StatusTidakDidanai, 4}, {domain.StatusDiteruskan, 3}, {domain.StatusDitolak, 6},
	{domain.StatusDigabung, 5}, {domain.StatusDitarik, 3}, {domain.StatusDidanai, 3},
}

// pathTo is the way a gagasan took from DIAJUKAN to s, DIAJUKAN first.
func pathTo(s domain.Status) []domain.Status {
	// Breadth-first over the stage machine: the shortest way, which for
	// every stage is the way of the cycle.
	prev := map[domain.Status]domain.Status{domain.StatusDiajukan: ""}
	queue := []domain.Status{domain.StatusDiajukan}
	for len(queue) > 0 && queue[0] != s {
		for _, n := range queue[0].Next() {
			if _, seen := prev[n]; !seen {
				prev[n] = queue[0]
				queue = append(queue, n)
			}
		}
		queue = queue[1:]
	}
	var path []domain.Status
	for at := s; at != ""; at = prev[at] {
		path = append([]domain.Status{at}, path...)
	}
	return path
}

// scaleCode is a tracking code of kind for the integer expression n (≥ 1),
// distinct for every n below 21^5: "X" and five letters of the code
// alphabet, so that it never meets the demo's codes.
func scaleCode(kind domain.CodeKind, n string) string {
	const alphabet = "ACEFGHJKMNPRTWXY34679"
	parts := []string{fmt.Sprintf("'%c-X'", kind)}
	// A multiplier prime to 21 spreads consecutive numbers over the codes.
	v := fmt.Sprintf("((%s)::bigint * 7919 %% 4084101)", n)
	for k, div := 0, 1; k < 5; k, div = k+1, div*21 {
		parts = append(parts, fmt.Sprintf("substr('%s', (%s / %d %% 21)::int + 1, 1)", alphabet, v, div))
	}
	return strings.Join(parts, " || ")
}

// SeedScale loads the scale data set of size z in one transaction, then
// analyses the tables. photo is one stored image that every report photo
// refers to (the data set references its photos without writing
// thousands of files); adminHash is the password hash of its
// facilitators. It refuses to run twice (ErrScaleSeeded). The kecamatan,
// desa and dusun already there (the official list, the demo) are kept
// and used.
func (s *Store) SeedScale(ctx context.Context, z ScaleSize, now time.Time, photo Media, adminHash string) (ScaleCounts, error) {
	var c ScaleCounts
	if z.Kecamatan < 1 || z.Kecamatan > len(slemanKecamatan) || z.Desa < z.Kecamatan || z.DusunPerDesa < 1 ||
		z.Residents < z.Desa*12 || z.Gagasan < 2*z.Kegiatan || z.Meetings < 1 || z.Kegiatan < 1 {
		return c, domain.Errorf(domain.EINVALID, "scale data set: sizes out of range: %+v", z)
	}
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		var seeded bool
		if err := tx.GetContext(ctx, &seeded, `SELECT EXISTS (SELECT 1 FROM contacts WHERE phone LIKE $1 || '%')`, ScalePhonePrefix); err != nil {
			return err
		}
		if seeded {
			return ErrScaleSeeded
		}
		sc := &scaleTx{ctx: ctx, tx: tx, z: z, now: now}
		sc.exec(`SET LOCAL max_parallel_workers_per_gather = 0`) // random() in one order: the same data every time
		sc.exec(`SELECT setseed(0.22)`)
		sc.places()
		sc.people()
		sc.gagasan()
		sc.meetings()
		sc.kegiatan(photo)
		sc.complaints()
		sc.exec(`INSERT INTO admin_users (username, password_hash, role, kecamatan_kode)
			SELECT $1 || kode, $2, 'FASILITATOR', kode FROM scale_kecamatan ON CONFLICT (username) DO NOTHING`, ScaleAdminPrefix, adminHash)
		if sc.err != nil {
			return sc.err
		}
		return tx.GetContext(ctx, &c, `SELECT
			(SELECT count(*) FROM scale_kecamatan) AS kecamatan, (SELECT count(*) FROM scale_desa) AS desa,
			(SELECT count(*) FROM scale_dusun) AS dusun, (SELECT count(*) FROM contacts WHERE phone LIKE $1 || '%') AS residents,
			(SELECT count(*) FROM roles WHERE phone LIKE $1 || '%') AS roleholders,
			(SELECT count(*) FROM gagasan WHERE code LIKE 'G-X%') AS gagasan,
			(SELECT count(*) FROM gagasan_history h JOIN gagasan g ON g.id = h.gagasan_id WHERE g.code LIKE 'G-X%') AS history,
			(SELECT count(*) FROM meetings WHERE code LIKE 'R-X%') AS meetings,
			(SELECT count(*) FROM invitations i JOIN meetings m ON m.id = i.meeting_id WHERE m.code LIKE 'R-X%') AS invitations,
			(SELECT count(*) FROM kegiatan WHERE code LIKE 'K-X%') AS kegiatan,
			(SELECT count(*) FROM progress_reports r JOIN kegiatan k ON k.id = r.kegiatan_id WHERE k.code LIKE 'K-X%') AS reports,
			(SELECT count(*) FROM report_photos p JOIN progress_reports r ON r.id = p.report_id JOIN kegiatan k ON k.id = r.kegiatan_id
				WHERE k.code LIKE 'K-X%') AS photos,
			(SELECT count(*) FROM complaints WHERE code LIKE 'A-X%') AS complaints,
			(SELECT count(*) FROM admin_users WHERE username LIKE $2 || '%') AS admins`, ScalePhonePrefix, ScaleAdminPrefix)
	})
	if err != nil {
		return c, err
	}
	// Fresh statistics, or the planner plans for empty tables.
	if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return c, fmt.Errorf("analyze: %w", err)
	}
	return c, nil
}

// scaleTx is SeedScale's transaction; the first error stops the rest.
type scaleTx struct {
	ctx context.Context
	tx  *sqlx.Tx
	z   ScaleSize
	now time.Time
	err error
}

func (sc *scaleTx) exec(query string, args ...any) {
	if sc.err != nil {
		return
	}
	if _, err := sc.tx.ExecContext(sc.ctx, query, args...); err != nil {
		first, _, _ := strings.Cut(strings.TrimSpace(query), "\n")
		sc.err = fmt.Errorf("scale data set: %s: %w", first, err)
	}
}

// places: the province, the kabupaten, its kecamatan, desa and dusun, and
// the temporary tables numbering the data set's own.
func (sc *scaleTx) places() {
	z := sc.z
	sc.exec(`INSERT INTO provinsi (kode, nama, tz) VALUES ('34', 'DAERAH ISTIMEWA YOGYAKARTA', 'Asia/Jakarta') ON CONFLICT DO NOTHING`)
	sc.exec(`INSERT INTO kabupaten (kode, nama, provinsi_kode) VALUES ($1, 'KABUPATEN SLEMAN', '34') ON CONFLICT DO NOTHING`, ScaleKabupaten)
	sc.exec(`CREATE TEMP TABLE scale_kecamatan ON COMMIT DROP AS
		SELECT k AS idx, $1 || '.' || lpad(k::text, 2, '0') AS kode, ($2::text[])[k] AS nama FROM generate_series(1, $3) k`,
		ScaleKabupaten, pq.Array(slemanKecamatan), z.Kecamatan)
	sc.exec(`INSERT INTO kecamatan (kode, nama, tz) SELECT kode, nama, 'Asia/Jakarta' FROM scale_kecamatan ON CONFLICT DO NOTHING`)
	// Desa i is in kecamatan (i-1) mod K + 1, numbered 2001, 2002, … there.
	sc.exec(`CREATE TEMP TABLE scale_desa ON COMMIT DROP AS
		SELECT i AS idx, k.kode || '.' || (2000 + (i - 1) / $1 + 1) AS kode, k.kode AS kecamatan_kode,
			($2::text[])[(i - 1) % array_length($2::text[], 1) + 1] ||
			($3::text[])[((i - 1) / array_length($2::text[], 1)) % array_length($3::text[], 1) + 1] AS nama
		FROM generate_series(1, $4) i JOIN scale_kecamatan k ON k.idx = (i - 1) % $1 + 1`,
		z.Kecamatan, pq.Array(desaHeads), pq.Array(desaTails), z.Desa)
	sc.exec(`INSERT INTO desa (kode, nama, kecamatan_kode) SELECT kode, nama, kecamatan_kode FROM scale_desa ON CONFLICT DO NOTHING`)
	sc.exec(`UPDATE scale_desa s SET nama = d.nama FROM desa d WHERE d.kode = s.kode`)
	sc.exec(`INSERT INTO dusun (desa_kode, nama)
		SELECT d.kode, ($1::text[])[(d.idx + n) % array_length($1::text[], 1) + 1] FROM scale_desa d, generate_series(0, $2 - 1) n
		ON CONFLICT DO NOTHING`, pq.Array(dusunNames), z.DusunPerDesa)
	sc.exec(`CREATE TEMP TABLE scale_dusun ON COMMIT DROP AS
		SELECT row_number() OVER (ORDER BY d.idx, u.id) AS idx, u.id, u.desa_kode, d.kecamatan_kode
		FROM dusun u JOIN scale_desa d ON d.kode = u.desa_kode`)
}

// people: the residents, spread over the dusun (some dusun twice as
// populous as others), women and men, their languages and channels, a few
// who never finished registering or opted out; the role holders of every
// desa and kecamatan.
func (sc *scaleTx) people() {
	sc.exec(`INSERT INTO contacts (phone, name, desa_kode, dusun_id, gender, lang, channel, consent_at, registered_at, opted_out_at,
			created_at, updated_at)
		SELECT $1 || lpad(i::text, 7, '0'),
			CASE WHEN unreg THEN '' ELSE
				CASE WHEN woman THEN ($2::text[])[i % array_length($2::text[], 1) + 1] ELSE ($3::text[])[i % array_length($3::text[], 1) + 1] END
				|| rtrim(' ' || ($4::text[])[(i / 7) % array_length($4::text[], 1) + 1]) END,
			CASE WHEN unreg THEN NULL ELSE u.desa_kode END, CASE WHEN unreg THEN NULL ELSE u.id END,
			CASE WHEN unreg THEN '' WHEN woman THEN 'P' ELSE 'L' END,
			CASE WHEN r1 < 0.55 THEN '' WHEN r1 < 0.80 THEN 'jv' WHEN r1 < 0.92 THEN 'id' ELSE 'su' END,
			CASE WHEN r2 < 0.78 THEN 'whatsapp:+62274000100' ELSE 'sms:sleman' END,
			at, CASE WHEN unreg THEN NULL ELSE at END, CASE WHEN r2 > 0.97 THEN at + interval '30 days' END, at, at
		FROM (SELECT i, random() AS r1, random() AS r2, random() < 0.52 AS woman, random() < 0.02 AS unreg,
				$6::timestamptz - random() * interval '400 days' AS at,
				-- a skewed pick: the first desa up to three times as full as the last
				1 + floor(power(random(), 1.3) * $7::int)::int AS pick
			FROM generate_series(1, $5) i) p
		JOIN scale_dusun u ON u.idx = p.pick`,
		ScalePhonePrefix, pq.Array(womenNames), pq.Array(menNames), pq.Array(lastNames), sc.z.Residents, sc.now, sc.z.Desa*sc.z.DusunPerDesa)
	sc.exec(`CREATE TEMP TABLE scale_people ON COMMIT DROP AS
		SELECT row_number() OVER (ORDER BY c.id) AS idx, c.id, c.phone, c.desa_kode, c.dusun_id, c.gender,
			row_number() OVER (PARTITION BY c.desa_kode ORDER BY c.id) AS rank
		FROM contacts c WHERE c.phone LIKE $1 || '%' AND c.registered_at IS NOT NULL AND c.opted_out_at IS NULL`, ScalePhonePrefix)
	sc.exec(`CREATE INDEX ON scale_people (idx)`)
	// Per desa two KPMD, three TPK members and a TPU; per kecamatan three
	// of the Tim Verifikasi and a facilitator, on its first desa.
	sc.exec(`INSERT INTO roles (phone, role, desa_kode, granted_by, granted_at)
		SELECT p.phone, CASE WHEN rank <= 2 THEN 'KPMD' WHEN rank <= 5 THEN 'TPK' WHEN rank = 6 THEN 'TPU'
			WHEN rank <= 9 THEN 'TV' ELSE 'FASILITATOR' END, p.desa_kode, 'seed', $1
		FROM scale_people p JOIN scale_desa d ON d.kode = p.desa_kode
		WHERE p.rank <= 6 OR (p.rank <= 10 AND d.idx <= $2)`, sc.now.Add(-300*24*time.Hour), sc.z.Kecamatan)
}

// gagasan: the residents' gagasan, the last ones funded (they become the
// kegiatan), the others spread along the cycle, each with the history of
// its way there.
func (sc *scaleTx) gagasan() {
	z := sc.z
	var stages []string
	for _, st := range scaleStages {
		for range st.pct {
			stages = append(stages, string(st.status))
		}
	}
	funded := []string{string(domain.StatusPelaksanaan), string(domain.StatusPelaksanaan), string(domain.StatusPelaksanaan),
		string(domain.StatusSelesai), string(domain.StatusDiserahterimakan)}
	var cats []string
	for _, k := range domain.Categories {
		cats = append(cats, string(k))
	}
	// The ways along the cycle, one row per step.
	sc.exec(`CREATE TEMP TABLE scale_paths (status text, n int, from_status text, to_status text, steps int) ON COMMIT DROP`)
	for _, st := range append(append([]string{}, stages...), funded...) {
		path := pathTo(domain.Status(st))
		for n, to := range path {
			from := ""
			if n > 0 {
				from = string(path[n-1])
			}
			sc.exec(`INSERT INTO scale_paths SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM scale_paths WHERE status = $1 AND n = $2)`,
				st, n, from, string(to), len(path))
		}
	}
	sc.exec(`INSERT INTO gagasan (code, sender_id, desa_kode, dusun_id, category, title, description, households, poor_households,
			status, created_at, updated_at)
		SELECT `+scaleCode(domain.CodeGagasan, "g.i")+`, p.id, p.desa_kode, p.dusun_id, ($1::text[])[g.i % array_length($1::text[], 1) + 1],
			($2::text[])[g.i % array_length($2::text[], 1) + 1] || ' Dusun ' || u.nama,
			'Diusulkan warga dalam Musdus; manfaat untuk ' || (20 + g.i % 180) || ' KK.',
			CASE WHEN g.i % 3 > 0 THEN 20 + g.i % 180 END, CASE WHEN g.i % 3 > 0 THEN 5 + g.i % 40 END,
			g.status, g.at, g.at + (s.steps - 1) * interval '9 days'
		FROM (SELECT i, CASE WHEN i > $4 - $5 THEN ($6::text[])[i % array_length($6::text[], 1) + 1]
					ELSE ($3::text[])[i % array_length($3::text[], 1) + 1] END AS status,
				$7::timestamptz - interval '100 days' - random() * interval '260 days' AS at
			FROM generate_series(1, $4) i) g
		JOIN scale_paths s ON s.status = g.status AND s.n = 0
		JOIN scale_people p ON p.idx = 1 + (g.i * 7919) % (SELECT count(*) FROM scale_people)
		JOIN dusun u ON u.id = p.dusun_id`,
		pq.Array(cats), pq.Array(gagasanTitles), pq.Array(stages), z.Gagasan, z.Kegiatan, pq.Array(funded), sc.now)
	sc.exec(`INSERT INTO gagasan_history (gagasan_id, from_status, to_status, changed_by, at)
		SELECT g.id, s.from_status, s.to_status, CASE WHEN s.n = 0 THEN 'warga' ELSE 'KPMD' END, g.created_at + s.n * interval '9 days'
		FROM gagasan g JOIN scale_paths s ON s.status = g.status WHERE g.code LIKE 'G-X%' ORDER BY g.id, s.n`)
}

// meetings: every desa's meetings of the cycle over the past year and the
// coming month, the MAD of each kecamatan, their agendas, the invitations
// queued and delivered (as the fan-out would have queued them), the
// answers, and the outcomes of those held.
func (sc *scaleTx) meetings() {
	types := []string{"MUSDUS", "MUSDES_SOSIALISASI", "MKP", "MUSDES_PERENCANAAN", "MUSDUS", "MUSDES_PERTANGGUNGJAWABAN",
		"MAD_SOSIALISASI", "MUSDES_INFORMASI"}
	audiences := []string{"DUSUN", "DESA", "PEREMPUAN", "DESA", "DUSUN", "DESA", "MAD", "DESA"}
	sc.exec(`INSERT INTO meetings (code, type, desa_kode, dusun_id, audience, starts_at, place, agenda, status, attended, attended_women,
			created_at, updated_at)
		SELECT `+scaleCode(domain.CodeRapat, "m.i")+`, m.type, d.kode,
			CASE WHEN m.audience = 'DUSUN' THEN (SELECT u.id FROM dusun u WHERE u.desa_kode = d.kode ORDER BY u.id OFFSET m.i % $6 LIMIT 1) END,
			m.audience, m.at, CASE WHEN m.audience = 'MAD' THEN 'Pendopo Kecamatan' ELSE 'Balai Desa ' || d.nama END, '',
			CASE WHEN m.i % 20 = 0 THEN 'DIBATALKAN' WHEN m.at < $5 THEN 'SELESAI' ELSE 'DIJADWALKAN' END,
			CASE WHEN m.at < $5 AND m.i % 20 <> 0 THEN 25 + m.i % 60 END, CASE WHEN m.at < $5 AND m.i % 20 <> 0 THEN 10 + m.i % 30 END,
			m.at - interval '10 days', m.at - interval '10 days'
		FROM (SELECT i, ($1::text[])[i % array_length($1::text[], 1) + 1] AS type, ($2::text[])[i % array_length($2::text[], 1) + 1] AS audience,
				date_trunc('hour', $5::timestamptz - interval '330 days' + random() * interval '360 days') AS at
			FROM generate_series(1, $3) i) m
		JOIN scale_desa d ON d.idx = 1 + CASE WHEN m.audience = 'MAD' THEN (m.i % $4) ELSE (m.i * 7) % $7 END`,
		pq.Array(types), pq.Array(audiences), sc.z.Meetings, sc.z.Kecamatan, sc.now, sc.z.DusunPerDesa, sc.z.Desa)
	sc.exec(`INSERT INTO meeting_agenda (meeting_id, gagasan_id)
		SELECT m.id, g.id FROM meetings m JOIN LATERAL (SELECT g.id FROM gagasan g WHERE g.desa_kode = m.desa_kode
			AND g.status IN ('DIBAHAS', 'USULAN_DESA', 'DIAJUKAN') ORDER BY g.id OFFSET m.id % 5 LIMIT 3) g ON true
		WHERE m.code LIKE 'R-X%' AND m.type IN ('MUSDUS', 'MUSDES_PERENCANAAN')`)
	// The invitations, as fanOut makes them (one rule: inAudienceSQL),
	// joined per audience so that each is an index lookup.
	sc.exec(`CREATE TEMP TABLE scale_inv ON COMMIT DROP AS
		SELECT m.id AS meeting_id, m.starts_at, c.id AS contact_id, c.phone, c.channel, c.name, c.gender,
			nextval('outbound_messages_id_seq') AS outbound_id, random() AS r
		FROM meetings m JOIN contacts c ON c.registered_at IS NOT NULL AND c.opted_out_at IS NULL AND c.channel <> '' AND (
			(m.audience = 'DESA' AND c.desa_kode = m.desa_kode) OR (m.audience = 'DUSUN' AND c.dusun_id = m.dusun_id) OR
			(m.audience = 'PEREMPUAN' AND c.desa_kode = m.desa_kode AND c.gender = 'P'))
		WHERE m.code LIKE 'R-X%' AND m.audience <> 'MAD'
		UNION ALL
		SELECT DISTINCT ON (m.id, c.id) m.id, m.starts_at, c.id, c.phone, c.channel, c.name, c.gender, 0, random()
		FROM meetings m JOIN desa md ON md.kode = m.desa_kode JOIN desa rd ON rd.kecamatan_kode = md.kecamatan_kode
		JOIN roles r ON r.desa_kode = rd.kode JOIN contacts c ON c.phone = r.phone
		WHERE m.code LIKE 'R-X%' AND m.audience = 'MAD' AND c.registered_at IS NOT NULL AND c.opted_out_at IS NULL AND c.channel <> ''`)
	sc.exec(`UPDATE scale_inv SET outbound_id = nextval('outbound_messages_id_seq') WHERE outbound_id = 0`)
	sc.exec(`INSERT INTO outbound_messages (id, channel, to_phone, contact_id, text, kind, priority, status, attempts, next_attempt_at,
			ext_id, created_at, sent_at, updated_at)
		SELECT outbound_id, channel, phone, contact_id,
			'Undangan rapat untuk ' || CASE gender WHEN 'P' THEN 'Ibu ' WHEN 'L' THEN 'Bapak ' ELSE '' END || name || '. Balas HADIR atau TIDAK.',
			'broadcast', $1, CASE WHEN r < 0.9 THEN 'delivered' WHEN r < 0.97 THEN 'sent' ELSE 'failed' END, 1,
			starts_at - interval '7 days', 'scale-' || outbound_id, starts_at - interval '7 days', starts_at - interval '7 days',
			starts_at - interval '7 days'
		FROM scale_inv`, PriorityBroadcast)
	sc.exec(`INSERT INTO invitations (meeting_id, contact_id, outbound_id, rsvp, rsvp_at)
		SELECT meeting_id, contact_id, outbound_id, CASE WHEN r < 0.35 THEN 'HADIR' WHEN r < 0.43 THEN 'TIDAK' ELSE '' END,
			CASE WHEN r < 0.43 THEN starts_at - interval '5 days' END
		FROM scale_inv`)
}

// kegiatan: the funded gagasan's kegiatan with their TPK, tranches,
// progress reports with photos (every photo the one stored image), and
// their followers.
func (sc *scaleTx) kegiatan(photo Media) {
	sc.exec(`INSERT INTO kegiatan (code, gagasan_id, desa_kode, title, budget, volume, unit, status, created_at, handed_over_at)
		SELECT ` + scaleCode(domain.CodeKegiatan, "row_number() OVER (ORDER BY g.id)") + `, g.id, g.desa_kode, g.title,
			(50 + g.id % 150) * 1000000, 100 + g.id % 400, 'm',
			CASE g.status WHEN 'PELAKSANAAN' THEN 'BERJALAN' ELSE g.status END, g.updated_at - interval '9 days',
			CASE WHEN g.status = 'DISERAHTERIMAKAN' THEN g.updated_at END
		FROM gagasan g WHERE g.code LIKE 'G-X%' AND g.status IN ('PELAKSANAAN', 'SELESAI', 'DISERAHTERIMAKAN')`)
	sc.exec(`INSERT INTO kegiatan_tpk (kegiatan_id, phone, role)
		SELECT k.id, r.phone, 'TPK' FROM kegiatan k JOIN roles r ON r.desa_kode = k.desa_kode AND r.role = 'TPK' WHERE k.code LIKE 'K-X%'`)
	sc.exec(`INSERT INTO tranches (kegiatan_id, no, percent, amount, disbursed_at, disbursed_by)
		SELECT k.id, t.no, t.pct, k.budget * t.pct / 100,
			CASE WHEN k.status <> 'BERJALAN' OR t.no = 1 OR (t.no = 2 AND k.id % 2 = 0) THEN k.created_at + t.no * interval '20 days' END,
			CASE WHEN k.status <> 'BERJALAN' OR t.no = 1 OR (t.no = 2 AND k.id % 2 = 0) THEN 'seed' ELSE '' END
		FROM kegiatan k, (VALUES (1, 40), (2, 40), (3, 20)) t (no, pct) WHERE k.code LIKE 'K-X%'`)
	sc.exec(`INSERT INTO progress_reports (kegiatan_id, percent, note, workers, women, person_days, by_contact, by_name, at)
		SELECT k.id, CASE WHEN k.status = 'BERJALAN' THEN n * 25 ELSE n * 33 + 1 END, 'Pekerjaan berjalan sesuai rencana.',
			10 + k.id % 15, 3 + k.id % 6, 40 + k.id % 80, c.id, c.name, k.created_at + n * interval '15 days'
		FROM kegiatan k, generate_series(1, 3) n,
			LATERAL (SELECT c.id, c.name FROM kegiatan_tpk t JOIN contacts c ON c.phone = t.phone WHERE t.kegiatan_id = k.id ORDER BY c.id LIMIT 1) c
		WHERE k.code LIKE 'K-X%'`)
	sc.exec(`CREATE TEMP TABLE scale_photos ON COMMIT DROP AS
		SELECT r.id AS report_id, n AS position, nextval('media_id_seq') AS media_id, r.by_contact, r.at
		FROM progress_reports r JOIN kegiatan k ON k.id = r.kegiatan_id, generate_series(0, 1) n WHERE k.code LIKE 'K-X%'`)
	sc.exec(`INSERT INTO media (id, sha256, mime, kind, size, path, contact_id, created_at)
		SELECT media_id, $1, $2, $3, $4, $5, by_contact, at FROM scale_photos`, photo.SHA256, photo.Mime, photo.Kind, photo.Size, photo.Path)
	sc.exec(`INSERT INTO report_photos (report_id, media_id, caption, position)
		SELECT report_id, media_id, CASE position WHEN 0 THEN 'sebelum' ELSE 'sesudah' END, position FROM scale_photos`)
	sc.exec(`INSERT INTO followers (kegiatan_id, contact_id, since)
		SELECT k.id, p.id, k.created_at FROM kegiatan k JOIN scale_people p ON p.desa_kode = k.desa_kode AND p.rank % 25 = 3
		WHERE k.code LIKE 'K-X%'`)
}

// complaints: one resident in fifty has complained, at every stage.
func (sc *scaleTx) complaints() {
	sc.exec(`INSERT INTO complaints (code, desa_kode, contact_id, anonymous, text, status, created_at, updated_at)
		SELECT `+scaleCode(domain.CodeAduan, "row_number() OVER (ORDER BY p.id)")+`, p.desa_kode, p.id, p.id % 3 = 0,
			($1::text[])[p.id % array_length($1::text[], 1) + 1],
			(ARRAY['DITERIMA', 'DIVERIFIKASI', 'DITERUSKAN', 'DITANGANI', 'SELESAI'])[p.id % 5 + 1],
			$2::timestamptz - (p.id % 300) * interval '1 day', $2::timestamptz - (p.id % 300) * interval '1 day'
		FROM scale_people p WHERE p.idx % 50 = 7`, pq.Array(complaintTexts), sc.now)
	// Each complaint's history: its filing, and for one that moved on, the
	// move, 0 to 19 days later (some answered late for the participation
	// figures), never after now.
	sc.exec(`INSERT INTO complaint_history (complaint_id, status, at)
		SELECT c.id, 'DITERIMA', c.created_at FROM complaints c JOIN scale_people p ON p.id = c.contact_id`)
	sc.exec(`INSERT INTO complaint_history (complaint_id, status, at)
		SELECT c.id, c.status, least(c.created_at + (c.id % 20) * interval '1 day' + interval '1 hour', $1::timestamptz)
		FROM complaints c JOIN scale_people p ON p.id = c.contact_id WHERE c.status <> 'DITERIMA'`, sc.now)
}

// ScaleTargets is what the scale report measures on: the busiest
// kecamatan of the kabupaten (most gagasan), its facilitator's login, its
// busiest desa, a KPMD there, its meeting with the most invitations, and
// every desa and kecamatan of the kabupaten.
type ScaleTargets struct {
	Kecamatan string `db:"kecamatan"`
	Admin     string `db:"admin"`
	Desa      string `db:"desa"`
	KPMD      string `db:"kpmd"`
	Meeting   string `db:"meeting"`
	// KecamatanDesa is one desa of each kecamatan (a MAD is held there);
	// AllDesa every desa of the kabupaten.
	KecamatanDesa pq.StringArray `db:"kecamatan_desa"`
	AllDesa       pq.StringArray `db:"all_desa"`
}

// ScaleTargetsOf finds the report's targets in kabupaten kab.
func (s *Store) ScaleTargetsOf(ctx context.Context, kab string) (ScaleTargets, error) {
	var t ScaleTargets
	err := s.db.GetContext(ctx, &t, `WITH kec AS (
			SELECT d.kecamatan_kode AS kode FROM gagasan g JOIN desa d ON d.kode = g.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
			WHERE k.kabupaten_kode = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1),
		ds AS (SELECT g.desa_kode AS kode FROM gagasan g JOIN desa d ON d.kode = g.desa_kode WHERE d.kecamatan_kode = (SELECT kode FROM kec)
			GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
		SELECT (SELECT kode FROM kec) AS kecamatan,
			coalesce((SELECT username FROM admin_users WHERE kecamatan_kode = (SELECT kode FROM kec) AND role = 'FASILITATOR'
				AND disabled_at IS NULL ORDER BY id LIMIT 1), '') AS admin,
			(SELECT kode FROM ds) AS desa,
			coalesce((SELECT phone FROM roles WHERE desa_kode = (SELECT kode FROM ds) AND role = 'KPMD' ORDER BY phone LIMIT 1), '') AS kpmd,
			coalesce((SELECT m.code FROM meetings m JOIN desa d ON d.kode = m.desa_kode JOIN invitations i ON i.meeting_id = m.id
				WHERE d.kecamatan_kode = (SELECT kode FROM kec) GROUP BY m.code ORDER BY count(*) DESC, m.code LIMIT 1), '') AS meeting,
			ARRAY(SELECT min(d.kode) FROM desa d JOIN kecamatan k ON k.kode = d.kecamatan_kode WHERE k.kabupaten_kode = $1
				GROUP BY d.kecamatan_kode ORDER BY 1) AS kecamatan_desa,
			ARRAY(SELECT d.kode FROM desa d JOIN kecamatan k ON k.kode = d.kecamatan_kode WHERE k.kabupaten_kode = $1 ORDER BY 1) AS all_desa`, kab)
	if err != nil {
		return t, fmt.Errorf("scale targets: %w", err)
	}
	if t.Kecamatan == "" {
		return t, domain.Errorf(domain.ENOTFOUND, "no gagasan in kabupaten %s: load the scale data set first (seed scale)", kab)
	}
	return t, nil
}

// DropMeetings removes meetings, their invitations and reminders, and the
// messages queued for their invitations: what the scale report's fan-outs
// added. It returns the messages removed.
func (s *Store) DropMeetings(ctx context.Context, codes []string) (int64, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM outbound_messages WHERE id IN (SELECT i.outbound_id FROM invitations i
			JOIN meetings m ON m.id = i.meeting_id WHERE m.code = ANY($1))`, pq.Array(codes))
		if err != nil {
			return fmt.Errorf("dropping meetings' messages: %w", err)
		}
		n, _ = res.RowsAffected()
		if _, err := tx.ExecContext(ctx, `DELETE FROM meetings WHERE code = ANY($1)`, pq.Array(codes)); err != nil {
			return fmt.Errorf("dropping meetings: %w", err)
		}
		return nil
	})
	return n, err
}

// DatabaseSize is the database's size on disk, in bytes.
func (s *Store) DatabaseSize(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.GetContext(ctx, &n, `SELECT pg_database_size(current_database())`)
	return n, err
}
