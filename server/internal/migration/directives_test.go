package migration

import (
	"slices"
	"testing"
)

func TestDirectives(t *testing.T) {
	m := parseFixture(t, "directives.py")
	type dir struct {
		file      bool
		rules     []string
		line, col int
	}
	want := []dir{
		{true, []string{"enum-not-dropped"}, 6, 1},
		{false, []string{"add-column-not-null", "missing-server-default"}, 17, 5},
		{false, nil, 19, 40}, // bare ignore, trailing comment
		{true, nil, 24, 39},  // no space after # and :
	}
	// the markers inside the NOTE string and the SQL literal are not directives
	var got []dir
	for _, d := range m.Directives {
		got = append(got, dir{d.File, d.Rules, int(d.Span.StartLine), int(d.Span.StartCol)})
	}
	if !slices.EqualFunc(got, want, func(a, b dir) bool {
		return a.file == b.file && slices.Equal(a.rules, b.rules) && a.line == b.line && a.col == b.col
	}) {
		t.Errorf("directives:\n got %+v\nwant %+v", got, want)
	}
	if d := m.Directives[1]; string(m.Source[d.Span.Start:d.Span.End]) != "# alembic-patterns: ignore[add-column-not-null, missing-server-default]" {
		t.Errorf("directive span text = %q", m.Source[d.Span.Start:d.Span.End])
	}
}

func TestDirectiveForms(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Directive
	}{
		{"none", "x = 1  # a comment\n", nil},
		{"empty brackets", "# alembic-patterns: ignore[]\n", []Directive{{}}},
		{"spaces in list", "# alembic-patterns: ignore[ a ,b,, c ]\n", []Directive{{Rules: []string{"a", "b", "c"}}}},
		{"two in one comment", "# alembic-patterns: ignore[a] alembic-patterns: ignore-file[b]\n", []Directive{{Rules: []string{"a"}}, {File: true, Rules: []string{"b"}}}},
		{"unknown verb", "# alembic-patterns: enable[a]\n", nil},
		{"prefix of a word", "# alembic-patterns: ignored\n", nil},
		{"in a docstring", "\"\"\"\n# alembic-patterns: ignore[a]\n\"\"\"\n", nil},
		{"in an f-string", "x = f\"{y} # alembic-patterns: ignore[a]\"\n", nil},
		{"after a string with the marker", "x = 'alembic-patterns: ignore[a]'  # alembic-patterns: ignore[b]\n", []Directive{{Rules: []string{"b"}}}},
		{"non-ASCII before it", "x = 'é日本'  # alembic-patterns: ignore[c]\n", []Directive{{Rules: []string{"c"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseSource(t, tt.src)
			if len(m.Directives) != len(tt.want) {
				t.Fatalf("directives = %+v, want %+v", m.Directives, tt.want)
			}
			for i, d := range m.Directives {
				if d.File != tt.want[i].File || !slices.Equal(d.Rules, tt.want[i].Rules) {
					t.Errorf("directive %d = %+v, want %+v", i, d, tt.want[i])
				}
				if d.Span.StartLine < 1 {
					t.Errorf("directive %d has no position", i)
				}
			}
		})
	}
	// the column of a directive counts characters, not bytes
	m := parseSource(t, "x = 'é日本'  # alembic-patterns: ignore[c]\n")
	if col := m.Directives[0].Span.StartCol; col != 12 {
		t.Errorf("directive column = %d, want 12", col)
	}
}
