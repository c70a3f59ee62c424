package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pmap"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

var _ = register(&Rule{
	ID:           "set-not-null-scan",
	Profile:      ZeroDowntime,
	Severity:     Warning,
	Fix:          FixNever,
	PostgresOnly: true,
	Summary:      "SET NOT NULL on a column of an existing table scans the whole table under ACCESS EXCLUSIVE",
	Doc: Doc{
		FailsWhen: "Under load: the scan of the whole table holds ACCESS EXCLUSIVE, so reads and writes wait (and it fails on NULL rows).",
		What: "Finds `alter_column(..., nullable=False)` (also `batch_op.alter_column`) on a nullable column of a table that " +
			"existed before the revision, and `ALTER TABLE ... ALTER COLUMN ... SET NOT NULL` in literal SQL (with advice, " +
			"no fix), unless a validated `CHECK (<column> IS NOT NULL)` on that table was added earlier in the history or " +
			"in this revision.",
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
			"CHECK (col IS NOT NULL)`, then `VALIDATE CONSTRAINT` on the same table), in `create_check_constraint` with the " +
			"condition `col IS NOT NULL` and in the `CheckConstraint`s `create_table` declares; other spellings are not " +
			"recognised. A primary key added earlier has made its columns NOT NULL already. After an operation the tool cannot read in " +
			"the same revision (SQL built at run time, an unknown call) the rule stays quiet. Columns whose nullability " +
			"is not known from the history are not reported. Backfilling the NULLs is a separate concern " +
			"(not-null-without-backfill).",
		FixSafety: "No automatic fix: the check must be validated in a separate migration before SET NOT NULL.",
		References: []string{"https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DROP-NOT-NULL",
			"https://www.postgresql.org/docs/current/explicit-locking.html",
			"https://squawkhq.com/docs/adding-not-nullable-field",
			"https://github.com/ankane/strong_migrations#setting-not-null-on-an-existing-column"},
		Squawk: []string{"adding-not-nullable-field"},
	},
	Check: checkSetNotNullScan,
})

func checkSetNotNullScan(p *Pass) {
	proofs := p.notNullProofsBelow() // with the operations of this revision before o, as the walk goes
	blind := false                   // an earlier operation of this revision may have added the check
	p.Upgrade(func(o *migration.Op, s *history.State) {
		defer func() { proofs = proofs.with(p.Migration, o) }()
		if o.Name == migration.UnknownCall || (o.SQL != nil && !o.SQL.Known) {
			blind = true
		}
		if !blind {
			for _, st := range certainStatements(o) {
				setNotNullSQL(p, s, st, proofs)
				proofs = proofs.withStatement(st) // a CHECK earlier in the same string counts
			}
		}
		if notNull, ok := o.Value("nullable").BoolValue(); blind || o.Name != "alter_column" || !ok || notNull {
			return
		}
		table, t := existingTable(p, o, s)
		name, ok := o.ArgString("column_name")
		if t == nil || !ok {
			return
		}
		if c := t.Column(name); c == nil || !c.Known || !c.Nullable || c.Uncertain {
			return // already NOT NULL (no scan), or not known
		}
		key := effect.TableKey(o, table)
		pre12 := p.PostgresVersion != 0 && p.PostgresVersion < 12
		if !pre12 && proofs.prove(key, table, name) {
			return
		}
		check := table + "_" + name + "_not_null"
		msg := Message{Text: fmt.Sprintf("alter_column(%q, %q, nullable=False) scans every row of an existing table", key, name),
			Help: fmt.Sprintf("SET NOT NULL scans every row while holding ACCESS EXCLUSIVE, so no reads or writes on %q until the "+
				"migration commits. On PostgreSQL 12+ prove it first with a validated CHECK, which lets SET NOT NULL skip the scan: "+
				"ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s IS NOT NULL) NOT VALID -> (later migration) ALTER TABLE %s VALIDATE "+
				"CONSTRAINT %s (SHARE UPDATE EXCLUSIVE: reads and writes continue) -> alter_column(nullable=False) -> "+
				"drop_constraint(%s, %s, type_=%s)",
				key, p.SQLTable(key), p.SQLName(check), p.SQLName(name), p.SQLTable(key), p.SQLName(check), p.Style().Quote(check), p.Style().Quote(table), p.Style().Quote("check"))}
		if pre12 {
			msg.Help += fmt.Sprintf(". PostgreSQL %d always scans: run it when the table is quiet", p.PostgresVersion)
		}
		p.Report(o, msg, nil)
	})
}

