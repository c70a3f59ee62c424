package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/hook"
	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
)

// runHook is the Claude Code hook. Its output has a meaning to Claude Code
// (exit 2 + stderr: shown to Claude; exit 0 + JSON on stdout: added context),
// so it logs only when ALEMBIC_PATTERNS_LOG asks for it and never fails on
// its input.
func runHook(ctx context.Context, env *Env, fs *flags, args []string) int {
	event, exit, ok := fs.parse(args)
	if !ok {
		return exit
	}
	if len(event) != 1 || event[0] != "post-tool-use" {
		fmt.Fprintf(env.Stderr, "usage: %s   (reads the Claude Code PostToolUse event from stdin)\n", fs.usage())
		return ExitUsage
	}
	log := zerolog.Nop()
	if os.Getenv("ALEMBIC_PATTERNS_LOG") != "" {
		log = env.Log
	}
	stdin := env.Stdin
	if stdin == nil {
		stdin = eofReader{}
	}
	out := hook.PostToolUse(ctx, stdin, hook.Options{CacheDir: modelcache.Dir(os.Getenv), Log: log})
	if out.Stdout != "" {
		io.WriteString(env.Stdout, out.Stdout)
	}
	if out.Stderr != "" {
		io.WriteString(env.Stderr, out.Stderr)
	}
	return out.Code
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
