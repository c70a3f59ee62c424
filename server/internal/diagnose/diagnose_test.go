package diagnose

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// The error texts below are copied from research/alembic-on-postgres.md (real
// alembic 1.8 / SQLAlchemy 1.4 / psycopg2 / PostgreSQL 15 runs) and, for the
// connection errors, from real runs against a closed port, a missing database
// and a wrong password.
var cases = []struct {
	name   string
	output string
	rules  []string
	cause  []string // substrings of the cause
	fix    []string // substrings of the fix
}{
	{
		name: "type already exists",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type "status_type" already exists
[SQL: CREATE TYPE status_type AS ENUM ('pending', 'shipped', 'cancelled')]`,
		rules: []string{"enum-type-not-dropped", "enum-type-recreated"},
		cause: []string{"status_type", "left the type behind"},
		fix:   []string{`sa.Enum(name="status_type").drop(op.get_bind(), checkfirst=True)`, "create_type=False"},
	},
	{
		name: "type does not exist",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedObject) type "status_type" does not exist
[SQL: ALTER TABLE orders ADD COLUMN status status_type]`,
		rules: []string{"enum-type-not-created"},
		cause: []string{"status_type", "never emit CREATE TYPE"},
		fix:   []string{"status_type.create(op.get_bind(), checkfirst=True)"},
	},
	{
		name: "column contains null values (alter)",
		output: `sqlalchemy.exc.IntegrityError: (psycopg2.errors.NotNullViolation) column "email" of relation "users" contains null values
[SQL: ALTER TABLE users ALTER COLUMN email SET NOT NULL]`,
		rules: []string{"not-null-without-backfill"},
		cause: []string{"email", "users"},
		fix:   []string{"UPDATE users SET email = ... WHERE email IS NULL"},
	},
	{
		name: "column contains null values (add)",
		output: `sqlalchemy.exc.IntegrityError: (psycopg2.errors.NotNullViolation) column "age" of relation "users" contains null values
[SQL: ALTER TABLE users ADD COLUMN age INTEGER NOT NULL]`,
		rules: []string{"add-required-column"},
		cause: []string{"NOT NULL column age", "users"},
		fix:   []string{"server_default"},
	},
	{
		name: "cannot drop table, other objects depend on it",
		output: `sqlalchemy.exc.InternalError: (psycopg2.errors.DependentObjectsStillExist) cannot drop table authors because other objects depend on it
DETAIL:  constraint books_author_id_fkey on table books depends on table authors
[SQL: DROP TABLE authors]`,
		rules: []string{"fk-operation-order"},
		cause: []string{"DROP TABLE authors", "books_author_id_fkey"},
		fix:   []string{"`books`", "before authors"},
	},
	{
		name: "relation does not exist when creating the child first",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable) relation "authors" does not exist
[SQL: CREATE TABLE books (id SERIAL NOT NULL, author_id INTEGER, PRIMARY KEY (id), FOREIGN KEY(author_id) REFERENCES authors (id))]`,
		rules: []string{"fk-operation-order"},
		cause: []string{"authors"},
		fix:   []string{"referenced table first"},
	},
	{
		name:   "cannot emit DROP CONSTRAINT",
		output: `sqlalchemy.exc.CompileError: Can't emit DROP CONSTRAINT for constraint ForeignKeyConstraint(<...>, None, table=Table('child', MetaData(), schema=None)); it has no name`,
		rules:  []string{"unnamed-constraint"},
		cause:  []string{"drop_constraint(None"},
		fix:    []string{"_fkey", "naming_convention"},
	},
	{
		name: "CREATE INDEX CONCURRENTLY in a transaction",
		output: `sqlalchemy.exc.InternalError: (psycopg2.errors.ActiveSqlTransaction) CREATE INDEX CONCURRENTLY cannot run inside a transaction block
[SQL: CREATE INDEX CONCURRENTLY ix_events_kind ON events (kind)]`,
		rules: []string{"concurrently-in-transaction"},
		cause: []string{"CREATE INDEX CONCURRENTLY"},
		fix:   []string{"autocommit_block()"},
	},
	{
		name: "DROP INDEX CONCURRENTLY in a transaction",
		output: `sqlalchemy.exc.InternalError: (psycopg2.errors.ActiveSqlTransaction) DROP INDEX CONCURRENTLY cannot run inside a transaction block
[SQL: DROP INDEX CONCURRENTLY ix_events_kind]`,
		rules: []string{"concurrently-in-transaction"},
		cause: []string{"DROP INDEX CONCURRENTLY"},
		fix:   []string{"autocommit_block()", "downgrade()"},
	},
	{
		name:   "isolation level switched inside the transaction",
		output: `sqlalchemy.exc.InvalidRequestError: This connection has already initialized a SQLAlchemy Transaction() object via begin() or autobegin; isolation_level may not be altered unless rollback() or commit() is called first.`,
		rules:  []string{"isolation-level-in-transaction"},
		cause:  []string{"execution_options(isolation_level=", "SQLAlchemy 2.x refuses"},
		fix:    []string{"autocommit_block()"},
	},
	{
		name: "unsafe use of new enum value",
		output: `sqlalchemy.exc.OperationalError: (psycopg2.errors.UnsafeNewEnumValueUsage) unsafe use of new value "cancelled" of enum type status_type
HINT:  New enum values must be committed before they can be used.`,
		rules: []string{"enum-value-in-transaction"},
		cause: []string{`"cancelled"`, "status_type", "commits"},
		fix:   []string{"autocommit_block()", "ADD VALUE IF NOT EXISTS"},
	},
	{
		name:   "invalid input value for enum",
		output: `ERROR: invalid input value for enum status_type: "cancelled"`,
		rules:  []string{"enum-value-removed"},
		cause:  []string{`"cancelled"`, "status_type", "does not detect"},
		fix:    []string{`ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'`},
	},
	{
		name:   "enum label already exists",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) enum label "cancelled" already exists`,
		rules:  []string{"enum-value-not-reverted"},
		cause:  []string{"cancelled"},
		fix:    []string{"IF NOT EXISTS"},
	},
	{
		name:   "multiple heads",
		output: `FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads`,
		rules:  []string{"multiple-heads"},
		cause:  []string{"more than one head"},
		fix:    []string{"alembic merge heads"},
	},
	{
		name:   "multiple heads on revision",
		output: `FAILED: Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.`,
		rules:  []string{"multiple-heads"},
		fix:    []string{"--head"},
	},
	{
		name:   "can't locate revision",
		output: `FAILED: Can't locate revision identified by 'ae1027a6acf'`,
		rules:  []string{"missing-down-revision"},
		cause:  []string{"ae1027a6acf", "alembic_version"},
		fix:    []string{"alembic stamp"},
	},
	{
		name:   "target database is not up to date",
		output: `FAILED: Target database is not up to date.`,
		rules:  []string{},
		cause:  []string{"not at the head"},
		fix:    []string{"alembic upgrade head"},
	},
	{
		name: "duplicate column",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateColumn) column "note" of relation "events" already exists
