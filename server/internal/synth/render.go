package synth

import (
	"bytes"
	"strconv"
	"strings"
)

// style is the formatting of one revision file. Real projects drift over
// the years: old alembic templates with repr() quoting, newer annotated
// templates, and files reformatted by black.
type style struct {
	q         byte // string quote character
	black     bool // black layout (double quotes, exploded calls, trailing commas)
	annotated bool // typed header variables (alembic >= 1.11 template)
	arrow     bool // "-> None" on upgrade/downgrade
	seqDown   bool // annotated down_revision uses Union[str, Sequence[str], None]
}

// str renders a Python string literal in the file's quote style.
func (s style) str(v string) string {
	q := s.q
	if strings.IndexByte(v, q) >= 0 {
		if q == '"' {
			q = '\''
		} else {
			q = '"'
		}
	}
	return string(q) + v + string(q)
}

func (s style) list(vs ...string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.str(v))
	}
	b.WriteByte(']')
	return b.String()
}

// expr is a Python expression: a literal text or a call.
type expr interface{ flat(b *strings.Builder) }

type lit string

func (l lit) flat(b *strings.Builder) { b.WriteString(string(l)) }

type call struct {
	fn   string
	args []expr
}

func (c *call) flat(b *strings.Builder) {
	b.WriteString(c.fn)
	b.WriteByte('(')
	for i, a := range c.args {
		if i > 0 {
			b.WriteString(", ")
		}
		a.flat(b)
	}
	b.WriteByte(')')
}

func flatString(e expr) string {
	var b strings.Builder
	e.flat(&b)
	return b.String()
}

// kw renders name=value; a call value stays splittable by the black layout.
func kw(name string, v expr) expr {
	if c, ok := v.(*call); ok {
		return &call{fn: name + "=" + c.fn, args: c.args}
	}
	return lit(name + "=" + flatString(v))
}

func fn(name string, args ...expr) *call { return &call{fn: name, args: args} }

const blackWidth = 88

// writeBlack lays out e the way black does: on one line if it fits, else
// the arguments on one indented line, else one argument per line with a
// magic trailing comma, recursing into arguments that still do not fit.
func writeBlack(b *bytes.Buffer, indent int, e expr, trailer string) {
	one := flatString(e)
	c, isCall := e.(*call)
	if !isCall || len(c.args) == 0 || indent+len(one)+len(trailer) <= blackWidth {
		writeIndent(b, indent)
		b.WriteString(one)
		b.WriteString(trailer)
		b.WriteByte('\n')
		return
	}
	writeIndent(b, indent)
	b.WriteString(c.fn)
	b.WriteString("(\n")
	var args strings.Builder
	for i, a := range c.args {
		if i > 0 {
			args.WriteString(", ")
		}
		a.flat(&args)
	}
	if indent+4+args.Len() <= blackWidth {
		writeIndent(b, indent+4)
		b.WriteString(args.String())
		b.WriteByte('\n')
	} else {
		for _, a := range c.args {
			writeBlack(b, indent+4, a, ",")
		}
	}
	writeIndent(b, indent)
	b.WriteByte(')')
	b.WriteString(trailer)
	b.WriteByte('\n')
}

func writeIndent(b *bytes.Buffer, n int) {
	for ; n > 0; n-- {
		b.WriteByte(' ')
	}
}

// layout selects the classic (pre-black) autogenerate rendering of an op.
type layout int

const (
	layoutLine  layout = iota // everything on one line
	layoutHang                // alter_column: kwargs on hanging lines
	layoutTable               // create_table: one element per line at the call's indent
)

// op is one statement of an upgrade() or downgrade() body.
type op struct {
	table     string // table the op applies to ("" for none)
	batchable bool   // may be rendered inside a batch_alter_table block
	layout    layout
	hang      int // layoutHang: positional arguments kept on the first line
	build     func(batch bool) *call
}

func (o *op) write(b *bytes.Buffer, s style, indent int, batch bool) {
	c := o.build(batch)
	if s.black {
		writeBlack(b, indent, c, "")
		return
	}
	writeIndent(b, indent)
	switch o.layout {
	case layoutTable:
		b.WriteString(c.fn)
		b.WriteByte('(')
		for i, a := range c.args {
			if i > 0 {
				b.WriteString(",\n")
				writeIndent(b, indent)
			}
			b.WriteString(flatString(a))
		}
		b.WriteByte('\n')
		writeIndent(b, indent)
		b.WriteString(")\n")
	case layoutHang:
		hang := o.hang
		if batch {
			hang-- // the table argument is not rendered in batch mode
		}
		b.WriteString(c.fn)
		b.WriteByte('(')
		for i, a := range c.args {
			if i > 0 {
				if i >= hang {
					b.WriteString(",\n")
					writeIndent(b, indent+11)
				} else {
					b.WriteString(", ")
				}
			}
			b.WriteString(flatString(a))
		}
		b.WriteString(")\n")
	default:
		b.WriteString(flatString(c))
		b.WriteByte('\n')
	}
}

