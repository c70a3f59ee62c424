package diagnose

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
)

// patterns are tried in order on each line; the first that matches wins, so
// specific texts come before general ones. The texts are the ones PostgreSQL,
// psycopg2, SQLAlchemy and Alembic print (see research/alembic-on-postgres.md).
var patterns = []pattern{
	// --- enum types -------------------------------------------------------------------------
	{
		re:    regexp.MustCompile(`type "([^"]+)" already exists`),
		rules: rules("enum-type-not-dropped", "enum-type-recreated"),
		cause: func(m match) string {
			return fmt.Sprintf("CREATE TYPE %s ran while the enum type already exists in the database. Either a downgrade "+
				"dropped the table that used it but left the type behind (Alembic's autogenerate never drops enum types), or "+
				"this revision creates a table or column with an `sa.Enum(..., name=%q)` whose type an earlier revision "+
				"already created.", m.g(1), m.g(1))
		},
		fix: func(m match) string {
			return fmt.Sprintf("In the downgrade that drops the type's last table or column, drop the type right after it: "+
				"`sa.Enum(name=%q).drop(op.get_bind(), checkfirst=True)`. Where the type already exists when the op runs, "+
				"use `postgresql.ENUM(..., name=%q, create_type=False)` (from sqlalchemy.dialects import postgresql). "+
				"`alembic-patterns fix` applies both. To unblock this database now, `DROP TYPE %s` if no column uses it.",
				m.g(1), m.g(1), m.g(1))
		},
	},
	{
		re:    regexp.MustCompile(`type "([^"]+)" does not exist`),
		rules: rules("enum-type-not-created"),
		cause: func(m match) string {
			return fmt.Sprintf("The statement uses the enum type %s before anything created it. `op.add_column` and "+
				"`op.alter_column` never emit CREATE TYPE (only `op.create_table` does), and `create_type=False` skips it.", m.g(1))
		},
		fix: func(m match) string {
			return fmt.Sprintf("Create the type first: `%s = sa.Enum(..., name=%q)` at module level, "+
				"`%s.create(op.get_bind(), checkfirst=True)` before the op, and `%s.drop(op.get_bind(), checkfirst=True)` "+
				"after the drop_column in downgrade(). `alembic-patterns fix` applies this.", ident(m.g(1)), m.g(1), ident(m.g(1)), ident(m.g(1)))
		},
	},
	{
		re:    regexp.MustCompile(`enum label "([^"]+)" already exists`),
		rules: rules("enum-value-not-reverted"),
		cause: func(m match) string {
			return fmt.Sprintf("`ALTER TYPE ... ADD VALUE '%s'` ran again while the value is still there: PostgreSQL cannot "+
				"drop an enum value, so a downgrade that did nothing left it in place.", m.g(1))
		},
		fix: func(m match) string {
			return "Write `ALTER TYPE <type> ADD VALUE IF NOT EXISTS '" + m.g(1) + "'`. To really revert the value, rebuild " +
				"the type in downgrade() (rename it, create the old one, ALTER COLUMN ... TYPE ... USING col::text::<type>, " +
				"drop the renamed one): see rule enum-value-not-reverted."
		},
	},
	{
		re:    regexp.MustCompile(`unsafe use of new value "([^"]+)" of enum type ("?[\w.]+"?)`),
		rules: rules("enum-value-in-transaction"),
		cause: func(m match) string {
			return fmt.Sprintf("The migration added the value %q to %s and used it in the same transaction. PostgreSQL only "+
				"lets a new enum value be used after the transaction that added it commits, and Alembic runs the whole "+
				"migration in one transaction.", m.g(1), m.g(2))
		},
		fix: text("Run the ADD VALUE in its own committed step: `with op.get_context().autocommit_block():` " +
			"`op.execute(\"ALTER TYPE ... ADD VALUE IF NOT EXISTS '...'\")` before the statements that use the value " +
			"(or move the ADD VALUE into an earlier revision)."),
	},
	{
		re:    regexp.MustCompile(`invalid input value for enum ([\w."]+): "([^"]*)"`),
		rules: rules("enum-value-removed"),
		cause: func(m match) string {
			return fmt.Sprintf("The value %q is not a label of the enum type %s in the database. Alembic's autogenerate does "+
				"not detect values added to an Enum in the models, so no migration added it (or a downgrade rebuilt the "+
				"type without it while rows or code still use it).", m.g(2), m.g(1))
		},
		fix: func(m match) string {
			return fmt.Sprintf("Add a migration with `op.execute(\"ALTER TYPE %s ADD VALUE IF NOT EXISTS '%s'\")` (inside "+
				"`op.get_context().autocommit_block()` if the same migration uses the value). For its downgrade, see the "+
				"type swap in rule enum-value-not-reverted.", strings.Trim(m.g(1), `"`), m.g(2))
		},
	},
	{
		re:    regexp.MustCompile(`ALTER TYPE \.\.\. ADD cannot run inside a transaction block`),
		rules: rules("enum-value-in-transaction"),
		cause: text("Before PostgreSQL 12, `ALTER TYPE ... ADD VALUE` cannot run inside a transaction, and Alembic runs each migration in one."),
		fix:   text("Wrap the statement in `with op.get_context().autocommit_block():` (or upgrade PostgreSQL to 12 or newer)."),
	},
	{
		re:    regexp.MustCompile(`cannot drop type ([\w."]+) because other objects depend on it`),
		rules: rules("enum-type-dropped-while-used"),
		cause: func(m match) string {
			return fmt.Sprintf("DROP TYPE %s ran while a column still uses the type%s.", m.g(1), detail(m))
		},
		fix: text("Drop the type after the last table or column that uses it (after drop_table/drop_column in the same " +
			"function), and only when no other table still uses it."),
	},

	// --- columns and NOT NULL ---------------------------------------------------------------
	{
		re: regexp.MustCompile(`column "([^"]+)" of relation "([^"]+)" contains null values`),
		rules: func(m match) []string {
			switch {
			case strings.Contains(strings.ToUpper(m.sql), "ADD COLUMN"):
				return []string{"add-required-column"}
			case strings.Contains(strings.ToUpper(m.sql), "SET NOT NULL"):
				return []string{"not-null-without-backfill"}
			}
			return []string{"add-required-column", "not-null-without-backfill"}
		},
		cause: func(m match) string {
			if strings.Contains(strings.ToUpper(m.sql), "ADD COLUMN") {
				return fmt.Sprintf("A NOT NULL column %s was added to %s, which has rows, without a server default: every "+
					"existing row would get NULL.", m.g(1), m.g(2))
			}
			return fmt.Sprintf("Column %s of %s was made NOT NULL while some rows hold NULL in it (an empty development "+
				"database does not show this).", m.g(1), m.g(2))
		},
		fix: func(m match) string {
			if strings.Contains(strings.ToUpper(m.sql), "ADD COLUMN") {
				return fmt.Sprintf("Add the column with `server_default=sa.text('<value>')` (then drop the default with "+
					"`op.alter_column(%q, %q, server_default=None)` if the application sets it), or add it nullable, fill it "+
					"with `op.execute(\"UPDATE %s SET %s = ... WHERE %s IS NULL\")`, then `op.alter_column(..., nullable=False)`.",
					m.g(2), m.g(1), m.g(2), m.g(1), m.g(1))
			}
			return fmt.Sprintf("Backfill before the alter_column: `op.execute(\"UPDATE %s SET %s = ... WHERE %s IS NULL\")`, "+
				"or give the column a server_default first.", m.g(2), m.g(1), m.g(1))
		},
	},
	{
		re:    regexp.MustCompile(`Cannot add a NOT NULL column with default value NULL`),
		rules: rules("add-required-column"),
		cause: text("SQLite cannot add a NOT NULL column without a default to a table that has rows."),
		fix:   text("Give the column a `server_default`, or add it nullable, fill it, then make it NOT NULL in a batch_alter_table block."),
	},
	{
		re:    regexp.MustCompile(`column "([^"]+)" of relation "([^"]+)" already exists|Duplicate column name '([^']+)'|duplicate column name: (\w+)`),
		rules: rules("downgrade-incomplete", "concurrently-in-transaction"),
		cause: func(m match) string {
			col := cmp.Or(m.g(1), m.g(3), m.g(4))
			return fmt.Sprintf("The column %s already exists, so the database is ahead of what alembic_version says: an "+
				"earlier run failed after committing part of its work (statements in an autocommit_block commit on their "+
				"own), a downgrade did not drop the column, or the schema was changed by hand.", col)
		},
		fix: text("Compare `alembic current` with the actual schema. Then either drop the leftover column and re-run, or, if " +
			"the whole revision is in fact applied, `alembic stamp <revision>`. Make the downgrade drop what the upgrade adds, " +
			"and keep statements that may fail out of the part after an autocommit_block."),
	},
	{
		// before the values' error below, whose text this one holds
		re:    regexp.MustCompile(`default for column "([^"]+)" cannot be cast automatically to type (.+?)\s*$`),
		rules: rules("type-change-without-using"),
		cause: func(m match) string {
			return fmt.Sprintf("ALTER COLUMN %s TYPE %s converts the column's server default by itself, whatever USING says, "+
				"and PostgreSQL has no automatic conversion of the old default to %s (this fails even on an empty table).",
				m.g(1), m.g(2), m.g(2))
		},
		fix: func(m match) string {
			return fmt.Sprintf("Drop the default before the type change, `op.alter_column(<table>, %q, server_default=None)`, "+
				"and set one of the new type after it (in SQL: add `ALTER COLUMN %s DROP DEFAULT` to the same ALTER TABLE).",
				m.g(1), m.g(1))
		},
	},
	{
		re:    regexp.MustCompile(`column "([^"]+)" cannot be cast automatically to type (.+?)\s*$`),
		rules: rules("type-change-without-using"),
		cause: func(m match) string {
			return fmt.Sprintf("ALTER COLUMN %s TYPE %s needs an explicit conversion: PostgreSQL has no implicit cast between "+
				"the old and the new type (this fails even on an empty table).", m.g(1), m.g(2))
		},
		fix: func(m match) string {
			using := m.g(1) + "::" + m.g(2)
			if u := usingHint.FindStringSubmatch(m.hint); u != nil {
				using = strings.TrimRight(u[1], ". ")
			}
			return fmt.Sprintf("Pass the conversion to alter_column: `postgresql_using=%q`; check that every existing value "+
				"converts.", using)
		},
	},
	{
		re:    regexp.MustCompile(`value too long for type character varying\((\d+)\)`),
		rules: rules("type-change-without-using"),
		cause: func(m match) string {
			what := "A value longer than " + m.g(1) + " characters does not fit the column"
			if strings.Contains(strings.ToUpper(m.sql), "ALTER COLUMN") {
				what = "The column was narrowed to VARCHAR(" + m.g(1) + ") while some rows hold longer values"
			}
			return what + "; PostgreSQL refuses to truncate implicitly."
		},
		fix: text("Deal with the long values first (shorten or move them with an UPDATE you have reviewed), or keep the " +
			"wider type. Beware: `postgresql_using='col::varchar(N)'` makes the statement pass by silently truncating the data."),
	},
	{
		// a key's column: "referenced in foreign key constraint", "named in
		// key"; MySQL's error 1072 words it "Key column 'x' doesn't exist in table"
		re: regexp.MustCompile(`column "([^"]+)"(?: of relation "([^"]+)"| referenced in foreign key constraint| named in key)? does not exist|` +
			`Key column '([^']+)' doesn't exist in table`),
		rules: rules("missing-column"),
		cause: func(m match) string {
			return fmt.Sprintf("The statement uses column %s, which the database does not have: it was never added (often "+
				"a downgrade naming another table than the one its upgrade changed), was renamed or dropped by an earlier "+
				"step, or the database is not at the revision alembic_version says.", m.g(1)+m.g(3))
		},
		fix: text("Check the order of the operations and `alembic current`; a rename must be `op.alter_column(..., " +
			"new_column_name=...)`, not a drop and an add."),
	},

	// --- tables and foreign keys ------------------------------------------------------------
	{
		re:    regexp.MustCompile(`cannot drop table ([\w."]+) because other objects depend on it`),
		rules: rules("fk-operation-order"),
		cause: func(m match) string {
			return fmt.Sprintf("DROP TABLE %s ran while a foreign key from another table still points at it%s. "+
				"Autogenerate orders dropped tables in Python set order, so the parent is sometimes dropped first.", m.g(1), detail(m))
		},
		fix: func(m match) string {
			child := ""
			if c := onTable.FindStringSubmatch(m.detail); c != nil {
				child = " (`" + c[1] + "`)"
			}
			return fmt.Sprintf("Drop the referencing table%s before %s (or drop its foreign key first); in the downgrade, "+
				"create %s before the tables that reference it. `alembic-patterns fix` reorders simple create/drop sequences.",
				child, m.g(1), m.g(1))
		},
	},
	{
		// DROP TABLE words it so (ALTER TABLE ... RENAME says relation, below)
		re:    regexp.MustCompile(`(?:^|[^.\w])table "([^"]+)" does not exist|Unknown table '([^']+)'`),
		rules: rules("missing-table", "table-used-after-drop"),
		cause: func(m match) string {
			return fmt.Sprintf("DROP TABLE names %s, which the database does not have: a downgrade naming another table than "+
				"the one its upgrade created (a typo, a copy from another revision), a table an earlier step dropped or "+
				"renamed, or a database that is not at the revision alembic_version says.", cmp.Or(m.g(1), m.g(2)))
		},
		fix: text("Drop the table the upgrade created, under its name; check `alembic current` against the schema."),
	},
	{
		re: regexp.MustCompile(`relation "([^"]+)" does not exist|Table '([^']+)' doesn't exist|no such table: (\S+)`),
		rules: func(m match) []string {
			if strings.Contains(strings.ToUpper(m.sql), "REFERENCES") {
				return []string{"fk-operation-order"}
			}
			return []string{"table-used-after-drop"}
		},
		cause: func(m match) string {
			name := cmp.Or(m.g(1), m.g(2), m.g(3))
			if strings.Contains(strings.ToUpper(m.sql), "REFERENCES") {
				return fmt.Sprintf("A table with a foreign key to %s was created before %s itself (in a downgrade that "+
					"re-creates dropped tables this is the exact reverse of a wrong drop order).", name, name)
			}
			return fmt.Sprintf("The statement uses %s, which does not exist in the database: it is created later in the "+
				"migration, was dropped or renamed by an earlier step, or the database is not at the revision "+
				"alembic_version says.", name)
		},
		fix: func(m match) string {
			if strings.Contains(strings.ToUpper(m.sql), "REFERENCES") {
				return "Create the referenced table first. `alembic-patterns fix` reorders simple create/drop sequences."
			}
			return "Order the operations so that a table is created before it is used and dropped after its last use; " +
				"check `alembic current` against the schema."
		},
	},
	{
		re:    regexp.MustCompile(`relation "([^"]+)" already exists|Table '([^']+)' already exists|table (\S+) already exists`),
		rules: rules("downgrade-incomplete", "object-already-exists"),
		cause: func(m match) string {
			return fmt.Sprintf("%s (a table, index or sequence) already exists: the migrations create it twice (a revision "+
				"below already made it, or the downgrade makes again what the upgrade never dropped), or the database is ahead "+
				"of alembic_version: a downgrade did not drop it, an earlier run committed part of its work before failing, or "+
				"it was created by hand (or by metadata.create_all).", cmp.Or(m.g(1), m.g(2), m.g(3)))
		},
		fix: text("Create each object once, and make the downgrade drop what the upgrade creates. For this database, drop " +
			"the leftover object or, if the revision is in fact fully applied, `alembic stamp <revision>`."),
	},
	{
		re:    regexp.MustCompile(`index "([^"]+)" does not exist|Can't DROP (?:INDEX )?'([^']+)'; check that (?:column/key|it) exists|no such index: (\S+)`),
		rules: rules("table-used-after-drop", "missing-index"),
		cause: func(m match) string {
			return fmt.Sprintf("The index %s is not in the database when the step drops it: most often an earlier step "+
				"dropped its table, which drops the table's indexes with it (a downgrade listing drop_table before "+
				"drop_index), else it has another name there (a spelling that differs from the create_index, a foreign "+
				"key's name given to drop_index).", cmp.Or(m.g(1), m.g(2), m.g(3)))
		},
		fix: text("Drop the index before its table, or remove the drop_index when the table's drop takes it; otherwise " +
			"look the index up (`\\di` in psql) and use its real name (a foreign key goes with drop_constraint)."),
	},
	{
		re:    regexp.MustCompile(`could not create unique index "([^"]+)"`),
		rules: rules("unique-without-dedup"),
		cause: func(m match) string {
			return fmt.Sprintf("The unique index or constraint %s cannot be built because existing rows have duplicate "+
				"values%s.", m.g(1), detail(m))
		},
		fix: text("Remove or merge the duplicates in a data step before the constraint (review that UPDATE/DELETE), then add it."),
	},

	// --- constraints ------------------------------------------------------------------------
	{
		re:    regexp.MustCompile(`Can't emit DROP CONSTRAINT for constraint .*it has no name|Constraint must have a name`),
		rules: rules("unnamed-constraint"),
		cause: text("`op.drop_constraint(None, ...)` (or an unnamed constraint in a batch block): Alembic cannot drop a " +
			"constraint without its name. Autogenerate writes None for constraints the model did not name, and this also " +
			"fails offline (--sql)."),
		fix: text("Use the constraint's real name in both create and drop: PostgreSQL names a foreign key " +
			"`<table>_<column>_fkey`, a unique constraint `<table>_<column>_key`, a check `<table>_<column>_check`. Better: " +
			"set `MetaData(naming_convention=...)` so autogenerate names them. `alembic-patterns fix` fills in the name when it is certain."),
	},

	// --- transactions and locks -------------------------------------------------------------
	{
		re:    regexp.MustCompile(`\b(CREATE INDEX|DROP INDEX|REINDEX) CONCURRENTLY cannot run inside a transaction block`),
		rules: rules("concurrently-in-transaction"),
		cause: func(m match) string {
			return m.g(1) + " CONCURRENTLY cannot run inside a transaction, and Alembic runs each migration in one " +
				"(autogenerate copies `postgresql_concurrently=True` from the model into both create_index and drop_index)."
		},
		fix: text("Wrap the operation, in upgrade() and in downgrade(), in `with op.get_context().autocommit_block():`. " +
			"`alembic-patterns fix` does this. Keep other statements out of that block: what it runs commits on its own."),
	},
	{
		re:    regexp.MustCompile(`isolation_level may not be altered unless rollback\(\) or commit\(\) is called first`),
		rules: rules("isolation-level-in-transaction"),
		cause: text("The migration switched its own connection to another isolation level " +
			"(`op.get_bind().execution_options(isolation_level=\"AUTOCOMMIT\")`) inside the transaction Alembic began on it, " +
			"and SQLAlchemy 2.x refuses that. SQLAlchemy 1.x let it through and silently rolled the transaction back."),
		fix: text("Remove the switch, and run the statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, " +
			"VACUUM, ...) in `with op.get_context().autocommit_block():`."),
	},
	{
		re:    regexp.MustCompile(`(\S.*?) cannot run inside a transaction block`),
		rules: rules(),
		cause: func(m match) string {
			return m.g(1) + " cannot run inside a transaction, and Alembic runs each migration in one."
		},
		fix: text("Run it in `with op.get_context().autocommit_block():`."),
	},
	{
		re:    regexp.MustCompile(`canceling statement due to lock timeout`),
		rules: rules("index-not-concurrent", "constraint-not-valid", "set-not-null-scan", "backward-incompatible"),
		cause: text("A statement of the migration waited longer than lock_timeout for a table lock held by running " +
			"transactions (the application, a long query, an idle transaction)."),
		fix: text("Retry at a quieter time, and prefer operations that take weaker or shorter locks: CREATE INDEX " +
			"CONCURRENTLY, constraints added NOT VALID then VALIDATEd, SET NOT NULL after a validated CHECK. Check with " +
			"`alembic-patterns check --profile zero-downtime`."),
	},
	{
		re:    regexp.MustCompile(`canceling statement due to statement timeout`),
		rules: rules("index-not-concurrent", "constraint-not-valid", "set-not-null-scan", "volatile-default"),
		cause: text("A statement ran longer than statement_timeout: it scans or rewrites a large table (a NOT NULL check, " +
			"a validated constraint, a volatile default, a type change, a plain index build)."),
		fix: text("Split the work into steps that do not hold a lock while scanning (see the zero-downtime rules), or raise " +
			"statement_timeout for the migration knowingly."),
	},
	{
		re:    regexp.MustCompile(`deadlock detected`),
		rules: rules(),
		cause: text("The migration and another transaction each waited for a lock the other held."),
		fix:   text("Retry; take locks in a consistent order (e.g. lock the tables first) and run migrations when traffic is low."),
	},

	// --- revision graph ---------------------------------------------------------------------
	{
		re:    regexp.MustCompile(`Multiple head revisions are present for given argument '([^']*)'`),
		rules: rules("multiple-heads"),
		cause: func(m match) string {
			return fmt.Sprintf("The history has more than one head, so %q is ambiguous: two revisions were created from the "+
				"same parent (typically on two branches that were then merged in git).", m.g(1))
		},
		fix: text("Merge the heads: `alembic merge heads -m \"merge heads\"` (then check the merge revision), or name the " +
			"target: `alembic upgrade heads` applies every branch."),
	},
	{
		re:    regexp.MustCompile(`Multiple heads are present; please specify`),
		rules: rules("multiple-heads"),
		cause: text("The history has more than one head, so Alembic does not know which one a new revision should follow."),
		fix:   text("Merge them first (`alembic merge heads -m \"merge heads\"`), or pass `--head <revision>` to `alembic revision`."),
	},
	{
		re:    regexp.MustCompile(`Can't locate revision identified by '([^']*)'`),
		rules: rules("missing-down-revision"),
		cause: func(m match) string {
			return fmt.Sprintf("No revision file declares %q. Either a file's down_revision or depends_on names it (a typo, "+
				"a deleted or renamed file), or the database's alembic_version table records it (the database was migrated "+
				"from another branch or with files that are gone).", m.g(1))
		},
		fix: func(m match) string {
			return fmt.Sprintf("Run `alembic-patterns check` (missing-down-revision names the file that points at %q) and fix "+
				"that down_revision. If only the database records it, restore the revision file from version control, or, "+
				"once you know which revision the schema matches, `alembic stamp <that revision>`.", m.g(1))
		},
	},
	{
		re:    regexp.MustCompile(`Revision (\S+) referenced from (.+?) is not present`),
		rules: rules("missing-down-revision"),
		cause: func(m match) string {
			return fmt.Sprintf("Revision %s names %s as its down_revision or dependency, and no file declares it.", m.g(2), m.g(1))
		},
		fix: text("Point down_revision at the revision it really follows (see `alembic history`), or restore the missing file."),
	},
	{
		re:    regexp.MustCompile(`Revision (\S+) is present more than once`),
		rules: rules("duplicate-revision"),
		cause: func(m match) string {
			return fmt.Sprintf("Two files declare revision %s (a copied file, or one left behind after a rename); Alembic "+
				"keeps only one of them.", m.g(1))
		},
		fix: text("Delete the stale copy, or give the new file a fresh revision id (and update the down_revision that points at it)."),
	},
	{
		re:    regexp.MustCompile(`(Dependency cycle|Cycle|Self-loop|Dependency self-loop) is detected in revisions \(([^)]*)\)`),
		rules: rules("revision-cycle"),
		cause: func(m match) string {
			return fmt.Sprintf("The revisions %s point at each other through down_revision or depends_on, so there is no order to apply them in.", m.g(2))
		},
		fix: text("Correct the down_revision (or depends_on) that closes the loop; `alembic-patterns history` shows the graph."),
	},
	{
		re:    regexp.MustCompile(`Target database is not up to date`),
		rules: rules(),
		cause: text("`alembic revision --autogenerate` compares the models with the database, and refuses because the " +
			"database is not at the head revision: the new revision would repeat changes that pending revisions already make."),
		fix: text("Bring the development database to the head first (`alembic upgrade head`; `alembic current` and " +
			"`alembic heads` show where it stands), then generate the revision again."),
	},
	{
		re:    regexp.MustCompile(`Can't proceed with --autogenerate option; environment script (.+?) does not provide a MetaData`),
		rules: rules(),
		cause: func(m match) string {
			return fmt.Sprintf("%s sets `target_metadata = None`, so autogenerate has no models to compare.", m.g(1))
		},
		fix: text("In env.py, import the models' MetaData and set `target_metadata = Base.metadata` (or use `alembic revision` without --autogenerate)."),
	},

	// --- operation arguments and dialects ---------------------------------------------------
	{
		re:    regexp.MustCompile(`(\w+)\(\) got an unexpected keyword argument '(\w+)'`),
		rules: rules("invalid-op-argument"),
		cause: func(m match) string {
			return fmt.Sprintf("%s() does not take the keyword %s.", m.g(1), m.g(2))
		},
		fix: func(m match) string {
			if m.g(1) == "alter_column" && m.g(2) == "type" {
				return "Write `type_=` (with the underscore)."
			}
			return "Check the operation's signature in the Alembic documentation; `alembic-patterns check` reports invalid-op-argument."
		},
	},
	{
		re:    regexp.MustCompile(`(\w+)\(\) missing (\d+) required positional arguments?`),
		rules: rules("invalid-op-argument"),
		cause: func(m match) string { return fmt.Sprintf("%s() was called with too few arguments.", m.g(1)) },
		fix:   text("Check the operation's signature; `alembic-patterns check` reports invalid-op-argument."),
	},
	{
		re:    regexp.MustCompile(`No support for ALTER of constraints in SQLite dialect`),
		rules: rules("sqlite-alter-without-batch"),
		cause: text("SQLite cannot ALTER constraints (nor most columns); Alembic does it by copying the table in batch mode."),
		fix:   text("Put the operations in `with op.batch_alter_table(\"<table>\") as batch_op:` and call them on batch_op (and set `render_as_batch=True` in env.py for autogenerate)."),
	},

	// --- the database connection ------------------------------------------------------------
	{
		re:    regexp.MustCompile(`password authentication failed for user "([^"]+)"`),
		rules: rules(),
		cause: func(m match) string {
			return fmt.Sprintf("The database is running but refused the credentials of user %s.", m.g(1))
		},
		fix: text("Check the user and password in the URL that env.py uses (sqlalchemy.url in alembic.ini, or the environment variable env.py reads)."),
	},
	{
		re:    regexp.MustCompile(`database "([^"]+)" does not exist`),
		rules: rules(),
		cause: func(m match) string {
			return fmt.Sprintf("The PostgreSQL server is running but has no database %s.", m.g(1))
		},
		fix: func(m match) string {
			return fmt.Sprintf("Create it (`createdb %s`) or fix the database name in the URL env.py uses.", m.g(1))
		},
	},
	{
		re:    regexp.MustCompile(`could not translate host name "([^"]+)" to address`),
		rules: rules(),
		cause: func(m match) string {
			return fmt.Sprintf("The host name %s in the database URL does not resolve here (a docker-compose service name "+
				"used outside the compose network is typical).", m.g(1))
		},
		fix: text("Use a host that resolves from where alembic runs (e.g. localhost with the published port), or run alembic inside the compose network."),
	},
	{
		re: regexp.MustCompile(`(?i)connection refused|could not connect to server|Connect call failed|` +
			`connection to server (?:at|on socket) .* failed|server closed the connection unexpectedly|` +
			`Can't connect to MySQL server|Is the server running`),
		rules: rules(),
		cause: text("alembic could not reach the database: the server is not running, or the URL env.py uses points at the " +
			"wrong host or port. Nothing in the migrations is at fault."),
		fix: text("Start the database (e.g. `docker compose up -d db`, `pg_ctlcluster <version> main start`), check the " +
			"URL env.py uses (sqlalchemy.url in alembic.ini, or the environment variable it reads, e.g. DATABASE_URL), and run the command again."),
	},

	// --- the environment --------------------------------------------------------------------
	{
		re: regexp.MustCompile("alembic: command not found|Failed to spawn: `alembic`|Command not found: alembic|" +
			`No module named alembic|"alembic": executable file not found`),
		rules: rules(),
		cause: text("alembic is not installed in the environment the command ran in."),
		fix: text("Install it into the project's environment (`uv add alembic`, `poetry add alembic`, `pip install alembic`) " +
			"or run it through the project's tool (`uv run alembic`, `poetry run alembic`). alembic-patterns reads " +
			"ALEMBIC_PATTERNS_ALEMBIC_CMD for the command to run."),
	},
	{
		re:    regexp.MustCompile(`No module named '(psycopg2|psycopg|asyncpg|pg8000|pymysql|MySQLdb|aiomysql|aiosqlite|oracledb|cx_Oracle|pyodbc)'`),
		rules: rules(),
		cause: func(m match) string {
			return fmt.Sprintf("The database driver %s that the URL names is not installed in alembic's environment.", m.g(1))
		},
		fix: func(m match) string {
			pkg := map[string]string{"psycopg2": "psycopg2-binary", "psycopg": "psycopg[binary]", "MySQLdb": "mysqlclient"}[m.g(1)]
			if pkg == "" {
				pkg = m.g(1)
			}
			return fmt.Sprintf("Install it into the same environment as alembic (e.g. `uv add %s`).", pkg)
		},
	},
	{
		re:    regexp.MustCompile(`Can't load plugin: sqlalchemy\.dialects:(\S+)`),
		rules: rules(),
		cause: func(m match) string {
			if m.g(1) == "driver" {
				return "sqlalchemy.url is still the placeholder `driver://user:pass@localhost/dbname` from `alembic init`."
			}
			return fmt.Sprintf("SQLAlchemy has no dialect %q: the URL's scheme is misspelled or its driver is not installed.", m.g(1))
		},
		fix: text("Set a real URL (e.g. `postgresql+psycopg2://user:password@localhost:5432/db`) in alembic.ini or in env.py."),
	},
	{
		re:    regexp.MustCompile(`No module named '([^']+)'`),
		rules: rules(),
		cause: func(m match) string {
			return fmt.Sprintf("env.py or a migration imports %s, which Python cannot find from where alembic ran.", m.g(1))
		},
		fix: text("Run alembic from the project root, set `prepend_sys_path = .` in alembic.ini, or install the package. " +
			"Migrations themselves should not import application models (rule app-model-import)."),
	},
	{
		re:    regexp.MustCompile(`No config file '([^']+)' found`),
		rules: rules(),
		cause: func(m match) string {
			return fmt.Sprintf("alembic looked for %s in the current directory and found none (or it has no [alembic] section).", m.g(1))
		},
		fix: text("Run alembic from the directory that holds alembic.ini, or pass `-c path/to/alembic.ini`."),
	},
	{
		re:    regexp.MustCompile(`Path doesn't exist: '?([^'\s]+)'?`),
		rules: rules(),
		cause: func(m match) string {
			return fmt.Sprintf("script_location points at %s, which does not exist (relative paths are taken from the "+
				"directory alembic runs in).", m.g(1))
		},
		fix: text("Fix script_location in alembic.ini (`%(here)s/alembic` makes it relative to the ini file), or run alembic from the right directory."),
	},
}

var (
	usingHint = regexp.MustCompile(`USING ([^"]+)`)
	onTable   = regexp.MustCompile(`on table ([\w."]+)`)
)

func detail(m match) string {
	if m.detail == "" {
		return ""
	}
	return " (" + strings.TrimSuffix(m.detail, ".") + ")"
}

// ident turns a type name into a Python variable name.
func ident(name string) string {
	name = strings.Trim(name, `"`)
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteRune('_')
		}
	}
	return b.String()
}
