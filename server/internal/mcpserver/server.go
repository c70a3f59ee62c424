// Package mcpserver is `alembic-patterns mcp`: the MCP server behind the Claude
// Code plugin, on stdio, built with mcp-go. It exposes six tools
// (create_migration, check_migration, fix_migration, review_migration,
// show_history, diagnose_error) and serves the rule documentation and the
// skill's references as resources. The tools call the same functions as the
// CLI; this package only binds arguments, resolves the project, caches parsed
// files and renders results.
package mcpserver

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/rs/zerolog"

	"github.com/alembic-patterns/alembic-patterns/server/internal/modelcache"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/version"
)

// Options configure a server.
type Options struct {
	// Dir is the default project directory (the tools' project_dir default).
	Dir string
	// PluginRoot holds skills/alembic-patterns/references; "" = found from
	// $CLAUDE_PLUGIN_ROOT or the executable's location.
	PluginRoot string
	// Log receives diagnostics (never stdout).
	Log zerolog.Logger
	// AlembicTimeout bounds create_migration's alembic run (0 = autogen's default).
	AlembicTimeout time.Duration
	// Cache is the persistent model cache shared with the CLI and the hook
	// (nil: none).
	Cache *modelcache.Cache
	// ValidateOutput checks every structuredContent against its output schema
	// before it is sent (tests).
	ValidateOutput bool
}

// Server is one MCP server with its caches.
type Server struct {
	opts  Options
	mcp   *server.MCPServer
	parse *parseCache
	memo  *memo
	refs  *references
}

// cacheLimit bounds the parse cache (files) and the result memo (entries).
const (
	cacheLimit = 200_000
	memoLimit  = 16
)

// New builds the server and registers its tools and resources.
func New(opts Options) *Server {
	s := &Server{opts: opts, parse: newParseCache(cacheLimit, opts.Cache.Parse), memo: newMemo(memoLimit)}
	s.refs = findReferences(opts.PluginRoot)
	serverOpts := []server.ServerOption{
		server.WithToolCapabilities(false),
		server.WithResourceCapabilities(false, false),
		server.WithRecovery(),
		server.WithResourceRecovery(),
		server.WithInstructions(instructions),
		server.WithTitle("Alembic migration checker"),
	}
	if opts.ValidateOutput {
		serverOpts = append(serverOpts, server.WithOutputSchemaValidation())
	}
	s.mcp = server.NewMCPServer("alembic-patterns", version.Number, serverOpts...)
	s.addTools()
	s.addResources()
	return s
}

// MCP returns the underlying mcp-go server (in-process tests).
func (s *Server) MCP() *server.MCPServer { return s.mcp }

const instructions = `alembic-patterns checks Alembic migrations statically (it parses the files; it never imports the project's code or touches a database, except create_migration, which runs the project's own alembic). Use it whenever you create, edit, review or debug Alembic migrations.

Which tool:
- create_migration: to make a new revision. Prefer it over running "alembic revision --autogenerate" yourself: it runs the project's alembic, then checks the new file and applies the safe fixes (enum types, constraint names, FK order, CONCURRENTLY). Read its "findings": they still need you.
- check_migration: after writing or editing a migration, and before committing. target defaults to the head; "all" checks every revision.
- fix_migration: to repair findings that have a fix. It returns a diff; nothing is written unless apply is true. unsafe fixes need unsafe: true and a review of the diff.
- review_migration: before deploying, or when asked whether a migration is safe: per operation the lock taken, table rewrite/scan, reversibility, data-loss risk, and a deploy order.
- show_history: heads, merges, branches and problems of the revision graph (e.g. before creating a revision, or for "multiple heads").
- diagnose_error: when an alembic command failed: pass its output as error_text to get the cause, the rule and the fix.

Every tool takes project_dir (default: the session's project directory). Rule documentation is available as resources alembic-patterns://rules/{id}; the skill's guides as alembic-patterns://references/{name}.`

// project finds the Alembic project for a tool call.
func (s *Server) project(dir string) (*project.Project, error) {
	if strings.ContainsRune(dir, 0) {
		return nil, errors.New("project_dir contains a NUL byte")
	}
	if dir == "" {
		dir = s.opts.Dir
	} else if !filepath.IsAbs(dir) {
		dir = filepath.Join(s.opts.Dir, dir)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("project_dir %s: %w", dir, errors.Unwrap(err))
	}
	if !info.IsDir() && filepath.Ext(dir) != ".ini" {
		return nil, fmt.Errorf("project_dir %s is not a directory (nor an Alembic .ini file)", dir)
	}
	proj, err := project.Find(dir)
	if err != nil {
		if errors.Is(err, project.ErrNoProject) {
			return nil, fmt.Errorf("%w. Pass project_dir: the directory that holds alembic.ini (or pyproject.toml with [tool.alembic])", err)
		}
		return nil, err
	}
	return proj, nil
}

// errorResult is a tool error: the model sees the text; it is not a protocol error.
func errorResult(err error) *mcp.CallToolResult {
	return mcp.NewToolResultError(err.Error())
}
