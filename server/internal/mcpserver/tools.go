package mcpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/alembic-patterns/alembic-patterns/server/internal/autogen"
	"github.com/alembic-patterns/alembic-patterns/server/internal/fix"
	"github.com/alembic-patterns/alembic-patterns/server/internal/report"
	"github.com/alembic-patterns/alembic-patterns/server/internal/review"
	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/verify"
	"github.com/alembic-patterns/alembic-patterns/server/internal/workflow"
)

// Tool names (stable: DESIGN §8).
const (
	ToolCreate   = "create_migration"
	ToolCheck    = "check_migration"
	ToolFix      = "fix_migration"
	ToolReview   = "review_migration"
	ToolHistory  = "show_history"
	ToolDiagnose = "diagnose_error"
	ToolVerify   = "verify_migration"
)

// Argument limits: generous for real use, small enough that a malformed
// request cannot make the server do unbounded work.
const (
	maxPathArg    = 4096
	maxMessageArg = 1000
	maxErrorText  = 4 << 20
)

// Arguments, bound from the call after mcp-go validated them against the
// published input schema. Pointers tell "absent" from false.
type (
	createArgs struct {
		ProjectDir     string   `json:"project_dir"`
		Message        string   `json:"message"`
		Autogenerate   *bool    `json:"autogenerate"`
		Fix            *bool    `json:"fix"`
		AlembicCommand []string `json:"alembic_command"`
		TimeoutSeconds int      `json:"timeout_seconds"`
	}
	checkArgs struct {
		ProjectDir string   `json:"project_dir"`
		Target     string   `json:"target"`
		Profile    string   `json:"profile"`
		Select     []string `json:"select"`
		Ignore     []string `json:"ignore"`
	}
	fixArgs struct {
		ProjectDir string `json:"project_dir"`
		Target     string `json:"target"`
		Apply      bool   `json:"apply"`
		Unsafe     bool   `json:"unsafe"`
	}
	reviewArgs struct {
		ProjectDir string `json:"project_dir"`
		Target     string `json:"target"`
	}
	historyArgs struct {
		ProjectDir string `json:"project_dir"`
	}
	verifyArgs struct {
		ProjectDir     string   `json:"project_dir"`
		Target         string   `json:"target"`
		DatabaseURL    string   `json:"database_url"`
		UseProjectURL  bool     `json:"use_project_url"`
		Seed           string   `json:"seed"`
		AlembicCommand []string `json:"alembic_command"`
		TimeoutSeconds int      `json:"timeout_seconds"`
	}
	diagnoseArgs struct {
		ProjectDir string `json:"project_dir"`
		ErrorText  string `json:"error_text"`
		Target     string `json:"target"`
	}
)

// Results (the published output schemas are generated from these).
type (
	// CheckOutput is check_migration's result: the `check --format json`
	// document plus what was checked.
	CheckOutput struct {
		Version  int                `json:"version" jsonschema:"schema version (1)"`
		Project  string             `json:"project" jsonschema:"the project root"`
		Target   string             `json:"target" jsonschema:"what was checked"`
		Files    int                `json:"files" jsonschema:"revision files read"`
		Counts   Counts             `json:"counts"`
		Findings []report.Finding   `json:"findings"`
		Errors   []report.FileError `json:"errors" jsonschema:"files that could not be read or parsed"`
		Notes    []string           `json:"notes" jsonschema:"assumptions, e.g. an inferred dialect"`
		Checked  int                `json:"checked" jsonschema:"revision files the findings are about (the target)"`
		// Elsewhere are the findings of the revisions outside the target, counted.
		Elsewhere Counts `json:"elsewhere" jsonschema:"findings in the other revisions (call again with target all to see them)"`
		Summary   string `json:"summary" jsonschema:"one line: what was checked and found"`
	}
	// Counts summarises findings.
	Counts struct {
		Error   int `json:"error"`
		Warning int `json:"warning"`
		Info    int `json:"info"`
		// Fixable counts findings with a safe fix (fix_migration applies them).
		Fixable int `json:"fixable" jsonschema:"findings with a safe fix"`
	}
	// FixOutput is fix_migration's result.
	FixOutput struct {
		Project string `json:"project"`
		Target  string `json:"target"`
		// Applied is true when the changes were written.
		Applied bool `json:"applied" jsonschema:"true when the changes were written to the files"`
		// Diff is the unified diff of the fixes (empty when there is nothing to fix).
		Diff      string           `json:"diff" jsonschema:"unified diff of the fixes, paths relative to the project root"`
		Files     []FixedFile      `json:"files"`
		Remaining []report.Finding `json:"remaining" jsonschema:"findings left after the fixes (no fix, or an unsafe fix not requested)"`
		Notes     []string         `json:"notes"`
	}
	// FixedFile is one file's fixes.
	FixedFile struct {
		Path  string        `json:"path"`
		Fixes []fix.Applied `json:"fixes"`
		// Refused says why the file's fixes were not kept.
		Refused string `json:"refused,omitempty"`
	}
)