[SQL: ALTER TABLE events ADD COLUMN note VARCHAR]`,
		rules: []string{"downgrade-incomplete", "concurrently-in-transaction"},
		cause: []string{"note", "autocommit_block"},
		fix:   []string{"alembic stamp"},
	},
	{
		name: "relation already exists",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateTable) relation "orders" already exists
[SQL: CREATE TABLE orders (id SERIAL NOT NULL, PRIMARY KEY (id))]`,
		rules: []string{"downgrade-incomplete", "object-already-exists"},
		cause: []string{"orders", "the migrations create it twice"},
		fix:   []string{"drop what the upgrade creates"},
	},
	{
		name: "column does not exist",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedColumn) column "last_seen" of relation "users" does not exist
[SQL: ALTER TABLE users DROP COLUMN last_seen]`,
		rules: []string{"missing-column"},
		cause: []string{"last_seen", "another table"},
		fix:   []string{"new_column_name"},
	},
	{
		name: "column of a foreign key does not exist",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedColumn) column "teams_id" referenced in foreign key constraint does not exist
[SQL: ALTER TABLE customers ADD CONSTRAINT fk_customers_team_id FOREIGN KEY(teams_id) REFERENCES teams (id)]`,
		rules: []string{"missing-column"},
		cause: []string{"teams_id", "renamed"},
		fix:   []string{"new_column_name"},
	},
	{
		name: "column of a unique key does not exist",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedColumn) column "code" named in key does not exist
[SQL: ALTER TABLE plans ADD CONSTRAINT uq_plans_code UNIQUE (code)]`,
		rules: []string{"missing-column"},
		cause: []string{"code"},
	},
	{
		name: "column of a key does not exist on MySQL",
		output: `sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1072, "Key column 'plan_id' doesn't exist in table")
[SQL: CREATE INDEX ix_subscriptions_plan ON subscriptions (plan_id)]`,
		rules: []string{"missing-column"},
		cause: []string{"plan_id"},
	},
	{
		name: "table does not exist",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable) table "action_history" does not exist
[SQL: DROP TABLE action_history]`,
		rules: []string{"missing-table", "table-used-after-drop"},
		cause: []string{"action_history", "a typo"},
		fix:   []string{"under its name"},
	},
	{
		name: "relation does not exist",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedTable) relation "orders" does not exist
