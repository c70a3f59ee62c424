package rules

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:              "mysql-fk-index-dropped",
	StopsFunction:   true,
	Profile:         Default,
	MainDialectOnly: true,
	Severity:        Error,
	Fix:             FixNever,
	Summary:         "On MySQL/MariaDB, drop_index removes the only index a foreign key can use",
	Doc: Doc{
		FailsWhen: "On every MySQL/MariaDB database (error 1553); PostgreSQL and SQLite drop the index (the rule is quiet there).",
		What: "On MySQL and MariaDB only: finds `drop_index` (also in batch mode) of an index whose leading columns " +
			"are those of a foreign key of the table, when no other index the history knows of starts with them " +
			"and the foreign key is still there.",
		Why: "InnoDB needs an index whose first columns are the foreign key's; it makes one when the key is created " +
			"without it (named after the constraint, or its first column) and drops that one silently when an index " +
			"that can serve the key is created later. The index serving a key cannot be dropped while the key " +
			"exists: `Cannot drop index 'ix_books_author_id': needed in a foreign key constraint` (error 1553), " +
			"checked on MariaDB 10.11; MySQL 8 refuses it the same way. Since every DDL statement commits on " +
			"MySQL, the migration stops half done. A common source is the downgrade of a revision that indexed a " +
			"foreign key column, or autogenerate's downgrade of a create_table, which drops the indexes before the " +
			"table: the index dropped replaced InnoDB's own.",
		Example: `# alembic.ini: sqlalchemy.url = mysql+pymysql://localhost/app
# 0001_create_books.py
def upgrade():
    op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "books",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id", name="fk_books_author")),
    )
    op.create_index("ix_books_author_id", "books", ["author_id"])


# 0002_drop_index.py
def upgrade():
    op.drop_index("ix_books_author_id", table_name="books")`,
		UseInstead: `def upgrade():
    op.drop_constraint("fk_books_author", "books", type_="foreignkey")
    op.drop_index("ix_books_author_id", table_name="books")
    op.create_foreign_key("fk_books_author", "books", "authors", ["author_id"], ["id"])`,
		KnownProblems: "Only runs when the project's main dialect is MySQL/MariaDB. Quiet when the history cannot know " +
			"every index of the table (created or changed by SQL it does not follow, by a conditional operation, or " +
			"by create_table arguments it does not read), when a foreign key of the table was dropped by a name it " +
			"does not know (such as MySQL's `<table>_ibfk_<n>`), and after SQL or calls it cannot follow.",
		FixSafety: "No automatic fix: whether the foreign key stays (and on which index) is a design choice.",
		References: []string{"https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html",
			"https://mariadb.com/kb/en/foreign-keys/"},
	},
	Check: checkMySQLFKIndexDropped,
})

func checkMySQLFKIndexDropped(p *Pass) {
	if p.Dialect != "mysql" {
		return
	}
	check := func(o *migration.Op, s *history.State) {
		if o.Name != "drop_index" || o.Unbound || !o.Certain() || s.Unknown || batchRecreates(p, o) {
			return
		}
		table, known := o.Table()
		if !known {
			return
		}
		t := s.Table(effect.TableKey(o, table))
		if t == nil || t.FKsDoubtful {
			return
		}
		indexes, complete := t.Indexes()
		if !complete {
			return
		}
		name := droppedIndexName(s, p.Migration, o)
		for i, ix := range indexes {
			if name == "" || ix.Name != name {
				continue
			}
			others := append(indexes[:i:i], indexes[i+1:]...)
			for _, fk := range t.FKs() {
				if ix.Covers(fk.Columns) && !anyCovers(others, fk.Columns) {
					p.Report(o, fkIndexMessage(name, table, fk), nil)
					return
				}
			}
		}
	}
	p.Upgrade(check)
	p.Downgrade(check)
}

// droppedIndexName is the name drop_index drops, "" when not known.
func droppedIndexName(s *history.State, m *migration.Migration, o *migration.Op) string {
	for _, e := range effect.Of(s.Names(), m, o) {
		if e.Object == effect.Index && e.Change == effect.Drop && !e.Unreadable {
			return e.Name
		}
	}
	return ""
}

func anyCovers(indexes []history.Index, cols []string) bool {
	for _, ix := range indexes {
		if ix.Covers(cols) {
			return true
		}
	}
	return false
}

func fkIndexMessage(index, table string, fk history.FK) Message {
	cols := strings.Join(fk.Columns, ", ")
	return Message{
		Text: fmt.Sprintf("drop_index %q removes the only index the foreign key (%s) of %q can use", index, cols, table),
		Help: fmt.Sprintf("MySQL/MariaDB refuse it: Cannot drop index '%s': needed in a foreign key constraint (error 1553). "+
			"Drop the foreign key first (and create it again after, if it stays), or the table when it goes too, "+
			"or create another index starting with (%s) before.",
			index, cols),
	}
}
