// Package brief words what is said back to a person or a model: counts with
// the noun that fits them, and lists of names and snippets of source code,
// shortened. A project sets their size (3,000 heads listed in each of 3,000
// findings made 127 MB; a 3,000-deep expression was echoed whole), so each
// echo has a bound.
package brief

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/printable"
)

// Names is how many items a list in a message names.
const Names = 10

// Snippet is how many characters of source code a message echoes.
const Snippet = 200

// Count is "1 problem" or "3 problems": n with the noun that fits it. The
// noun may carry words that agree with it ("finding remains", "findings
// remain").
func Count(n int, one, several string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + several
}

// Agree is one when n is 1, else several: the verb that agrees with a list
// of n ("has" or "have").
func Agree(n int, one, several string) string {
	if n == 1 {
		return one
	}
	return several
}

// List joins items with ", ", naming at most max of them and saying how many
// more there are: "a, b, c and 2997 more".
func List(items []string, max int) string {
	if len(items) <= max {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:max], ", "), len(items)-max)
}

// Lines puts items one per line, each indented by two spaces, naming at most
// max of them and saying how many more there are: for choices a person picks
// one of, such as the projects found in a repository.
func Lines(items []string, max int) string {
	var b strings.Builder
	for i, item := range items {
		if i == max {
			fmt.Fprintf(&b, "\n  and %d more", len(items)-max)
			break
		}
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("  " + item)
	}
	return b.String()
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
