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

	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/version"
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

// command is one subcommand of the CLI.
type command struct {
	name string
	// args is what follows the name in the usage line.
	args string
	// about says in one line what the command does.
	about string
	run   func(ctx context.Context, env *Env, fs *flags, args []string) int
}

// commands is the command list, in the order of DESIGN §7: dispatch, the
// overview and each command's help are made from it.
var commands = []command{
	{"check", "[PATH...] [--project DIR] [--format text|json|sarif|github] [--profile P] [--select R,..] [--ignore R,..] [--fail-on SEV] [--since REV] [--dialect D]",
		"report the problems of the migrations: a file, a versions directory or the whole project", runCheck},
	{"fix", "[PATH...] [--project DIR] [--unsafe] [--diff] [--select R,..] [--ignore R,..] [--allow-outside-project]",
		"apply the safe fixes (--unsafe adds the others, --diff only shows them)", runFix},
	{"review", "[REV|PATH] [--project DIR] [--format text|json|markdown] [--postgres-version N] [--profile P] [--dialect D]",
		"analyse a revision: locks, rewrites, reversibility, data loss and a deploy order", runReview},
	{"history", "[PATH] [--project DIR] [--format text|json]",
		"list the revisions newest first, as alembic history does, then the heads, bases and graph problems", runHistory},
	{"create", "-m MESSAGE [--project DIR] [--no-autogenerate] [--no-fix] [--alembic-cmd CMD] [--timeout D] [--format text|json]",
		"run alembic revision --autogenerate, then check the new file and apply its safe fixes", runCreate},
	{"diagnose", "[--project DIR] [--target REV] [--format text|json] < error-output",
		"explain the output of a failed alembic command, read from stdin", runDiagnose},
	{"rules", "[ID] [--format text|json|markdown] [--write-references DIR]",
		"list the rules, or show the documentation of the rules named", runRules},
	{"verify", "[REV|A:B] [--project DIR] [--database-url URL] [--use-project-url] [--seed auto|none|FILE] [--format text|json|markdown] [--alembic-cmd CMD] [--timeout D]",
		"run the round trip (upgrade, seeded rows, downgrade, upgrade) and trace the locks on a scratch PostgreSQL database", runVerify},
	{"mcp", "[--project DIR] [--plugin-root DIR] [--alembic-timeout D]",
		"serve the MCP tools on stdio (for Claude Code)", runMCP},
	{"hook", "post-tool-use",
		"run as the Claude Code PostToolUse hook (the event as JSON on stdin)", runHook},
	{"version", "",
		"print the version (also alembic-patterns --version or -V)", runVersion},
}

func runVersion(_ context.Context, env *Env, fs *flags, args []string) int {
	rest, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	if len(rest) > 0 {
		return fail(env, fmt.Errorf("version takes no arguments, got %q", rest[0]))
	}
	fmt.Fprintln(env.Stdout, "alembic-patterns", version.Number)
	return ExitOK
}

// Main runs the program and returns its exit code.
func Main(ctx context.Context, args []string, env *Env) int {
	level := zerolog.WarnLevel
	if v := os.Getenv("ALEMBIC_PATTERNS_LOG"); v != "" {
		if l, err := zerolog.ParseLevel(v); err == nil {
			level = l
		}
	}
	env.Log = zerolog.New(zerolog.ConsoleWriter{Out: env.Stderr, NoColor: true}).Level(level).With().Timestamp().Logger()
	if len(args) == 0 {
		overview(env.Stderr)
		return ExitUsage
	}
	name, args := args[0], args[1:]
	switch name {
	case "-h", "--help":
		overview(env.Stdout)
		return ExitOK
	case "help": // help COMMAND is COMMAND --help
		if len(args) == 0 {
			overview(env.Stdout)
			return ExitOK
		}
		name, args = args[0], []string{"--help"}
	case "--version", "-V":
		name = "version"
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, env, newFlags(env, c), args)
		}
	}
	fmt.Fprintf(env.Stderr, "alembic-patterns: unknown command %q\n\n", name)
	overview(env.Stderr)
	return ExitUsage
}

// overview is the program's help: its commands and how to learn more.
func overview(w io.Writer) {
	fmt.Fprint(w, "alembic-patterns: find and fix Alembic migration problems before they reach a database\n\n"+
		"usage: alembic-patterns COMMAND [ARGS]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.about)
	}
	fmt.Fprint(w, "\nRun `alembic-patterns COMMAND --help` (or `alembic-patterns help COMMAND`) for its arguments and flags.\n"+
		"Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or I/O error.\n")
}

// flags is a command's flag set; -h and --help print the command's help.
type flags struct {
	*flag.FlagSet
	cmd command
	env *Env
}

func newFlags(env *Env, c command) *flags {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {} // parse prints the help or the usage line, each to its stream
	return &flags{FlagSet: fs, cmd: c, env: env}
}

// parse parses flags given before, between or after positional arguments.
// -h or --help prints the command's help to stdout; a bad flag, its error
// (printed by package flag) and the usage line to stderr. ok is false then,
// and exit is the exit code to return.
func (f *flags) parse(args []string) (positional []string, exit int, ok bool) {
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			f.help(f.env.Stdout)
			return nil, ExitOK, false
		}
		if err != nil {
			fmt.Fprintf(f.env.Stderr, "usage: %s\nRun `alembic-patterns %s --help` for the flags.\n", f.usage(), f.cmd.name)
			return nil, ExitUsage, false
		}
		args = f.Args()
		if len(args) == 0 {
			return positional, ExitOK, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func (f *flags) usage() string {
	return strings.TrimSpace("alembic-patterns " + f.cmd.name + " " + f.cmd.args)
}

// help writes the command's usage line, what it does and its flags.
func (f *flags) help(w io.Writer) {
	fmt.Fprintf(w, "usage: %s\n\n%s%s.\n", f.usage(), strings.ToUpper(f.cmd.about[:1]), f.cmd.about[1:])
	hasFlags := false
	f.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nflags:\n")
		f.SetOutput(w)
		f.PrintDefaults()
		f.SetOutput(f.env.Stderr)
	}
}

// projectFlag defines --project DIR and its alias -c FILE (alembic's: an
// alembic.ini of another name, or one of several in a repository); both name
// where the project is.
func projectFlag(fs *flags, usage string) *string {
	dir := fs.String("project", "", usage+"; or an alembic.ini (also -c)")
	fs.Func("c", "the Alembic config file, as alembic -c (same as --project FILE)", func(v string) error {
		*dir = v
		return nil
	})
	return dir
}

// cacheFlag defines --no-cache; the function it returns opens the model
// cache the command parses through (nil, no caching, with --no-cache).
func cacheFlag(fs *flags) func() *modelcache.Cache {
	off := fs.Bool("no-cache", false, "neither read nor write the cache of parsed revision files and results "+
		"($ALEMBIC_PATTERNS_CACHE_DIR, else $XDG_CACHE_HOME/alembic-patterns)")
	return func() *modelcache.Cache {
		if *off {
			return nil
		}
		return modelcache.New(modelcache.Dir(os.Getenv), fs.env.Log)
	}
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
	if projectDir != "" || len(paths) == 0 {
		return project.Find(start)
	}
	return project.FindFrom(start, env.Dir)
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
