package migration

import (
	"regexp"
	"strings"
)

// SQL is what an execute-like operation runs. When the text is not a literal
// (f-string, .format(), a variable, a SQLAlchemy construct), Known is false and the
// rules must treat the statement as unknown: never guess.
type SQL struct {
	Known      bool
	Text       string
	Statements []Statement
}

// StatementKind classifies one SQL statement.
type StatementKind string

const (
	SQLUpdate StatementKind = "update"
	SQLDelete StatementKind = "delete"
	SQLInsert StatementKind = "insert"
	SQLSelect StatementKind = "select"
	// SQLSession changes no schema object: SET, RESET, COMMENT ON, GRANT, REVOKE,
	// ANALYZE, VACUUM, LOCK, NOTIFY, DISCARD, PRAGMA.
	SQLSession      StatementKind = "session"
	SQLAlterTypeAdd StatementKind = "alter_type_add_value"
	SQLAlterType    StatementKind = "alter_type"
	SQLCreateType   StatementKind = "create_type"
	SQLDropType     StatementKind = "drop_type"
	SQLCreateIndex  StatementKind = "create_index"
	SQLDropIndex    StatementKind = "drop_index"
	SQLAlterTable   StatementKind = "alter_table"
	SQLCreateTable  StatementKind = "create_table"
	SQLDropTable    StatementKind = "drop_table"
	SQLOther        StatementKind = "other"
)

// Statement is one classified statement.
type Statement struct {
	Kind         StatementKind
	Text         string
	Concurrently bool   // CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY
	Table        string // the table for UPDATE/DELETE/INSERT/ALTER TABLE/CREATE INDEX ON
	Object       string // the type or index name
	Parent       string // CREATE TABLE ... PARTITION OF parent: the parent table
	Value        string // ALTER TYPE ... ADD VALUE 'x': x
	// NewName is the new name of ALTER TYPE/TABLE ... RENAME TO new.
	NewName string
	// ColumnTypes are ALTER TABLE's ALTER COLUMN c [SET DATA] TYPE t clauses: column -> type name.
	ColumnTypes map[string]string
	// Temporary is set on CREATE TEMP[ORARY] TABLE: the table is gone at the end
	// of the session (or of the transaction), so it changes no schema.
	Temporary bool
}

var (
	// unquoted identifiers may hold any letter (catégories), not only ASCII ones
	identPattern = `("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*)(?:\s*\.\s*("(?:[^"]|"")+"|[\pL_][\pL\pN_$]*))?`
	reUpdate     = regexp.MustCompile(`(?is)^(?:WITH\b.*?\)\s*)?UPDATE\s+(?:ONLY\s+)?` + identPattern)
	reDelete     = regexp.MustCompile(`(?is)^(?:WITH\b.*?\)\s*)?DELETE\s+FROM\s+(?:ONLY\s+)?` + identPattern)
	reInsert     = regexp.MustCompile(`(?is)^(?:WITH\b.*?\)\s*)?INSERT\s+INTO\s+` + identPattern)
	reAddValue   = regexp.MustCompile(`(?is)^ALTER\s+TYPE\s+` + identPattern + `\s+ADD\s+VALUE\s+(?:IF\s+NOT\s+EXISTS\s+)?'((?:[^']|'')*)'`)
	reAlterType  = regexp.MustCompile(`(?is)^ALTER\s+TYPE\s+` + identPattern)
	reColumnType = regexp.MustCompile(`(?is)\bALTER\s+(?:COLUMN\s+)?` + identPattern + `\s+(?:SET\s+DATA\s+)?TYPE\s+` + identPattern)
	reRenameTo   = regexp.MustCompile(`(?is)^ALTER\s+(?:TYPE|TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?)\s*` + identPattern + `\s+RENAME\s+TO\s+` + identPattern + `\s*;?\s*$`)
	reCreateType = regexp.MustCompile(`(?is)^CREATE\s+TYPE\s+` + identPattern)
	reDropType   = regexp.MustCompile(`(?is)^DROP\s+TYPE\s+(?:IF\s+EXISTS\s+)?` + identPattern)
	reCreateIdx  = regexp.MustCompile(`(?is)^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:` + identPattern + `\s+)?ON\s+(?:ONLY\s+)?` + identPattern)
	reDropIdx    = regexp.MustCompile(`(?is)^DROP\s+INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?` + identPattern)
	reReindex    = regexp.MustCompile(`(?is)^REINDEX\s+(?:\([^)]*\)\s*)?\w+\s+CONCURRENTLY\b`)
	reAlterTable = regexp.MustCompile(`(?is)^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?` + identPattern)
	reCreateTab  = regexp.MustCompile(`(?is)^CREATE\s+(?:UNLOGGED\s+|(?:GLOBAL\s+|LOCAL\s+)?TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?` + identPattern)
	rePartition  = regexp.MustCompile(`(?is)^\s*PARTITION\s+OF\s+` + identPattern)
	reDropTable  = regexp.MustCompile(`(?is)^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?` + identPattern)
	reSelect     = regexp.MustCompile(`(?is)^(?:SELECT|WITH|SHOW)\b`)
	reSession    = regexp.MustCompile(`(?is)^(?:SET|RESET|COMMENT\s+ON|GRANT|REVOKE|ANALYZE|VACUUM|LOCK|NOTIFY|DISCARD|PRAGMA)\b`)
	reTempTable  = regexp.MustCompile(`(?is)^CREATE\s+(?:GLOBAL\s+|LOCAL\s+)?TEMP(?:ORARY)?\s+TABLE\b`)
)

