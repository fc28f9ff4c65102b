// Package storetest gives tests a real, empty Postgres database and a Redis
// key space of their own, on the throwaway servers that `make test` starts.
// Without them (a plain `go test ./...`) such tests skip, saying to use
// `make test`; with RequireServers set, as scripts/test.sh sets it, they
// fail instead, so that CI never skips them silently.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"
	goredis "github.com/redis/go-redis/v9"

	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/redis"
)

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

// RequireServers is the environment variable that makes a missing test
// server fail a test rather than skip it (scripts/test.sh sets it).
const RequireServers = "SUARADESA_REQUIRE_SERVERS"

// server returns the URL in the environment variable name, or ends the
// test: skipped, or failed when RequireServers is set.
func server(t testing.TB, name string) string {
	t.Helper()
	if u := os.Getenv(name); u != "" {
		return u
	}
	msg := name + " is not set: run the tests with `make test`, which starts Postgres and Redis"
	if os.Getenv(RequireServers) != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// adminURL is the server the tests may create databases on.
func adminURL(t testing.TB) string {
	t.Helper()
	return server(t, "TEST_DATABASE_URL")
}

func withDB(raw, db string) string {
	u, err := url.Parse(raw)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + db
	return u.String()
}

func randomName(prefix string) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// prepareTemplate migrates one template database per test binary; each test
// clones it, which is much faster than migrating again.
func prepareTemplate(admin string) (string, error) {
	templateOnce.Do(func() {
		ctx := context.Background()
		db, err := sqlx.Open("postgres", admin)
		if err != nil {
			templateErr = err
			return
		}
		defer db.Close()
		templateName = randomName("sd_tmpl_")
		if _, err := db.ExecContext(ctx, "CREATE DATABASE "+templateName); err != nil {
			templateErr = err
			return
		}
		st, err := postgres.Open(ctx, withDB(admin, templateName), 2)
		if err != nil {
			templateErr = err
			return
		}
		defer st.Close()
		_, templateErr = st.Migrate(ctx, nil)
	})
	return templateName, templateErr
}

// URL returns the URL of a new, migrated, empty database, dropped when the
// test ends.
func URL(t testing.TB) string {
	t.Helper()
	admin := adminURL(t)
	tmpl, err := prepareTemplate(admin)
	if err != nil {
		t.Fatalf("preparing template database: %v", err)
	}
	db, err := sqlx.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	name := randomName("sd_test_")
	if _, err := db.Exec(fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, tmpl)); err != nil {
		db.Close()
		t.Fatalf("creating test database: %v", err)
	}
	t.Cleanup(func() {
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		db.Close()
	})
	return withDB(admin, name)
}

// Store returns a store on a new database.
func Store(t testing.TB) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), URL(t), 20)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// SeededStore returns a store on a new database holding the demo data.
func SeededStore(t testing.TB) *postgres.Store {
	t.Helper()
	st := Store(t)
	if err := st.SeedDemo(context.Background(), Demo(t)); err != nil {
		t.Fatal(err)
	}
	return st
}

var (
	demoOnce sync.Once
	demo     postgres.Demo
	demoErr  error
)

// Demo is the demo data set, read from the source tree's configs folder,
// the files that configs embeds for the binary (the store, storetest
// included, does not import configs).
func Demo(t testing.TB) postgres.Demo {
	t.Helper()
	demoOnce.Do(func() {
		root, err := moduleRoot()
		if err != nil {
			demoErr = err
			return
		}
		demo, demoErr = postgres.ReadDemo(os.DirFS(filepath.Join(root, "configs")))
	})
	if demoErr != nil {
		t.Fatalf("demo data: %v", demoErr)
	}
	return demo
}

// moduleRoot is the folder of go.mod, above the test's working folder (its
// package's).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
		dir = parent
	}
}

// RedisURL returns the test Redis server's URL.
func RedisURL(t testing.TB) string {
	t.Helper()
	return server(t, "TEST_REDIS_URL")
}

// Redis returns a client and a key prefix of the test's own; its keys are
// deleted when the test ends.
func Redis(t testing.TB) (*goredis.Client, string) {
	t.Helper()
	rdb, err := redis.Connect(context.Background(), RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	prefix := randomName("test:") + ":"
	t.Cleanup(func() {
		ctx := context.Background()
		iter := rdb.Scan(ctx, 0, prefix+"*", 1000).Iterator()
		for iter.Next(ctx) {
			rdb.Del(ctx, iter.Val())
		}
		rdb.Close()
	})
	return rdb, prefix
}

// Sessions returns a session store on the test's own key space.
func Sessions(t testing.TB) *redis.Sessions {
	rdb, prefix := Redis(t)
	return redis.New(rdb, redis.Options{Prefix: prefix})
}
