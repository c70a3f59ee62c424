package review

import "github.com/alembic-patterns/alembic-patterns/server/internal/report"

// The JSON document of a review (`review --format json` and the structured
// content of the MCP tool review_migration). Fields are only ever added; every
// list is present (empty rather than null) and ordered deterministically.

// SchemaVersion is Review.Version.
const SchemaVersion = 1

// Review is the whole analysis of a target; it is also the MCP tool's output schema.
type Review struct {
	Version     int         `json:"version" jsonschema:"schema version of this document; currently 1"`
	Target      string      `json:"target" jsonschema:"the target as given (head when none; a file relative to the project root)"`
	Assumptions Assumptions `json:"assumptions" jsonschema:"what the analysis assumes about the database"`
	Revisions   []Revision  `json:"revisions" jsonschema:"the reviewed revisions in upgrade order (the last 100 when the target names more)"`
	Errors      []FileError `json:"errors" jsonschema:"files of the project that could not be read or parsed"`
	// RevisionCount counts every revision the target names, reviewed or not.
	RevisionCount int `json:"revision_count" jsonschema:"how many revisions the target names (more than len(revisions) when some were left out)"`
	// Truncated says how many revisions were left out and how to narrow the target.
	Truncated string `json:"truncated" jsonschema:"when the target names more revisions than one review returns: how many were left out and how to narrow the target (empty otherwise)"`
}

// Assumptions are the facts the analysis takes as given.
type Assumptions struct {
	Dialect string `json:"dialect" jsonschema:"database dialect: postgresql / mysql / sqlite / mssql / oracle"`
	// PostgresVersion is 0 when the dialect is not PostgreSQL.
	PostgresVersion     int      `json:"postgres_version" jsonschema:"PostgreSQL major version the facts are stated for (0 on other dialects)"`
	PostgresVersionFrom string   `json:"postgres_version_from" jsonschema:"where the version comes from: option / project / assumed / none"`
	Notes               []string `json:"notes" jsonschema:"assumptions in words (inferred dialect; assumed version; transactions)"`
}

// FileError is a file that could not be analysed.
type FileError struct {
	Path    string `json:"path" jsonschema:"file path relative to the project root"`
	Message string `json:"message" jsonschema:"what went wrong"`
}

// Revision is the analysis of one revision file.
type Revision struct {
	Revision string `json:"revision" jsonschema:"revision id"`
	Path     string `json:"path" jsonschema:"file path relative to the project root"`
	Message  string `json:"message" jsonschema:"first line of the module docstring"`
	Dialect  string `json:"dialect" jsonschema:"dialect of the script directory the revision belongs to"`
	// Partial is set when the file has syntax errors or is too large to read
	// whole (migration.MaxOps): operations may be missing.
	Partial         bool             `json:"partial" jsonschema:"the file has syntax errors, or more operations than one file may have (see the notes), so operations may be missing"`
	History         HistoryInfo      `json:"history" jsonschema:"where the revision sits in the revision graph"`
	Summary         Summary          `json:"summary" jsonschema:"the strongest effects of the upgrade at a glance"`
	Operations      []Operation      `json:"operations" jsonschema:"every operation of upgrade() then downgrade() in execution order"`
	Tables          []ObjectUse      `json:"tables" jsonschema:"tables the revision touches and the other revisions that touch them"`
	Enums           []ObjectUse      `json:"enums" jsonschema:"enum types the revision touches and the other revisions that touch them"`
	Findings        []Finding        `json:"findings" jsonschema:"rule findings for this revision (as alembic-patterns check reports them)"`
	Recommendations []Recommendation `json:"recommendations" jsonschema:"what to do before deploying: splitting / ordering / lock_timeout / backfills / fixes"`
	DeployOrder     DeployOrder      `json:"deploy_order" jsonschema:"when to deploy the migration relative to the application change"`
}

// HistoryInfo is the revision's place in the graph.
type HistoryInfo struct {
	IsHead       bool     `json:"is_head" jsonschema:"no revision has this one as down_revision"`
	IsMerge      bool     `json:"is_merge" jsonschema:"the revision merges two or more branches"`
	IsBase       bool     `json:"is_base" jsonschema:"the revision has no down_revision"`
	Parents      []string `json:"parents" jsonschema:"down_revision ids"`
	Children     []string `json:"children" jsonschema:"revisions whose down_revision names this one"`
	DependedOnBy []string `json:"depended_on_by" jsonschema:"revisions that name this one in depends_on"`
	DependsOn    []string `json:"depends_on" jsonschema:"depends_on ids of this revision"`
	Descendants  []string `json:"descendants" jsonschema:"the revisions applied after this one in upgrade order (what depends on it); the first 50 when there are more"`
	// DescendantCount counts them all.
	DescendantCount int      `json:"descendant_count" jsonschema:"how many revisions are applied after this one"`
	BranchLabels    []string `json:"branch_labels" jsonschema:"branch labels of the revision"`
	Heads           []string `json:"heads" jsonschema:"heads of the script directory; the first 50 when there are more"`
	// HeadCount counts them all.
	HeadCount int `json:"head_count" jsonschema:"how many heads the script directory has"`
}

