package report

import (
	"io"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/alembic-patterns/alembic-patterns/server/internal/check"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/version"
)

// SARIF writes a SARIF 2.1.0 log.
func SARIF(w io.Writer, res *check.Result) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("alembic-patterns", "https://github.com/alembic-patterns/alembic-patterns")
	run.Tool.Driver.WithVersion(version.Number)
	levels := map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Info: "note"}
	for _, r := range rules.All() {
		run.AddRule(r.ID).
			WithShortDescription(sarif.NewMultiformatMessageString(r.Summary)).
			WithFullDescription(sarif.NewMultiformatMessageString(r.Doc.What)).
			WithHelp(sarif.NewMultiformatMessageString(r.Doc.Why).WithMarkdown(Markdown(r))).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(levels[r.Severity]))
	}
	for _, d := range res.Findings {
		region := sarif.NewRegion().WithStartLine(d.Span.StartLine).WithStartColumn(d.Span.StartCol).
			WithEndLine(d.Span.EndLine).WithEndColumn(d.Span.EndCol)
		loc := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(Rel(res, d.Path)).WithUriBaseId("%SRCROOT%")).WithRegion(region)
		run.CreateResultForRule(d.Rule).
			WithLevel(levels[d.Severity]).
			WithMessage(sarif.NewTextMessage(d.Message)).
			AddLocation(sarif.NewLocationWithPhysicalLocation(loc))
	}
	log.AddRun(run)
	return log.PrettyWrite(w)
}
