package history

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/naming"
)

// step is one revision applied to the state, with checks of the state after it.
type step struct {
	up     string // body of upgrade()
	module string // module-level code
	after  func(t *testing.T, s *State)
}

// applyUpgrade parses a revision with the given upgrade and applies its upgrade ops.
func applyUpgrade(t *testing.T, s *State, id string, st step) {
	t.Helper()
	r := rev{ID: id, Up: st.up, Module: st.module}
	m := parseSource(t, id+".py", r.source())
	if m.Upgrade == nil {
		t.Fatalf("%s: no upgrade()", id)
	}
	for _, o := range m.Upgrade.Ops {
		s.Apply(m, o, id)
	}
}

// columns describes a table's columns as sorted "name NULL|NOT NULL|? [enum=x] [uncertain]".
func columns(tb *Table) []string {
	var out []string
	for name, c := range tb.Columns.All() {
		d := name
		switch {
		case !c.Known:
			d += " ?"
		case c.Nullable:
			d += " NULL"
		default:
			d += " NOT NULL"
		}
		if c.Name != name {
			d += " (named " + c.Name + ")"
		}
		if c.Enum != "" {
			d += " enum=" + c.Enum
		}
		if c.Uncertain {
			d += " uncertain"
		}
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// fks describes a table's foreign keys as "name(col,col)->table", in order.
func fks(tb *Table) []string {
	out := []string{}
	for _, fk := range tb.FKs() {
		out = append(out, fmt.Sprintf("%s(%s)->%s", fk.Name, strings.Join(fk.Columns, ","), fk.RefTable))
	}
	return out
}

func tableNames(s *State) []string {
	out := []string{}
	for _, tb := range s.Tables() {
		out = append(out, tb.Name)
	}
	sort.Strings(out)
	return out
}

func enumNames(s *State) []string {
	out := []string{}
	for _, e := range s.Enums() {
		out = append(out, e.Name)
	}
	sort.Strings(out)
	return out
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	sort.Strings(out)
	return out
}

func mustTable(t *testing.T, s *State, name string) *Table {
	t.Helper()
	tb := s.Table(name)
	if tb == nil {
		t.Fatalf("no table %q; have %v", name, tableNames(s))
	}
	return tb
}

func eq(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(nilIfEmpty(got), nilIfEmpty(want)) {
		t.Errorf("%s = %q\n want %q", what, got, want)
	}
}

func wantEnum(t *testing.T, s *State, name string, values []string, createdBy string) {
	t.Helper()
	e := s.Enum(name)
	if e == nil {
		t.Fatalf("enum type %q does not exist; have %v", name, enumNames(s))
	}
	eq(t, "values of "+name, e.Values(), values)
	if e.CreatedBy != createdBy {
		t.Errorf("enum %s CreatedBy = %q, want %q", name, e.CreatedBy, createdBy)
	}
}

func noEnum(t *testing.T, s *State, name string) {
	t.Helper()
	if e := s.Enum(name); e != nil {
		t.Errorf("enum type %q exists (created by %s), want none", name, e.CreatedBy)
	}
}

const authorsBooks = `
op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table(
    "books",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id"), nullable=False),
)
`

func TestStateApply(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"create_table columns and nullability", []step{{
			up: `
op.create_table(
    "users",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("email", sa.String(255), nullable=False),
    sa.Column("bio", sa.Text()),
    sa.Column("flag", sa.Boolean(), nullable=FLAG_NULLABLE),
    sa.Column("tenant_id", sa.Integer()),
    sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=True),
    sa.PrimaryKeyConstraint("tenant_id", "id"),
    sa.UniqueConstraint("email"),
)`,
			after: func(t *testing.T, s *State) {
				tb := mustTable(t, s, "users")
				eq(t, "columns", columns(tb), []string{"bio NULL", "created_at NULL", "email NOT NULL", "flag ?", "id NOT NULL", "tenant_id NOT NULL"})
				if tb.CreatedBy != "r1" || tb.Uncertain || tb.Opaque || s.Unknown {
					t.Errorf("table facts: %+v unknown=%v", tb, s.Unknown)
				}
				eq(t, "fks", fks(tb), nil)
				eq(t, "tables", tableNames(s), []string{"users"})
			},
		}}},
		{"column and table level foreign keys", []step{{
			up: `
op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table("editors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table(
    "books",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id"), nullable=False),
    sa.Column("coauthor_id", sa.Integer(), sa.ForeignKey("authors.id", name="fk_books_coauthor")),
    sa.Column("parent_id", sa.Integer(), sa.ForeignKey("books.id")),
    sa.Column("editor_id", sa.Integer()),
    sa.Column("a", sa.Integer()),
    sa.Column("b", sa.Integer()),
    sa.ForeignKeyConstraint(["editor_id"], ["editors.id"]),
    sa.ForeignKeyConstraint(["a", "b"], ["pairs.a", "pairs.b"], name="fk_books_pair"),
)`,
			after: func(t *testing.T, s *State) {
				tb := mustTable(t, s, "books")
				eq(t, "fks", fks(tb), []string{
					"books_author_id_fkey(author_id)->authors",
					"fk_books_coauthor(coauthor_id)->authors",
					"books_parent_id_fkey(parent_id)->books",
					"books_editor_id_fkey(editor_id)->editors",
					"fk_books_pair(a,b)->pairs",
				})
				eq(t, "ReferencedBy(authors)", s.ReferencedBy("authors"), []string{"books"})
				eq(t, "ReferencedBy(editors)", s.ReferencedBy("editors"), []string{"books"})
				eq(t, "ReferencedBy(books) (self references do not count)", s.ReferencedBy("books"), nil)
				eq(t, "ReferencedBy(pairs)", s.ReferencedBy("pairs"), []string{"books"})
			},
		}}},
		{"create_table creates its named enum types", []step{
			{
				up: `
op.create_table(
    "orders",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("status", sa.Enum("new", "paid", name="order_status"), nullable=False),
    sa.Column("tags", postgresql.ARRAY(sa.Enum("a", "b", name="tag_kind"))),
    sa.Column("mood", status_type),
    sa.Column("anonymous", sa.Enum("x", "y")),
)`,
				module: `status_type = postgresql.ENUM("happy", "sad", name="mood_type")`,
				after: func(t *testing.T, s *State) {
					wantEnum(t, s, "order_status", []string{"new", "paid"}, "r1")
					wantEnum(t, s, "tag_kind", []string{"a", "b"}, "r1")
					wantEnum(t, s, "mood_type", []string{"happy", "sad"}, "r1")
					eq(t, "enums", enumNames(s), []string{"mood_type", "order_status", "tag_kind"})
					eq(t, "columns", columns(mustTable(t, s, "orders")), []string{
						"anonymous NULL", "id NOT NULL", "mood NULL enum=mood_type", "status NOT NULL enum=order_status", "tags NULL enum=tag_kind",
					})
					eq(t, "EnumUsers(order_status)", s.EnumUsers("order_status"), []string{"orders.status"})
				},
			},
			{
				// a second table sharing the type: the type keeps its creator
				up: `op.create_table("refunds", sa.Column("status", sa.Enum("new", "paid", name="order_status")))`,
				after: func(t *testing.T, s *State) {
					wantEnum(t, s, "order_status", []string{"new", "paid"}, "r1")
					eq(t, "EnumUsers(order_status)", sorted(s.EnumUsers("order_status")), []string{"orders.status", "refunds.status"})
					eq(t, "EnumUsers(none)", s.EnumUsers("no_such_type"), nil)
				},
			},
		}},
		{"add_column with an enum does not create the type", []step{
			{up: `op.create_table("tickets", sa.Column("id", sa.Integer(), primary_key=True))`},
			{
				up: `op.add_column("tickets", sa.Column("priority", sa.Enum("low", "high", name="ticket_priority"), nullable=True))`,
				after: func(t *testing.T, s *State) {
					noEnum(t, s, "ticket_priority")
					eq(t, "columns", columns(mustTable(t, s, "tickets")), []string{"id NOT NULL", "priority NULL enum=ticket_priority"})
					eq(t, "EnumUsers", s.EnumUsers("ticket_priority"), []string{"tickets.priority"})
				},
			},
		}},
		{"explicit create and drop of enum types", []step{
			{up: `op.create_table("tickets", sa.Column("id", sa.Integer(), primary_key=True))`},
			{
				module: `priority = postgresql.ENUM("low", "high", name="ticket_priority", create_type=False)
flavour = sa.Enum("sweet", "sour", name="flavour")`,
				up: `
priority.create(op.get_bind(), checkfirst=True)
op.add_column("tickets", sa.Column("priority", priority, nullable=True))
bind = op.get_bind()
flavour.create(bind)
sa.Enum("one", name="inline_kind").create(op.get_bind())
sa.Enum("one", name="not_native", native_enum=False).create(op.get_bind())
op.execute("CREATE TYPE sql_kind AS ENUM ('a', 'b')")`,
				after: func(t *testing.T, s *State) {
					wantEnum(t, s, "ticket_priority", []string{"low", "high"}, "r2")
					wantEnum(t, s, "flavour", []string{"sweet", "sour"}, "r2")
					wantEnum(t, s, "inline_kind", []string{"one"}, "r2")
					noEnum(t, s, "not_native")
					if e := s.Enum("sql_kind"); e == nil || e.CreatedBy != "r2" {
						t.Errorf("CREATE TYPE: %+v", e)
					}
					eq(t, "EnumUsers", s.EnumUsers("ticket_priority"), []string{"tickets.priority"})
				},
			},
			{
				module: `priority = postgresql.ENUM("low", "high", name="ticket_priority", create_type=False)`,
				up: `
op.drop_column("tickets", "priority")
priority.drop(op.get_bind(), checkfirst=True)
op.execute("DROP TYPE flavour")
op.execute(sa.text("DROP TYPE IF EXISTS inline_kind"))`,
				after: func(t *testing.T, s *State) {
					noEnum(t, s, "ticket_priority")
					noEnum(t, s, "flavour")
					noEnum(t, s, "inline_kind")
					eq(t, "enums", enumNames(s), []string{"sql_kind"})
					eq(t, "EnumUsers", s.EnumUsers("ticket_priority"), nil)
				},
			},
		}},
		{"ALTER TYPE ADD VALUE appends", []step{
			{up: `op.create_table("orders", sa.Column("status", sa.Enum("new", "paid", name="order_status")))`},
			{
				up: `
op.execute("ALTER TYPE order_status ADD VALUE 'refunded'")
with op.get_context().autocommit_block():
    op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'void'")
op.execute("ALTER TYPE missing_type ADD VALUE 'x'")`,
				after: func(t *testing.T, s *State) {
					wantEnum(t, s, "order_status", []string{"new", "paid", "refunded", "void"}, "r1")
					noEnum(t, s, "missing_type")
				},
			},
		}},
		{"create_type=False and native_enum=False create nothing", []step{{
			up: `
op.create_table(
    "items",
    sa.Column("kind", postgresql.ENUM("a", "b", name="item_kind", create_type=False)),
    sa.Column("state", sa.Enum("on", "off", name="item_state", native_enum=False)),
)`,
			after: func(t *testing.T, s *State) {
				noEnum(t, s, "item_kind")
				noEnum(t, s, "item_state")
				eq(t, "columns", columns(mustTable(t, s, "items")), []string{"kind NULL enum=item_kind", "state NULL"})
				eq(t, "EnumUsers(item_kind)", s.EnumUsers("item_kind"), []string{"items.kind"})
			},
		}}},
		{"drop_table and ReferencedBy", []step{
			{up: authorsBooks, after: func(t *testing.T, s *State) {
				eq(t, "ReferencedBy(authors)", s.ReferencedBy("authors"), []string{"books"})
			}},
			{up: `op.drop_table("books")`, after: func(t *testing.T, s *State) {
				if s.Table("books") != nil {
					t.Errorf("books still exists")
				}
				eq(t, "tables", tableNames(s), []string{"authors"})
				eq(t, "ReferencedBy(authors)", s.ReferencedBy("authors"), nil)
			}},
			{up: `op.drop_table("authors")`, after: func(t *testing.T, s *State) {
				eq(t, "tables", tableNames(s), nil)
			}},
		}},
		{"drop_table keeps the enum type", []step{
			{up: `op.create_table("orders", sa.Column("status", sa.Enum("new", name="order_status")))`},
			{up: `op.drop_table("orders")`, after: func(t *testing.T, s *State) {
				wantEnum(t, s, "order_status", []string{"new"}, "r1")
				eq(t, "EnumUsers", s.EnumUsers("order_status"), nil)
			}},
		}},
		{"rename_table moves the table and its references", []step{
			{up: authorsBooks + `op.add_column("authors", sa.Column("mentor_id", sa.Integer(), sa.ForeignKey("authors.id")))`},
			{up: `op.rename_table("authors", "writers")`, after: func(t *testing.T, s *State) {
				if s.Table("authors") != nil {
					t.Errorf("the old name still exists")
				}
				w := mustTable(t, s, "writers")
				if w.Name != "writers" || w.CreatedBy != "r1" {
					t.Errorf("renamed table: %+v", w)
				}
				eq(t, "columns", columns(w), []string{"id NOT NULL", "mentor_id NULL"})
				eq(t, "writers fks", fks(w), []string{"authors_mentor_id_fkey(mentor_id)->writers"})
				eq(t, "books fks", fks(mustTable(t, s, "books")), []string{"books_author_id_fkey(author_id)->writers"})
				eq(t, "ReferencedBy(writers)", s.ReferencedBy("writers"), []string{"books"})
				eq(t, "ReferencedBy(authors)", s.ReferencedBy("authors"), nil)
			}},
		}},
		{"alter_column", []step{
			{up: `
op.create_table(
    "users",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("email", sa.String(255)),
    sa.Column("bio", sa.Text(), nullable=False),
    sa.Column("role", sa.String(20)),
    sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id")),
)`},
			{
				up: `
op.alter_column("users", "email", nullable=False, existing_type=sa.String(255))
op.alter_column("users", "bio", new_column_name="biography")
op.alter_column("users", "role", type_=sa.Enum("admin", "member", name="user_role"), postgresql_using="role::user_role")
op.alter_column("users", "id", nullable=NULLABLE)
op.alter_column("users", "team_id", new_column_name="group_id")`,
				after: func(t *testing.T, s *State) {
					tb := mustTable(t, s, "users")
					eq(t, "columns", columns(tb), []string{"biography NOT NULL", "email NOT NULL", "group_id NULL", "id ?", "role NULL enum=user_role"})
					noEnum(t, s, "user_role")
					eq(t, "fks", fks(tb), []string{"users_team_id_fkey(group_id)->teams"})
				},
			},
			{
				up: `
op.alter_column("users", "role", type_=sa.String(20))
op.alter_column("users", "email", nullable=True)
op.drop_column("users", "group_id")`,
				after: func(t *testing.T, s *State) {
					tb := mustTable(t, s, "users")
					eq(t, "columns", columns(tb), []string{"biography NOT NULL", "email NULL", "id ?", "role NULL"})
					eq(t, "fks after dropping the renamed column", fks(tb), nil)
				},
			},
		}},
		{"create_foreign_key and drop_constraint", []step{
			{up: `
op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table("editors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table("books", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("author_id", sa.Integer()), sa.Column("editor_id", sa.Integer()))`},
			{up: `
op.create_foreign_key("fk_books_author", "books", "authors", ["author_id"], ["id"], ondelete="CASCADE")
op.create_foreign_key(None, "books", "editors", ["editor_id"], ["id"])`,
				after: func(t *testing.T, s *State) {
					eq(t, "fks", fks(mustTable(t, s, "books")), []string{"fk_books_author(author_id)->authors", "books_editor_id_fkey(editor_id)->editors"})
					eq(t, "ReferencedBy(editors)", s.ReferencedBy("editors"), []string{"books"})
				},
			},
			{up: `
op.drop_constraint("fk_books_author", "books", type_="foreignkey")
op.drop_constraint("uq_books_title", "books", type_="unique")`,
				after: func(t *testing.T, s *State) {
					eq(t, "fks", fks(mustTable(t, s, "books")), []string{"books_editor_id_fkey(editor_id)->editors"})
					eq(t, "ReferencedBy(authors)", s.ReferencedBy("authors"), nil)
				},
			},
			{up: `op.drop_constraint("books_editor_id_fkey", "books", type_="foreignkey")`,
				after: func(t *testing.T, s *State) {
					eq(t, "fks", fks(mustTable(t, s, "books")), nil)
				},
			},
		}},
		{"drop_column drops the foreign keys on it", []step{
			{up: authorsBooks},
			{up: `op.drop_column("books", "author_id")`, after: func(t *testing.T, s *State) {
				tb := mustTable(t, s, "books")
				eq(t, "columns", columns(tb), []string{"id NOT NULL"})
				eq(t, "fks", fks(tb), nil)
				eq(t, "ReferencedBy(authors)", s.ReferencedBy("authors"), nil)
			}},
		}},
		{"known SQL keeps the state known", []step{{
			up: `
op.execute("UPDATE users SET active = true WHERE active IS NULL")
op.execute(sa.text("DELETE FROM sessions"))
print("done")`,
			after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Errorf("Unknown after literal UPDATE/DELETE")
				}
			},
		}}},
		{"code that reads or writes rows only keeps the state known", []step{{
			module: `
def get_progressbar(label, maxval):
    return ProgressBar(maxval=maxval, widgets=[label])
`,
			up: `
progress = get_progressbar("users", 10)
progress.start()`,
			after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Errorf("Unknown after a progress bar's start: %+v", s.UnknownSince())
				}
			},
		}, {
			up: `
op.execute("INSERT INTO perms (service_id, permission) {}".format(select_of("sms")))
session.query(Item).filter(Item.id.in_(ids)).delete(synchronize_session=False)
op.get_bind().commit()
sys.stdout.write("done")
get_logger().info(f"{len(rows)} rows moved")
try:
    op.execute("UPDATE items SET a = 1")
except ProgrammingError:
    print("stamp the database instead")
    exit()
for name in SCHEMAS:
    op.execute("CREATE SCHEMA IF NOT EXISTS " + name)
op.execute("SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE DATA_TYPE = 'datetime' LIMIT 0, 100;")
op.execute("ALTER DATABASE DEFAULT CHARACTER SET utf8;")
op.execute("SET CONSTRAINTS fk_items_owner DEFERRED")
logging.getLogger(__name__).warning("moved")
brief.data.pop("evaluationType")
sa.Table("users", md, autoload_with=bind)
config = ConfigParser()
config.read(path)
writer = csv.DictWriter(out, fieldnames=["id"])
writer.writeheader()
get_store().delete("tokens")
queries = "UPDATE items SET a = 1 WHERE a IS NULL; UPDATE items SET b = 2;"
for query in queries.split(";"):
    if not query.strip():
        continue
    op.execute(sa.text(query))
sa.orm.attributes.flag_modified(row, "value")
statement = postgresql.insert(items).values(id=1)
op.get_bind().execute(statement.on_conflict_do_nothing())`,
			after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Errorf("Unknown after code that only reads or writes rows: %+v", s.UnknownSince())
				}
			},
		}}},
		{"views and functions of alembic_utils and of the cookbook's replaceable objects change no table", []step{
			{up: `op.create_table("items", sa.Column("id", sa.Integer, primary_key=True))`},
			{up: `
op.create_entity(PGFunction(schema="public", signature="to_upper(text)", definition="..."))
op.create_or_replace_sp(replace_in_table)
op.create_view(items_view)
op.replace_sp(replace_in_table, replaces="1b9c8698c632.replace_in_table")
op.drop_view(items_view)
op.drop_sp(replace_in_table)`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown: %+v", s.UnknownSince())
				}
				eq(t, "columns", columns(mustTable(t, s, "items")), []string{"id NOT NULL"})
			}},
		}},
		{"a view whose query holds an unknown value or reads an unknown table is followed", []step{
			{up: `op.create_table("events", sa.Column("id", sa.Integer, primary_key=True), sa.Column("type_id", sa.Integer))`},
			{up: `
op.execute("ALTER TABLE launches RENAME TO old_launches")
op.execute(f"""CREATE VIEW launches AS (SELECT events.id FROM events WHERE events.type_id = {launch_type_id})""")`,
				after: func(t *testing.T, s *State) {
					if s.Unknown {
						t.Fatalf("Unknown: %+v", s.UnknownSince())
					}
					if v := s.View("launches"); v == nil || !slices.Equal(v.Reads, []string{"events"}) {
						t.Errorf("view launches: %+v, want one reading events", v)
					}
				}},
			{up: `op.execute(f"CREATE VIEW recent AS SELECT * FROM {table}")`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Errorf("Unknown after a view of a table not known, which changes no table: %+v", s.UnknownSince())
				}
				if v := s.View("recent"); v == nil || len(s.ViewsOn("events")) != 1 {
					t.Errorf("view recent: %+v, and views on events %v, want it and launches alone", v, s.ViewsOn("events"))
				}
			}},
		}},
		{"a DO block creating an enum type of labels not known makes the type", []step{
			{up: `op.create_table("spectra", sa.Column("id", sa.Integer, primary_key=True))`},
			{up: `
op.execute(
    f"""
    DO $$ BEGIN
      CREATE TYPE "spectrumtypes" AS ENUM ({", ".join(f"'{t}'" for t in ALLOWED_TYPES)} );
    EXCEPTION
      WHEN duplicate_object THEN null;
    END $$;
    """
)`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown: %+v", s.UnknownSince())
				}
				if en := s.Enum("spectrumtypes"); en == nil || en.Values() != nil {
					t.Errorf("enum spectrumtypes: %+v, want it made with its labels not known", en)
				}
			}},
		}},
		{"a constraint of a table not known by name renamed or dropped makes the names of indexes doubtful", []step{
			{up: `
op.create_table("tickets", sa.Column("id", sa.Integer, primary_key=True), sa.Column("code", sa.String()))
op.create_unique_constraint("uq_tickets_code", "tickets", ["code"])
op.create_index("ix_tickets_code", "tickets", ["code"])`},
			{up: `
for table, old, new in RENAMED:
    op.execute(sa.text(f"ALTER TABLE {table} RENAME CONSTRAINT {old} TO {new}"))
op.execute(f"ALTER TABLE {table} DROP CONSTRAINT ix_tickets_code")`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown: %+v", s.UnknownSince())
				}
				tickets := mustTable(t, s, "tickets")
				if tickets.HasIndexCertainly("uq_tickets_code") || tickets.HasIndexCertainly("ix_tickets_code") {
					t.Errorf("the names of the indexes stay certain after a rename of a constraint of a table not known")
				}
				eq(t, "columns", columns(tickets), []string{"code NULL", "id NOT NULL"})
			}},
		}},
		{"an index renamed under names not known makes the names of every table's indexes doubtful", []step{
			{up: `
op.create_table("orgs", sa.Column("id", sa.Integer, primary_key=True), sa.Column("code", sa.String()))
op.create_index("ix_orgs_code", "orgs", ["code"])`},
			{up: `
for index in sa.inspect(op.get_bind()).get_indexes(table):
    op.execute(f"ALTER index {index['name']} RENAME TO {index['name'].replace(table, new_table)}")`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown: %+v", s.UnknownSince())
				}
				orgs := mustTable(t, s, "orgs")
				if orgs.HasIndexCertainly("ix_orgs_code") {
					t.Errorf("the name of an index stays certain after an index was renamed under names not known")
				}
				eq(t, "columns", columns(orgs), []string{"code NULL", "id NOT NULL"})
			}},
		}},
		{"a label not known added to an enum type makes its labels doubtful", []step{
			{up: `op.create_table("actions", sa.Column("kind", sa.Enum("read", "write", name="action_types")))`},
			{up: `op.execute(f"ALTER TYPE action_types ADD VALUE IF NOT EXISTS '{TAG}'")`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown: %+v", s.UnknownSince())
				}
				if en := s.Enum("action_types"); en == nil || !en.Uncertain {
					t.Errorf("enum action_types: %+v, want its labels doubtful", en)
				}
			}},
		}},
		{"the SQL a function of the file returns is read in its own scope; SQLite's UPDATE and text().params() write rows", []step{
			{up: `op.create_table("runs", sa.Column("id", sa.Integer, primary_key=True), sa.Column("flag", sa.Boolean))`},
			{up: `
def fill_runs(batch_size):
    return f"UPDATE runs SET flag = true WHERE id IN (SELECT id FROM runs WHERE flag IS NULL LIMIT {batch_size})"

def add_note(table):
    return f"ALTER TABLE {table} ADD COLUMN note text"

batch_size = 500
table = "elsewhere"
for query in [fill_runs]:
    while True:
        result = op.get_bind().execute(sa.text(query(batch_size)))
        if result.rowcount < batch_size:
            break
op.execute(add_note("runs"))
op.execute(f"UPDATE runs SET flag = (note IS NOT 'null') WHERE id IN (SELECT id FROM runs LIMIT {batch_size});")
op.get_bind().execute(sa.text("INSERT INTO runs (id) VALUES (:id)").params({"id": 1}))`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown: %+v", s.UnknownSince())
				}
				eq(t, "columns", columns(mustTable(t, s, "runs")), []string{"flag NULL", "id NOT NULL", "note NULL"})
			}},
		}},
		{"functions defined in upgrade() and dedented scripts cut into statements are followed", []step{
			{up: `op.create_table("items", sa.Column("id", sa.Integer, primary_key=True))`},
			{up: `
script = textwrap.dedent("""
    ALTER TABLE items ADD COLUMN note text;
    CREATE INDEX ix_items_note ON items (note);
""")
for statement in script.split(";"):
    if len(statement.strip()) == 0:
        continue
    op.execute(sa.text(statement))
table = "items"

def add_flag(name):
    op.add_column(table, sa.Column(name, sa.Boolean(), nullable=False))

def backfill(rows):
    query = sa.update(items_table).values(flag=sa.bindparam("flag"))
    connection.execute(query, rows)

add_flag("flag")
backfill([{"flag": True}])`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown: %+v", s.UnknownSince())
				}
				eq(t, "columns", columns(mustTable(t, s, "items")), []string{"flag NOT NULL", "id NOT NULL", "note NULL uncertain"}) // a continue skips some iterations
			}},
		}},
		{"the statements of partly unknown SQL that are known whole are followed", []step{
			{up: `op.create_table("tasks", sa.Column("id", sa.Integer, primary_key=True), sa.Column("state", sa.String()))`},
			{up: `op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON tasks; ALTER TABLE tasks ALTER COLUMN state TYPE integer USING 0")`,
				after: func(t *testing.T, s *State) {
					if s.Unknown {
						t.Errorf("Unknown after SQL whose only unknown part is a trigger's name: %+v", s.UnknownSince())
					}
					eq(t, "columns", columns(mustTable(t, s, "tasks")), []string{"id NOT NULL", "state NULL"})
				}},
			{up: `op.execute(f"ALTER TABLE tasks ALTER COLUMN state SET DEFAULT {DEFAULT}")`, after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("not Unknown after an unknown default of a named table's column")
				}
			}},
		}},
		{"f-strings interpolate names holding concatenated constants", []step{
			{up: `op.create_table("templates", sa.Column("kind", sa.Enum("sms", "email", name="template_type")))`},
			{up: `
name = "template_type"
tmp_name = "tmp_" + name
op.execute(f"ALTER TYPE {name} RENAME TO {tmp_name}")`, after: func(t *testing.T, s *State) {
				if s.Unknown || s.Enum("tmp_template_type") == nil || s.Enum("template_type") != nil {
					t.Errorf("unknown %v, enums %v: the rename was not followed", s.Unknown, enumNames(s))
				}
			}},
		}},
		{"op.sync_enum_values changes the labels of its enum type only; op.f() names are read in SQL", []step{
			{up: `op.create_table("users", sa.Column("id", sa.Integer, primary_key=True), sa.Column("state", sa.Enum("a", "b", name="user_state")))`},
			{up: `
op.sync_enum_values("public", "user_state", ["a", "b", "c"], [TableReference(table_schema="public", table_name="users", column_name="state")])
op.get_bind().execution_options(isolation_level="AUTOCOMMIT")
op.execute("CREATE INDEX " + op.f("ix_users_state") + " ON users (state)")`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown after sync_enum_values: %+v", s.UnknownSince())
				}
				if en := s.Enum("user_state"); en == nil || !en.Uncertain {
					t.Errorf("enum after sync_enum_values: %+v, want it known to exist and its labels doubtful", en)
				}
				if !mustTable(t, s, "users").HasIndexCertainly("ix_users_state") {
					t.Errorf("the index CREATE INDEX built around op.f() makes is not known")
				}
			}},
		}},
		{"an ALTER TABLE PostgreSQL's parser rejects changes its one table only", []step{
			{up: `
op.create_table("messages", sa.Column("id", sa.Integer, primary_key=True), sa.Column("header", sa.String(100)))
op.create_table("threads", sa.Column("id", sa.Integer, primary_key=True))
op.create_index("ix_threads_id", "threads", ["id"])`},
			{up: `
op.execute("ALTER TABLE messages CHANGE header message_header varchar(998) NOT NULL")
op.execute("OPTIMIZE TABLE threads")
op.execute("ALTER TABLE threads CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, ENGINE=InnoDB")`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown after MySQL's ALTER TABLE ... CHANGE: %+v", s.UnknownSince())
				}
				if !mustTable(t, s, "messages").Opaque || mustTable(t, s, "threads").Opaque {
					t.Errorf("opaque: messages %v, threads %v; want only messages", mustTable(t, s, "messages").Opaque, mustTable(t, s, "threads").Opaque)
				}
				if !s.MayHaveIndex("ix_messages_anything") {
					t.Errorf("an index of any name may now exist on messages")
				}
			}},
			{up: `op.execute("ALTER TABLE messages RENAME TO mails, ALGORITHM=INPLACE")`, after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("a rename the parser rejects leaves the state known")
				}
			}},
		}},
		{"a DO block that creates a role, and an index whose operator class is not known, keep the state known", []step{
			{up: `op.create_table("entities", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.Text()))`},
			{up: `
op.execute(f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{READER}') THEN
    EXECUTE format('CREATE USER %I WITH PASSWORD %L', '{READER}', '{PASSWORD}');
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '{READER}');
  END IF;
END $$;
""")
op.execute("CREATE INDEX ix_entities_name ON entities USING GIN " f"(name {SCHEMA}.gin_trgm_ops)")`, after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown after a role's creation and an index: %+v", s.UnknownSince())
				}
				if !mustTable(t, s, "entities").HasIndexCertainly("ix_entities_name") {
					t.Errorf("the index is not known")
				}
			}},
			{up: `op.execute("DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN x int', 'entities'); END $$")`, after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("EXECUTE of a schema change leaves the state known")
				}
			}},
		}},
		{"an enum type made of labels not known is made, its labels not known", []step{{
			up: `
op.execute("CREATE TYPE userrole AS ENUM (%s)" % ", ".join(labels))
op.execute(f"CREATE TYPE kinds AS ENUM ({labels})")`,
			after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Fatalf("Unknown after CREATE TYPE of labels not known: %+v", s.UnknownSince())
				}
				for _, name := range []string{"userrole", "kinds"} {
					if en := s.Enum(name); en == nil || en.Values() != nil {
						t.Errorf("enum %s: %+v, want it made with its labels not known", name, en)
					}
				}
			},
		}}},
		{"code that may change the schema makes it unknown, and says where", []step{
			{up: `op.execute("INSERT INTO perms VALUES (1); {}".format(more()))`, after: func(t *testing.T, s *State) {
				want := Blind{Path: "r1.py", Line: 14, Code: `op.execute("INSERT INTO perms VALUES (1); {}".format(more()))`,
					Why: "SQL the tool cannot read"}
				if b := s.UnknownSince(); b == nil || *b != want {
					t.Errorf("UnknownSince() = %+v, want %+v", b, want)
				}
			}},
			{up: `session.query(Item).filter(Item.id == 1).rebuild()`, after: func(t *testing.T, s *State) {
				if b := s.UnknownSince(); b == nil || b.Line != 14 || b.Path != "r1.py" {
					t.Errorf("UnknownSince() = %+v, want the first revision's", b)
				}
			}},
		}},
		{"f-string DDL that drops or retypes is unknown", []step{{
			up: `
op.execute(f"ALTER TABLE {table_of(User)} DROP COLUMN active")`,
			after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("Unknown not set by f-string DDL")
				}
			},
		}}},
		{"f-string DDL that adds to a table not named is followed as op calls on it", []step{{
			up: `
op.create_table("users", sa.Column("id", sa.Integer, primary_key=True))
op.create_table("posts", sa.Column("id", sa.Integer, primary_key=True), sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", name="posts_user_id_fkey")))
op.execute(f"ALTER TABLE {table_of(User)} ADD COLUMN active boolean, ALTER COLUMN id SET DEFAULT 0")
op.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{table}_pkey"')`,
			after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Errorf("Unknown set by ALTER TABLE subcommands that add columns, set defaults or drop constraints")
				}
				if !s.MayHaveUnseenColumns("users") {
					t.Errorf("an added column of a table not named is not taken as possibly any table's")
				}
				if s.ChangedUnseenTables() {
					t.Errorf("a table not named is taken as one made outside the history")
				}
				if !s.Table("posts").FKsDoubtful {
					t.Errorf("a constraint dropped from a table not named leaves the foreign keys trusted")
				}
			},
		}}},
		{"f-string DML and constructs change no schema", []step{{
			up: `
op.execute(f"UPDATE {table_of(User)} SET active = true WHERE id = {user.id}")
op.execute(sa.text(f"INSERT INTO audit (note) VALUES ('{note}')").bindparams(x=1))
reset = sa.update(users).values(active=False)
op.execute(reset)
op.execute(CreateSequence(Sequence("order_number_seq")))
op.execute(sa.schema.CreateSchema("archive"))
op.execute(f"DROP FUNCTION IF EXISTS {fn}")`,
			after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Errorf("Unknown set by row statements, a sequence, a schema or a function")
				}
			},
		}}},
		{"a SELECT of PostGIS's AddGeometryColumn may change anything", []step{{
			up: `
op.execute(f"SELECT AddGeometryColumn('{schema}', 'area', 'shape', 4326, 'POLYGON', 2)")`,
			after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("Unknown not set by SELECT AddGeometryColumn(...)")
				}
			},
		}}},
		{"f-string dropping with CASCADE is unknown", []step{{
			up: `
op.execute(f"DROP EXTENSION {extension} CASCADE")`,
			after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("Unknown not set by DROP ... CASCADE")
				}
			},
		}}},
		{"a view of a name not known changes no table, but any relation may be it", []step{{
			up: `
op.create_table("users", sa.Column("id", sa.Integer, primary_key=True))
op.execute(f"CREATE VIEW {name} AS SELECT * FROM users")`,
			after: func(t *testing.T, s *State) {
				if s.Unknown || s.Table("users") == nil {
					t.Errorf("a view of an unknown name: Unknown %v (%+v), users %+v", s.Unknown, s.UnknownSince(), s.Table("users"))
				}
				if !s.MayBeView("active_users") {
					t.Errorf("MayBeView(active_users) %v, want true", s.MayBeView("active_users"))
				}
			},
		}, {
			up: `op.execute(f"DROP VIEW {name} CASCADE")`,
			after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("a view of a name not known dropped with CASCADE: not Unknown, though it takes along what depends on it")
				}
			},
		}}},
		{"session SQL changes no schema", []step{{
			up: `op.execute("SET lock_timeout = '5s'; GRANT SELECT ON users TO reporting")`,
			after: func(t *testing.T, s *State) {
				if s.Unknown {
					t.Errorf("Unknown set by SET/GRANT")
				}
			},
		}}},
		{"SQL we cannot see into is unknown", []step{{
			up: `op.execute("DO $$ BEGIN EXECUTE 'DROP TABLE users'; END $$")`,
			after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("Unknown not set by unclassified SQL")
				}
			},
		}}},
		{"an opaque call is unknown", []step{{
			up:     `migrate_data(op)`,
			module: `from app.migrations import migrate_data`,
			after: func(t *testing.T, s *State) {
				if !s.Unknown {
					t.Errorf("Unknown not set by an unknown call")
				}
			},
		}}},
		{"raw SQL tables are opaque", []step{
			{up: `
op.execute("CREATE TABLE audit_log (id serial PRIMARY KEY, body text)")
op.execute("CREATE TABLE doomed (id int)")`,
				after: func(t *testing.T, s *State) {
					tb := mustTable(t, s, "audit_log")
					if !tb.Opaque || tb.CreatedBy != "r1" || tb.Columns.Len() != 0 {
						t.Errorf("raw SQL table: %+v", tb)
					}
				}},
			{up: `op.execute("DROP TABLE doomed")`, after: func(t *testing.T, s *State) {
				eq(t, "tables", tableNames(s), []string{"audit_log"})
			}},
			{up: `
op.create_table("orders", sa.Column("status", sa.Enum("new", "paid", name="order_status")))`},
			{up: `
op.execute("ALTER TABLE orders ADD COLUMN note text NOT NULL DEFAULT ''")
op.execute("ALTER TABLE orders RENAME COLUMN status TO state")
op.execute("ALTER TYPE order_status RENAME VALUE 'paid' TO 'settled'")`,
				after: func(t *testing.T, s *State) {
					tb := mustTable(t, s, "orders")
					if note := tb.Column("note"); tb.Opaque || note == nil || note.Nullable || !note.Known {
						t.Errorf("ALTER TABLE ... ADD COLUMN in SQL: %+v, note %+v", tb, note)
					}
					if st := tb.Column("state"); st == nil || st.Enum != "order_status" || tb.Column("status") != nil {
						t.Errorf("RENAME COLUMN in SQL: state %+v", st)
					}
					if e := s.Enum("order_status"); e == nil || !e.Uncertain {
						t.Errorf("ALTER TYPE ... RENAME VALUE keeps the type certain: %+v", e)
					}
					if s.Unknown {
						t.Errorf("classified SQL set Unknown")
					}
				}},
			{up: `op.create_table("notes", sa.Column("body", sa.Text()))`},
			{up: `
if op.get_context().dialect.name == "postgresql":
    op.execute("ALTER TABLE notes ALTER COLUMN body TYPE varchar(10)")`, after: func(t *testing.T, s *State) {
				notes := mustTable(t, s, "notes")
				if !notes.Opaque {
					t.Errorf("ALTER TABLE in SQL that may not run does not make the table opaque")
				}
				if body := notes.Column("body"); body == nil || body.Uncertain {
					t.Errorf("a type change that may not run makes the column itself uncertain: %+v", body)
				}
			}},
			{up: `op.execute("ALTER TABLE orders CLUSTER ON ix_orders")`, after: func(t *testing.T, s *State) {
				if !mustTable(t, s, "orders").Opaque {
					t.Errorf("an ALTER TABLE action not followed does not make the table opaque")
				}
			}},
		}},
		{"conditional operations are uncertain", []step{{
			up: `
if op.get_context().dialect.name == "postgresql":
    op.create_table("pg_only", sa.Column("id", sa.Integer(), nullable=False))
    sa.Enum("x", name="pg_kind").create(op.get_bind())
op.create_table("always", sa.Column("id", sa.Integer(), nullable=False))
try:
    op.add_column("always", sa.Column("maybe", sa.Integer()))
except Exception:
    pass`,
			after: func(t *testing.T, s *State) {
				pg := mustTable(t, s, "pg_only")
				if !pg.Uncertain {
					t.Errorf("conditional create_table is not Uncertain")
				}
				eq(t, "pg_only columns", columns(pg), []string{"id NOT NULL uncertain"})
				if e := s.Enum("pg_kind"); e == nil || !e.Uncertain {
					t.Errorf("conditional enum create: %+v", e)
				}
				always := mustTable(t, s, "always")
				if always.Uncertain {
					t.Errorf("unconditional create_table is Uncertain")
				}
				eq(t, "always columns", columns(always), []string{"id NOT NULL", "maybe NULL uncertain"})
			},
		}}},
		{"after a guard operations are certain, unless it tests the dialect", []step{{
			up: `
if skip_for_legacy(op):
    return
op.create_table("guarded", sa.Column("id", sa.Integer(), nullable=False))
for name in ("a", "b"):
    op.add_column("guarded", sa.Column(name, sa.Integer()))
if op.get_bind().dialect.name == "sqlite":
    return
op.create_table("not_sqlite", sa.Column("id", sa.Integer(), nullable=False))`,
			after: func(t *testing.T, s *State) {
				if tb := mustTable(t, s, "guarded"); tb.Uncertain {
					t.Errorf("create_table after a guard is Uncertain")
				}
				eq(t, "guarded columns", columns(mustTable(t, s, "guarded")), []string{"a NULL", "b NULL", "id NOT NULL"})
				// the replay serves every dialect
				if tb := mustTable(t, s, "not_sqlite"); !tb.Uncertain {
					t.Errorf("create_table that skips SQLite is certain")
				}
			},
		}}},
		{"batch_alter_table ops apply to the batch table", []step{
			{up: `
op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table(
    "accounts",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("name", sa.String(50)),
    sa.Column("legacy", sa.Integer(), sa.ForeignKey("users.id")),
    sa.Column("owner_id", sa.Integer()),
)`},
			{up: `
with op.batch_alter_table("accounts", schema=None) as batch_op:
    batch_op.add_column(sa.Column("plan", sa.String(20), nullable=False, server_default="free"))
    batch_op.alter_column("name", nullable=False, new_column_name="display_name")
    batch_op.drop_column("legacy")
    batch_op.create_foreign_key("fk_accounts_owner", "users", ["owner_id"], ["id"])`,
				after: func(t *testing.T, s *State) {
					tb := mustTable(t, s, "accounts")
					eq(t, "columns", columns(tb), []string{"display_name NOT NULL", "id NOT NULL", "owner_id NULL", "plan NOT NULL"})
					eq(t, "fks", fks(tb), []string{"fk_accounts_owner(owner_id)->users"})
					eq(t, "users columns", columns(mustTable(t, s, "users")), []string{"id NOT NULL"})
					eq(t, "tables", tableNames(s), []string{"accounts", "users"})
				},
			},
			{up: `
with op.batch_alter_table("accounts") as b:
    b.drop_constraint("fk_accounts_owner", type_="foreignkey")`,
				after: func(t *testing.T, s *State) {
					eq(t, "fks", fks(mustTable(t, s, "accounts")), nil)
				},
			},
		}},
		{"schema-qualified tables are keyed schema.table", []step{
			{up: `op.create_table("events", sa.Column("id", sa.Integer()), schema="audit")`, after: func(t *testing.T, s *State) {
				eq(t, "tables", tableNames(s), []string{"audit.events"})
				mustTable(t, s, "audit.events")
			}},
			{up: `op.add_column("events", sa.Column("body", sa.Text()), schema="audit")`, after: func(t *testing.T, s *State) {
				eq(t, "columns", columns(mustTable(t, s, "audit.events")), []string{"body NULL", "id NULL"})
			}},
			{up: `
op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True), schema="audit")
op.add_column("events", sa.Column("user_id", sa.Integer(), sa.ForeignKey("audit.users.id")), schema="audit")
op.add_column("events", sa.Column("actor_id", sa.Integer()), schema="audit")
op.create_foreign_key(None, "events", "users", ["actor_id"], ["id"], source_schema="audit", referent_schema="audit")`,
				after: func(t *testing.T, s *State) {
					// PostgreSQL names an unnamed key after the bare table, never the schema
					eq(t, "fks", fks(mustTable(t, s, "audit.events")), []string{"events_user_id_fkey(user_id)->users", "events_actor_id_fkey(actor_id)->users"})
				}},
			{up: `op.drop_constraint("events_user_id_fkey", "events", schema="audit", type_="foreignkey")`, after: func(t *testing.T, s *State) {
				eq(t, "fks", fks(mustTable(t, s, "audit.events")), []string{"events_actor_id_fkey(actor_id)->users"})
			}},
			{up: `op.drop_table("events", schema="audit")`, after: func(t *testing.T, s *State) {
				eq(t, "tables", tableNames(s), []string{"audit.users"})
			}},
		}},
		{"ops on unknown tables change nothing", []step{{
			up: `
op.add_column("ghost", sa.Column("x", sa.Integer()))
op.alter_column("ghost", "x", nullable=False)
op.drop_column("ghost", "x")
op.create_foreign_key("fk", "ghost", "other", ["x"], ["id"])
op.drop_constraint("fk", "ghost")
op.rename_table("ghost", "phantom")
op.drop_table("ghost")`,
			after: func(t *testing.T, s *State) {
				eq(t, "tables", tableNames(s), nil)
				if s.Unknown {
					t.Errorf("Unknown set by ops on missing tables")
				}
			},
		}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewState()
			for i, st := range tc.steps {
				applyUpgrade(t, s, fmt.Sprintf("r%d", i+1), st)
				if st.after != nil {
					st.after(t, s)
				}
			}
		})
	}
}

