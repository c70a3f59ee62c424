// Package printable makes text that came from outside (alembic's output, a
// revision file's source) safe to print to a terminal or to hand to a model:
// terminal escape sequences and control characters are removed, and bytes
// that are not UTF-8 become U+FFFD. Otherwise an ANSI sequence in alembic's
// output could clear the user's screen or retitle the terminal.
package printable

import (
	"strings"
	"unicode/utf8"
)

// Text is s without escape sequences and control characters other than
// newline and tab (a carriage return ends a line).
func Text(s string) string {
	if clean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b || r == 0x9b:
			i += escapeLen(s[i:])
			continue
		case r == '\r':
			if !strings.HasPrefix(s[i+size:], "\n") {
				b.WriteByte('\n')
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			// dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// clean reports whether s is valid UTF-8 without characters Text removes.
func clean(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 {
			return false
		}
	}
	return true
}

// escapeLen is the length of the escape sequence at the start of s (ESC or
// the 8-bit CSI): CSI sequences up to their final byte, OSC, DCS and similar
// strings up to BEL or ST, else ESC with its intermediate and final bytes.
func escapeLen(s string) int {
	if strings.HasPrefix(s, "\u009b") {
		return 2 + csiLen(s[2:])
	}
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLen(s[2:])
	case ']', 'P', 'X', '^', '_':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	i := 1 // ESC, intermediate bytes (ESC ( B), a final byte
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// csiLen is the length of a CSI sequence's parameters and final byte.
func csiLen(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
		if s[i] < 0x20 || s[i] > 0x3f {
			return i // malformed: stop before what is not a parameter
		}
	}
	return len(s)
}