// notNullProofs are the CHECK (column IS NOT NULL) constraints that
// revisions have added: by table (as SQL names it, any case) and column, and
// by table key for create_check_constraint; with the tables that had a
// constraint validated. They are persistent maps, kept per revision on top of
// those of the revisions below it: reading every revision below for each NOT
// NULL made the rule quadratic in the history.
type notNullProofs struct {
	sql, ops  pmap.Map[int] // notNullKey -> proofValid | proofNotValid
	validated pmap.Map[int] // tables (lower-case) with a VALIDATE CONSTRAINT
}

const (
	proofValid = 1 << iota
	proofNotValid
)

var (
	// reIsNotNull is a whole condition column IS NOT NULL (the column is quoted or a word).
	reIsNotNull = regexp.MustCompile(`(?i)^\(?\s*(?:"([^"]+)"|"?(\w+)"?)\s+IS\s+NOT\s+NULL\s*\)?$`)
)

func notNullKey(table, column string) string { return table + "\x00" + strings.ToLower(column) }

// with adds what one operation of m proves.
func (n notNullProofs) with(m *migration.Migration, o *migration.Op) notNullProofs {
	set := func(m pmap.Map[int], key string, flag int) pmap.Map[int] {
		old, _ := m.Get(key)
		return m.Set(key, old|flag)
	}
	switch {
	case o.Name == "create_table" && o.Certain():
		// CHECK (col IS NOT NULL) declared with the table, on it or on a column
		ct := m.CreateTable(o)
		if ct == nil {
			break
		}
		var conditions []*migration.Expr
		for _, c := range ct.Constraints {
			if c.Kind == "check" && len(c.Expr.Args) > 0 {
				conditions = append(conditions, c.Expr.Args[0])
			}
		}
		for _, col := range ct.Columns {
			for _, a := range col.Expr.Args {
				if pysyntax.LastName(a.CallName()) == "CheckConstraint" && len(a.Args) > 0 {
					conditions = append(conditions, a.Args[0])
				}
			}
		}
		for _, c := range conditions {
			cond, ok := migration.ConditionSQL(c)
			if match := reIsNotNull.FindStringSubmatch(strings.TrimSpace(cond)); ok && match != nil {
				n.ops = set(n.ops, notNullKey(effect.TableKey(o, ct.Name), match[1]+match[2]), proofValid)
			}
		}
	case o.SQL != nil && o.SQL.Known:
		for _, st := range o.SQL.Statements {
			if st.Kind != migration.SQLAlterTable {
				continue
			}
			n = n.withStatement(st)
		}
	case o.Name == "create_check_constraint" && o.Certain():
		cond, ok := o.CheckCondition()
		name, _ := o.Table()
		m := reIsNotNull.FindStringSubmatch(strings.TrimSpace(cond))
		if !ok || m == nil {
			break
		}
		flag := proofValid
		if on, _ := dialectFlag(o, "postgresql_not_valid"); on {
			flag = proofNotValid
		}
		n.ops = set(n.ops, notNullKey(effect.TableKey(o, name), m[1]+m[2]), flag)
	}
	return n
}

// withStatement adds what one SQL statement proves.
func (n notNullProofs) withStatement(st migration.Statement) notNullProofs {
	table := strings.ToLower(st.Table)
	for _, a := range st.Actions {
		switch {
		case a.Kind == migration.AddConstraint && a.NotNullColumn != "":
			flag := proofValid
			if a.NotValid {
				flag = proofNotValid
			}
			old, _ := n.sql.Get(notNullKey(table, a.NotNullColumn))
			n.sql = n.sql.Set(notNullKey(table, a.NotNullColumn), old|flag)
		case a.Kind == migration.ValidateConstraint:
			n.validated = n.validated.Set(table, 1)
		}
	}
	return n
}