// TestLayer: ops applied to a layer leave the state below it untouched, and
// the layer sees both.
func TestLayer(t *testing.T) {
	base := NewState()
	applyUpgrade(t, base, "r1", step{up: authorsBooks + `
op.create_table("orders", sa.Column("status", sa.Enum("new", "paid", name="order_status")))
op.create_table("old_stuff", sa.Column("id", sa.Integer()))
op.create_table("reviews", sa.Column("book_id", sa.Integer(), sa.ForeignKey("books.id")))`})
	snapshot := func(s *State) string {
		var b strings.Builder
		for _, name := range tableNames(s) {
			tb := s.Table(name)
			fmt.Fprintf(&b, "%s %v %v\n", name, columns(tb), fks(tb))
		}
		for _, e := range s.Enums() {
			fmt.Fprintf(&b, "enum %s %v\n", e.Name, e.Values())
		}
		fmt.Fprintf(&b, "unknown=%v\n", s.Unknown)
		return b.String()
	}
	before := snapshot(base)

	layer := base.Layer()
	applyUpgrade(t, layer, "r2", step{up: `
op.add_column("authors", sa.Column("name", sa.String(), nullable=False))
op.alter_column("books", "author_id", nullable=True)
op.drop_constraint("books_author_id_fkey", "books", type_="foreignkey")
op.drop_table("old_stuff")
op.alter_column("reviews", "book_id", new_column_name="item_id")
op.rename_table("orders", "purchases")
op.create_table("tags", sa.Column("kind", sa.Enum("a", name="tag_kind")))
op.execute("ALTER TYPE order_status ADD VALUE 'void'")
op.execute(f"{dynamic}")`})

	if got := snapshot(base); got != before {
		t.Errorf("the base changed:\nbefore\n%s\nafter\n%s", before, got)
	}
	eq(t, "layer tables", tableNames(layer), []string{"authors", "books", "purchases", "reviews", "tags"})
	eq(t, "layer review fks", fks(mustTable(t, layer, "reviews")), []string{"reviews_book_id_fkey(item_id)->books"})
	eq(t, "layer authors", columns(mustTable(t, layer, "authors")), []string{"id NOT NULL", "name NOT NULL"})
	eq(t, "layer books", columns(mustTable(t, layer, "books")), []string{"author_id NULL", "id NOT NULL"})
	eq(t, "layer book fks", fks(mustTable(t, layer, "books")), nil)
	wantEnum(t, layer, "order_status", []string{"new", "paid", "void"}, "r1")
	wantEnum(t, layer, "tag_kind", []string{"a"}, "r2")
	if !layer.Unknown {
		t.Errorf("layer not Unknown")
	}
	eq(t, "base tables", tableNames(base), []string{"authors", "books", "old_stuff", "orders", "reviews"})
	eq(t, "base review fks", fks(mustTable(t, base, "reviews")), []string{"reviews_book_id_fkey(book_id)->books"})
	wantEnum(t, base, "order_status", []string{"new", "paid"}, "r1")
	noEnum(t, base, "tag_kind")

	// a layer on a layer, then flattened: dropped names stay dropped
	top := layer.Layer()
	applyUpgrade(t, top, "r3", step{up: `op.drop_table("tags")`})
	flat := top.Clone()
	eq(t, "clone tables", tableNames(flat), []string{"authors", "books", "purchases", "reviews"})
	applyUpgrade(t, flat, "r4", step{up: `op.drop_table("authors")`})
	eq(t, "top after changing the clone", tableNames(top), []string{"authors", "books", "purchases", "reviews"})
	eq(t, "layer after all", tableNames(layer), []string{"authors", "books", "purchases", "reviews", "tags"})
	if got := snapshot(base); got != before {
		t.Errorf("the base changed through a second layer")
	}
}

