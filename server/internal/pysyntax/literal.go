package pysyntax

import "strings"

// Mapped is the value of a string literal with, for each byte of the value,
// the byte offset in the file it was written at: messages about a position
// inside the value (a SQL syntax error) point into the source.
type Mapped struct {
	Value string
	// Offsets has len(Value)+1 entries: Offsets[i] is where Value[i] comes
	// from, the last one is where the literal ends.
	Offsets []int
	// Holes counts the f-string interpolations replaced by the hole text.
	Holes int
}

// DecodeMapped decodes the source text of a string literal or of an implicit
// concatenation of literals (an Expr's Text, which starts at byte offset
// start), following prefixes, triple quotes, escapes and line continuations.
// Each f-string interpolation becomes hole. ok is false when text is not
// made of literals.
func DecodeMapped(text string, start int, hole string) (m Mapped, ok bool) {
	return DecodeMappedWith(text, start, hole, nil)
}

// DecodeMappedWith is DecodeMapped where an f-string interpolation of a bare
// name ({table}, {table!s}) is the string value resolve knows for it (a loop
// variable, a module constant), and a hole otherwise.
func DecodeMappedWith(text string, start int, hole string, resolve func(name string) (string, bool)) (m Mapped, ok bool) {
	var b strings.Builder
	emit := func(s string, at int) {
		for range len(s) {
			m.Offsets = append(m.Offsets, start+at)
		}
		b.WriteString(s)
	}
	i := 0
	for i < len(text) {
		switch c := text[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')':
			i++
			continue
		case c == '\\': // a line continuation between the parts
			i++
			continue
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
			continue
		}
		p := i
		for p < len(text) && strings.IndexByte("rRbBfFuU", text[p]) >= 0 {
			p++
		}
		if p >= len(text) || text[p] != '"' && text[p] != '\'' {
			return Mapped{}, false
		}
		prefix := strings.ToLower(text[i:p])
		quote := text[p : p+1]
		if strings.HasPrefix(text[p:], strings.Repeat(quote, 3)) {
			quote = strings.Repeat(quote, 3)
		}
		raw, bytesLiteral, format := strings.Contains(prefix, "r"), strings.Contains(prefix, "b"), strings.Contains(prefix, "f")
		j := p + len(quote)
		for {
			if j >= len(text) {
				return Mapped{}, false // unterminated
			}
			if strings.HasPrefix(text[j:], quote) {
				j += len(quote)
				break
			}
			switch c := text[j]; {
			case c == '\\' && j+1 < len(text):
				if raw {
					emit(text[j:j+2], j)
					j += 2
					continue
				}
				value, next := escape(text, j, bytesLiteral)
				emit(value, j)
				j = next
			case format && (c == '{' || c == '}') && j+1 < len(text) && text[j+1] == c:
				emit(text[j:j+1], j)
				j += 2
			case format && c == '{':
				end := interpolationEnd(text, j)
				name := strings.TrimSuffix(strings.TrimSpace(text[j+1:max(end-1, j+1)]), "!s")
				if value, known := resolveName(resolve, name); known {
					emit(value, j)
				} else {
					emit(hole, j)
					m.Holes++
				}
				j = end
			default:
				emit(text[j:j+1], j)
				j++
			}
		}
		i = j
	}
	m.Value = b.String()
	m.Offsets = append(m.Offsets, start+len(text))
	return m, true
}

// resolveName is resolve's value for an interpolation that is a bare name.
func resolveName(resolve func(string) (string, bool), name string) (string, bool) {
	if resolve == nil || name == "" || strings.ContainsFunc(name, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) || name[0] >= '0' && name[0] <= '9' {
		return "", false
	}
	return resolve(name)
}

// interpolationEnd is the index after the } that closes the f-string
// interpolation opened at text[open], skipping nested brackets and strings.
func interpolationEnd(text string, open int) int {
	depth := 0
	for j := open; j < len(text); j++ {
		switch c := text[j]; c {
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			if depth--; depth == 0 {
				return j + 1
			}
		case '\'', '"':
			if k := strings.IndexByte(text[j+1:], c); k >= 0 {
				j += k + 1
			}
		}
	}
	return len(text)
}
