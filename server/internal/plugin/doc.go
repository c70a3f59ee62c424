// Package plugin holds the tests of the Claude Code plugin that lives at the
// repository root (.claude-plugin/, commands/, agents/, skills/,
// hooks/, bin/) and of its release files (.github/, .pre-commit-hooks.yaml):
//
//   - the pinned Claude Code CLI validates the plugin (`claude plugin validate
//     --strict`) and lists what it provides;
//   - the release, as scripts/release-dry-run.sh builds it with the release
//     workflow's scripts: the release ref (plugin files and binaries only), the
//     SHA256SUMS, the wheel (metadata; pip, pipx and pre-commit install it
//     offline), served on 127.0.0.1;
//   - offline installs on a machine without Go or a C compiler, with the MCP
//     server connected on the first `claude mcp list`: from the release ref, and
//     from the git tree through the launcher's download;
//   - the POSIX sh launcher bin/alembic-patterns and lib/fetch-release.sh under
//     dash, bash and busybox (prebuilt binary, download with every failure mode,
//     cached build, clear errors, clean stdout), and shellcheck over all scripts;
//   - the GitHub Action (action.yml) linted and run as the runner runs it;
//   - the hooks as Claude Code runs them (hooks.json's command, JSON on stdin);
//   - end to end, real turns of the pinned CLI against a scripted Messages API
//     on 127.0.0.1 (scriptedAPI): the commands, hooks, skill, agent and MCP
//     tools as the model sees them, asserted on the recorded requests;
//   - every Python snippet of the skill through a real Alembic round trip on
//     PostgreSQL;
//   - the GitHub workflows through actionlint (with shellcheck).
//
// The tiers that need external tools read them from the environment that
// scripts/ci-setup.sh prints (see package testenv).
package plugin