// TestNamingConvention: with the project's naming convention, foreign keys
// have its names (created unnamed, inline, or named through
// %(constraint_name)s); op.f() names are final; a custom token makes names
// unknown.
func TestNamingConvention(t *testing.T) {
	conv := &naming.Convention{Templates: map[string]string{
		"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
	}}
	s := NewState().WithNames(naming.Namer{Convention: conv, Dialect: "postgresql"})
	applyUpgrade(t, s, "r1", step{up: `
op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table("books", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id")),
    sa.Column("editor_id", sa.Integer()), sa.Column("owner_id", sa.Integer()),
    sa.ForeignKeyConstraint(["owner_id"], ["authors.id"], name=op.f("books_owner_fk")))
op.create_foreign_key(None, "books", "authors", ["editor_id"], ["id"])`})
	eq(t, "fks", fks(mustTable(t, s, "books")), []string{"fk_books_author_id_authors(author_id)->authors",
		"books_owner_fk(owner_id)->authors", "fk_books_editor_id_authors(editor_id)->authors"})
	applyUpgrade(t, s, "r2", step{up: `op.drop_constraint("fk_books_editor_id_authors", "books", type_="foreignkey")`})
	eq(t, "fks after the drop", fks(mustTable(t, s, "books")), []string{"fk_books_author_id_authors(author_id)->authors", "books_owner_fk(owner_id)->authors"})

	custom := &naming.Convention{Templates: map[string]string{"fk": "fk_%(table_name)s_%(cols)s"}, Custom: []string{"cols"}}
	s = NewState().WithNames(naming.Namer{Convention: custom, Dialect: "postgresql"})
	applyUpgrade(t, s, "r1", step{up: `
op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
op.create_table("books", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id")))`})
	eq(t, "fks with a custom token", fks(mustTable(t, s, "books")), []string{"(author_id)->authors"})
}

