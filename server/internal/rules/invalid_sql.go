package rules

import (
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:            "invalid-sql",
	StopsFunction: true,
	Profile:       Default,
	Severity:      Error,
	Fix:           FixNever,
	PostgresOnly:  true,
	Summary:       "Raw SQL that PostgreSQL's parser rejects",
	Doc: Doc{
		FailsWhen: "On every database: PostgreSQL parses the statement before running anything, and the migration stops there.",
		What: "Reads the SQL given to `op.execute()`, `sa.text()`, `sa.DDL()`, `connection.execute()` and " +
			"`exec_driver_sql()` with PostgreSQL's own parser (libpg_query) and reports a syntax error with the " +
			"parser's message, at the place in the Python string it points at. Literals, implicit concatenation, " +
			"`+` and `%` of known strings are read; bind parameters (`:name`, `%(name)s`, `%s`) are parameters.",
		Why: "A typo in hand-written SQL is found only when the migration runs: `alembic upgrade` stops with " +
			"`psycopg2.errors.SyntaxError: syntax error at or near ...` in the middle of a deployment, after the " +
			"statements before it ran (and on a database without transactional DDL, stayed).",
		Example:    `op.execute("ALTER TABEL users ADD COLUMN nickname text")`,
		UseInstead: `op.execute("ALTER TABLE users ADD COLUMN nickname text")`,
		KnownProblems: "Only syntax is checked, as PostgreSQL parses: names, types and functions are not looked up. SQL " +
			"with parts not known statically (f-strings and `.format()` or `%` of values not known statically; an f-string of a name holding a known string is read), templates (`{{ }}`, `{% %}`), " +
			"psql meta-commands (`\\copy`), MySQL's backquoted names and SQLite's PRAGMA are never reported, nor is SQL " +
			"under a condition other than a test that the dialect is PostgreSQL (such branches mostly hold another " +
			"database's SQL). With an assumed dialect the finding is a warning.",
		FixSafety:  "No automatic fix: the intended statement is not known.",
		References: []string{"https://www.postgresql.org/docs/current/sql-commands.html", "https://github.com/pganalyze/libpg_query"},
	},
	Check: checkInvalidSQL,
})

func checkInvalidSQL(p *Pass) {
	sev := Error
	if !p.DialectCertain {
		sev = Warning
	}
	for _, f := range []*migration.Function{p.Migration.Upgrade, p.Migration.Downgrade} {
		if f == nil {
			continue
		}
		for _, o := range f.Ops {
			if o.SQL == nil || !o.SQL.Known || o.SQL.Err == nil || templated(o.SQL.Text) || otherDialect(o.SQL.Text) {
				continue
			}
			if (o.Conditional || o.Unbound) && o.OnlyDialect != "postgresql" {
				continue // SQL under a condition is mostly another dialect's branch, tested in ways not read here
			}
			fails := "The migration fails here when it runs."
			if f == p.Migration.Downgrade {
				fails = "The downgrade fails here when it runs." // not the upgrade (pv-site-datamodel, judged)
			}
			p.ReportSeverity(sev, o.SQL.Err.Span, Message{Text: "PostgreSQL rejects this SQL: " + brief.Code(o.SQL.Err.Message, 80),
				Help: "PostgreSQL's parser says: " + o.SQL.Err.Message + ". " + fails}, nil)
		}
	}
}

// otherDialect reports SQL written for another database: MySQL's backquoted
// names, SQLite's PRAGMA.
func otherDialect(sql string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(sql), " ")
	if strings.EqualFold(strings.TrimRight(first, ";"), "PRAGMA") {
		return true
	}
	var quote byte
	for i := 0; i < len(sql); i++ {
		switch c := sql[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '`':
			return true
		}
	}
	return false
}

// templated reports SQL that another tool fills in or runs before PostgreSQL
// sees it: Jinja-style templates and psql meta-commands.
func templated(sql string) bool {
	if strings.Contains(sql, "{{") || strings.Contains(sql, "{%") {
		return true
	}
	for line := range strings.Lines(sql) {
		if strings.HasPrefix(strings.TrimSpace(line), `\`) {
			return true
		}
	}
	return false
}
