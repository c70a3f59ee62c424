package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// TestDocExamples checks the examples of every rule's documentation as `check`
// would (suppression comments silence findings): the Example must fire the
// rule, each alternative of Use instead must not. A snippet is turned into a
// project by these conventions:
//
//   - A top-level comment whose first word is a file name ending in .py
//     ("# 0002_add_age.py (the revision under review)") starts that file;
//     env.py is the environment, the others are revision files. An Example
//     without such a comment is one revision file.
//   - "# alembic.ini: sqlalchemy.url = sqlite:///app.db" sets the database:
//     the URL's scheme is the dialect (PostgreSQL otherwise).
//   - A top-level comment starting with "# or" starts an alternative.
//   - Use instead changes the Example: a file it names changes the Example's
//     file of that name (or is added), and its text before any file name
//     changes the Example's last revision file. A change replaces the
//     function or module variable of the same name and adds the others.
//   - A revision file gets what a snippet leaves out: the imports of op, sa
//     and postgresql; revision (the file name up to its first "_"); and
//     down_revision (the revision file before it, None for the first).
//     Statements outside any function are the body of upgrade().
//
// Other top-level comments are for readers only.
func TestDocExamples(t *testing.T) {
	for _, rule := range rules.All() {
		t.Run(rule.ID, func(t *testing.T) {
			example := parseSnippet(t, rule.Doc.Example)
			if len(example) != 1 {
				t.Fatalf("the Example shows %d alternatives: show one", len(example))
			}
			if got, files := runSnippet(t, rule.ID, example[0]); len(got) == 0 {
				t.Errorf("the Example does not fire %s; it was run as%s", rule.ID, files)
			}
			for i, alt := range parseSnippet(t, rule.Doc.UseInstead) {
				got, files := runSnippet(t, rule.ID, example[0].amend(alt))
				for _, d := range got {
					t.Errorf("Use instead (alternative %d) fires %s at %s:%d: %s", i+1, rule.ID, filepath.Base(d.Path), d.Span.StartLine, d.Message)
				}
				if len(got) > 0 {
					t.Logf("Use instead (alternative %d) was run as%s", i+1, files)
				}
			}
		})
	}
}

// snippet is one alternative of a doc snippet: its files in order.
type snippet struct {
	files []*snippetFile
	url   string // from "# alembic.ini: sqlalchemy.url = ..."
}

// snippetFile is a file of a snippet: its top-level parts by name.
type snippetFile struct {
	name  string
	parts []part
}

// part is a top-level statement with the comment on its last line. key names
// what it defines ("def upgrade", "var revision", "doc", "import ...") or is
// "" for a statement of upgrade()'s body.
type part struct {
	key, text string
}

var (
	fileMarker = regexp.MustCompile(`^#\s*([\w./-]+\.py)\b`)
	iniMarker  = regexp.MustCompile(`^#\s*alembic\.ini:\s*sqlalchemy\.url\s*=\s*(\S+)`)
	orMarker   = regexp.MustCompile(`^#\s*or\b`)
)

