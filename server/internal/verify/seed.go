package verify

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Seed modes.
const (
	SeedAuto = "auto"
	SeedNone = "none"
)

// seedRows is how many rows --seed auto puts in each table.
const seedRows = 3

// SeedReport says what was put in the database before the target's upgrade.
type SeedReport struct {
	Mode   string        `json:"mode" jsonschema:"auto (generated from the schema at the parent) / none / file (the SQL file given)"`
	File   string        `json:"file,omitempty" jsonschema:"the SQL file run, for mode file"`
	Tables []SeededTable `json:"tables" jsonschema:"for mode auto: each table and the rows put in it"`
}

// SeededTable is one table --seed auto filled (or could not).
type SeededTable struct {
	Table string `json:"table"`
	Rows  int    `json:"rows"`
	Error string `json:"error,omitempty" jsonschema:"why no rows could be generated for this table (PostgreSQL's error)"`
}

// column is one column of the schema at the parent, as the catalog has it.
type column struct {
	name      string
	typ       string // format_type: the type as SQL spells it
	category  string // pg_type.typcategory of the type (of a domain's base type)
	typeName  string // the (base) type's name: uuid, jsonb, ...
	labels    []string
	notNull   bool
	hasDef    bool
	identity  bool // GENERATED ALWAYS AS IDENTITY or a generated column: never given a value
	reference *reference
}

// reference is the table and column a foreign key column points at.
type reference struct{ table, column string }

type table struct {
	name    string // quoted, schema-qualified unless public
	shown   string
	columns []*column
	parents []string // tables its foreign keys reference
}