// TestPartitions: dropping a partitioned table drops its partitions.
func TestPartitions(t *testing.T) {
	s := NewState()
	applyUpgrade(t, s, "r1", step{up: `
op.create_table("prefs", sa.Column("id", sa.Integer()), sa.Column("latest", sa.Boolean()), postgresql_partition_by="LIST (latest)")
op.execute("CREATE TABLE prefs_current PARTITION OF prefs FOR VALUES IN (true)")
op.execute("CREATE TABLE other (id int)")`})
	eq(t, "tables", tableNames(s), []string{"other", "prefs", "prefs_current"})
	applyUpgrade(t, s, "r2", step{up: `op.drop_table("prefs")`})
	eq(t, "tables after dropping the parent", tableNames(s), []string{"other"})
}

// TestDropSchemaCascade: the tables of a schema dropped with CASCADE go with it.
func TestDropSchemaCascade(t *testing.T) {
	s := NewState()
	applyUpgrade(t, s, "r1", step{up: `
op.execute("CREATE SCHEMA notif")
op.create_table("messages", sa.Column("id", sa.Integer()), schema="notif")
op.create_table("messages", sa.Column("id", sa.Integer()))
op.execute("CREATE SCHEMA audit")
op.create_table("log", sa.Column("id", sa.Integer()), schema="audit")`})
	eq(t, "tables", tableNames(s), []string{"audit.log", "messages", "notif.messages"})
	applyUpgrade(t, s, "r2", step{up: `op.execute("DROP SCHEMA notif CASCADE; DROP SCHEMA audit")`})
	eq(t, "tables after DROP SCHEMA notif CASCADE", tableNames(s), []string{"audit.log", "messages"})
}