func (s *Server) addTools() {
	projectDir := mcp.WithString("project_dir", mcp.MaxLength(maxPathArg),
		mcp.Description("The project directory (holding alembic.ini, or pyproject.toml with [tool.alembic]; or above several projects, "+
			"or a directory of revision files), or one Alembic .ini file; default: the session's project directory"))
	target := func(what string) mcp.ToolOption {
		return mcp.WithString("target", mcp.MaxLength(maxPathArg), mcp.Description(what+
			": \"head\" (default), \"heads\", \"all\", a revision id or unique prefix, a branch label, a range \"A:B\", or a revision file path inside the project"))
	}
	// unknown arguments are refused (a misspelt name would otherwise be ignored)
	strict := mcp.WithSchemaAdditionalProperties(false)
	ruleIDs := make([]string, 0, len(rules.All()))
	for _, r := range rules.All() {
		ruleIDs = append(ruleIDs, r.ID)
	}

	addTool(s, mcp.NewTool(ToolCreate,
		mcp.WithToolTitle("Create an Alembic migration"),
		mcp.WithDescription("Create a new revision with the project's own alembic (`alembic revision --autogenerate -m MESSAGE`, "+
			"found as uv run / poetry run / .venv / PATH, or alembic_command), then check the new file and apply the safe fixes. "+
			"Returns the file's path and revision, the fixes applied and the findings that still need attention. Autogenerate "+
			"connects to the project's database; when alembic fails, the error quotes alembic's message and says what to do."),
		projectDir,
		mcp.WithString("message", mcp.Required(), mcp.MinLength(1), mcp.MaxLength(maxMessageArg),
			mcp.Description("What the revision does, e.g. \"add orders table\" (becomes part of the file name)")),
		mcp.WithBoolean("autogenerate", mcp.DefaultBool(true), mcp.Description("Compare the models with the database (--autogenerate); false writes an empty revision")),
		mcp.WithBoolean("fix", mcp.DefaultBool(true), mcp.Description("Apply the safe fixes to the new file")),
		mcp.WithArray("alembic_command", mcp.WithStringItems(mcp.MinLength(1)), mcp.MinItems(1), mcp.MaxItems(32),
			mcp.Description("How to run alembic, as argv words (e.g. [\"uv\", \"run\", \"alembic\"]); default: $"+autogen.EnvCommand+", else detected")),
		mcp.WithInteger("timeout_seconds", mcp.Min(1), mcp.Max(3600), mcp.Description("Stop alembic after this long (default 120)")),
		mcp.WithOutputSchema[workflow.Created](),
		mcp.WithReadOnlyHintAnnotation(false),
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(false),
		mcp.WithOpenWorldHintAnnotation(true),
		strict,
	), s.create)

	addTool(s, mcp.NewTool(ToolCheck,
		mcp.WithToolTitle("Check Alembic migrations"),
		mcp.WithDescription("Find the problems in Alembic migrations that fail on a real database (enum types, NOT NULL, FK order, "+
			"unnamed constraints, CONCURRENTLY, the revision graph, ...), statically: nothing is imported or executed. "+
			"Findings carry the rule id, location, message and whether a fix exists (see fix_migration)."),
		projectDir,
		target("What to check"),
		mcp.WithString("profile", mcp.Enum(string(rules.Default), string(rules.ZeroDowntime)),
			mcp.Description("Rule profile: \"default\" (correctness) or \"zero-downtime\" (adds locking and compatibility rules); default: the project's setting")),
		mcp.WithArray("select", mcp.WithStringEnumItems(ruleIDs), mcp.Description("Run only these rules")),
		mcp.WithArray("ignore", mcp.WithStringEnumItems(ruleIDs), mcp.Description("Skip these rules")),
		mcp.WithOutputSchema[CheckOutput](),
		mcp.WithReadOnlyHintAnnotation(true),
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(true),
		mcp.WithOpenWorldHintAnnotation(false),
		strict,
	), s.check)

	addTool(s, mcp.NewTool(ToolFix,
		mcp.WithToolTitle("Fix Alembic migrations"),
		mcp.WithDescription("Compute the fixes for a target's findings and return them as a unified diff. Nothing is written "+
			"unless apply is true; then each file is replaced atomically, and only if it did not change since it was read. "+
			"Files outside the project (its git repository, or the config's directory) are never written. "+
			"Safe fixes keep the intended meaning; unsafe: true adds the unsafe ones (review the diff). Repeating a call changes nothing more."),
		projectDir,
		target("What to fix"),
		mcp.WithBoolean("apply", mcp.DefaultBool(false), mcp.Description("Write the fixes (default: only return the diff)")),
		mcp.WithBoolean("unsafe", mcp.DefaultBool(false), mcp.Description("Include unsafe fixes (e.g. appended downgrade operations)")),
		mcp.WithOutputSchema[FixOutput](),
		mcp.WithReadOnlyHintAnnotation(false),
		// The edits only add to or reorder migration source (verified to parse, to remove the finding and to add
		// none), are written atomically, never over a file changed since it was read, and are shown as a diff.
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(true),
		mcp.WithOpenWorldHintAnnotation(false),
		strict,
	), s.fix)

	addTool(s, mcp.NewTool(ToolReview,
		mcp.WithToolTitle("Review an Alembic migration"),
		mcp.WithDescription("The full analysis of a target before deploying it: every operation with the lock it takes, whether "+
			"it rewrites or scans the table, reversibility and data-loss risk; the findings; the history around it; and a recommended deploy order."),
		projectDir,
		target("What to review"),
		mcp.WithOutputSchema[review.Review](),
		mcp.WithReadOnlyHintAnnotation(true),
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(true),
		mcp.WithOpenWorldHintAnnotation(false),
		strict,
	), s.review)

	addTool(s, mcp.NewTool(ToolHistory,
		mcp.WithToolTitle("Show the Alembic revision graph"),
		mcp.WithDescription("Heads, bases, merges, branch labels and problems (multiple heads, missing or duplicate revisions, cycles) of each script directory's revision graph."),
		projectDir,
		mcp.WithOutputSchema[report.HistoryDocument](),
		mcp.WithReadOnlyHintAnnotation(true),
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(true),
		mcp.WithOpenWorldHintAnnotation(false),
		strict,
	), s.history)

	addTool(s, mcp.NewTool(ToolDiagnose,
		mcp.WithToolTitle("Explain a failed alembic run"),
		mcp.WithDescription("Given the output of a failed alembic command (the traceback or error lines), say what caused it, "+
			"which alembic-patterns rule finds it statically, and how to fix it. With target (or when the output names the revision "+
			"being run), that revision is checked too and the matching findings are returned."),
		projectDir,
		mcp.WithString("error_text", mcp.Required(), mcp.MinLength(1), mcp.MaxLength(maxErrorText),
			mcp.Description("The output of the failed alembic command (stdout and stderr)")),
		mcp.WithString("target", mcp.MaxLength(maxPathArg), mcp.Description("The revision (id, prefix or file) that failed; default: the one named by alembic's 'Running upgrade A -> B' line, if any")),
		mcp.WithOutputSchema[workflow.Explanation](),
		mcp.WithReadOnlyHintAnnotation(true),
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(true),
		mcp.WithOpenWorldHintAnnotation(false),
		strict,
	), s.diagnose)

	addTool(s, mcp.NewTool(ToolVerify,
		mcp.WithToolTitle("Verify an Alembic migration on a scratch PostgreSQL"),
		mcp.WithDescription("Prove a revision on a real PostgreSQL: on a scratch database it creates (a fresh database on database_url's "+
			"server, else a private throwaway cluster when PostgreSQL's server programs are installed) and removes afterwards, run the "+
			"project's own alembic: upgrade to the parent, seed rows, upgrade, downgrade, upgrade again; report each step with the "+
			"database's error verbatim and the rules that predicted it (a failure no rule predicted is a miss), the rows lost, and the "+
			"locks each statement of the upgrade takes (traced in a rolled-back transaction) beside the review's prediction. "+
			"It never writes to a database it did not create."),
		projectDir,
		mcp.WithString("target", mcp.MaxLength(maxPathArg), mcp.Description("The revision to verify (id, prefix, label; default head) or a range \"A:B\"")),
		mcp.WithString("database_url", mcp.MaxLength(maxPathArg), mcp.Description("A PostgreSQL server to create the scratch database on, "+
			"e.g. postgresql://postgres@localhost/postgres; default: $"+verify.EnvURL+", else a private cluster")),
		mcp.WithBoolean("use_project_url", mcp.DefaultBool(false), mcp.Description("Allow the server of the project's own URL when it is local (a new database is created there)")),
		mcp.WithString("seed", mcp.MaxLength(maxPathArg), mcp.Description("Rows put in at the parent: \"auto\" (default: a few rows per table, nullable columns NULL), \"none\", or an SQL file inside the project")),
		mcp.WithArray("alembic_command", mcp.WithStringItems(mcp.MinLength(1)), mcp.MinItems(1), mcp.MaxItems(32),
			mcp.Description("How to run alembic, as argv words; default: $"+autogen.EnvCommand+", else detected")),
		mcp.WithInteger("timeout_seconds", mcp.Min(1), mcp.Max(3600), mcp.Description("Stop each alembic run after this long (default 120)")),
		mcp.WithOutputSchema[verify.Result](),
		mcp.WithReadOnlyHintAnnotation(false),
		// it writes only to the scratch database it creates and drops; the project's files and databases are not changed
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(true),
		mcp.WithOpenWorldHintAnnotation(true),
		strict,
	), s.verify)
}

