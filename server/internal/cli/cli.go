// Package cli is the command line: a thin layer that parses flags, calls the
// same functions as the MCP server and writes results to stdout.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
)

// Exit codes (DESIGN §7).
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
)

// Env is what a command runs with.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Dir            string
	Log            zerolog.Logger
}

type command struct {
	name, usage string
	run         func(ctx context.Context, env *Env, args []string) int
}

// commands are listed in the order of DESIGN §7; each command's file registers
// its entry (register), so adding a command touches only its own file.
var (
	commandOrder = []string{"check", "fix", "review", "history", "create", "diagnose", "rules", "mcp", "hook", "version"}
	commands     = map[string]command{}
)

func register(c command) bool {
	commands[c.name] = c
	return true
}

var _ = register(command{"version", "version", func(_ context.Context, env *Env, _ []string) int {
	fmt.Fprintln(env.Stdout, "alembic-patterns", report.Version)
	return ExitOK
}})

// Main runs the program and returns its exit code.
func Main(ctx context.Context, args []string, env *Env) int {
	level := zerolog.WarnLevel
	if v := os.Getenv("ALEMBIC_PATTERNS_LOG"); v != "" {
		if l, err := zerolog.ParseLevel(v); err == nil {
			level = l
		}
	}
	env.Log = zerolog.New(zerolog.ConsoleWriter{Out: env.Stderr, NoColor: true}).Level(level).With().Timestamp().Logger()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stderr)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	if c, ok := commands[args[0]]; ok {
		return c.run(ctx, env, args[1:])
	}
	fmt.Fprintf(env.Stderr, "alembic-patterns: unknown command %q\n\n", args[0])
	usage(env.Stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "alembic-patterns: find and fix Alembic migration problems before they reach a database\n\nusage:")
	for _, name := range commandOrder {
		if c, ok := commands[name]; ok {
			fmt.Fprintln(w, "  alembic-patterns", c.usage)
		}
	}
	fmt.Fprintln(w, "\nexit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or I/O error")
}

// parseFlags parses flags given before, between or after positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func newFlags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// projectFlag defines --project DIR and its alias -c FILE (alembic's: an
// alembic.ini of another name, or one of several in a repository); both name
// where the project is.
func projectFlag(fs *flag.FlagSet, usage string) *string {
	dir := fs.String("project", "", usage+"; or an alembic.ini (also -c)")
	fs.Func("c", "the Alembic config file, as alembic -c (same as --project FILE)", func(v string) error {
		*dir = v
		return nil
	})
	return dir
}

// findProject resolves --project and the PATH arguments to one project.
func findProject(env *Env, projectDir string, paths []string) (*project.Project, error) {
	start := projectDir
	if start == "" && len(paths) > 0 {
		start = paths[0]
	}
	if start == "" {
		start = env.Dir
	}
	if !filepath.IsAbs(start) {
		start = filepath.Join(env.Dir, start)
	}
	if _, err := os.Stat(start); err != nil {
		return nil, fmt.Errorf("%s: %w", start, errors.Unwrap(err))
	}
	return project.Find(start)
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func fail(env *Env, err error) int {
	fmt.Fprintln(env.Stderr, "alembic-patterns:", err)
	return ExitUsage
}

// failJSON is fail for a command asked for JSON: the document is printed all
// the same, with the error in its errors array, so that tools always get one.
func failJSON(env *Env, doc any, err error) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(doc)
	return fail(env, err)
}

// printNotes writes notes to stderr: stdout carries only the result.
func printNotes(env *Env, notes []string) {
	report.Notes(env.Stderr, "alembic-patterns: ", notes)
}
