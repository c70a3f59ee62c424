package report

import (
	"io"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/version"
)

// Repository is the project's home: SARIF's tool.driver.informationUri, and
// where the rules' reference pages are published (RuleURL).
const Repository = "https://github.com/alembic-patterns/alembic-patterns"

// RuleURL is a rule's reference page: references/<id>.md of the repository's
// main branch, the file `rules --write-references` generates. It is the `url`
// of a finding in JSON and the helpUri of the rule in SARIF.
func RuleURL(id string) string {
	return Repository + "/blob/main/references/" + id + ".md"
}

// SARIF writes a SARIF 2.1.0 log.
func SARIF(w io.Writer, res *check.Result) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("alembic-patterns", Repository)
	run.Tool.Driver.WithVersion(version.Number)
	levels := map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Info: "note"}
	for _, r := range rules.All() {
		run.AddRule(r.ID).
			WithShortDescription(sarif.NewMultiformatMessageString(r.Summary)).
			WithFullDescription(sarif.NewMultiformatMessageString(r.Doc.What)).
			WithHelp(sarif.NewMultiformatMessageString(r.Doc.Why).WithMarkdown(Markdown(r))).
			WithHelpURI(RuleURL(r.ID)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(levels[r.Severity]))
	}
	for _, d := range res.Findings {
		region := sarif.NewRegion().WithStartLine(int(d.Span.StartLine)).WithStartColumn(int(d.Span.StartCol)).
			WithEndLine(int(d.Span.EndLine)).WithEndColumn(int(d.Span.EndCol))
		loc := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(Rel(res, d.Path)).WithUriBaseId("%SRCROOT%")).WithRegion(region)
		run.CreateResultForRule(d.Rule).
			WithLevel(levels[d.Severity]).
			WithMessage(sarif.NewTextMessage(strings.Join(explanation(d), "\n"))).
			AddLocation(sarif.NewLocationWithPhysicalLocation(loc))
	}
	log.AddRun(run)
	return log.PrettyWrite(w)
}
