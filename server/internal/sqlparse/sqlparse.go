// Package sqlparse reads SQL with PostgreSQL's own parser (libpg_query through
// pg_query_go): the statements of a string and their positions, or the error
// PostgreSQL would report with its position. Results are cached per text, so
// a string seen in many places (or by many rules) is parsed once.
package sqlparse

import (
	"errors"
	"strings"
	"sync"
	"unicode/utf8"

	pg "github.com/pganalyze/pg_query_go/v6"
	"github.com/pganalyze/pg_query_go/v6/parser"
)

// Hole stands for a part of the SQL the analysis cannot know (an f-string
// interpolation, a % or .format() argument): an identifier, which keeps most
// statements parseable wherever a name or a value goes.
const Hole = "_unknown_"

// Statement is one parsed statement.
type Statement struct {
	Node *pg.Node
	// Start and End are the statement's byte range in the text (without the
	// semicolon and the space before it).
	Start, End int
}

// Error is what PostgreSQL's parser reports: its message and the byte offset
// in the text it points at.
type Error struct {
	Message string
	Offset  int
}

// Result is a parsed text: every statement, or the first syntax error (then
// Statements holds those that parse on their own, for the effects of the rest
// of the text).
type Result struct {
	Statements []Statement
	Err        *Error
	// Unparsed are the byte ranges of the statements that do not parse.
	Unparsed [][2]int
}

var cache = struct {
	sync.Mutex
	m map[string]*Result
}{m: map[string]*Result{}}

// maxCached bounds the cache of a long-lived server: when full it starts over.
const maxCached = 1 << 14

// Parse parses text (bind parameters :name, %(name)s and %s are read as
// parameters). The result is shared: callers must not change it.
func Parse(text string) *Result {
	cache.Lock()
	r, ok := cache.m[text]
	cache.Unlock()
	if ok {
		return r
	}
	r = parse(text)
	cache.Lock()
	if len(cache.m) >= maxCached {
		cache.m = map[string]*Result{}
	}
	cache.m[text] = r
	cache.Unlock()
	return r
}

func parse(text string) *Result {
	input := withParameters(text)
	tree, err := pg.Parse(input)
	if err == nil {
		r := &Result{}
		for _, raw := range tree.Stmts {
			start := int(raw.StmtLocation)
			end := start + int(raw.StmtLen)
			if raw.StmtLen == 0 {
				end = len(input)
			}
			start, end = trim(text, start, end)
			r.Statements = append(r.Statements, Statement{Node: raw.Stmt, Start: start, End: end})
		}
		return r
	}
	r := &Result{Err: toError(input, err)}
	// Parse the statements one by one: the ones that parse keep their effects.
	parts, splitErr := pg.SplitWithScanner(input, false)
	if splitErr != nil {
		r.Unparsed = [][2]int{{0, len(input)}}
		return r
	}
	at := 0
	for _, part := range parts {
		start := strings.Index(input[at:], part) + at
		at = start + len(part)
		s, e := trim(text, start, at)
		if s == e {
			continue
		}
		one, err := pg.Parse(input[s:e])
		if err != nil || len(one.Stmts) != 1 {
			r.Unparsed = append(r.Unparsed, [2]int{s, e})
			continue
		}
		r.Statements = append(r.Statements, Statement{Node: one.Stmts[0].Stmt, Start: s, End: e})
	}
	return r
}

// trim narrows [start, end) to the statement without surrounding space and comments.
func trim(text string, start, end int) (int, int) {
	for start < end {
		rest := text[start:end]
		switch {
		case strings.HasPrefix(rest, "--"):
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				start += i + 1
			} else {
				start = end
			}
		case strings.HasPrefix(rest, "/*"):
			if i := strings.Index(rest, "*/"); i >= 0 {
				start += i + 2
			} else {
				start = end
			}
		case strings.IndexByte(" \t\r\n\f;", rest[0]) >= 0:
			start++
		default:
			return start, start + len(strings.TrimRight(text[start:end], " \t\r\n\f;"))
		}
	}
	return start, start
}

// toError converts the parser's error; its cursor counts characters from 1.
func toError(text string, err error) *Error {
	e := &Error{Message: err.Error()}
	var pe *parser.Error
	if errors.As(err, &pe) && pe.Cursorpos > 0 {
		e.Offset = byteOffset(text, pe.Cursorpos-1)
	}
	return e
}

// byteOffset is the byte offset of the n-th character of text.
func byteOffset(text string, n int) int {
	for i := range text {
		if n == 0 {
			return i
		}
		n--
	}
	return len(text)
}