[SQL: DROP TABLE orders]`,
		rules: []string{"table-used-after-drop"},
		cause: []string{"orders"},
		fix:   []string{"created before it is used"},
	},
	{
		name: "type dropped while a column uses it",
		output: `sqlalchemy.exc.InternalError: (psycopg2.errors.DependentObjectsStillExist) cannot drop type order_state because other objects depend on it
DETAIL:  column state of table order_history depends on type order_state
HINT:  Use DROP ... CASCADE to drop the dependent objects too.
[SQL: DROP TYPE order_state]`,
		rules: []string{"enum-type-dropped-while-used"},
		cause: []string{"order_state", "still uses the type"},
		fix:   []string{"after the last table or column that uses it"},
	},
	{
		name: "index does not exist after its table was dropped",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedObject) index "projects_name_hash" does not exist
[SQL: DROP INDEX projects_name_hash]`,
		rules: []string{"table-used-after-drop", "missing-index"},
		cause: []string{"projects_name_hash", "dropped its table", "another name"},
		fix:   []string{"before its table", "drop_constraint"},
	},
	{
		name: "cannot be cast automatically",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DatatypeMismatch) column "tags" cannot be cast automatically to type integer[]
HINT:  You might need to specify "USING tags::integer[]".
[SQL: ALTER TABLE posts ALTER COLUMN tags TYPE INTEGER[]]`,
		rules: []string{"type-change-without-using"},
		cause: []string{"tags", "integer[]"},
		fix:   []string{`postgresql_using="tags::integer[]"`},
	},
	{
		name: "default cannot be cast automatically",
		output: `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DatatypeMismatch) default for column "state" cannot be cast automatically to type integer
[SQL: ALTER TABLE hosts ALTER COLUMN state TYPE INTEGER USING state::integer]`,
		rules: []string{"type-change-without-using"},
		cause: []string{"server default", "whatever USING says"},
		fix:   []string{`op.alter_column(<table>, "state", server_default=None)`},
	},
	{
		name: "value too long",
		output: `sqlalchemy.exc.DataError: (psycopg2.errors.StringDataRightTruncation) value too long for type character varying(50)
[SQL: ALTER TABLE posts ALTER COLUMN tags TYPE VARCHAR(50)[]]`,
		rules: []string{"type-change-without-using"},
		cause: []string{"narrowed to VARCHAR(50)"},
		fix:   []string{"silently truncating"},
	},
	{
		name: "connection refused",
		output: `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "127.0.0.1", port 1 failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?

(Background on this error at: https://sqlalche.me/e/14/e3q8)`,
		rules: []string{},
		cause: []string{"could not reach the database"},
		fix:   []string{"Start the database", "DATABASE_URL"},
	},
	{
		name:   "could not connect (older libpq)",
		output: "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect to server: Connection refused\n\tIs the server running on host \"localhost\" (127.0.0.1) and accepting\n\tTCP/IP connections on port 5432?",
		rules:  []string{},
		cause:  []string{"could not reach the database"},
	},
	{
		name:   "database does not exist",
		output: `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "127.0.0.1", port 5432 failed: FATAL:  database "nonexistentdb" does not exist`,
		rules:  []string{},
		cause:  []string{"no database nonexistentdb"},
		fix:    []string{"createdb nonexistentdb"},
	},
	{
		name:   "password authentication failed",
		output: `connection to server at "127.0.0.1", port 5432 failed: FATAL:  password authentication failed for user "postgres"`,
		rules:  []string{},
		cause:  []string{"refused the credentials"},
	},
	{
		name:   "invalid keyword argument",
		output: `TypeError: alter_column() got an unexpected keyword argument 'type'`,
		rules:  []string{"invalid-op-argument"},
		fix:    []string{"type_="},
	},
}

func TestDiagnoseKnownErrors(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Diagnose(c.output)
			if len(got) != 1 {
				t.Fatalf("got %d diagnoses, want 1: %+v", len(got), got)
			}
			d := got[0]
			if !d.Known {
				t.Fatalf("not recognised: %+v", d)
			}
			if !strings.Contains(c.output, d.Error) || d.Error == "" {
				t.Errorf("Error %q is not a line of the output", d.Error)
			}
			if !slices.Equal(d.Rules, c.rules) {
				t.Errorf("rules = %q, want %q", d.Rules, c.rules)
			}
			for _, s := range c.cause {
				if !strings.Contains(d.Cause, s) {
					t.Errorf("cause %q does not mention %q", d.Cause, s)
				}
			}
			for _, s := range c.fix {
				if !strings.Contains(d.Fix, s) {
					t.Errorf("fix %q does not mention %q", d.Fix, s)
				}
			}
		})
	}
}