// TestSiblingLayers: two layers on one state change the same table in
// different ways; each sees only its own changes, with its own indexes, and
// EnumUsersChanged names the enum types whose users moved.
func TestSiblingLayers(t *testing.T) {
	base := NewState()
	applyUpgrade(t, base, "r1", step{up: authorsBooks + `
op.add_column("books", sa.Column("kind", sa.Enum("a", "b", name="book_kind")))`})
	a, b := base.Layer(), base.Layer()
	applyUpgrade(t, a, "r2", step{up: `
op.add_column("books", sa.Column("editor_id", sa.Integer(), sa.ForeignKey("authors.id")))
op.add_column("books", sa.Column("kind2", sa.Enum("a", "b", name="book_kind")))`})
	applyUpgrade(t, b, "r3", step{up: `
op.drop_column("books", "author_id")
op.drop_column("books", "kind")`})
	eq(t, "base fks", fks(mustTable(t, base, "books")), []string{"books_author_id_fkey(author_id)->authors"})
	eq(t, "a fks", fks(mustTable(t, a, "books")), []string{"books_author_id_fkey(author_id)->authors", "books_editor_id_fkey(editor_id)->authors"})
	eq(t, "b fks", fks(mustTable(t, b, "books")), nil)
	eq(t, "base referenced", base.ReferencedBy("authors"), []string{"books"})
	eq(t, "b referenced", b.ReferencedBy("authors"), nil)
	eq(t, "base users", base.EnumUsers("book_kind"), []string{"books.kind"})
	eq(t, "a users", a.EnumUsers("book_kind"), []string{"books.kind", "books.kind2"})
	eq(t, "b users", b.EnumUsers("book_kind"), nil)
	eq(t, "changed base to b", base.EnumUsersChanged(b), []string{"book_kind"})
	eq(t, "changed base to base", base.EnumUsersChanged(base.Layer()), nil)
	tables, _ := b.Changed()
	eq(t, "b changed", tables, []string{"books"})
}
