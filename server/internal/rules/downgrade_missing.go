package rules

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

var _ = register(&Rule{
	ID:       "downgrade-missing",
	Profile:  Default,
	Severity: Warning,
	Summary:  "upgrade() changes the schema but downgrade() is missing or does nothing",
	Doc: Doc{
		What: "Finds revisions whose `upgrade()` changes the schema while `downgrade()` is absent, empty, `pass` or only a " +
			"docstring. A `downgrade()` that only raises (e.g. `NotImplementedError`) is an explicit choice and is reported " +
			"as information. Merge revisions (`pass` in both) and data-only upgrades are not reported.",
		Why: "An empty downgrade reports success: `alembic downgrade -1` moves `alembic_version` back while every table, " +
			"column and index stays. The next `alembic upgrade` runs the same DDL again and fails, e.g. " +
			"`relation \"orders\" already exists`. Without any `downgrade()`, Alembic fails with an AttributeError when it " +
			"reaches the revision. Either way the history cannot be walked back, which breaks rollbacks and the " +
			"upgrade/downgrade round trips of a test suite.",
		Example: `def upgrade():
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=True))


def downgrade():
    pass`,
		UseInstead: `def downgrade():
    op.drop_column("users", "age")


# or, when the change cannot be undone, say so:
def downgrade():
    raise NotImplementedError("0042 drops data; restore from a backup instead")`,
		KnownProblems: "An upgrade made only of data changes (UPDATE/INSERT/DELETE, `bulk_insert`), of SQL the tool cannot " +
			"read, or of calls it cannot follow is not reported: undoing a backfill is rarely possible or needed, and " +
			"the rest cannot be seen.",
		FixSafety: "Unsafe, and only for an empty `downgrade()` when every schema change of the upgrade has a known " +
			"inverse: the inverse operations replace the `pass`, in reverse order. Review them (data written by the " +
			"upgrade is not restored).",
		References: []string{"https://alembic.sqlalchemy.org/en/latest/tutorial.html#downgrading",
			"https://alembic.sqlalchemy.org/en/latest/cookbook.html"},
	},
	Check: checkDowngradeMissing,
})

func checkDowngradeMissing(p *Pass) {
	m := p.Migration
	if m.Upgrade == nil {
		return
	}
	var changes []*migration.Op
	invertible := true
	for _, o := range m.Upgrade.Ops {
		if changesSchema(o) {
			changes = append(changes, o)
			invertible = invertible && len(undosOf(p.Names(), m, o, p.Before)) > 0 && onlyCreates(o)
		}
	}
	if len(changes) == 0 {
		return
	}
	kind := migration.BodyMissing
	if m.Downgrade != nil {
		kind = m.Downgrade.Kind
	}
	var undos []*undo
	if invertible {
		undos = pendingUndos(p)
	}
	failure := "applies them again to a schema that already has them"
	if len(undos) > 0 && undos[0].rerunError() != "" {
		failure = "fails with: " + undos[0].rerunError()
	}
	advice := "write the operations that revert it"
	if snippet := inverseSnippet(m, undos); snippet != "" {
		advice = "write the operations that revert it (" + snippet + ")"
	}
	advice += `, or raise NotImplementedError("...") if it cannot be undone`
	switch kind {
	case migration.BodyRaise:
		p.ReportSeverity(Info, lineSpan(m, m.Downgrade.Span.Start), fmt.Sprintf("upgrade() %s and downgrade() only raises: "+
			"`alembic downgrade` cannot go below this revision. That is an explicit choice; keep it only if the change really "+
			"cannot be undone", describeChanges(changes)))
	case migration.BodyMissing:
		p.ReportAt(lineSpan(m, m.Upgrade.Span.Start), fmt.Sprintf("upgrade() %s but the file has no downgrade(): "+
			"`alembic downgrade` fails with an AttributeError when it reaches this revision. Add a downgrade() and %s",
			describeChanges(changes), advice))
	case migration.BodyEmpty:
		var fixes []SuggestedFix
		if fix, ok := inverseFix(m, undos); ok {
			fix.Message = "Write the inverse operations into downgrade()"
			fixes = append(fixes, fix)
		}
		p.ReportAt(lineSpan(m, m.Downgrade.Span.Start), fmt.Sprintf("upgrade() %s but downgrade() does nothing: "+
			"`alembic downgrade` reports success while the schema stays upgraded, and the next `alembic upgrade` %s. In "+
			"downgrade(), %s", describeChanges(changes), failure, advice), fixes...)
	}
}

// changesSchema reports whether an operation changes the schema (as far as it can
// be seen): not a helper call, a data change, or SQL and calls we cannot read.
func changesSchema(o *migration.Op) bool {
	switch o.Name {
	case "get_bind", "get_context", "f", "inline_literal", "batch_alter_table", "implementation_for", "bulk_insert",
		"invoke", "run_async", migration.UnknownCall:
		return false
	case "execute", migration.BindExecute:
		if o.SQL == nil || !o.SQL.Known {
			return false
		}
		for _, st := range o.SQL.Statements {
			switch st.Kind {
			case migration.SQLSelect, migration.SQLUpdate, migration.SQLInsert, migration.SQLDelete:
			default:
				return true
			}
		}
		return false
	}
	return true
}

// onlyCreates reports whether the SQL of an operation (if any) only creates what
// sqlUndos knows how to drop, besides data changes.
func onlyCreates(o *migration.Op) bool {
	if o.SQL == nil {
		return true
	}
	for _, st := range o.SQL.Statements {
		switch st.Kind {
		case migration.SQLCreateTable, migration.SQLCreateIndex, migration.SQLCreateType,
			migration.SQLSelect, migration.SQLUpdate, migration.SQLInsert, migration.SQLDelete:
		default:
			return false
		}
	}
	return true
}

// describeChanges names the first schema changes of an upgrade.
func describeChanges(changes []*migration.Op) string {
	names := []string{}
	seen := map[string]bool{}
	for _, o := range changes {
		name := o.Name
		if o.SQL != nil {
			name = "SQL DDL"
		} else if o.Name == migration.EnumCreate {
			name = "an enum type"
		}
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	if len(names) > 3 {
		names = append(names[:3], "...")
	}
	return "changes the schema (" + strings.Join(names, ", ") + ")"
}

// inverseSnippet shows the first inverse operations, in downgrade order, on one line.
func inverseSnippet(m *migration.Migration, undos []*undo) string {
	blocks, _ := inverseBlocks(m, undos)
	var stmts []string
	for i, b := range blocks {
		if i == 3 {
			stmts = append(stmts, "...")
			break
		}
		stmts = append(stmts, b.oneLine())
	}
	return strings.Join(stmts, "; ")
}
