// Package version holds the program's version, the one place it is written in
// Go: `alembic-patterns --version` prints it, the MCP server announces it and
// SARIF reports it as tool.driver.version.
package version

// Number is "version" of .claude-plugin/plugin.json, which the release scripts
// read for the tag, the archive and the wheel (TestAgreesWithPlugin keeps the
// two equal; scripts/release/build.sh refuses a binary that disagrees).
const Number = "0.1.0"
