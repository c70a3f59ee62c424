// Package autogen runs the project's own alembic to create a revision
// (`alembic revision [--autogenerate] -m MESSAGE`) and finds the file it
// wrote. It never goes through a shell: the message is one argv element.
// Checking and fixing the new file is package workflow's (Create).
package autogen

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"
)

// EnvCommand is the environment variable that overrides how alembic is run,
// e.g. "uv run alembic" or "docker compose exec api alembic".
const EnvCommand = "ALEMBIC_PATTERNS_ALEMBIC_CMD"

// Command is how alembic is run for a project.
type Command struct {
	// Argv is the program and its leading arguments, e.g. ["uv", "run", "alembic"].
	Argv []string
	// Source says why this command was chosen.
	Source string
}

func (c Command) String() string { return strings.Join(c.Argv, " ") }

// NotFoundError says that no alembic could be found (or the chosen program
// does not exist).
type NotFoundError struct {
	Tried []string
}

func (e *NotFoundError) Error() string {
	return "alembic was not found (tried: " + strings.Join(e.Tried, "; ") + "). Install alembic in the project's " +
		"environment (`uv add alembic`, `poetry add alembic` or `pip install alembic` in .venv), or say how to run it with " +
		EnvCommand + " (e.g. \"uv run alembic\") or the create_migration argument alembic_command"
}

// FindCommand picks how to run alembic for the project at root: an explicit
// command (the tool argument, else $ALEMBIC_PATTERNS_ALEMBIC_CMD) wins; then
// `uv run alembic` when uv.lock exists, `poetry run alembic` with poetry.lock,
// .venv/bin/alembic when present, else alembic on PATH. The lock files and the
// virtualenv are looked for in root and its parents up to the repository root
// (the directory holding .git), for layouts like backend/alembic.ini.
func FindCommand(root string, explicit []string) (Command, error) {
	if len(explicit) > 0 {
		return resolve(Command{Argv: explicit, Source: "the alembic_command argument"})
	}
	if env := strings.TrimSpace(os.Getenv(EnvCommand)); env != "" {
		argv, err := SplitCommand(env)
		if err != nil {
			return Command{}, fmt.Errorf("%s: %w", EnvCommand, err)
		}
		return resolve(Command{Argv: argv, Source: "$" + EnvCommand})
	}
	var tried []string
	for _, dir := range searchDirs(root) {
		if exists(filepath.Join(dir, "uv.lock")) {
			c := Command{Argv: []string{"uv", "run", "alembic"}, Source: filepath.Join(dir, "uv.lock")}
			if rc, err := resolve(c); err == nil {
				return rc, nil
			}
			tried = append(tried, "uv run alembic ("+c.Source+" exists, but uv is not on PATH)")
		}
		if exists(filepath.Join(dir, "poetry.lock")) {
			c := Command{Argv: []string{"poetry", "run", "alembic"}, Source: filepath.Join(dir, "poetry.lock")}
			if rc, err := resolve(c); err == nil {
				return rc, nil
			}
			tried = append(tried, "poetry run alembic ("+c.Source+" exists, but poetry is not on PATH)")
		}
		for _, venv := range []string{".venv", "venv"} {
			bin := filepath.Join(dir, venv, "bin", "alembic")
			if isExecutable(bin) {
				return Command{Argv: []string{bin}, Source: filepath.Join(dir, venv)}, nil
			}
		}
	}
	if path, err := exec.LookPath("alembic"); err == nil {
		return Command{Argv: []string{path}, Source: "PATH"}, nil
	}
	tried = append(tried, "alembic on PATH", ".venv/bin/alembic")
	return Command{}, &NotFoundError{Tried: tried}
}

// resolve checks that the program exists and makes it absolute.
func resolve(c Command) (Command, error) {
	path, err := exec.LookPath(c.Argv[0])
	if err != nil {
		return Command{}, &NotFoundError{Tried: []string{fmt.Sprintf("%s (from %s): %v", c, c.Source, errors.Unwrap(err))}}
	}
	c.Argv = append([]string{path}, c.Argv[1:]...)
	return c, nil
}

// searchDirs is root and its parents up to the repository root (or root
// alone outside a repository).
func searchDirs(root string) []string {
	var dirs []string
	for d := root; ; {
		dirs = append(dirs, d)
		if exists(filepath.Join(d, ".git")) {
			return dirs
		}
		parent := filepath.Dir(d)
		if parent == d {
			return []string{root}
		}
		d = parent
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular() && info.Mode().Perm()&0o111 != 0
}

// SplitCommand splits a command line into words the way a POSIX shell would
// for plain words and quotes ('...', "...", backslash escapes), without
// expanding anything: no variables, globs, pipes or redirections.
func SplitCommand(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated ' quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`"\$`+"`", s[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New(`unterminated " quote`)
			}
			inWord = true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			inWord = true
		case c < 0x80 && unicode.IsSpace(rune(c)):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	if len(words) == 0 {
		return nil, errors.New("empty command")
	}
	return words, nil
}
