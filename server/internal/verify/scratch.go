package verify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names the server verify creates its scratch database on when no
// --database-url is given.
const EnvURL = "ALEMBIC_PATTERNS_VERIFY_URL"

// cleanupTimeout bounds dropping the scratch database or stopping the
// private cluster; it runs on a fresh context, after a cancel too.
const cleanupTimeout = 30 * time.Second

// scratch is a database verify created and removes: the only one it
// writes to.
type scratch struct {
	// where says how it was made, for the report: "server" or "cluster".
	where string
	// conn is the database's connection URL (libpq form, for pgx).
	conn *url.URL
	// version is the server's version string.
	version string
	// remove drops the database (or stops and deletes the cluster).
	remove func() error
}

// sqlalchemyURL is the scratch database's URL for the project's alembic,
// with the project's driver ("" keeps plain postgresql://).
func (s *scratch) sqlalchemyURL(driver string) string {
	u := *s.conn
	u.Scheme = "postgresql"
	if driver != "" {
		u.Scheme += "+" + driver
	}
	return u.String()
}

// connect opens a session on the scratch database.
func (s *scratch) connect(ctx context.Context) (*pgx.Conn, error) {
	return pgx.Connect(ctx, s.conn.String())
}

// serverURL reads a server URL given in SQLAlchemy form
// (postgresql+psycopg2://...) or libpq form; it returns the libpq form and
// the driver named in it.
func serverURL(raw string) (*url.URL, string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, "", fmt.Errorf("the database URL does not parse: %w", err)
	}
	scheme, driver, _ := strings.Cut(u.Scheme, "+")
	if scheme != "postgresql" && scheme != "postgres" {
		return nil, "", fmt.Errorf("the database URL must be a postgresql:// URL, got %s://", u.Scheme)
	}
	u.Scheme = "postgresql"
	return u, driver, nil
}

// isLocal reports whether a server URL names this machine (a Unix socket,
// localhost or a loopback address).
func isLocal(u *url.URL) bool {
	host := u.Hostname()
	if h := u.Query().Get("host"); h != "" {
		host = h
	}
	if host == "" || strings.HasPrefix(host, "/") || host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// newName is a fresh database name no one else uses.
func newName() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "ap_verify_" + hex.EncodeToString(b)
}

// onServer creates a fresh database on the server of admin (a URL naming
// any database it may connect to) and returns it; remove drops it, even when
// sessions are still open.
func onServer(ctx context.Context, admin *url.URL, where string) (*scratch, error) {
	conn, err := pgx.Connect(ctx, admin.String())
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", redacted(admin), err)
	}
	defer conn.Close(context.Background())
	var version string
	if err := conn.QueryRow(ctx, "SHOW server_version").Scan(&version); err != nil {
		return nil, err
	}
	name := newName()
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return nil, fmt.Errorf("creating the scratch database on %s: %w", redacted(admin), err)
	}
	db := *admin
	db.Path = "/" + name
	return &scratch{where: where, conn: &db, version: version, remove: func() error {
		ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
		defer cancel()
		return dropDatabase(ctx, admin, name)
	}}, nil
}

// dropDatabase drops name, ending its sessions first.
func dropDatabase(ctx context.Context, admin *url.URL, name string) error {
	conn, err := pgx.Connect(ctx, admin.String())
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", name); err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize())
	return err
}

// redacted is a URL without its password, for messages.
func redacted(u *url.URL) string { return u.Redacted() }

// errNoDatabase says how to give verify a database.
var errNoDatabase = errors.New("verify needs a PostgreSQL server to create a scratch database on: pass --database-url " +
	"postgresql://USER:PASSWORD@HOST/postgres (or set " + EnvURL + "), or install PostgreSQL's server programs (initdb and pg_ctl: " +
	"`apt-get install postgresql`, `brew install postgresql`) so that verify can start a private throwaway cluster")
