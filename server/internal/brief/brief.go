// Package brief shortens what is echoed back to a person or a model: lists
// of names and snippets of source code. A project sets their size (3,000
// heads listed in each of 3,000 findings made 127 MB; a 3,000-deep
// expression was echoed whole), so each echo has a bound.
package brief

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/printable"
)

// Names is how many items a list in a message names.
const Names = 10

// Snippet is how many characters of source code a message echoes.
const Snippet = 200

// List joins items with ", ", naming at most max of them and saying how many
// more there are: "a, b, c and 2997 more".
func List(items []string, max int) string {
	if len(items) <= max {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:max], ", "), len(items)-max)
}

// Code is source text fit for a one-line message: printable (see package
// printable), runs of white space become one space, and beyond max characters
// it is cut, saying how much was left out.
func Code(s string, max int) string {
	s = strings.Join(strings.Fields(printable.Text(s)), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := 0
	for i := range s {
		if max == 0 {
			cut = i
			break
		}
		max--
	}
	return fmt.Sprintf("%s… (%d more characters)", s[:cut], utf8.RuneCountInString(s[cut:]))
}
