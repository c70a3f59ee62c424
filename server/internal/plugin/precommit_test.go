package plugin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
)

// The hooks of .pre-commit-hooks.yaml run by the real pre-commit (Debian's),
// offline: pip finds the wheels in the release dry run (PIP_FIND_LINKS), the
// launcher downloads from the release served on 127.0.0.1. The machine has no
// Go and no C compiler on PATH.

// gitInit makes dir a git repository with everything committed and returns
// the commit.
func gitInit(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		t.Fatalf("%s already has a .git: refusing to commit into another repository", dir)
	}
	env := baseEnv("HOME="+t.TempDir(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-q", "-m", "init"}} {
		if res := runCmd(time.Minute, dir, env, "", "git", args...); res.err != nil {
			t.Fatal(res)
		}
	}
	res := runCmd(time.Minute, dir, env, "", "git", "rev-parse", "HEAD")
	if res.err != nil {
		t.Fatal(res)
	}
	return strings.TrimSpace(res.stdout)
}

// preCommit runs `pre-commit run --all-files` with hook id of the hook
// repository (this tree, committed) in a git copy of examples/shop.
func preCommit(t *testing.T, id string, extra ...string) result {
	t.Helper()
	pc := testenv.Get(t, "ALEMBIC_PATTERNS_PRE_COMMIT")
	rel := dryRun(t)
	hookRepo := gitTree(t)
	rev := gitInit(t, hookRepo)
	shop := shopProject(t)
	mustWrite(t, filepath.Join(shop, ".pre-commit-config.yaml"),
		"repos:\n  - repo: "+hookRepo+"\n    rev: "+rev+"\n    hooks:\n      - id: "+id+"\n", 0o644)
	gitInit(t, shop)
	home := t.TempDir()
	env := append(baseEnv("HOME="+home, "PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"), "PATH="+noToolchainPath(t),
		"PIP_NO_INDEX=1", "PIP_FIND_LINKS="+rel.assets, "PIP_DISABLE_PIP_VERSION_CHECK=1", "VIRTUALENV_NO_DOWNLOAD=1",
		"ALEMBIC_PATTERNS_RELEASE_URL="+rel.server.URL), extra...)
	res := runCmd(10*time.Minute, shop, env, "", pc, "run", "--all-files", "--color", "never")
	t.Logf("pre-commit run (%s):\n%s", res.took.Round(time.Millisecond), strings.TrimSpace(res.stdout))
	return res
}

// wantFindings: the hook ran the checker, which found the example's problems
// (pre-commit exits 1 and shows the hook's output).
func wantFindings(t *testing.T, res result) {
	t.Helper()
	if res.code != 1 || !strings.Contains(res.stdout, "Failed") || !strings.Contains(res.stdout, "enum-type-not-dropped") {
		t.Errorf("want the hook to fail with the example's findings:\n%s", res)
	}
}

// TestPreCommitWheelHook: the language: python hook installs this repository
// (pyproject.toml's in-tree backend), which pulls the prebuilt wheel; nothing
// is compiled.
func TestPreCommitWheelHook(t *testing.T) {
	t.Parallel()
	res := preCommit(t, "alembic-patterns-wheel")
	wantFindings(t, res)
	if strings.Contains(res.stdout+res.stderr, "building") {
		t.Errorf("the wheel hook built something:\n%s", res)
	}
}

// TestPreCommitScriptHook: the language: script hook on a machine without Go
// downloads the release binary and runs it.
func TestPreCommitScriptHook(t *testing.T) {
	t.Parallel()
	wantFindings(t, preCommit(t, "alembic-patterns"))
}

// TestLauncherSaysBuildingOnTerminal: pre-commit captures a hook's output and
// shows it only when the hook ends, so a building launcher under pre-commit
// (PRE_COMMIT=1) also says so on the terminal (/dev/tty); elsewhere it does not
// write to the terminal. `script` gives the launcher a terminal; its stderr is
// thrown away, so what shows came through /dev/tty.
func TestLauncherSaysBuildingOnTerminal(t *testing.T) {
	scriptCmd, err := lookPath("script")
	if err != nil {
		t.Fatalf("script (util-linux): %v", err)
	}
	dir := pluginCopy(t, true)
	// A source that fails to compile at once: the message comes before the build.
	mustWrite(t, filepath.Join(dir, "server", "main.go"), "package main\n\nfunc main() { undefinedThing() }\n", 0o644)
	for _, preCommit := range []bool{true, false} {
		env := append(withPath(baseEnv("CLAUDE_PLUGIN_ROOT="+dir, "CLAUDE_PLUGIN_DATA="+t.TempDir(), "ALEMBIC_PATTERNS_RELEASE_URL=off", "HOME="+t.TempDir())), goEnv(t)...)
		if preCommit {
			env = append(env, "PRE_COMMIT=1")
		}
		launcher := filepath.Join(dir, "bin", "alembic-patterns")
		res := runCmd(launcherTimeout, t.TempDir(), env, "", scriptCmd, "-q", "-e", "-c", launcher+" version 2>/dev/null", os.DevNull)
		shown := strings.Contains(res.stdout, "building alembic-patterns for "+platform)
		if shown != preCommit {
			t.Errorf("PRE_COMMIT=%v: the terminal shows the build: %v, want %v\n%s", preCommit, shown, preCommit, res)
		}
	}
}