// addTool registers a tool whose handler validates the arguments against the
// published input schema, binds them, runs fn and turns its outcome into a
// result: structuredContent plus text, or a tool error (never a protocol error).
func addTool[A any](s *Server, tool mcp.Tool, fn func(ctx context.Context, req mcp.CallToolRequest, args A) (any, string, error)) {
	validate := compileInputSchema(tool)
	name := tool.Name
	s.mcp.AddTool(tool, func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		start := time.Now()
		var args A
		if err := bindArguments(req, validate, &args); err != nil {
			s.opts.Log.Debug().Str("tool", name).Err(err).Msg("invalid arguments")
			return mcp.NewToolResultError("invalid arguments for " + name + ": " + err.Error()), nil
		}
		out, text, err := fn(ctx, req, args)
		go s.opts.Cache.Flush() // the models parsed, for the hook and the CLI
		ev := s.opts.Log.Debug().Str("tool", name).Dur("took", time.Since(start))
		if err != nil {
			ev.Err(err).Msg("tool error")
			return errorResult(err), nil
		}
		ev.Msg("tool call")
		return mcp.NewToolResultStructured(out, text), nil
	})
}

// compileInputSchema compiles the tool's published input schema.
func compileInputSchema(tool mcp.Tool) *jsonschema.Schema {
	data, err := json.Marshal(tool)
	if err != nil {
		panic(fmt.Sprintf("tool %s: %v", tool.Name, err))
	}
	var t struct {
		InputSchema json.RawMessage `json:"inputSchema"`
	}
	if err := json.Unmarshal(data, &t); err != nil {
		panic(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(t.InputSchema))
	if err != nil {
		panic(err)
	}
	c := jsonschema.NewCompiler()
	url := "mem:///tools/" + tool.Name + "/input.json"
	if err := c.AddResource(url, doc); err != nil {
		panic(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		panic(fmt.Sprintf("tool %s: input schema: %v", tool.Name, err))
	}
	return schema
}

// bindArguments validates the arguments (an object, or absent) against the
// schema and decodes them into args.
func bindArguments(req mcp.CallToolRequest, schema *jsonschema.Schema, args any) error {
	var raw []byte
	switch a := req.Params.Arguments.(type) {
	case nil:
		raw = req.Params.RawArguments
	case json.RawMessage:
		raw = a
	default:
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		raw = b
	}
	if t := bytes.TrimSpace(raw); len(t) == 0 || string(t) == "null" {
		raw = []byte("{}")
	}
	value, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return errors.New("the arguments are not valid JSON: " + err.Error())
	}
	if err := schema.Validate(value); err != nil {
		return validationMessage(err)
	}
	if err := json.Unmarshal(raw, args); err != nil {
		return errors.New("the arguments do not fit: " + err.Error())
	}
	return nil
}

// validationMessage turns the validator's report ("- at '/select/0': value
// must be one of ...") into one line a model can act on.
func validationMessage(err error) error {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	var parts []string
	for _, line := range strings.Split(ve.Error(), "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "- at '")
		if !ok {
			continue
		}
		loc, msg, _ := strings.Cut(rest, "': ")
		if loc = strings.TrimPrefix(loc, "/"); loc == "" {
			parts = append(parts, msg)
		} else {
			parts = append(parts, strings.ReplaceAll(loc, "/", ".")+": "+msg)
		}
	}
	if len(parts) == 0 {
		return err
	}
	return errors.New(strings.Join(parts, "; "))
}

func nonEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func noNUL(name, value string) error {
	if strings.ContainsRune(value, 0) {
		return fmt.Errorf("%s contains a NUL byte", name)
	}
	return nil
}

// targetOrHead is a target with surrounding spaces removed and "" as "head".
func targetOrHead(t string) string {
	if t = strings.TrimSpace(t); t == "" {
		return "head"
	}
	return t
}