// Summary condenses the upgrade's operations.
type Summary struct {
	StrongestLock string   `json:"strongest_lock" jsonschema:"strongest table lock an upgrade operation takes on a table that already exists (empty when none)"`
	BlocksReads   []string `json:"blocks_reads" jsonschema:"existing tables whose reads the upgrade blocks"`
	BlocksWrites  []string `json:"blocks_writes" jsonschema:"existing tables whose writes the upgrade blocks"`
	Rewrites      []string `json:"rewrites" jsonschema:"tables the upgrade rewrites"`
	Scans         []string `json:"scans" jsonschema:"existing tables the upgrade reads in full while holding a lock"`
	Unknown       int      `json:"unknown" jsonschema:"operations (upgrade and downgrade) whose effect is unknown"`
	Conditional   int      `json:"conditional" jsonschema:"operations (upgrade and downgrade) that run only under a condition"`
	DataLoss      []string `json:"data_loss" jsonschema:"what the upgrade deletes"`
	Downgrade     string   `json:"downgrade" jsonschema:"the downgrade: complete / incomplete / missing / empty / raises / unknown"`
}

// Effect values of an operation.
const (
	EffectKnown       = "known"       // what it does is known
	EffectUnknown     = "unknown"     // what it does cannot be read statically: never guessed
	EffectConditional = "conditional" // known, but it runs only under a condition
)

// Tri-state values of Operation.Rewrite and Operation.Scan.
const (
	Yes     = "yes"
	No      = "no"
	Unknown = "unknown"
)

// Operation is one operation and what it does to a live database.
type Operation struct {
	Index    int    `json:"index" jsonschema:"1-based position within its function"`
	Function string `json:"function" jsonschema:"upgrade or downgrade"`
	Name     string `json:"name" jsonschema:"Alembic operation (add_column / execute / enum.create / ...) or unknown for a call that cannot be followed"`
	Line     int    `json:"line" jsonschema:"line of the call in the file"`
	Table    string `json:"table" jsonschema:"table the operation changes (schema-qualified when a schema is given); empty when none or not literal"`
	Summary  string `json:"summary" jsonschema:"what the operation does in words"`
	SQL      string `json:"sql" jsonschema:"best-effort PostgreSQL the operation amounts to; empty when unknown"`
	Effect   string `json:"effect" jsonschema:"known / unknown / conditional"`
	// EffectReason says why the effect is unknown or conditional.
	EffectReason string    `json:"effect_reason" jsonschema:"why the effect is unknown or conditional (empty when known)"`
	Transaction  string    `json:"transaction" jsonschema:"migration (inside the migration transaction) or autocommit (inside autocommit_block)"`
	Locks        []Lock    `json:"locks" jsonschema:"table locks taken; one entry per table"`
	Rewrite      string    `json:"rewrite" jsonschema:"whether the table (and its indexes) is rewritten: yes / no / unknown"`
	Scan         string    `json:"scan" jsonschema:"whether every row of an existing table is read: yes / no / unknown"`
	NewTable     bool      `json:"new_table" jsonschema:"the table was created earlier in this same upgrade (it holds no rows yet)"`
	DataLoss     string    `json:"data_loss" jsonschema:"data this operation itself destroys (empty when none)"`
	Reversal     *Reversal `json:"reversal" jsonschema:"for upgrade operations: whether and how the downgrade undoes it (null for downgrade operations)"`
	Undoes       int       `json:"undoes" jsonschema:"for downgrade operations: line of the upgrade operation it undoes (0 when none)"`
	Notes        []string  `json:"notes" jsonschema:"version-dependent facts and caveats"`
	Findings     []string  `json:"findings" jsonschema:"ids of the rules that report this operation"`
	// MySQL is set on MySQL/MariaDB for an ALTER TABLE whose algorithm is known.
	MySQL *OnlineDDL `json:"mysql_online_ddl,omitempty" jsonschema:"on MySQL/MariaDB: the ALTER algorithm and lock the operation runs with (absent when unknown or on other dialects)"`
}

// Lock is one table lock of an operation.
type Lock struct {
	Table        string `json:"table" jsonschema:"table locked (empty when not literal)"`
	Mode         string `json:"mode" jsonschema:"PostgreSQL lock mode (ACCESS EXCLUSIVE / SHARE ROW EXCLUSIVE / SHARE / SHARE UPDATE EXCLUSIVE / ROW EXCLUSIVE / ACCESS SHARE) or unknown"`
	BlocksReads  bool   `json:"blocks_reads" jsonschema:"SELECT on the table waits while the lock is held"`
	BlocksWrites bool   `json:"blocks_writes" jsonschema:"INSERT / UPDATE / DELETE on the table wait while the lock is held"`
	HeldUntil    string `json:"held_until" jsonschema:"commit (end of the migration transaction) or statement (autocommit_block)"`
}