// withParameters replaces the bind parameters SQLAlchemy and the DB-API
// drivers accept (:name, %(name)s, %s) by $1 padded to the same length, so
// offsets stay the same. Quoted text, comments and dollar-quoted bodies are
// left alone; :: casts are not parameters.
func withParameters(text string) string {
	if !strings.ContainsAny(text, ":%") {
		return text
	}
	b := []byte(text)
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\'' || c == '"':
			if j := strings.IndexByte(text[i+1:], c); j >= 0 {
				i += j + 1
			} else {
				i = len(b)
			}
		case c == '-' && strings.HasPrefix(text[i:], "--"):
			if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(b)
			}
		case c == '/' && strings.HasPrefix(text[i:], "/*"):
			if j := strings.Index(text[i+2:], "*/"); j >= 0 {
				i += j + 3
			} else {
				i = len(b)
			}
		case c == '$':
			if tag := DollarTag(text[i:]); tag != "" {
				if j := strings.Index(text[i+len(tag):], tag); j >= 0 {
					i += len(tag) + j + len(tag) - 1
				} else {
					i = len(b)
				}
			}
		case c == ':' && i+1 < len(b) && (i == 0 || b[i-1] != ':') && identStart(text[i+1:]):
			j := i + 1
			for j < len(b) && identByte(b[j]) {
				j++
			}
			if j < len(b) && b[j] == ':' && (j+1 >= len(b) || b[j+1] != ':') {
				continue // a:b: not a parameter
			}
			pad(b, i, j)
			i = j - 1
		case c == '%' && strings.HasPrefix(text[i:], "%("):
			if j := strings.Index(text[i:], ")s"); j >= 0 && !strings.ContainsAny(text[i+2:i+j], " '\"\n") {
				pad(b, i, i+j+2)
				i += j + 1
			}
		case c == '%' && strings.HasPrefix(text[i:], "%s"):
			pad(b, i, i+2)
			i++
		}
	}
	return string(b)
}

// pad writes $1 over the parameter at b[start:end]. A parameter after IN
// stands for a list (psycopg2 and SQLAlchemy's expanding parameters write
// the parentheses): "x IN $1" is no SQL, so IN becomes = and NOT IN <>.
func pad(b []byte, start, end int) {
	b[start], b[start+1] = '$', '1'
	for k := start + 2; k < end; k++ {
		b[k] = ' '
	}
	in := start
	for in > 0 && (b[in-1] == ' ' || b[in-1] == '\t' || b[in-1] == '\n') {
		in--
	}
	if in < 3 || !strings.EqualFold(string(b[in-2:in]), "IN") || identByte(b[in-3]) {
		return
	}
	b[in-2], b[in-1] = '=', ' '
	not := in - 3
	for not > 0 && (b[not] == ' ' || b[not] == '\t' || b[not] == '\n') {
		not--
	}
	if not >= 2 && strings.EqualFold(string(b[not-2:not+1]), "NOT") && (not < 3 || !identByte(b[not-3])) {
		b[not-2], b[not-1], b[not] = ' ', ' ', ' '
		b[in-2], b[in-1] = '<', '>'
	}
}

func identStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf
}

func identByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

// DollarTag returns the $tag$ opening a dollar-quoted string at the start of s, or "".
func DollarTag(s string) string {
	for j := 1; j < len(s); j++ {
		switch c := s[j]; {
		case c == '$':
			return s[:j+1]
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 1 && c >= '0' && c <= '9':
		default:
			return ""
		}
	}
	return ""
}

// Identifier writes a table or column name for SQL shown to the user as
// PostgreSQL needs it: as is when its scanner reads the bare word as one
// plain identifier (or a keyword it allows as any name), else double-quoted.
// A name with capitals, a reserved word such as user or order, or anything
// that is not one word needs the quotes. The scanner, not the parser: its
// first call in a process costs half as much (the edit hook makes one).
func Identifier(name string) string {
	if name != "" && name == strings.ToLower(name) && bareName(name) {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// bareName reports whether PostgreSQL's scanner reads name as a single
// identifier, or an unreserved keyword (which any name may be).
func bareName(name string) bool {
	scan, err := pg.Scan(name)
	if err != nil || len(scan.Tokens) != 1 {
		return false
	}
	t := scan.Tokens[0]
	if t.Start != 0 || int(t.End) != len(name) {
		return false
	}
	return t.Token == pg.Token_IDENT || t.KeywordKind == pg.KeywordKind_UNRESERVED_KEYWORD
}