// writeOps renders a function body. In batch mode, consecutive batchable
// ops on one table are grouped into a batch_alter_table block, as
// autogenerate does with render_as_batch=True.
func writeOps(b *bytes.Buffer, s style, ops []*op, batch bool) {
	for i := 0; i < len(ops); {
		o := ops[i]
		if !batch || !o.batchable {
			o.write(b, s, 4, false)
			i++
			continue
		}
		j := i
		for j < len(ops) && ops[j].batchable && ops[j].table == o.table {
			j++
		}
		b.WriteString("    with op.batch_alter_table(")
		b.WriteString(s.str(o.table))
		b.WriteString(", schema=None) as batch_op:\n")
		for _, x := range ops[i:j] {
			x.write(b, s, 8, true)
		}
		b.WriteByte('\n')
		i = j
	}
}

// ---- op constructors ----

func prefix(batch bool) string {
	if batch {
		return "batch_op."
	}
	return "op."
}

// withTable returns args with the table name inserted at position pos,
// unless in batch mode where the block names the table.
func withTable(s style, batch bool, table string, pos int, args ...expr) []expr {
	if batch {
		return args
	}
	out := make([]expr, 0, len(args)+1)
	out = append(out, args[:pos]...)
	out = append(out, lit(s.str(table)))
	return append(out, args[pos:]...)
}

func opAddColumn(s style, table string, col expr) *op {
	return &op{table: table, batchable: true, build: func(batch bool) *call {
		return fn(prefix(batch)+"add_column", withTable(s, batch, table, 0, col)...)
	}}
}

func opDropColumn(s style, table, col string) *op {
	return &op{table: table, batchable: true, build: func(batch bool) *call {
		return fn(prefix(batch)+"drop_column", withTable(s, batch, table, 0, lit(s.str(col)))...)
	}}
}

func opCreateIndex(s style, table, name string, cols []string, unique bool) *op {
	return &op{table: table, batchable: true, build: func(batch bool) *call {
		return fn(prefix(batch)+"create_index", withTable(s, batch, table, 1,
			fn(prefix(batch)+"f", lit(s.str(name))),
			lit(s.list(cols...)),
			kw("unique", lit(pyBool(unique))))...)
	}}
}

func opDropIndex(s style, table, name string) *op {
	return &op{table: table, batchable: true, build: func(batch bool) *call {
		c := fn(prefix(batch)+"drop_index", fn(prefix(batch)+"f", lit(s.str(name))))
		if !batch {
			c.args = append(c.args, kw("table_name", lit(s.str(table))))
		}
		return c
	}}
}

func opCreateForeignKey(s style, name, table, ref, local, remote, ondelete string) *op {
	return &op{table: table, batchable: true, build: func(batch bool) *call {
		args := withTable(s, batch, table, 1, lit(s.str(name)), lit(s.str(ref)),
			lit(s.list(local)), lit(s.list(remote)))
		if ondelete != "" {
			args = append(args, kw("ondelete", lit(s.str(ondelete))))
		}
		return fn(prefix(batch)+"create_foreign_key", args...)
	}}
}

func opDropConstraint(s style, name, table, typ string) *op {
	return &op{table: table, batchable: true, build: func(batch bool) *call {
		return fn(prefix(batch)+"drop_constraint", withTable(s, batch, table, 1,
			lit(s.str(name)), kw("type_", lit(s.str(typ))))...)
	}}
}

func opCreateUnique(s style, name, table string, cols ...string) *op {
	return &op{table: table, batchable: true, build: func(batch bool) *call {
		return fn(prefix(batch)+"create_unique_constraint", withTable(s, batch, table, 1,
			lit(s.str(name)), lit(s.list(cols...)))...)
	}}
}

func opAlterColumn(s style, table, col string, kws ...expr) *op {
	return &op{table: table, batchable: true, layout: layoutHang, hang: 2, build: func(batch bool) *call {
		return fn(prefix(batch)+"alter_column", withTable(s, batch, table, 0,
			append([]expr{lit(s.str(col))}, kws...)...)...)
	}}
}

func opExecute(s style, sql string) *op {
	return &op{build: func(bool) *call { return fn("op.execute", lit(s.str(sql))) }}
}

func opCreateTable(s style, table string, elems []expr) *op {
	return &op{table: table, layout: layoutTable, build: func(bool) *call {
		return fn("op.create_table", append([]expr{lit(s.str(table))}, elems...)...)
	}}
}

