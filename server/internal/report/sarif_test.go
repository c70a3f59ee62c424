package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/testenv"
	"github.com/alembic-patterns/alembic-patterns/server/internal/version"
)

func sampleResult() *check.Result {
	span := migration.Span{Start: 10, End: 33, StartLine: 25, StartCol: 5, EndLine: 25, EndCol: 28}
	return &check.Result{
		Project: &project.Project{Root: "/p"},
		Files:   2,
		Findings: []rules.Diagnostic{
			{Rule: "enum-type-not-dropped", Severity: rules.Error, Path: "/p/migrations/versions/0001_orders.py", Revision: "0001", Span: span,
				Message: "enum type \"status_type\" is never dropped", Help: "The next upgrade fails with: type \"status_type\" already exists.",
				Fix: &rules.SuggestedFix{Message: "Drop enum type status_type", Safety: rules.Safe}},
			{Rule: "unused-ignore", Severity: rules.Info, Path: "/p/migrations/versions/0002_x.py", Revision: "0002", Span: span, Message: "a, b: 100%"},
		},
		Errors: []*migration.FileError{{Path: "/p/migrations/versions/0003_bad.py", Line: 3, Column: 1, Msg: "syntax error: invalid syntax"}},
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schemaPath := testenv.Get(t, "ALEMBIC_PATTERNS_SARIF_SCHEMA")
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := SARIF(&out, sampleResult()); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate:\n%v\n%s", err, out.String())
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Version string
					Rules   []struct {
						ID      string
						HelpURI string `json:"helpUri"`
					}
				}
			}
			Results []struct {
				RuleID    string
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if got := log.Runs[0].Tool.Driver.Version; got != version.Number {
		t.Errorf("tool.driver.version %q, want %q", got, version.Number)
	}
	r := log.Runs[0].Results[0]
	loc := r.Locations[0].PhysicalLocation
	if log.Version != "2.1.0" || r.RuleID != "enum-type-not-dropped" || r.Level != "error" ||
		loc.ArtifactLocation.URI != "migrations/versions/0001_orders.py" || loc.Region.StartLine != 25 || loc.Region.StartColumn != 5 {
		t.Fatalf("unexpected SARIF content: %+v", log)
	}
	if len(log.Runs[0].Tool.Driver.Rules) != len(rules.All()) || log.Runs[0].Results[1].Level != "note" {
		t.Fatalf("rules %d (want %d), second level %q", len(log.Runs[0].Tool.Driver.Rules), len(rules.All()), log.Runs[0].Results[1].Level)
	}
	if want := "enum type \"status_type\" is never dropped\nhelp: The next upgrade fails with: type \"status_type\" already exists.\n" +
		"fix (safe): Drop enum type status_type  [alembic-patterns fix]"; r.Message.Text != want {
		t.Errorf("result message %q, want %q", r.Message.Text, want)
	}
	for _, rule := range log.Runs[0].Tool.Driver.Rules {
		if rule.HelpURI != RuleURL(rule.ID) {
			t.Errorf("rule %s: helpUri %q, want %q", rule.ID, rule.HelpURI, RuleURL(rule.ID))
		}
	}
}

func TestGitHubEscapes(t *testing.T) {
	var out bytes.Buffer
	if err := GitHub(&out, sampleResult()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		`::error file=migrations/versions/0001_orders.py,line=25,col=5,endLine=25,endColumn=28,title=alembic-patterns enum-type-not-dropped::` +
			`enum type "status_type" is never dropped%0Ahelp: The next upgrade fails with: type "status_type" already exists.%0A` +
			`fix (safe): Drop enum type status_type  [alembic-patterns fix]`,
		`::notice file=migrations/versions/0002_x.py,line=25,col=5,endLine=25,endColumn=28,title=alembic-patterns unused-ignore::a, b: 100%25`,
		`::error file=migrations/versions/0003_bad.py,line=3,title=alembic-patterns::syntax error: invalid syntax`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s", out.String(), strings.Join(want, "\n"))
	}
}

// TestJSONFindingFields: version 1 grows help, url and fix.title next to the
// fields it had.
func TestJSONFindingFields(t *testing.T) {
	var out bytes.Buffer
	if err := JSON(&out, sampleResult()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version  int
		Findings []map[string]any
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	f := doc.Findings[0]
	fix, _ := f["fix"].(map[string]any)
	if doc.Version != 1 || f["message"] != "enum type \"status_type\" is never dropped" ||
		f["help"] != "The next upgrade fails with: type \"status_type\" already exists." ||
		f["url"] != "https://github.com/alembic-patterns/alembic-patterns/blob/main/references/enum-type-not-dropped.md" ||
		fix["title"] != "Drop enum type status_type" || fix["description"] != "Drop enum type status_type" || fix["safety"] != "safe" {
		t.Errorf("finding = %v", f)
	}
}

// TestTextExplainsUnderTheFinding: the finding line holds the message; the
// help and the fix follow on lines of their own, as ruff prints them.
func TestTextExplainsUnderTheFinding(t *testing.T) {
	var out bytes.Buffer
	if err := Text(&out, sampleResult(), "see them"); err != nil {
		t.Fatal(err)
	}
	want := "migrations/versions/0001_orders.py:25:5: error[enum-type-not-dropped] enum type \"status_type\" is never dropped\n" +
		"   = help: The next upgrade fails with: type \"status_type\" already exists.\n" +
		"   = fix (safe): Drop enum type status_type  [alembic-patterns fix]\n\n"
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("got:\n%s\nwant it to start with:\n%s", out.String(), want)
	}
}
