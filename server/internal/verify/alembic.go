package verify

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/autogen"
)

// URL mechanisms: the ways env.py files read the database URL. verify sets
// all of them to the scratch database, so that none leaves env.py pointing
// at another database, and reports the one that took effect.
const (
	ViaXArgument = "-x db_url"
	ViaEnv       = "DATABASE_URL / SQLALCHEMY_DATABASE_URI"
	ViaIni       = "sqlalchemy.url in a temporary copy of the ini"
)

// urlEnvVars are the environment variables env.py files read the URL from.
var urlEnvVars = []string{"DATABASE_URL", "SQLALCHEMY_DATABASE_URI"}

// runner runs the project's alembic against one database URL.
type runner struct {
	inv     *autogen.Invocation
	tmp     string // a temporary directory for the ini copy
	env     []string
	timeout time.Duration
}

// targets is where each mechanism points.
type targets struct{ x, env, ini string }

func allTo(u string) targets { return targets{u, u, u} }

// argv builds the alembic command line and its environment with each
// mechanism pointing at its URL.
func (r *runner) argv(t targets, args ...string) ([]string, []string, error) {
	env := append([]string{}, r.env...)
	for _, v := range urlEnvVars {
		env = append(env, v+"="+t.env)
	}
	ini := ""
	if src := r.inv.IniConfig(); src != "" {
		var err error
		if ini, err = iniCopy(src, r.tmp, r.inv.ScriptDir.Name, t.ini); err != nil {
			return nil, nil, err
		}
	}
	full := append([]string{"-x", "db_url=" + t.x}, args...)
	return r.inv.Argv(ini, full...), env, nil
}

// run runs alembic with args; sql, when set, receives its stdout.
func (r *runner) run(ctx context.Context, t targets, sql *bytes.Buffer, args ...string) (string, string, error) {
	argv, env, err := r.argv(t, args...)
	if err != nil {
		return "", "", err
	}
	shown := "alembic " + strings.Join(args, " ")
	var stdout io.Writer
	if sql != nil {
		stdout = sql
	}
	out, err := r.inv.Run(ctx, argv, env, r.timeout, stdout)
	return shown, out, err
}

var sectionHeader = regexp.MustCompile(`^\s*\[([^\]]+)\]\s*$`)
var urlOption = regexp.MustCompile(`^\s*sqlalchemy\.url\s*[=:]`)

// iniCopy writes a copy of the ini with the section's sqlalchemy.url set to
// dbURL, %(here)s pointing at the original's directory, and returns its path.
func iniCopy(src, tmp, section, dbURL string) (string, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	if section == "" || section == "tool.alembic" {
		section = "alembic"
	}
	here := strings.ReplaceAll(filepath.Dir(src), "%", "%%")
	value := "sqlalchemy.url = " + strings.ReplaceAll(dbURL, "%", "%%")
	var out []string
	in, done := false, false
	for _, line := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		line = strings.ReplaceAll(line, "%(here)s", here)
		if m := sectionHeader.FindStringSubmatch(line); m != nil {
			if in && !done {
				out = append(out, value)
				done = true
			}
			in = strings.TrimSpace(m[1]) == section
		} else if in && urlOption.MatchString(line) {
			if !done {
				out = append(out, value)
				done = true
			}
			continue
		}
		out = append(out, line)
	}
	if !done {
		if !in {
			out = append(out, "["+section+"]")
		}
		out = append(out, value)
	}
	dst := filepath.Join(tmp, filepath.Base(src))
	return dst, os.WriteFile(dst, []byte(strings.Join(out, "\n")+"\n"), 0o600)
}

// deadURL is a URL no connection can be made to (a socket in a directory
// that does not exist): what the mechanisms not under test point at.
func deadURL(tmp, driver string) string {
	u := url.URL{Scheme: "postgresql", User: url.User("ap_verify_nowhere"), Path: "/ap_verify_nowhere",
		RawQuery: url.Values{"host": {filepath.Join(tmp, "no-such-directory")}}.Encode()}
	if driver != "" {
		u.Scheme += "+" + driver
	}
	return u.String()
}

// sentinelTable is created in the scratch database before the probe: a
// `current` that reads it fails naming the sentinel revision, which proves
// that env.py connected to the scratch database.
const sentinelTable = "alembic_version"

// probe finds which mechanism env.py follows: each in turn (the environment
// first, the most common) points at the scratch database while the others
// point nowhere. It returns "" when env.py
// follows none (it connects elsewhere, or fails), with what alembic said.
func (r *runner) probe(ctx context.Context, scratchURL, dead, sentinel string) (string, string, error) {
	tries := []struct {
		name string
		t    targets
	}{
		{ViaEnv, targets{x: dead, env: scratchURL, ini: dead}},
		{ViaXArgument, targets{x: scratchURL, env: dead, ini: dead}},
		{ViaIni, targets{x: dead, env: dead, ini: scratchURL}},
	}
	var last string
	for _, try := range tries {
		if try.name == ViaIni && r.inv.IniConfig() == "" {
			continue
		}
		_, out, _ := r.run(ctx, try.t, nil, "current")
		if err := ctx.Err(); err != nil {
			return "", out, err
		}
		if strings.Contains(out, sentinel) {
			return try.name, out, nil
		}
		last = out
	}
	return "", last, nil
}

// ignoredMessage says that env.py follows none of the mechanisms.
func ignoredMessage(output string) string {
	return fmt.Sprintf("env.py does not connect to the database verify points it at: it follows none of %s, %s (%s) or %s. "+
		"verify stops here rather than run the migrations on another database. Make env.py read one of them (e.g. "+
		"`url = os.environ.get(\"DATABASE_URL\") or config.get_main_option(\"sqlalchemy.url\")`). alembic current said:\n%s",
		ViaXArgument, "DATABASE_URL", "SQLALCHEMY_DATABASE_URI", "sqlalchemy.url in alembic.ini", autogen.Tail(output, 15))
}
