package history

import (
	"strings"
	"testing"
)

// indexList describes a table's indexes as sorted "name(cols)", "?" for an
// unknown name, "implicit" for InnoDB's, and "unknown" last when the list is
// not complete.
func indexList(tb *Table) []string {
	ixs, known := tb.Indexes()
	var out []string
	for _, ix := range ixs {
		name := ix.Name
		if name == "" {
			name = "?"
		}
		if ix.Implicit {
			name = "implicit " + name
		}
		out = append(out, name+"("+strings.Join(ix.Columns, ",")+")")
	}
	out = sorted(out)
	if !known {
		out = append(out, "unknown")
	}
	return out
}

func TestIndexes(t *testing.T) {
	books := `
op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table(
    "books",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id")),
    sa.Column("isbn", sa.String(20), unique=True),
    sa.Column("title", sa.String(20)),
)`
	tests := []struct {
		name string
		up   string
		want []string
	}{
		{"create_table: primary key, unique column, InnoDB's index for the foreign key", books,
			[]string{"?(isbn)", "PRIMARY(id)", "implicit author_id(author_id)"}},
		{"an index that serves the foreign key replaces InnoDB's", books + `
op.create_index("ix_books_author", "books", ["author_id", "title"])`,
			[]string{"?(isbn)", "PRIMARY(id)", "ix_books_author(author_id,title)"}},
		{"an index that does not serve it leaves InnoDB's", books + `
op.create_index("ix_books_title", "books", ["title", "author_id"])`,
			[]string{"?(isbn)", "PRIMARY(id)", "implicit author_id(author_id)", "ix_books_title(title,author_id)"}},
		{"drop_index and drop_constraint by name", books + `
op.create_index("ix_books_title", "books", ["title"])
op.create_unique_constraint("uq_books_title", "books", ["title"])
op.drop_index("ix_books_title", table_name="books")
op.drop_constraint("uq_books_title", "books", type_="unique")`,
			[]string{"?(isbn)", "PRIMARY(id)", "implicit author_id(author_id)"}},
		{"columns dropped and renamed", books + `
op.create_index("ix_books_title_isbn", "books", ["title", "isbn"])
op.drop_column("books", "title")
op.alter_column("books", "isbn", new_column_name="code")`,
			[]string{"?(code)", "PRIMARY(id)", "implicit author_id(author_id)", "ix_books_title_isbn(code)"}},
		{"SQL CREATE INDEX and ALTER INDEX RENAME", books + `
op.execute("CREATE INDEX ix_title ON books (title)")
op.execute("ALTER INDEX ix_title RENAME TO ix_books_title")`,
			[]string{"?(isbn)", "PRIMARY(id)", "implicit author_id(author_id)", "ix_books_title(title)"}},
		{"SQL DROP INDEX names no table: the table holding the index", books + `
op.create_index("ix_books_title", "books", ["title"])
op.execute("DROP INDEX ix_books_title")`,
			[]string{"?(isbn)", "PRIMARY(id)", "implicit author_id(author_id)"}},
		{"create_foreign_key gets InnoDB's index", books + `
op.add_column("books", sa.Column("editor_id", sa.Integer()))
op.create_foreign_key("fk_books_editor", "books", "authors", ["editor_id"], ["id"])`,
			[]string{"?(isbn)", "PRIMARY(id)", "implicit author_id(author_id)", "implicit fk_books_editor(editor_id)"}},
		{"an argument of create_table not read: not complete", `
op.create_table("books", sa.Column("id", sa.Integer(), primary_key=True), sa.Index("ix_x", "id"))`,
			[]string{"PRIMARY(id)", "unknown"}},
		{"a conditional index: not complete", books + `
if context.get_context().dialect.name == "mysql":
    op.create_index("ix_books_title", "books", ["title"])`,
			[]string{"?(isbn)", "PRIMARY(id)", "implicit author_id(author_id)", "unknown"}},
		{"a table created by SQL: not complete", `
op.execute("CREATE TABLE books (id integer PRIMARY KEY)")`,
			[]string{"unknown"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewState()
			applyUpgrade(t, s, "r1", step{up: tt.up})
			eq(t, "indexes", indexList(mustTable(t, s, "books")), tt.want)
		})
	}
}

// TestFKsDoubtful: a foreign key dropped by a name the state does not know
// leaves the table's foreign keys in doubt; one dropped by its name does not.
func TestFKsDoubtful(t *testing.T) {
	books := `
op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table("books", sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id", name="fk_books_author")))`
	for _, tt := range []struct {
		drop     string
		doubtful bool
		fks      []string
	}{
		{`op.drop_constraint("fk_books_author", "books", type_="foreignkey")`, false, nil},
		{`op.drop_constraint("books_ibfk_1", "books", type_="foreignkey")`, true, []string{"fk_books_author(author_id)->authors"}},
		{`op.drop_constraint("uq_books_id", "books", type_="unique")`, false, []string{"fk_books_author(author_id)->authors"}},
	} {
		s := NewState()
		applyUpgrade(t, s, "r1", step{up: books + "\n" + tt.drop})
		tb := mustTable(t, s, "books")
		eq(t, tt.drop, fks(tb), tt.fks)
		if tb.FKsDoubtful != tt.doubtful {
			t.Errorf("%s: FKsDoubtful = %v, want %v", tt.drop, tb.FKsDoubtful, tt.doubtful)
		}
	}
}
