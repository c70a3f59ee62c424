package migration

import (
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/sqlparse"
)

// sqlText is the SQL an expression evaluates to, with where each byte was
// written in the file; parts that are not known statically are
// sqlparse.Hole.
type sqlText struct {
	text    strings.Builder
	offsets []int
	holes   int
}

func (b *sqlText) write(s string, at int) {
	b.text.WriteString(s)
	for range len(s) {
		b.offsets = append(b.offsets, at)
	}
}

func (b *sqlText) hole(at int) {
	b.write(sqlparse.Hole, at)
	b.holes++
}

func (b *sqlText) writeMapped(m pysyntax.Mapped) {
	b.text.WriteString(m.Value)
	b.offsets = append(b.offsets, m.Offsets[:len(m.Value)]...)
	b.holes += m.Holes
}

// sqlTextOf evaluates e (a literal, a concatenation, % or .format()
// formatting, an f-string) into b. It reports false, writing nothing, when e
// is no string at all (a variable of unknown value, a SQLAlchemy construct).
func (x *extractor) sqlTextOf(b *sqlText, e *Expr, s *scope) bool {
	if e == nil {
		return false
	}
	if known := x.constant(e, s); known != nil {
		e = known
	}
	switch {
	case e.Kind == pysyntax.String || e.Kind == pysyntax.FString:
		if m, ok := pysyntax.DecodeMapped(e.Text, e.Span.Start, sqlparse.Hole); ok {
			b.writeMapped(m)
		} else if e.Kind == pysyntax.String { // a constant: its value, placed at the name
			b.write(e.Str, e.Span.Start)
		} else {
			b.hole(e.Span.Start)
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
	case e.Kind == pysyntax.Call && e.Func.Kind == pysyntax.Attribute && e.Func.Name == "format":
		var format sqlText
		if !x.sqlTextOf(&format, e.Func.Object, s) {
			return false
		}
		braceFormat(b, &format)
		return true
	}
	return false
}

// part writes one operand of a concatenation: its text, or a hole.
func (b *sqlText) part(p *sqlText, known bool, e *Expr) {
	if !known {
		b.hole(e.Span.Start)
		return
	}
	b.text.WriteString(p.text.String())
	b.offsets = append(b.offsets, p.offsets...)
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
			b.write(text[i:i+1], format.offsets[i])
			continue
		}
		start := i
		i++
		if text[i] == '%' {
			b.write("%", format.offsets[start])
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
			value, ok = values[0].StringValue()
		}
		if len(values) > 0 {
			values = values[1:]
		}
		if ok {
			b.write(value, format.offsets[start])
		} else {
			b.hole(format.offsets[start])
		}
	}
}

// braceFormat applies str.format(): every replacement field becomes a hole.
func braceFormat(b *sqlText, format *sqlText) {
	text := format.text.String()
	b.holes += format.holes
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case (c == '{' || c == '}') && i+1 < len(text) && text[i+1] == c:
			b.write(text[i:i+1], format.offsets[i])
			i++
		case c == '{':
			b.hole(format.offsets[i])
			if j := strings.IndexByte(text[i:], '}'); j >= 0 {
				i += j
			} else {
				i = len(text)
			}
		default:
			b.write(text[i:i+1], format.offsets[i])
		}
	}
}
