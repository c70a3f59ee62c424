package migration

import (
	"strconv"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// sqlText is the SQL an expression evaluates to, with the range of the file
// each byte comes from; parts that are not known statically are
// sqlparse.Hole.
type sqlText struct {
	text   strings.Builder
	places []place
	holes  int
}

// place is a byte range of the file.
type place [2]int

func (b *sqlText) write(s string, at place) {
	b.text.WriteString(s)
	for range len(s) {
		b.places = append(b.places, at)
	}
}

func (b *sqlText) hole(at place) {
	b.write(sqlparse.Hole, at)
	b.holes++
}

func (b *sqlText) writeMapped(m pysyntax.Mapped) {
	b.text.WriteString(m.Value)
	for i := range len(m.Value) {
		b.places = append(b.places, place{m.Offsets[i], m.Offsets[i] + 1})
	}
	b.holes += m.Holes
}

// unescapeColons turns text()'s escaped colon (\:) into the colon it runs,
// keeping each byte's place.
func (b *sqlText) unescapeColons() {
	text := b.text.String()
	if !strings.Contains(text, `\:`) {
		return
	}
	b.text.Reset()
	places := b.places[:0:0]
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' && i+1 < len(text) && text[i+1] == ':' {
			continue
		}
		b.text.WriteByte(text[i])
		places = append(places, b.places[i])
	}
	b.places = places
}

// spanOf is where e is written.
func spanOf(e *Expr) place { return place{e.Span.Start, e.Span.End} }

// maxSQLDepth bounds the nesting sqlTextOf follows. An expression is at
// most 64 deep (pysyntax), and a few names lead from one to the next: deeper
// is a cycle of names, read as SQL not known.
const maxSQLDepth = 200

// sqlTextOf evaluates e (a literal, a concatenation, % or .format()
// formatting, an f-string, op.f() of a name) into b. It reports false, writing nothing, when e
// is no string at all (a variable of unknown value, a SQLAlchemy construct).
func (x *extractor) sqlTextOf(b *sqlText, e *Expr, s *scope) bool {
	if e == nil || x.sqlDepth > maxSQLDepth {
		return false
	}
	x.sqlDepth++
	defer func() { x.sqlDepth-- }()
	if known := x.constant(e, s); known != nil {
		e = known
	}
	switch {
	case e.Kind == pysyntax.String || e.Kind == pysyntax.FString:
		// a constant's value is read at the name (its Text is written elsewhere)
		inPlace := e.Span.End <= len(x.t.Src) && string(x.t.Src[e.Span.Start:e.Span.End]) == e.Text
		if m, ok := pysyntax.DecodeMappedWith(e.Text, e.Span.Start, sqlparse.Hole, x.stringOf(s)); ok && inPlace {
			b.writeMapped(m)
		} else if e.Kind == pysyntax.String {
			b.write(e.Str, spanOf(e))
		} else {
			b.hole(spanOf(e))
		}
		return true
	case e.Kind == pysyntax.Operator && e.Name == "+" && len(e.Args) == 2:
		var left, right sqlText
		okLeft, okRight := x.sqlTextOf(&left, e.Args[0], s), x.sqlTextOf(&right, e.Args[1], s)
		if !okLeft && !okRight {
			return false
		}
		b.part(&left, okLeft, e.Args[0])
		b.part(&right, okRight, e.Args[1])
		return true
	case e.Kind == pysyntax.Operator && e.Name == "%" && len(e.Args) == 2:
		var format sqlText
		if !x.sqlTextOf(&format, e.Args[0], s) {
			return false
		}
		x.percentFormat(b, &format, e.Args[1], s)
		return true
	case x.isOpCall(e, "f", s) && len(e.Args) == 1:
		// op.f("ix_names_name") is the name as written (namex builds its
		// CREATE INDEX around one)
		return x.sqlTextOf(b, e.Args[0], s)
	case e.Kind == pysyntax.Call && len(e.Keywords()) == 0 && whitespaceOnly(e):
		// textwrap.dedent(...), "...".strip(): the SQL as written, whose
		// whitespace SQL does not read (backend.ai splits a dedented script
		// into statements)
		if len(e.Args) == 1 {
			return x.sqlTextOf(b, e.Args[0], s)
		}
		return x.sqlTextOf(b, e.Func().Object, s)
	case e.Kind == pysyntax.Call && x.sqlReturned(b, e, s):
		return true
	case psycopgComposed(e):
		// psycopg's sql.SQL("... {} ...").format(...).as_string(conn): the
		// template, formatted as a string is (renku resets its sequences
		// through one); an sql.Identifier is a name not known, a hole
		return x.sqlTextOf(b, e.Args[0], s)
	case e.Kind == pysyntax.Call && e.Func().Kind == pysyntax.Attribute && e.Func().Name == "as_string" && len(e.Args) <= 1 &&
		psycopgComposition(e.Func().Object):
		return x.sqlTextOf(b, e.Func().Object, s)
	case e.Kind == pysyntax.Call && e.Func().Kind == pysyntax.Attribute && e.Func().Name == "format" && len(e.Args) > 0 &&
		stringFormatter(e.Func().Object):
		// string.Formatter().format(template, ...) formats as str.format does
		// (pulse-data's StrictStringFormatter, a subclass)
		var format sqlText
		if !x.sqlTextOf(&format, e.Args[0], s) {
			return false
		}
		values := *e
		values.Args = e.Args[1:]
		x.braceFormat(b, &format, &values, s)
		return true
	case e.Kind == pysyntax.Call && e.Func().Kind == pysyntax.Attribute && e.Func().Name == "format":
		var format sqlText
		if !x.sqlTextOf(&format, e.Func().Object, s) {
			return false
		}
		x.braceFormat(b, &format, e, s)
		return true
	}
	return false
}

