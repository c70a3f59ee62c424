package migration

import (
	"regexp"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// Directive is a suppression comment:
//
//	# alembic-patterns: ignore[rule-a, rule-b]   (this line, or the line below)
//	# alembic-patterns: ignore-file[rule-a]      (the whole file)
//
// Without a bracketed list it applies to every rule.
type Directive struct {
	File  bool
	Rules []string
	Span  Span
}

// DirectiveMarker starts every suppression comment.
const DirectiveMarker = "alembic-patterns:"

var directivePattern = regexp.MustCompile(`alembic-patterns:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\])?`)

func directives(t *pysyntax.Tree) []Directive {
	var out []Directive
	for _, c := range t.CommentsContaining(DirectiveMarker) {
		for _, m := range directivePattern.FindAllStringSubmatch(c.Text, -1) {
			d := Directive{File: m[1] == "ignore-file", Span: c.Span}
			for _, r := range strings.Split(m[2], ",") {
				if r = strings.TrimSpace(r); r != "" {
					d.Rules = append(d.Rules, r)
				}
			}
			out = append(out, d)
		}
	}
	return out
}
