package rules

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:              "mysql-text-index-without-length",
	Profile:         Default,
	MainDialectOnly: true,
	Severity:        Warning,
	Fix:             FixNever,
	Summary:         "On MySQL/MariaDB, an index on a TEXT or BLOB column has no prefix length",
	Doc: Doc{
		FailsWhen: "On MySQL (error); MariaDB accepts it and indexes a prefix it chooses (warning).",
		What: "On MySQL and MariaDB only: finds `create_index` (also in batch mode) on a column the history knows as " +
			"TEXT or BLOB (`sa.Text`, `sa.UnicodeText`, `sa.LargeBinary`, MySQL's TINY/MEDIUM/LONG variants) without " +
			"`mysql_length=`.",
		Why: "InnoDB indexes at most 3072 bytes of a key, and a TEXT or BLOB column has no length of its own. MySQL 8 " +
			"refuses the index: `BLOB/TEXT column 'body' used in key specification without a key length` (error 1170). " +
			"MariaDB 10.11 builds it anyway on a prefix it chooses (768 characters of utf8mb4 TEXT, 3072 bytes of BLOB) " +
			"with only a note (1071, `Specified key was too long; max key length is 3072 bytes`), checked on a real server: " +
			"the same migration passes on MariaDB and fails on MySQL.",
		Example: `# alembic.ini: sqlalchemy.url = mysql+pymysql://localhost/app
# 0001_create_docs.py
def upgrade():
    op.create_table(
        "docs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("body", sa.Text(), nullable=True),
    )


# 0002_index_body.py
def upgrade():
    op.create_index("ix_docs_body", "docs", ["body"])`,
		UseInstead: `def upgrade():
    op.create_index("ix_docs_body", "docs", ["body"], mysql_length={"body": 255})`,
		KnownProblems: "Only runs when the project's main dialect is MySQL/MariaDB. Columns whose type the history does " +
			"not know (created by SQL, or of a custom type) are not reported; neither are unique constraints, which " +
			"MariaDB backs with a hash and MySQL refuses the same way.",
		FixSafety: "No automatic fix: the prefix length is a choice about what the index must tell apart.",
		References: []string{"https://dev.mysql.com/doc/refman/8.0/en/column-indexes.html#column-indexes-prefix",
			"https://docs.sqlalchemy.org/en/20/dialects/mysql.html#index-length"},
	},
	Check: checkMySQLTextIndex,
})

// unboundedTypes are the column types MySQL cannot index without a length.
var unboundedTypes = map[string]bool{"Text": true, "TEXT": true, "UnicodeText": true, "LargeBinary": true, "BLOB": true,
	"TINYTEXT": true, "MEDIUMTEXT": true, "LONGTEXT": true, "TINYBLOB": true, "MEDIUMBLOB": true, "LONGBLOB": true}

func checkMySQLTextIndex(p *Pass) {
	if p.Dialect != "mysql" {
		return
	}
	check := func(o *migration.Op, s *history.State) {
		if o.Name != "create_index" || o.Extra["mysql_length"] != nil || o.Unbound {
			return
		}
		columns, ok := o.Arg("columns").Strings()
		table, known := o.Table()
		if !ok || !known {
			return
		}
		t := s.Table(effect.TableKey(o, table)) // also one created earlier in the revision
		if t == nil || t.Opaque {
			return
		}
		var text []string
		for _, name := range columns {
			if c := t.Column(name); c != nil && c.Type != nil && unboundedTypes[c.Type.Name] {
				text = append(text, name)
			}
		}
		if len(text) == 0 {
			return
		}
		lengths := make([]string, len(text))
		for i, c := range text {
			lengths[i] = fmt.Sprintf("%q: 255", c)
		}
		p.Report(o, Message{Text: fmt.Sprintf("create_index on TEXT/BLOB column %s of %q without mysql_length", quotedList(text), table),
			Help: fmt.Sprintf("MySQL 8 refuses it: BLOB/TEXT column '%s' used in key specification without a key length (error 1170); "+
				"MariaDB builds it on a prefix of its own choosing. Give the prefix: mysql_length={%s}.", text[0], strings.Join(lengths, ", "))}, nil)
	}
	p.Upgrade(check)
	p.Downgrade(check)
}
