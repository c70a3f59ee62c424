//go:build unix

package autogen

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func exe(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFindCommandOrder(t *testing.T) {
	bin := t.TempDir()
	for _, name := range []string{"uv", "poetry", "alembic"} {
		exe(t, filepath.Join(bin, name))
	}
	t.Setenv("PATH", bin)
	t.Setenv(EnvCommand, "")
	root := t.TempDir()

	get := func() Command {
		t.Helper()
		c, err := FindCommand(root, nil)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := get(); !slices.Equal(c.Argv, []string{filepath.Join(bin, "alembic")}) || c.Source != "PATH" {
		t.Errorf("PATH: %+v", c)
	}
	exe(t, filepath.Join(root, ".venv", "bin", "alembic"))
	if c := get(); c.Argv[0] != filepath.Join(root, ".venv", "bin", "alembic") {
		t.Errorf(".venv: %+v", c)
	}
	touch(t, filepath.Join(root, "poetry.lock"))
	if c := get(); !slices.Equal(c.Argv, []string{filepath.Join(bin, "poetry"), "run", "alembic"}) {
		t.Errorf("poetry.lock: %+v", c)
	}
	touch(t, filepath.Join(root, "uv.lock"))
	if c := get(); !slices.Equal(c.Argv, []string{filepath.Join(bin, "uv"), "run", "alembic"}) {
		t.Errorf("uv.lock: %+v", c)
	}
	t.Setenv(EnvCommand, `docker compose exec "api server" alembic`)
	c, err := FindCommand(root, nil)
	if err == nil || !strings.Contains(err.Error(), "docker") {
		t.Errorf("env with a missing program: %+v %v", c, err)
	}
	t.Setenv(EnvCommand, "poetry run alembic")
	if c := get(); !slices.Equal(c.Argv, []string{filepath.Join(bin, "poetry"), "run", "alembic"}) || c.Source != "$"+EnvCommand {
		t.Errorf("env: %+v", c)
	}
	c, err = FindCommand(root, []string{"alembic", "-x", "y"})
	if err != nil || !slices.Equal(c.Argv, []string{filepath.Join(bin, "alembic"), "-x", "y"}) {
		t.Errorf("explicit: %+v %v", c, err)
	}
	// uv.lock without uv on PATH falls through, and says so when nothing is found
	t.Setenv(EnvCommand, "")
	t.Setenv("PATH", t.TempDir())
	os.Remove(filepath.Join(root, ".venv", "bin", "alembic"))
	_, err = FindCommand(root, nil)
	var nf *NotFoundError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), "uv.lock exists, but uv is not on PATH") {
		t.Errorf("nothing: %v", err)
	}
}

// The lock file may sit above the directory of alembic.ini, up to the repository root.
func TestFindCommandParents(t *testing.T) {
	bin := t.TempDir()
	exe(t, filepath.Join(bin, "uv"))
	t.Setenv("PATH", bin)
	t.Setenv(EnvCommand, "")
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	touch(t, filepath.Join(repo, "uv.lock"))
	root := filepath.Join(repo, "backend")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := FindCommand(root, nil)
	if err != nil || c.Argv[1] != "run" {
		t.Errorf("%+v %v", c, err)
	}
	// outside a repository only the project directory itself counts
	lone := filepath.Join(t.TempDir(), "x")
	os.Mkdir(lone, 0o755)
	touch(t, filepath.Join(filepath.Dir(lone), "uv.lock"))
	if _, err := FindCommand(lone, nil); err == nil {
		t.Errorf("a lock file outside the project and repository was used")
	}
}

func TestSplitCommand(t *testing.T) {
	for in, want := range map[string][]string{
		"uv run alembic":                      {"uv", "run", "alembic"},
		`  docker  compose exec "api srv" x `: {"docker", "compose", "exec", "api srv", "x"},
		`a 'b c' d\ e "f\"g" $HOME`:           {"a", "b c", "d e", `f"g`, "$HOME"},
		`''`:                                  {""},
	} {
		got, err := SplitCommand(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "   ", `a "b`, "a 'b"} {
		if _, err := SplitCommand(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestWithoutFrames(t *testing.T) {
	out := "INFO  [alembic] Running upgrade\nTraceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    op.f()\n    ^^^^^^\npsycopg2.errors.X: boom\n\tDETAIL: y\n"
	got := withoutFrames(out)
	want := "INFO  [alembic] Running upgrade\nTraceback (most recent call last): [frames omitted]\npsycopg2.errors.X: boom\n\tDETAIL: y\n"
	if got != want {
		t.Errorf("got %q", got)
	}
	if Tail("a\nb\nc\n", 2) != "...\nb\nc" {
		t.Errorf("tail: %q", Tail("a\nb\nc\n", 2))
	}
}

func TestRunErrorText(t *testing.T) {
	e := &RunError{Command: "alembic revision -m x", ExitCode: 1, Output: "FAILED: Target database is not up to date.\n"}
	if s := e.Error(); !strings.Contains(s, "failed (exit status 1)") || !strings.Contains(s, "FAILED: Target database") {
		t.Errorf("%s", s)
	}
}
