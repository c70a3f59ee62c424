// Package shellquote writes words the way a POSIX shell reads them back, for
// commands we show to be run in a terminal: a word holding ; | & $ ` ( ) < >
// * ? or a space must not be run as shell syntax when pasted.
package shellquote

import "strings"

// Word is s as one shell word: unchanged when it holds only characters no
// shell treats specially, else in single quotes.
func Word(s string) string {
	if s != "" && strings.IndexFunc(s, special) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Join is words as a shell command line.
func Join(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = Word(w)
	}
	return strings.Join(out, " ")
}

func special(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		strings.ContainsRune("/._-+:@%,=", r))
}