// sqlReturned writes the text a call of a function of the file returns,
// when its body is that one return (after assignments that compute
// strings, whose names are then not known): read in the function's own scope, with
// the constants the call gives its parameters (prefect runs the UPDATE each
// function of a list returns for a batch size).
func (x *extractor) sqlReturned(b *sqlText, call *Expr, s *scope) bool {
	callee := x.resolve(call.Func(), s)
	if callee == nil || callee.Kind != pysyntax.Name {
		return false
	}
	def := x.helper(callee.Name, s)
	returned, computed := x.returnOf(def, true, true)
	if returned == nil {
		return false
	}
	inner := x.calleeScope(def, callee.Name, call, s)
	for _, st := range computed {
		x.forget(st, inner) // what they compute is not followed
	}
	return x.sqlTextOf(b, returned, inner)
}

// stringFormatter reports whether e makes a string.Formatter, or an object
// of a class named as one (a subclass), without arguments.
func stringFormatter(e *Expr) bool {
	return e.Kind == pysyntax.Call && len(e.Args) == 0 && len(e.Keywords()) == 0 &&
		strings.HasSuffix(pysyntax.LastName(e.CallName()), "Formatter")
}

// psycopgComposed reports whether e is psycopg's sql.SQL(template).
func psycopgComposed(e *Expr) bool {
	return e.Kind == pysyntax.Call && len(e.Args) == 1 && len(e.Keywords()) == 0 && pysyntax.LastName(e.CallName()) == "SQL" &&
		strings.Contains(e.CallName(), ".")
}

// psycopgComposition reports whether e is sql.SQL(template), formatted or not.
func psycopgComposition(e *Expr) bool {
	if e.Kind == pysyntax.Call && e.Func().Kind == pysyntax.Attribute && e.Func().Name == "format" {
		e = e.Func().Object
	}
	return psycopgComposed(e)
}

// whitespaceOnly: the call changes only the whitespace around a string's
// lines: dedent(s) or cleandoc(s), or s.strip() without characters to strip.
func whitespaceOnly(call *Expr) bool {
	switch fn := call.Func(); {
	case len(call.Args) == 1:
		name := pysyntax.LastName(call.CallName())
		return name == "dedent" || name == "cleandoc"
	case len(call.Args) == 0 && fn.Kind == pysyntax.Attribute:
		return fn.Name == "strip" || fn.Name == "lstrip" || fn.Name == "rstrip"
	}
	return false
}

