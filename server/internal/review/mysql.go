package review

import (
	"regexp"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// OnlineDDL is how MySQL/MariaDB run an operation's ALTER TABLE: the cheapest
// algorithm they allow and the lock it takes (MariaDB 10.11, checked by the
// proof tier; MySQL 8.0.29+ documents the same, with INPLACE where MariaDB
// says NOCOPY).
type OnlineDDL struct {
	// Algorithm is INSTANT (metadata only), NOCOPY (no table rebuild: builds or
	// drops an index), INPLACE (rebuilds the table, concurrent writes allowed)
	// or COPY (copies the table; writes wait).
	Algorithm    string `json:"algorithm" jsonschema:"INSTANT / NOCOPY (MySQL: INPLACE without rebuild) / INPLACE (rebuilds the table) / COPY"`
	Lock         string `json:"lock" jsonschema:"the weakest LOCK= it runs with: NONE (reads and writes go on), SHARED (writes wait) or EXCLUSIVE (reads and writes wait)"`
	BlocksWrites bool   `json:"blocks_writes" jsonschema:"INSERT / UPDATE / DELETE on the table wait until the ALTER ends"`
	Note         string `json:"note" jsonschema:"why, in words"`
}

// The facts of mysqlOnlineDDL, by what an ALTER does.
var (
	ddlInstant = OnlineDDL{Algorithm: "INSTANT", Lock: "NONE", Note: "changes only the table's metadata"}
	ddlIndex   = OnlineDDL{Algorithm: "NOCOPY", Lock: "NONE", Note: "builds or drops the index without rebuilding the table (MySQL: INPLACE); reads and writes go on"}
	ddlRebuild = OnlineDDL{Algorithm: "INPLACE", Lock: "NONE", Note: "rebuilds the table in place; reads and writes go on, the table's size in I/O"}
	ddlCopy    = OnlineDDL{Algorithm: "COPY", Lock: "SHARED", BlocksWrites: true, Note: "copies the whole table; writes wait until it ends"}
	ddlRename  = OnlineDDL{Algorithm: "INSTANT", Lock: "EXCLUSIVE", BlocksWrites: true,
		Note: "changes only metadata, but under an exclusive lock: it waits for the transactions using the table, and reads and writes queue behind it"}
	ddlFKCopy = OnlineDDL{Algorithm: "COPY", Lock: "SHARED", BlocksWrites: true,
		Note: "adding a foreign key copies the table unless foreign_key_checks=0 (then INPLACE); writes wait until it ends"}
)

// mysqlOnlineDDL says how MySQL/MariaDB run the operation, when it is an ALTER
// TABLE whose algorithm is known.
func mysqlOnlineDDL(m *migration.Migration, o *migration.Op, s *history.State) (OnlineDDL, bool) {
	switch o.Name {
	case "add_column":
		c := m.Column(o, o.Arg("column"))
		switch {
		case c == nil:
			return OnlineDDL{}, false
		case len(c.ForeignKeys) > 0:
			return ddlFKCopy, true
		case c.PrimaryKey || uniqueColumn(c):
			return ddlRebuild, true
		}
		return ddlInstant, true
	case "drop_column":
		return ddlInstant, true
	case "rename_table":
		return ddlRename, true
	case "create_index", "drop_index", "create_unique_constraint":
		return ddlIndex, true
	case "create_foreign_key":
		return ddlFKCopy, true
	case "create_check_constraint":
		return ddlCopy, true
	case "create_primary_key":
		return ddlRebuild, true
	case "drop_constraint":
		switch kind, _ := o.ArgString("type_"); kind {
		case "foreignkey":
			return ddlInstant, true
		case "unique":
			return ddlIndex, true
		}
	case "alter_column":
		return mysqlAlterColumn(m, o, s)
	case "execute":
		return mysqlConvertCharset(o)
	}
	return OnlineDDL{}, false
}

// convertCharset is ALTER TABLE t CONVERT TO CHARACTER SET (or CHARSET), MySQL
// syntax the PostgreSQL parser does not read: matched on the text.
var convertCharset = regexp.MustCompile(`(?i)^ALTER\s+TABLE\s+\S+\s+CONVERT\s+TO\s+(CHARACTER\s+SET|CHARSET)\s`)

// mysqlConvertCharset: converting a table's text columns to another character
// set rewrites every row; an op.execute of exactly such ALTERs copies the table.
func mysqlConvertCharset(o *migration.Op) (OnlineDDL, bool) {
	if o.SQL == nil || !o.SQL.Known || len(o.SQL.Statements) == 0 {
		return OnlineDDL{}, false
	}
	for _, st := range o.SQL.Statements {
		if !convertCharset.MatchString(st.Text) {
			return OnlineDDL{}, false
		}
	}
	return OnlineDDL{Algorithm: "COPY", Lock: "SHARED", BlocksWrites: true,
		Note: "converting the character set copies the whole table and rewrites every text value; writes wait until it ends"}, true
}

// uniqueColumn: sa.Column(..., unique=True) adds a unique index with the column.
func uniqueColumn(c *migration.Column) bool {
	if c.Expr == nil {
		return false
	}
	v, ok := c.Expr.Keyword("unique").BoolValue()
	return ok && v
}

// mysqlAlterColumn: the strongest of what an alter_column changes.
func mysqlAlterColumn(m *migration.Migration, o *migration.Op, s *history.State) (OnlineDDL, bool) {
	ddl := ddlInstant // a rename, a server default
	if o.Arg("nullable") != nil {
		ddl = ddlRebuild
	}
	if t := o.Arg("type_"); t != nil {
		from := m.Type(o, o.Arg("existing_type"))
		if from == nil {
			if table, ok := o.Table(); ok {
				column, _ := o.ArgString("column_name")
				if tb := s.Table(effect.TableKey(o, table)); tb != nil {
					if c := tb.Column(column); c != nil {
						from = c.Type
					}
				}
			}
		}
		if !varcharWidenedInPlace(from, m.Type(o, t)) {
			return ddlCopy, true
		}
	}
	return ddl, true
}

// varcharWidenedInPlace: a VARCHAR made longer keeps its length prefix when
// both lengths need the same number of bytes for it, which MariaDB changes
// INSTANT; in utf8mb4 (4 bytes a character) 63 characters fit a 1-byte prefix.
func varcharWidenedInPlace(from, to *migration.TypeRef) bool {
	if from == nil || to == nil || !isVarchar(from) || !isVarchar(to) || from.Length == 0 || to.Length < from.Length {
		return false
	}
	return (from.Length <= 63) == (to.Length <= 63)
}

func isVarchar(t *migration.TypeRef) bool {
	return t.Name == "String" || t.Name == "VARCHAR" || t.Name == "Unicode"
}