// A real traceback prints the psycopg2 error, then the same error wrapped by
// SQLAlchemy with its statement: one diagnosis, quoting the SQLAlchemy line.
func TestDiagnoseTraceback(t *testing.T) {
	out := `INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade 0001 -> 0002, add orders
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/sqlalchemy/engine/base.py", line 1900, in _execute_context
    self.dialect.do_execute(
psycopg2.errors.DuplicateObject: type "status_type" already exists


The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/usr/bin/alembic", line 33, in <module>
    sys.exit(load_entry_point('alembic==1.8.1', 'console_scripts', 'alembic')())
sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type "status_type" already exists
[SQL: CREATE TYPE status_type AS ENUM ('pending', 'shipped', 'cancelled')]
(Background on this error at: https://sqlalche.me/e/14/f405)
`
	got := Diagnose(out)
	if len(got) != 1 {
		t.Fatalf("got %d diagnoses: %+v", len(got), got)
	}
	if !strings.HasPrefix(got[0].Error, "sqlalchemy.exc.ProgrammingError") {
		t.Errorf("Error = %q, want the SQLAlchemy line", got[0].Error)
	}
	if rev, dir := Running(out); rev != "0002" || dir != "upgrade" {
		t.Errorf("Running = %q %q, want 0002 upgrade", rev, dir)
	}
}

func TestDiagnoseSeveralErrors(t *testing.T) {
	out := "FAILED: Target database is not up to date.\n" +
		`sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedObject) type "status_type" does not exist` + "\n"
	got := Diagnose(out)
	if len(got) != 2 || len(got[0].Rules) != 0 || !slices.Equal(got[1].Rules, []string{"enum-type-not-created"}) {
		t.Fatalf("got %+v", got)
	}
}

func TestDiagnoseUnknown(t *testing.T) {
	out := "INFO  [alembic.runtime.migration] Running upgrade  -> 0001, init\nKeyError: 'frobnicate'\n"
	got := Diagnose(out)
	if len(got) != 1 || got[0].Known {
		t.Fatalf("got %+v", got)
	}
	if got[0].Error != "KeyError: 'frobnicate'" || !strings.Contains(got[0].Cause, "does not recognise") || got[0].Rules == nil {
		t.Errorf("got %+v", got[0])
	}
	if rev, dir := Running(out); rev != "0001" || dir != "upgrade" {
		t.Errorf("Running = %q %q", rev, dir)
	}
	empty := Diagnose("  \n")
	if len(empty) != 1 || empty[0].Known || !strings.Contains(empty[0].Cause, "No error text") {
		t.Errorf("empty: %+v", empty)
	}
	// JSON: rules is [] (not null) so consumers can iterate.
	b, _ := json.Marshal(empty[0])
	if !strings.Contains(string(b), `"rules":[]`) {
		t.Errorf("json: %s", b)
	}
}

func TestRunningDowngrade(t *testing.T) {
	out := "INFO  [alembic.runtime.migration] Running downgrade 0002 -> 0001, add orders\nboom"
	if rev, dir := Running(out); rev != "0002" || dir != "downgrade" {
		t.Errorf("Running = %q %q", rev, dir)
	}
	out = "INFO  [alembic.runtime.migration] Running downgrade 0001 -> , init\n"
	if rev, dir := Running(out); rev != "0001" || dir != "downgrade" {
		t.Errorf("Running = %q %q", rev, dir)
	}
	if rev, _ := Running("nothing"); rev != "" {
		t.Errorf("Running = %q", rev)
	}
}

func TestTextAndClip(t *testing.T) {
	long := `sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type "status_type" already exists ` + strings.Repeat("é", 600)
	d := Diagnose(long)
	if len(d[0].Error) > maxErrorLine+4 || !strings.HasSuffix(d[0].Error, " ...") {
		t.Errorf("not clipped: %d bytes", len(d[0].Error))
	}
	txt := Text(d)
	for _, s := range []string{"error: ", "cause: ", "rules: enum-type-not-dropped, enum-type-recreated", "fix:   "} {
		if !strings.Contains(txt, s) {
			t.Errorf("text lacks %q:\n%s", s, txt)
		}
	}
}

func FuzzDiagnose(f *testing.F) {
	for _, c := range cases {
		f.Add(c.output)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Diagnose(s)
		if len(got) == 0 {
			t.Fatal("no diagnosis")
		}
		for _, d := range got {
			if d.Rules == nil || d.Cause == "" || d.Fix == "" {
				t.Fatalf("incomplete: %+v", d)
			}
		}
	})
}
