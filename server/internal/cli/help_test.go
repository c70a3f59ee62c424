package cli

import (
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/version"
)

// TestHelp: -h and --help, on the program and on every command, print the
// help to stdout and exit 0 (check -h used to exit 2 with the help on stderr);
// without arguments or with an unknown command the overview goes to stderr
// with exit 2.
func TestHelp(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		out, errOut, code := run(t, dir, args...)
		if code != ExitOK || errOut != "" || !strings.Contains(out, "usage: alembic-patterns COMMAND [ARGS]") {
			t.Errorf("%v: exit %d\nstdout:\n%s\nstderr:\n%s", args, code, out, errOut)
		}
		for _, c := range commands {
			if !strings.Contains(out, "\n  "+c.name+" ") {
				t.Errorf("%v: the overview does not list %s:\n%s", args, c.name, out)
			}
		}
	}
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "-h"}, {c.name, "--help"}, {"help", c.name}} {
			out, errOut, code := run(t, dir, args...)
			if code != ExitOK || errOut != "" || !strings.HasPrefix(out, "usage: "+strings.TrimSpace("alembic-patterns "+c.name+" "+c.args)+"\n") {
				t.Errorf("%v: exit %d\nstdout:\n%s\nstderr:\n%s", args, code, out, errOut)
			}
		}
	}
	if out, _, _ := run(t, dir, "check", "--help"); !strings.Contains(out, "-fail-on string") {
		t.Errorf("check --help does not list the flags:\n%s", out)
	}
	for _, args := range [][]string{nil, {"nope"}, {"help", "nope"}} {
		out, errOut, code := run(t, dir, args...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, "usage: alembic-patterns COMMAND [ARGS]") {
			t.Errorf("%v: exit %d\nstdout:\n%s\nstderr:\n%s", args, code, out, errOut)
		}
	}
	out, errOut, code := run(t, dir, "check", "--no-such-flag")
	if code != ExitUsage || out != "" || !strings.Contains(errOut, "flag provided but not defined: -no-such-flag\nusage: alembic-patterns check [PATH...]") {
		t.Errorf("a bad flag: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

// TestVersion: --version, -V and version print the same line and exit 0; the
// version is the plugin's (package version checks that).
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-V"}, {"version"}} {
		out, errOut, code := run(t, t.TempDir(), args...)
		if code != ExitOK || out != "alembic-patterns "+version.Number+"\n" || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}