// setNotNullSQL: ALTER TABLE ... ALTER COLUMN ... SET NOT NULL in SQL, on a
// nullable column of an existing table.
func setNotNullSQL(p *Pass, s *history.State, st migration.Statement, proofs notNullProofs) {
	if st.Kind != migration.SQLAlterTable {
		return
	}
	t := preexistingTable(p, s, st.Table)
	for _, a := range st.Actions {
		if t == nil || a.Kind != migration.SetNotNull {
			continue
		}
		if c := t.Column(a.Column); c == nil || !c.Known || !c.Nullable || c.Uncertain {
			continue
		}
		pre12 := p.PostgresVersion != 0 && p.PostgresVersion < 12
		if !pre12 && proofs.prove(st.Table, st.Table, a.Column) {
			continue
		}
		check := st.Table + "_" + a.Column + "_not_null"
		msg := Message{Text: fmt.Sprintf("SET NOT NULL on %q of existing table %q scans every row under ACCESS EXCLUSIVE", a.Column, st.Table),
			Help: fmt.Sprintf("No reads or writes on %q until the migration commits. On PostgreSQL 12+ prove it first with a validated "+
				"CHECK, which lets SET NOT NULL skip the scan: ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s IS NOT NULL) NOT VALID -> "+
				"(later migration) ALTER TABLE %s VALIDATE CONSTRAINT %s -> SET NOT NULL -> DROP CONSTRAINT %s.",
				st.Table, p.SQLTable(st.Table), p.SQLName(check), p.SQLName(a.Column), p.SQLTable(st.Table), p.SQLName(check), p.SQLName(check))}
		if pre12 {
			msg.Help += fmt.Sprintf(" PostgreSQL %d always scans: run it when the table is quiet.", p.PostgresVersion)
		}
		p.ReportAt(st.Span, msg, nil)
	}
}

// union adds what other proves, in time proportional to what differs.
func (n notNullProofs) union(other notNullProofs) notNullProofs {
	merge := func(m, o pmap.Map[int]) pmap.Map[int] {
		pmap.Diff(m, o, func(key string) {
			a, _ := m.Get(key)
			b, _ := o.Get(key)
			m = m.Set(key, a|b)
		})
		return m
	}
	return notNullProofs{sql: merge(n.sql, other.sql), ops: merge(n.ops, other.ops), validated: merge(n.validated, other.validated)}
}

// prove reports whether a validated CHECK (column IS NOT NULL) on the table
// (key: its effect.TableKey) exists: added valid, or NOT VALID and then
// validated.
func (n notNullProofs) prove(key, table, column string) bool {
	a, _ := n.sql.Get(notNullKey(strings.ToLower(table), column))
	b, _ := n.ops.Get(notNullKey(key, column))
	_, validated := n.validated.Get(strings.ToLower(table))
	return (a|b)&proofValid != 0 || (a|b)&proofNotValid != 0 && validated
}

// notNullProofsBelow are the proofs of the revisions below this one.
func (p *Pass) notNullProofsBelow() notNullProofs {
	var out notNullProofs
	for _, r := range p.parentsOf(p.Revision) {
		if r != nil {
			out = out.union(p.steps.run.notNullProofs(r))
		}
	}
	return out
}

// notNullProofs are the proofs of a revision and of those below it.
func (m *runMemo) notNullProofs(r *history.Revision) notNullProofs {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.notNullProofsLocked(r)
}

func (m *runMemo) notNullProofsLocked(r *history.Revision) notNullProofs {
	if n, ok := m.notNull[r.ID]; ok {
		return n
	}
	m.notNull[r.ID] = notNullProofs{} // a cycle ends here
	var n notNullProofs
	for _, parent := range m.parentsOf(r) {
		if parent != nil {
			n = n.union(m.notNullProofsLocked(parent))
		}
	}
	if r.Migration.Upgrade != nil {
		for _, o := range r.Migration.Upgrade.Ops {
			n = n.with(r.Migration, o)
		}
	}
	m.notNull[r.ID] = n
	return n
}
