package cli

import (
	"cmp"
	"context"
	"os"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/mcpserver"
)

// runMCP serves MCP on stdin/stdout. stdout carries only protocol messages;
// logs go to stderr (quiet unless ALEMBIC_PATTERNS_LOG=debug|info).
func runMCP(ctx context.Context, env *Env, fs *flags, args []string) int {
	projectDir := fs.String("project", "", "default project directory (default: $CLAUDE_PROJECT_DIR, else the current directory)")
	pluginRoot := fs.String("plugin-root", "", "directory holding skills/alembic-patterns/references (default: $CLAUDE_PLUGIN_ROOT, else next to the executable)")
	timeout := fs.Duration("alembic-timeout", 0, "how long create_migration lets alembic run (default 2m)")
	openCache := cacheFlag(fs)
	if _, exit, ok := fs.parse(args); !ok {
		return exit
	}
	cache := openCache()
	defer cache.Flush()
	dir := cmp.Or(*projectDir, os.Getenv("CLAUDE_PROJECT_DIR"), env.Dir)
	srv := mcpserver.New(mcpserver.Options{
		Dir:            dir,
		PluginRoot:     *pluginRoot,
		Log:            env.Log,
		AlembicTimeout: *timeout,
		Cache:          cache,
		ValidateOutput: os.Getenv("ALEMBIC_PATTERNS_MCP_VALIDATE_OUTPUT") == "1",
	})
	start := time.Now()
	env.Log.Debug().Str("dir", dir).Msg("mcp: serving on stdio")
	if err := srv.Serve(ctx, env.Stdin, env.Stdout, env.Stderr); err != nil {
		return fail(env, err)
	}
	env.Log.Debug().Dur("uptime", time.Since(start)).Msg("mcp: input closed")
	return ExitOK
}