// catalogTables reads the user tables of the database (alembic_version aside).
func catalogTables(ctx context.Context, conn *pgx.Conn) ([]*table, error) {
	rows, err := conn.Query(ctx, `
SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
       coalesce(bt.typcategory, t.typcategory)::text, coalesce(bt.typname, t.typname)::text,
       coalesce((SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = coalesce(bt.oid, t.oid)), '{}'),
       a.attnotnull, a.atthasdef, a.attidentity = 'a' OR a.attgenerated <> ''
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  AND NOT (c.relname = 'alembic_version')
ORDER BY n.nspname, c.relname, a.attnum`)
	if err != nil {
		return nil, err
	}
	byName := map[string]*table{}
	var tables []*table
	for rows.Next() {
		var schema, rel string
		col := &column{}
		if err := rows.Scan(&schema, &rel, &col.name, &col.typ, &col.category, &col.typeName, &col.labels, &col.notNull, &col.hasDef, &col.identity); err != nil {
			rows.Close()
			return nil, err
		}
		key := schema + "." + rel
		t := byName[key]
		if t == nil {
			t = &table{name: pgx.Identifier{schema, rel}.Sanitize(), shown: shownName(schema, rel)}
			byName[key] = t
			tables = append(tables, t)
		}
		t.columns = append(t.columns, col)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// single-column foreign keys: the referencing column takes a value of the referenced one
	fks, err := conn.Query(ctx, `
SELECT sn.nspname, s.relname, sa.attname, rn.nspname, r.relname, ra.attname
FROM pg_constraint k
JOIN pg_class s ON s.oid = k.conrelid JOIN pg_namespace sn ON sn.oid = s.relnamespace
JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
JOIN LATERAL unnest(k.conkey, k.confkey) AS u(src, dst) ON true
JOIN pg_attribute sa ON sa.attrelid = k.conrelid AND sa.attnum = u.src
JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.dst
WHERE k.contype = 'f'`)
	if err != nil {
		return nil, err
	}
	defer fks.Close()
	for fks.Next() {
		var ss, sr, sc, rs, rr, rc string
		if err := fks.Scan(&ss, &sr, &sc, &rs, &rr, &rc); err != nil {
			return nil, err
		}
		t := byName[ss+"."+sr]
		if t == nil {
			continue
		}
		for _, c := range t.columns {
			if c.name == sc {
				c.reference = &reference{table: pgx.Identifier{rs, rr}.Sanitize(), column: pgx.Identifier{rc}.Sanitize()}
			}
		}
		parent := pgx.Identifier{rs, rr}.Sanitize()
		if parent != t.name && !slices.Contains(t.parents, parent) {
			t.parents = append(t.parents, parent)
		}
	}
	return tables, fks.Err()
}

func shownName(schema, rel string) string {
	if schema == "public" {
		return rel
	}
	return schema + "." + rel
}

// parentsFirst orders tables so that a table comes after those its foreign
// keys reference (tables on a cycle keep their order, at the end).
func parentsFirst(tables []*table) []*table {
	done := map[string]bool{}
	var out []*table
	for progress := true; progress; {
		progress = false
		for _, t := range tables {
			if done[t.name] {
				continue
			}
			ready := true
			for _, p := range t.parents {
				if !done[p] && slices.ContainsFunc(tables, func(x *table) bool { return x.name == p }) {
					ready = false
				}
			}
			if ready {
				done[t.name], progress = true, true
				out = append(out, t)
			}
		}
	}
	for _, t := range tables {
		if !done[t.name] {
			out = append(out, t)
		}
	}
	return out
}

// value is the SQL for column c in seed row i (nil: leave it to its default).
func (c *column) value(i int) (string, bool) {
	switch {
	case c.identity:
		return "", false
	case !c.notNull:
		return "NULL", true // nullable columns stay NULL: what NOT NULL migrations meet
	case c.reference != nil:
		return fmt.Sprintf("(SELECT %s FROM %s ORDER BY ctid OFFSET %d %% greatest((SELECT count(*) FROM %s), 1) LIMIT 1)",
			c.reference.column, c.reference.table, i, c.reference.table), true
	case c.hasDef:
		return "", false
	}
	lit := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'::" + c.typ }
	switch {
	case len(c.labels) > 0:
		return lit(c.labels[i%len(c.labels)]), true
	case c.category == "A":
		return lit("{}"), true
	case c.category == "N":
		return lit(fmt.Sprint(i + 1)), true
	case c.category == "S":
		return lit(fmt.Sprintf("seed %s %d", c.name, i+1)), true
	case c.category == "B":
		return lit(fmt.Sprint(i%2 == 0)), true
	case c.category == "D":
		return fmt.Sprintf("(timestamp '2024-01-01 12:00' + interval '%d day')::%s", i, c.typ), true
	case c.category == "T":
		return lit(fmt.Sprintf("%d minutes", i+1)), true
	case c.category == "I":
		return lit(fmt.Sprintf("10.0.0.%d", i+1)), true
	case c.category == "V":
		return lit("1"), true
	case c.typeName == "uuid":
		return fmt.Sprintf("md5('seed %d')::uuid", i), true
	case c.typeName == "json" || c.typeName == "jsonb":
		return lit(fmt.Sprintf(`{"seed": %d}`, i+1)), true
	case c.typeName == "bytea":
		return lit(fmt.Sprintf(`\x%02x`, i+1)), true
	}
	return lit(fmt.Sprint(i + 1)), true
}

// insert is the INSERT of the seed rows of t.
func (t *table) insert() string {
	var names []string
	var rows []string
	for i := range seedRows {
		var vals []string
		for _, c := range t.columns {
			v, ok := c.value(i)
			if !ok {
				continue
			}
			if i == 0 {
				names = append(names, pgx.Identifier{c.name}.Sanitize())
			}
			vals = append(vals, v)
		}
		rows = append(rows, "("+strings.Join(vals, ", ")+")")
	}
	if len(names) == 0 {
		return fmt.Sprintf("INSERT INTO %s SELECT FROM generate_series(1, %d)", t.name, seedRows) // every column has a default
	}
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", t.name, strings.Join(names, ", "), strings.Join(rows, ", "))
}

// seedAuto puts a few rows in every table, parents before children; a table
// whose rows fail (a CHECK constraint, a type it cannot guess) is reported
// and left empty.
func seedAuto(ctx context.Context, conn *pgx.Conn) ([]SeededTable, error) {
	tables, err := catalogTables(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("reading the schema at the parent: %w", err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.Background())
	out := []SeededTable{}
	for _, t := range parentsFirst(tables) {
		sub, err := tx.Begin(ctx) // a savepoint
		if err != nil {
			return nil, err
		}
		tag, err := sub.Exec(ctx, t.insert())
		if err != nil {
			_ = sub.Rollback(ctx)
			out = append(out, SeededTable{Table: t.shown, Error: pgError(err)})
			continue
		}
		if err := sub.Commit(ctx); err != nil {
			return nil, err
		}
		out = append(out, SeededTable{Table: t.shown, Rows: int(tag.RowsAffected())})
	}
	return out, tx.Commit(ctx)
}

// seedFile runs a file of SQL (in one transaction).
func seedFile(ctx context.Context, conn *pgx.Conn, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	_, err = conn.PgConn().Exec(ctx, string(data)).ReadAll() // one implicit transaction
	return err
}
