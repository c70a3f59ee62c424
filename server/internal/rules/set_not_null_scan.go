package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:           "set-not-null-scan",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	PostgresOnly: true,
	Summary:      "SET NOT NULL on a column of an existing table scans the whole table under ACCESS EXCLUSIVE",
	Doc: Doc{
		What: "Finds `alter_column(..., nullable=False)` (also `batch_op.alter_column`) on a nullable column of a table that " +
			"existed before the revision, unless a validated `CHECK (<column> IS NOT NULL)` on that table was added earlier " +
			"in the history or in this revision.",
		Why: "`ALTER TABLE ... ALTER COLUMN ... SET NOT NULL` reads every row to prove there is no NULL, holding ACCESS " +
			"EXCLUSIVE the whole time: no reads or writes on the table until the migration commits. If a NULL is left, the " +
			"migration fails with `column \"email\" of relation \"users\" contains null values`. Since PostgreSQL 12, SET NOT " +
			"NULL skips the scan when a validated `CHECK (email IS NOT NULL)` already proves it, and such a check can be " +
			"added NOT VALID (brief lock) and validated under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue. " +
			"PostgreSQL 18 can also add `NOT NULL ... NOT VALID` constraints directly.",
		Example: `# 0001_create_users.py
def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.VARCHAR(length=200), nullable=True),
    )


# 0002_require_email.py
def upgrade():
    op.alter_column("users", "email", existing_type=sa.VARCHAR(length=200), nullable=False)`,
		UseInstead: `# 0002_require_email.py: new rows must have an email; the existing ones are not scanned
def upgrade():
    op.execute("ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID")


# 0003_validate_email.py, a later migration
def upgrade():
    op.execute("ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null")
    op.alter_column("users", "email", existing_type=sa.VARCHAR(length=200), nullable=False)
    op.drop_constraint("users_email_not_null", "users", type_="check")`,
		KnownProblems: "Only upgrade() is checked. The check is recognised in literal SQL (`ALTER TABLE t ADD CONSTRAINT ... " +
			"CHECK (col IS NOT NULL)`, then `VALIDATE CONSTRAINT` on the same table) and in `create_check_constraint` with the " +
			"condition `col IS NOT NULL`; other spellings are not recognised. After an operation the tool cannot read in " +
			"the same revision (SQL built at run time, an unknown call) the rule stays quiet. Columns whose nullability " +
			"is not known from the history are not reported. Backfilling the NULLs is a separate concern " +
			"(not-null-without-backfill).",
		FixSafety: "No automatic fix: the check must be validated in a separate migration before SET NOT NULL.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DROP-NOT-NULL",
			"https://www.postgresql.org/docs/current/explicit-locking.html",
			"https://squawkhq.com/docs/adding-not-nullable-field",
			"https://github.com/ankane/strong_migrations#setting-not-null-on-an-existing-column"},
	},
	Check: checkSetNotNullScan,
})

var sqlValidateConstraint = regexp.MustCompile(`(?i)\bVALIDATE\s+CONSTRAINT\b`)

func checkSetNotNullScan(p *Pass) {
	var earlier []*migration.Op
	blind := false // an earlier operation of this revision may have added the check
	p.Upgrade(func(o *migration.Op, s *history.State) {
		defer func() { earlier = append(earlier, o) }()
		if o.Name == migration.UnknownCall || (o.SQL != nil && !o.SQL.Known) {
			blind = true
		}
		if notNull, ok := o.Value("nullable").BoolValue(); blind || o.Name != "alter_column" || !ok || notNull {
			return
		}
		table, t := existingTable(p, o, s)
		name, ok := o.ArgString("column_name")
		if t == nil || !ok {
			return
		}
		if c := t.Columns[name]; c == nil || !c.Known || !c.Nullable || c.Uncertain {
			return // already NOT NULL (no scan), or not known
		}
		key := history.TableKey(o, table)
		pre12 := p.PostgresVersion != 0 && p.PostgresVersion < 12
		if !pre12 && notNullProven(p, earlier, key, table, name) {
			return
		}
		check := table + "_" + name + "_not_null"
		msg := fmt.Sprintf("alter_column(nullable=False) makes %q of existing table %q NOT NULL: SET NOT NULL scans every row "+
			"while holding ACCESS EXCLUSIVE, so no reads or writes on %q until the migration commits. On PostgreSQL 12+ prove it "+
			"first with a validated CHECK, which lets SET NOT NULL skip the scan: ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s IS "+
			"NOT NULL) NOT VALID -> (later migration) ALTER TABLE %s VALIDATE CONSTRAINT %s (SHARE UPDATE EXCLUSIVE: reads "+
			"and writes continue) -> alter_column(nullable=False) -> drop_constraint(%q, %q, type_=\"check\")",
			name, key, key, key, check, name, key, check, check, table)
		if pre12 {
			msg += fmt.Sprintf(". PostgreSQL %d always scans: run it when the table is quiet", p.PostgresVersion)
		}
		p.Report(o, msg)
	})
}

// notNullProven reports whether a validated CHECK (column IS NOT NULL) on the
// table was added by an ancestor revision or by an earlier operation of this one.
func notNullProven(p *Pass, earlier []*migration.Op, key, table, column string) bool {
	isNotNull := regexp.MustCompile(`(?i)^\(?\s*"?` + regexp.QuoteMeta(column) + `"?\s+IS\s+NOT\s+NULL\s*\)?$`)
	checkClause := regexp.MustCompile(`(?i)\bCHECK\s*\(\s*"?` + regexp.QuoteMeta(column) + `"?\s+IS\s+NOT\s+NULL\s*\)`)
	valid, notValid, validated := false, false, false
	for _, o := range append(ancestorOps(p), earlier...) {
		switch {
		case o.SQL != nil && o.SQL.Known:
			for _, st := range o.SQL.Statements {
				if st.Kind != migration.SQLAlterTable || !strings.EqualFold(st.Table, table) {
					continue
				}
				if checkClause.MatchString(st.Text) {
					added := strings.Contains(strings.ToUpper(st.Text), "NOT VALID")
					valid, notValid = valid || !added, notValid || added
				}
				validated = validated || sqlValidateConstraint.MatchString(st.Text)
			}
		case o.Name == "create_check_constraint" && o.Certain():
			cond, ok := o.CheckCondition()
			name, _ := o.Table()
			if !ok || history.TableKey(o, name) != key || !isNotNull.MatchString(strings.TrimSpace(cond)) {
				continue
			}
			on, _ := dialectFlag(o, "postgresql_not_valid")
			valid, notValid = valid || !on, notValid || on
		}
	}
	return valid || (notValid && validated)
}

// ancestorOps lists the upgrade operations of every revision below this one.
func ancestorOps(p *Pass) []*migration.Op {
	var ops []*migration.Op
	seen := map[string]bool{}
	queue := append([]string(nil), p.Revision.Parents...)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		r := p.Graph.Revisions[id]
		if seen[id] || r == nil {
			continue
		}
		seen[id] = true
		if r.Migration.Upgrade != nil {
			ops = append(ops, r.Migration.Upgrade.Ops...)
		}
		queue = append(queue, r.Parents...)
	}
	return ops
}
