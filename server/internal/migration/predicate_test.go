package migration

import (
	"slices"
	"testing"
)

func TestPredicateFalseWhenNull(t *testing.T) {
	tests := []struct {
		text string
		want bool // false or NULL wherever approved_at is NULL
	}{
		{"approved_at IS NOT NULL", true},
		{"approved_at = true", true},
		{"NOT approved_at", true},
		{"approved_at", true},
		{"approved_at IS TRUE", true},
		{"NOT (approved_at IS NULL)", true},
		{"deleted_at IS NULL AND approved_at > '2020-01-01'", true},
		{"approved_at::date = current_date OR approved_at IN (1, 2)", true},
		{"approved_at IS NULL", false},
		{"approved_at IS NOT TRUE", false},
		{"NOT (approved_at IS NOT NULL)", false},
		{"deleted_at IS NULL OR approved_at = 1", false},
		{"coalesce(approved_at, 0) = 0", false},
		{"approved_at IS DISTINCT FROM 1", false},
		{"1 IN (2, approved_at)", false},
		{"deleted_at IS NULL", false},
	}
	for _, tt := range tests {
		p, ok := ParsePredicate(tt.text)
		if !ok {
			t.Errorf("%q does not parse", tt.text)
			continue
		}
		if got := p.FalseWhenNull("approved_at"); got != tt.want {
			t.Errorf("FalseWhenNull(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if _, ok := ParsePredicate("a = 1; DROP TABLE t"); ok {
		t.Error("two statements read as a predicate")
	}
	if p, _ := ParsePredicate("NOT is_invalid AND region IS NOT NULL"); !slices.Equal(p.Columns(), []string{"is_invalid", "region"}) {
		t.Errorf("Columns = %v", p.Columns())
	}
}