// ClassifySQL splits literal SQL into statements and classifies each.
func ClassifySQL(text string) *SQL {
	s := &SQL{Known: true, Text: text}
	for _, stmt := range splitStatements(text) {
		s.Statements = append(s.Statements, classify(stmt))
	}
	return s
}

// ident returns the unqualified, unquoted name of a matched (schema.)name.
func ident(first, second string) string {
	name := first
	if second != "" {
		name = second
	}
	if strings.HasPrefix(name, `"`) {
		return strings.ReplaceAll(name[1:len(name)-1], `""`, `"`)
	}
	return strings.ToLower(name)
}

func classify(stmt string) Statement {
	st := Statement{Kind: SQLOther, Text: stmt}
	if m := reAddValue.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Object, st.Value = SQLAlterTypeAdd, ident(m[1], m[2]), strings.ReplaceAll(m[3], "''", "'")
	} else if m := reAlterType.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Object = SQLAlterType, ident(m[1], m[2])
		if r := reRenameTo.FindStringSubmatch(stmt); r != nil {
			st.NewName = ident(r[3], r[4])
		}
	} else if m := reCreateType.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Object = SQLCreateType, ident(m[1], m[2])
	} else if m := reDropType.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Object = SQLDropType, ident(m[1], m[2])
	} else if m := reCreateIdx.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Concurrently, st.Object, st.Table = SQLCreateIndex, m[1] != "", ident(m[2], m[3]), ident(m[4], m[5])
	} else if m := reDropIdx.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Concurrently, st.Object = SQLDropIndex, m[1] != "", ident(m[2], m[3])
	} else if reReindex.MatchString(stmt) {
		st.Concurrently = true
	} else if m := reUpdate.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Table = SQLUpdate, ident(m[1], m[2])
	} else if m := reDelete.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Table = SQLDelete, ident(m[1], m[2])
	} else if m := reInsert.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Table = SQLInsert, ident(m[1], m[2])
	} else if m := reAlterTable.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Table = SQLAlterTable, ident(m[1], m[2])
		if r := reRenameTo.FindStringSubmatch(stmt); r != nil {
			st.NewName = ident(r[3], r[4])
		}
		for _, c := range reColumnType.FindAllStringSubmatch(stmt[len(m[0]):], -1) {
			if st.ColumnTypes == nil {
				st.ColumnTypes = map[string]string{}
			}
			st.ColumnTypes[ident(c[1], c[2])] = ident(c[3], c[4])
		}
	} else if m := reCreateTab.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Table, st.Temporary = SQLCreateTable, ident(m[1], m[2]), reTempTable.MatchString(stmt)
		if p := rePartition.FindStringSubmatch(stmt[len(m[0]):]); p != nil {
			st.Parent = ident(p[1], p[2])
		}
	} else if m := reDropTable.FindStringSubmatch(stmt); m != nil {
		st.Kind, st.Table = SQLDropTable, ident(m[1], m[2])
	} else if reSelect.MatchString(stmt) {
		st.Kind = SQLSelect
	} else if reSession.MatchString(stmt) {
		st.Kind = SQLSession
	}
	return st
}

// splitStatements splits on semicolons outside quotes and dollar-quoted bodies,
// and drops the comments outside them. It is one pass because each can hide the
// others: a quote in a comment (-- don't), a comment marker in a string ('--').
func splitStatements(text string) []string {
	var out []string
	var cur strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\'' || c == '"':
			end := len(text)
			if j := strings.IndexByte(text[i+1:], c); j >= 0 {
				end = i + 1 + j + 1
			}
			cur.WriteString(text[i:end])
			i = end - 1
		case c == '$' && dollarTag.MatchString(text[i:]):
			tag := dollarTag.FindString(text[i:])
			end := len(text)
			if j := strings.Index(text[i+len(tag):], tag); j >= 0 {
				end = i + len(tag) + j + len(tag)
			}
			cur.WriteString(text[i:end])
			i = end - 1
		case c == '-' && strings.HasPrefix(text[i:], "--"):
			end := len(text)
			if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
				end = i + j
			}
			cur.WriteByte(' ')
			i = end - 1
		case c == '/' && strings.HasPrefix(text[i:], "/*"):
			end := len(text)
			if j := strings.Index(text[i+2:], "*/"); j >= 0 {
				end = i + 2 + j + 2
			}
			cur.WriteByte(' ')
			i = end - 1
		case c == ';':
			out = appendStatement(out, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return appendStatement(out, cur.String())
}

var dollarTag = regexp.MustCompile(`^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$`)

func appendStatement(out []string, s string) []string {
	if s = strings.Join(strings.Fields(s), " "); s != "" {
		out = append(out, s)
	}
	return out
}
