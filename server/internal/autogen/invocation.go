package autogen

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/shellquote"
)

// Invocation is how alembic runs for a project: the command, the directory
// it runs from and the script directory it works on. `create` and `verify`
// both run alembic this way.
type Invocation struct {
	Command   Command
	Dir       string
	ScriptDir project.ScriptDir
}

// Locate finds how to run alembic for the project's script directory (see
// FindCommand; explicit overrides the detection).
func Locate(proj *project.Project, explicit []string) (*Invocation, error) {
	sd, err := scriptDir(proj)
	if err != nil {
		return nil, err
	}
	dir, err := runDirOf(proj, sd)
	if err != nil {
		return nil, err
	}
	cmd, err := FindCommand(proj.Root, explicit)
	if err != nil {
		return nil, err
	}
	return &Invocation{Command: cmd, Dir: dir, ScriptDir: sd}, nil
}

// IniConfig is the script directory's .ini file ("" when alembic is
// configured in pyproject.toml).
func (inv *Invocation) IniConfig() string {
	if filepath.Ext(inv.ScriptDir.Config) == ".ini" {
		return inv.ScriptDir.Config
	}
	return ""
}

// Argv is the command line running alembic with args; config replaces the
// project's .ini file when not empty.
func (inv *Invocation) Argv(config string, args ...string) []string {
	argv := slices.Clone(inv.Command.Argv)
	if config == "" {
		config = inv.IniConfig()
	}
	if config != "" && config != filepath.Join(inv.Dir, "alembic.ini") {
		argv = append(argv, "-c", config)
	}
	if name := inv.ScriptDir.Name; name != "alembic" && name != "tool.alembic" && name != "" {
		argv = append(argv, "-n", name)
	}
	return append(argv, args...)
}

// Run runs argv (from Argv) in the invocation's directory with env added to
// the environment; it returns the output (stdout and stderr interleaved, or
// only stderr when stdout is set: then stdout receives alembic's stdout).
// A failed run is a *RunError.
func (inv *Invocation) Run(ctx context.Context, argv, env []string, timeout time.Duration, stdout io.Writer) (string, error) {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	out, err := run(ctx, inv.Dir, argv, env, timeout, 0, func(string) {}, stdout)
	if re, ok := errors.AsType[*RunError](err); ok {
		re.Timeout = timeout
		re.Command = shellquote.Join(append([]string{filepath.Base(argv[0])}, argv[1:]...))
	}
	return out, err
}
