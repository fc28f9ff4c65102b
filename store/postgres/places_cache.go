package postgres

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/jmoiron/sqlx"

	"github.com/suaradesa/suaradesa/domain"
)

// placeCache is the list of desa a resident chooses from, with their
// kecamatan and kabupaten names, kept in memory: a kabupaten has hundreds
// of desa, a province thousands, and a desa step would otherwise read them
// all on every message. It is reloaded when places_version moved (a
// trigger bumps it on any change to desa, kecamatan or kabupaten names, by
// whoever: an import, the admin site, another process), so that a turn pays
// one tiny read for the version instead of the list. The lists per scope
// are made once per version.
type placeCache struct {
	mu      sync.Mutex
	version int64
	all     []domain.DesaPlace
	byKode  map[string]int
	byScope map[string][]domain.DesaPlace
}

const sqlPlacesVersion = `SELECT v FROM places_version`

func placesVersion(ctx context.Context, q sqlx.QueryerContext) (int64, error) {
	var v int64
	if err := sqlx.GetContext(ctx, q, &v, sqlPlacesVersion); err != nil {
		return 0, fmt.Errorf("reading the places' version: %w", err)
	}
	return v, nil
}

const sqlListPlaces = `SELECT d.kode, d.nama, d.kecamatan_kode, d.lang,
	COALESCE(k.nama, '') AS kecamatan_nama, COALESCE(b.nama, '') AS kabupaten_nama
	FROM desa d LEFT JOIN kecamatan k ON k.kode = d.kecamatan_kode LEFT JOIN kabupaten b ON b.kode = k.kabupaten_kode
	ORDER BY d.nama, d.kode`

// in returns the desa in scope, by name, as of version v (read in the
// caller's transaction; q loads the list when the cache holds another
// version). The slice is shared: callers must not change it.
func (c *placeCache) in(ctx context.Context, q sqlx.QueryerContext, v int64, scope string) ([]domain.DesaPlace, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != v || c.all == nil {
		var all []domain.DesaPlace
		if err := sqlx.SelectContext(ctx, q, &all, sqlListPlaces); err != nil {
			return nil, fmt.Errorf("listing desa: %w", err)
		}
		if all == nil {
			all = []domain.DesaPlace{}
		}
		c.version, c.all = v, all
		c.byKode = make(map[string]int, len(all))
		for i, d := range all {
			c.byKode[d.Kode] = i
		}
		c.byScope = map[string][]domain.DesaPlace{}
	}
	if scope == "" {
		return c.all, nil
	}
	if strings.Count(scope, ".") == 3 {
		// One desa (its name by its code): not kept per scope, there
		// are tens of thousands.
		if i, ok := c.byKode[scope]; ok {
			return c.all[i : i+1 : i+1], nil
		}
		return nil, nil
	}
	if l, ok := c.byScope[scope]; ok {
		return l, nil
	}
	var l []domain.DesaPlace
	for _, d := range c.all {
		if domain.InScope(d.Kode, scope) {
			l = append(l, d)
		}
	}
	c.byScope[scope] = l
	return l, nil
}