// Reversal values.
const (
	Reversed     = "reversed"     // a downgrade operation undoes it
	NotReversed  = "not_reversed" // the downgrade has no inverse
	Partial      = "partial"      // a downgrade operation undoes it, but not all of it
	Irreversible = "irreversible" // PostgreSQL cannot undo it (e.g. ADD VALUE) or the downgrade raises
	NoDowngrade  = "no_downgrade" // downgrade() is missing or empty
	NotNeeded    = "not_needed"   // nothing to undo (a session setting, a query)
)

// Reversal tells whether the downgrade undoes an upgrade operation.
type Reversal struct {
	Status string `json:"status" jsonschema:"reversed / partial / not_reversed / irreversible / no_downgrade / not_needed / unknown"`
	Line   int    `json:"line" jsonschema:"line of the downgrade operation that undoes it (0 when none)"`
	// DataLoss is what running the downgrade destroys of this operation's work.
	DataLoss string `json:"data_loss" jsonschema:"data a downgrade loses (empty when none)"`
	// LeftBehind is what no downgrade operation undoes (status partial).
	LeftBehind string `json:"left_behind" jsonschema:"what the downgrade does not undo (status partial)"`
	// NotRestored is what the downgrade cannot bring back of what the upgrade destroyed.
	NotRestored string `json:"not_restored" jsonschema:"what the downgrade does not bring back of what the operation destroyed (empty when nothing)"`
}

// ObjectUse is a table or enum type and the other revisions that touch it.
type ObjectUse struct {
	Name   string      `json:"name" jsonschema:"table or enum type name"`
	Here   []string    `json:"here" jsonschema:"what this revision does to it (operation names)"`
	Others []TouchedBy `json:"others" jsonschema:"other revisions of the script directory that touch it in upgrade order; the 50 nearest when there are more"`
	// OthersCount counts them all.
	OthersCount int `json:"others_count" jsonschema:"how many other revisions touch it"`
	// Users are the columns using an enum type after the upgrade.
	Users []string `json:"users" jsonschema:"for enum types: table.column using the type after the upgrade"`
}

// TouchedBy is another revision touching a table or enum type.
type TouchedBy struct {
	Revision   string   `json:"revision" jsonschema:"revision id"`
	Operations []string `json:"operations" jsonschema:"what it does to the object (operation names)"`
}

// Finding is a rule finding of one revision: report.Finding without the path
// and revision, which the revision gives, and with the fix always present
// (null when the rule has none).
type Finding struct {
	Rule     string      `json:"rule" jsonschema:"rule id"`
	Severity string      `json:"severity" jsonschema:"error / warning / info"`
	Line     int         `json:"line" jsonschema:"line in the revision file"`
	Column   int         `json:"column" jsonschema:"column in the revision file"`
	Message  string      `json:"message" jsonschema:"what is wrong, and where"`
	Help     string      `json:"help" jsonschema:"why: the error PostgreSQL or Alembic prints, and what to do when the fix does not do it"`
	URL      string      `json:"url" jsonschema:"the rule's reference page"`
	Fix      *report.Fix `json:"fix" jsonschema:"the automatic fix (null when the rule has none)"`
}

// Recommendation kinds.
const (
	KindSplit       = "split" // expand/contract in separate revisions
	KindLockTimeout = "lock_timeout"
	KindBackfill    = "backfill"    // batched backfill outside the DDL transaction
	KindTransaction = "transaction" // a lock held while later statements run
	KindOnline      = "online"      // an online alternative (CONCURRENTLY, NOT VALID, CHECK, new column)
	KindEnum        = "enum_value"
	KindDowngrade   = "downgrade"
	KindUnknown     = "unknown"
	KindFix         = "fix"
)

// Recommendation is one piece of advice.
type Recommendation struct {
	Kind  string `json:"kind" jsonschema:"split / lock_timeout / backfill / transaction / online / enum_value / downgrade / unknown / fix"`
	Text  string `json:"text" jsonschema:"the advice"`
	Lines []int  `json:"lines" jsonschema:"lines of the operations concerned"`
}

// Deploy order values.
const (
	DeployBefore  = "before"  // before the application change (expand)
	DeployAfter   = "after"   // after the application stops using what it removes (contract)
	DeploySplit   = "split"   // both: split the revision
	DeployAny     = "any"     // independent of the application
	DeployUnknown = "unknown" // some operations cannot be analysed
)

// DeployOrder says when to run the migration relative to the application.
type DeployOrder struct {
	When string `json:"when" jsonschema:"before / after / split / any / unknown (relative to deploying the application change)"`
	Text string `json:"text" jsonschema:"why"`
}