func opDropTable(s style, table string) *op {
	return &op{table: table, build: func(bool) *call { return fn("op.drop_table", lit(s.str(table))) }}
}

// opDropEnum drops a named enum type left behind by drop_table.
func opDropEnum(s style, name string) *op {
	return &op{build: func(bool) *call {
		return fn("sa.Enum("+"name="+s.str(name)+").drop", fn("op.get_bind"), kw("checkfirst", lit("True")))
	}}
}

func pyBool(v bool) string {
	if v {
		return "True"
	}
	return "False"
}

// ---- types and columns ----

// modelType renders the type as written in a model (upgrade side).
func modelType(s style, c *column) expr {
	switch c.kind {
	case kInt:
		return fn("sa.Integer")
	case kBigInt:
		return fn("sa.BigInteger")
	case kString:
		return fn("sa.String", kw("length", lit(strconv.Itoa(c.length))))
	case kBool:
		return fn("sa.Boolean")
	case kDateTime:
		if c.tz {
			return fn("sa.DateTime", kw("timezone", lit("True")))
		}
		return fn("sa.DateTime")
	case kNumeric:
		return fn("sa.Numeric", kw("precision", lit(strconv.Itoa(c.prec))), kw("scale", lit(strconv.Itoa(c.scale))))
	case kText:
		return fn("sa.Text")
	case kJSONB:
		return fn("postgresql.JSONB", kw("astext_type", fn("sa.Text")))
	case kUUID:
		return fn("postgresql.UUID", kw("as_uuid", lit("True")))
	case kEnum:
		args := make([]expr, 0, len(c.enumVals)+1)
		for _, v := range c.enumVals {
			args = append(args, lit(s.str(v)))
		}
		return fn("sa.Enum", append(args, kw("name", lit(s.str(c.enumName))))...)
	}
	panic("synth: unknown column kind")
}

// reflectedType renders the type as autogenerate writes it from a
// reflected database (downgrade side, existing_type=).
func reflectedType(s style, c *column) expr {
	switch c.kind {
	case kInt:
		return fn("sa.INTEGER")
	case kBigInt:
		return fn("sa.BIGINT")
	case kString:
		return fn("sa.VARCHAR", kw("length", lit(strconv.Itoa(c.length))))
	case kBool:
		return fn("sa.BOOLEAN")
	case kDateTime:
		if c.tz {
			return fn("postgresql.TIMESTAMP", kw("timezone", lit("True")))
		}
		return fn("postgresql.TIMESTAMP")
	case kNumeric:
		return fn("sa.NUMERIC", kw("precision", lit(strconv.Itoa(c.prec))), kw("scale", lit(strconv.Itoa(c.scale))))
	case kText:
		return fn("sa.TEXT")
	case kJSONB:
		return fn("postgresql.JSONB", kw("astext_type", fn("sa.Text")))
	case kUUID:
		return fn("postgresql.UUID")
	case kEnum:
		args := make([]expr, 0, len(c.enumVals)+1)
		for _, v := range c.enumVals {
			args = append(args, lit(s.str(v)))
		}
		return fn("postgresql.ENUM", append(args, kw("name", lit(s.str(c.enumName))))...)
	}
	panic("synth: unknown column kind")
}

func serverDefault(s style, c *column) expr {
	return fn("sa.text", lit(s.str(c.serverDefault)))
}

// modelColumn renders sa.Column(...) as autogenerate writes it for a model.
func modelColumn(s style, c *column) expr {
	args := []expr{lit(s.str(c.name)), modelType(s, c)}
	if c.serverDefault != "" {
		args = append(args, kw("server_default", serverDefault(s, c)))
	}
	args = append(args, kw("nullable", lit(pyBool(c.nullable))))
	return fn("sa.Column", args...)
}

// reflectedColumn renders sa.Column(...) as autogenerate writes it for a
// column re-created from the database (downgrade of a drop_column).
func reflectedColumn(s style, c *column, nullable bool) expr {
	args := []expr{lit(s.str(c.name)), reflectedType(s, c)}
	if c.serverDefault != "" {
		args = append(args, kw("server_default", serverDefault(s, c)))
	}
	args = append(args, kw("autoincrement", lit("False")), kw("nullable", lit(pyBool(nullable))))
	return fn("sa.Column", args...)
}

// existing returns the existing_* keywords autogenerate adds to alter_column.
func existing(s style, c *column, typ expr) []expr {
	out := []expr{kw("existing_type", typ)}
	if c.serverDefault != "" {
		out = append(out, kw("existing_server_default", serverDefault(s, c)))
	}
	return out
}
