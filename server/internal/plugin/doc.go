// Package plugin holds the tests of the Claude Code plugin that lives at the
// repository root (.claude-plugin/, .mcp.json, commands/, agents/, skills/,
// hooks/, bin/) and of its release files (.github/, .pre-commit-hooks.yaml):
//
//   - the pinned Claude Code CLI validates the plugin (`claude plugin validate
//     --strict`) and lists what it provides;
//   - an offline install from the repository as a local marketplace, with the
//     MCP server reported connected by `claude mcp list`;
//   - the bin/alembic-patterns launcher (prebuilt binary, cached build, clear
//     errors, clean stdout);
//   - the hooks as Claude Code runs them (hooks.json's command, JSON on stdin);
//   - every Python snippet of the skill through a real Alembic round trip on
//     PostgreSQL;
//   - the GitHub workflows through actionlint.
//
// The tiers that need external tools read them from the environment that
// scripts/ci-setup.sh prints (see package testenv).
package plugin