// parseSnippet splits a snippet into its alternatives.
func parseSnippet(t *testing.T, src string) []*snippet {
	t.Helper()
	tree, err := pysyntax.Parse(context.Background(), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	if errs := tree.SyntaxErrors(1); len(errs) > 0 {
		t.Fatalf("the snippet is not Python: %v\n%s", errs[0], src)
	}
	alts := []*snippet{{}}
	var file *snippetFile
	lastRow := -1
	root := tree.Root()
	for i := 0; i < int(root.NamedChildCount()); i++ {
		n := root.NamedChild(i)
		text := tree.Text(n)
		alt := alts[len(alts)-1]
		if pysyntax.Type(n) == "comment" {
			switch row := int(n.StartPoint().Row); {
			case row == lastRow && file != nil: // the comment ends the statement before it
				file.parts[len(file.parts)-1].text += "  " + text
			case orMarker.MatchString(text):
				alts, file = append(alts, &snippet{}), nil
			case iniMarker.MatchString(text):
				alt.url = iniMarker.FindStringSubmatch(text)[1]
			case fileMarker.MatchString(text):
				file = &snippetFile{name: filepath.Base(fileMarker.FindStringSubmatch(text)[1])}
				alt.files = append(alt.files, file)
			}
			continue
		}
		if file == nil {
			file = &snippetFile{}
			alt.files = append(alt.files, file)
		}
		file.parts = append(file.parts, part{key: keyOf(tree, n, len(file.parts) == 0), text: text})
		lastRow = int(n.EndPoint().Row)
	}
	return alts
}

// keyOf names what a top-level statement defines.
func keyOf(tree *pysyntax.Tree, n *pysyntax.Node, first bool) string {
	switch pysyntax.Type(n) {
	case "function_definition":
		return "def " + tree.Text(n.ChildByFieldName("name"))
	case "import_statement", "import_from_statement":
		return "import " + tree.Text(n)
	case "expression_statement":
		c := n.NamedChild(0)
		switch {
		case pysyntax.Type(c) == "assignment":
			return "var " + tree.Text(c.ChildByFieldName("left"))
		case pysyntax.Type(c) == "string" && first:
			return "doc"
		}
	}
	return ""
}

// amend is the Example changed by one alternative of Use instead.
func (s *snippet) amend(change *snippet) *snippet {
	out := &snippet{url: cmpOr(change.url, s.url)}
	for _, f := range s.files {
		out.files = append(out.files, &snippetFile{name: f.name, parts: slices.Clone(f.parts)})
	}
	for _, cf := range change.files {
		i := slices.IndexFunc(out.files, func(f *snippetFile) bool { return f.name == cf.name && cf.name != "" })
		if cf.name == "" {
			i = len(out.files) - 1
			for i > 0 && out.files[i].name == "env.py" {
				i--
			}
		}
		if i < 0 {
			out.files = append(out.files, &snippetFile{name: cf.name, parts: slices.Clone(cf.parts)})
			continue
		}
		f := out.files[i]
		if slices.ContainsFunc(cf.parts, func(p part) bool { return p.key == "" || p.key == "def upgrade" }) {
			// the change has its own upgrade()
			f.parts = slices.DeleteFunc(f.parts, func(p part) bool { return p.key == "" || p.key == "def upgrade" })
		}
		for _, p := range cf.parts {
			if j := slices.IndexFunc(f.parts, func(q part) bool { return q.key == p.key && p.key != "" }); j >= 0 {
				f.parts[j] = p
			} else {
				f.parts = append(f.parts, p)
			}
		}
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// runSnippet writes a snippet as a fixture case, runs the rule on it and
// returns its findings and the files it wrote.
func runSnippet(t *testing.T, rule string, s *snippet) ([]rules.Diagnostic, string) {
	t.Helper()
	dir := t.TempDir()
	if s.url != "" {
		dialect, _, _ := strings.Cut(s.url, ":")
		dialect, _, _ = strings.Cut(dialect, "+")
		write(t, filepath.Join(dir, "dialect"), dialect)
	}
	previous := "None"
	for i, f := range s.files {
		if f.name == "env.py" {
			write(t, filepath.Join(dir, f.name), join(f.parts))
			continue
		}
		id, name := declaredRevision(f), f.name
		switch {
		case name == "" && id == "":
			id = fmt.Sprintf("%04d", i+1)
			name = id + "_example.py"
		case name == "":
			name = id + "_example.py"
		case id == "":
			id, _, _ = strings.Cut(strings.TrimSuffix(name, ".py"), "_")
		}
		write(t, filepath.Join(dir, name), revisionSource(f, id, previous))
		previous = fmt.Sprintf("%q", id)
	}
	var files strings.Builder
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range names {
		b, _ := os.ReadFile(f)
		fmt.Fprintf(&files, "\n--- %s\n%s", filepath.Base(f), b)
	}
	return fixtureCase{rule: rule, dir: dir}.checkFindings(t), files.String()
}

var revisionValue = regexp.MustCompile(`^revision\b[^=]*=\s*["']([^"']*)["']`)

// declaredRevision is the revision id the file declares, or "".
func declaredRevision(f *snippetFile) string {
	for _, p := range f.parts {
		if m := revisionValue.FindStringSubmatch(p.text); p.key == "var revision" && m != nil {
			return m[1]
		}
	}
	return ""
}

// revisionSource completes a revision file: docstring, imports, header,
// module variables, functions.
func revisionSource(f *snippetFile, id, previous string) string {
	has := func(key string) bool { return slices.ContainsFunc(f.parts, func(p part) bool { return p.key == key }) }
	var doc, imports, header, vars, funcs, body []string
	for _, p := range f.parts {
		switch {
		case p.key == "doc":
			doc = append(doc, p.text)
		case strings.HasPrefix(p.key, "import "):
			imports = append(imports, p.text)
		case p.key == "var revision" || p.key == "var down_revision" || p.key == "var branch_labels" || p.key == "var depends_on":
			header = append(header, p.text)
		case strings.HasPrefix(p.key, "var "):
			vars = append(vars, p.text)
		case strings.HasPrefix(p.key, "def "):
			funcs = append(funcs, p.text)
		default:
			body = append(body, "    "+strings.ReplaceAll(p.text, "\n", "\n    "))
		}
	}
	if !has("var revision") {
		header = append([]string{fmt.Sprintf("revision = %q", id)}, header...)
	}
	if !has("var down_revision") {
		header = append(header, "down_revision = "+previous)
	}
	for _, imp := range []string{"from alembic import op", "import sqlalchemy as sa", "from sqlalchemy.dialects import postgresql"} {
		if !slices.Contains(imports, imp) {
			imports = append(imports, imp)
		}
	}
	if len(body) > 0 {
		funcs = append([]string{"def upgrade():\n" + strings.Join(body, "\n")}, funcs...)
	}
	sections := [][]string{doc, imports, header, vars}
	var b strings.Builder
	for _, s := range sections {
		if len(s) > 0 {
			b.WriteString(strings.Join(s, "\n") + "\n\n")
		}
	}
	for _, fn := range funcs {
		b.WriteString("\n" + fn + "\n\n")
	}
	return b.String()
}

func join(parts []part) string {
	var texts []string
	for _, p := range parts {
		texts = append(texts, p.text)
	}
	return strings.Join(texts, "\n") + "\n"
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