// stringOf resolves a name to the string it certainly holds in s (a loop
// variable of an unrolled loop, a module constant, a concatenation or
// formatting of them): f-strings interpolate them (agenta drops its legacy
// enum types in a loop; the notify forks rename template_type to
// tmp_name = "tmp_" + name).
func (x *extractor) stringOf(s *scope) func(name string) (string, bool) {
	return func(name string) (string, bool) {
		return x.knownString(&Expr{Kind: pysyntax.Name, Name: name}, s)
	}
}

// part writes one operand of a concatenation: its text, or a hole.
func (b *sqlText) part(p *sqlText, known bool, e *Expr) {
	if !known {
		b.hole(spanOf(e))
		return
	}
	b.text.WriteString(p.text.String())
	b.places = append(b.places, p.places...)
	b.holes += p.holes
}

// percentFormat applies Python's % formatting: %s takes a known string value,
// every other conversion (and an unknown value) becomes a hole.
func (x *extractor) percentFormat(b *sqlText, format *sqlText, arg *Expr, s *scope) {
	values := []*Expr{arg}
	if arg.Kind == pysyntax.Tuple {
		values = arg.Args
	}
	text := format.text.String()
	b.holes += format.holes
	if len(values) != strings.Count(text, "%")-2*strings.Count(text, "%%") || arg.Kind == pysyntax.Dict {
		b.holes++ // the values do not match the conversions: Python raises, or a mapping is used
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 >= len(text) {
			b.write(text[i:i+1], format.places[i])
			continue
		}
		start := i
		i++
		if text[i] == '%' {
			b.write("%", format.places[start])
			continue
		}
		if text[i] == '(' { // %(name)s
			if j := strings.IndexByte(text[i:], ')'); j >= 0 {
				i += j + 1
			}
		}
		for i < len(text) && strings.IndexByte("#0- +.0123456789", text[i]) >= 0 {
			i++
		}
		var value string
		ok := false
		if i < len(text) && text[i] == 's' && len(values) > 0 && text[start+1] != '(' {
			value, ok = x.knownString(values[0], s)
		}
		if len(values) > 0 {
			values = values[1:]
		}
		if ok {
			b.write(value, format.places[start])
		} else {
			b.hole(format.places[start])
		}
	}
}

// braceFormat applies str.format() (call): a replacement field takes the
// string its argument certainly holds, by position ({}, {0}) or by name
// ({table}); any other field ({0!r}, {x:>8}, {a.b}), or an argument not
// known, becomes a hole.
func (x *extractor) braceFormat(b *sqlText, format *sqlText, call *Expr, s *scope) {
	text := format.text.String()
	b.holes += format.holes
	next := 0 // the argument of the next automatically numbered field
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case (c == '{' || c == '}') && i+1 < len(text) && text[i+1] == c:
			b.write(text[i:i+1], format.places[i])
			i++
		case c == '{':
			j := strings.IndexByte(text[i:], '}')
			if j < 0 {
				b.hole(format.places[i])
				i = len(text)
				continue
			}
			field := text[i+1 : i+j]
			var arg *Expr
			switch n, err := strconv.Atoi(field); {
			case call.HasSplat():
			case field == "" && next < len(call.Args):
				arg = call.Args[next]
				next++
			case err == nil && n >= 0 && n < len(call.Args):
				arg = call.Args[n]
			case pysyntax.IsIdentifier(field):
				arg = call.Keyword(field)
			}
			if value, ok := x.knownString(arg, s); ok {
				b.write(value, format.places[i])
			} else {
				b.hole(format.places[i])
			}
			i += j
		default:
			b.write(text[i:i+1], format.places[i])
		}
	}
}

// knownString is the string e certainly holds: a literal, a constant, or a
// concatenation or formatting of them.
func (x *extractor) knownString(e *Expr, s *scope) (string, bool) {
	var t sqlText
	if e == nil || !x.sqlTextOf(&t, e, s) || t.holes > 0 {
		return "", false
	}
	return t.text.String(), true
}
