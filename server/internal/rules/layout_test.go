package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
)

// TestOneRuleOneFile: every rule is registered, as `var _ = register(&Rule{`
// with its id first, by the file named after it (multiple-heads in
// multiple_heads.go), and no file registers another way.
func TestOneRuleOneFile(t *testing.T) {
	registration := regexp.MustCompile(`(?m)^var _ = register\(&Rule\{\s*ID:\s*"([a-z0-9-]+)"`)
	call := regexp.MustCompile(`\bregister\(`)
	files, _ := filepath.Glob("*.go")
	registeredIn := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		found := registration.FindAllStringSubmatch(src, -1)
		calls := len(call.FindAllStringIndex(src, -1))
		if strings.Contains(src, "func register(") {
			calls-- // the definition
		}
		if calls != len(found) {
			t.Errorf("%s calls register %d times, %d of them as `var _ = register(&Rule{ID: ...`", f, calls, len(found))
		}
		if len(found) > 1 {
			t.Errorf("%s registers %d rules: one rule, one file", f, len(found))
		}
		for _, m := range found {
			registeredIn[m[1]] = f
		}
	}
	for _, r := range rules.All() {
		want := strings.ReplaceAll(r.ID, "-", "_") + ".go"
		if got := registeredIn[r.ID]; got != want {
			t.Errorf("%s is registered in %q, want %s", r.ID, got, want)
		}
	}
}
