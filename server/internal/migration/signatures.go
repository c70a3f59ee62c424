package migration

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/pysyntax"
)

// signature describes an Alembic operation's parameters (alembic 1.8 - 1.16).
type signature struct {
	positional []string // positional-or-keyword parameters, in order
	required   int      // how many of them have no default
	varargs    string   // name of *args ("columns", "elements"), "" if none
	keywords   []string // keyword-only parameters
	dialectKw  bool     // **kw accepts <dialect>_<option> keywords
	anyKw      bool     // **kw accepts any keyword (create_table's table options)
	// ignoresKw: **kw goes to the dialect's implementation, which ignores
	// the keywords it does not know (alter_column, drop_column)
	ignoresKw bool
	// forwarded are keywords Alembic passes through **kw to the SQLAlchemy
	// constructor, which accepts them (ForeignKeyConstraint's use_alter).
	forwarded []string
}

// forwarding returns s accepting the named keywords through **kw.
func (s signature) forwarding(names ...string) signature {
	s.forwarded = names
	return s
}

// SQLAlchemy's constructor keywords that Alembic's create_* operations forward
// (SQLAlchemy 1.4 and 2.0; comment= on constraints and indexes is 2.0).
var (
	fkForwarded     = []string{"use_alter", "link_to_name", "info", "comment"}
	indexForwarded  = []string{"comment"}
	uniqueForwarded = []string{"info", "comment"}
	checkForwarded  = []string{"info", "comment"}
)

// dialectKeyword matches the **kw names SQLAlchemy accepts: <dialect>_<option>.
var dialectKeyword = regexp.MustCompile(`^(postgresql|mysql|mariadb|sqlite|mssql|oracle)_[a-z_]+$`)

func sig(positional []string, required int, varargs string, keywords []string, kw string) signature {
	return signature{positional: positional, required: required, varargs: varargs, keywords: keywords,
		dialectKw: kw == "dialect" || kw == "any" || kw == "ignored", anyKw: kw == "any", ignoresKw: kw == "ignored"}
}

var alterColumnKeywords = []string{"nullable", "comment", "server_default", "new_column_name", "type_",
	"existing_type", "existing_server_default", "existing_nullable", "existing_comment", "schema",
	"autoincrement", "existing_autoincrement"}

// opSignatures are the operations of alembic.op.
var opSignatures = map[string]signature{
	"create_table":             sig([]string{"table_name"}, 1, "columns", []string{"schema", "comment", "info", "prefixes", "if_not_exists", "keep_existing", "extend_existing", "quote", "must_exist", "implicit_returning"}, "any"),
	"drop_table":               sig([]string{"table_name"}, 1, "", []string{"schema", "if_exists"}, "any"),
	"rename_table":             sig([]string{"old_table_name", "new_table_name"}, 2, "", []string{"schema"}, ""),
	"add_column":               sig([]string{"table_name", "column"}, 2, "", []string{"schema", "if_not_exists"}, ""),
	"drop_column":              sig([]string{"table_name", "column_name"}, 2, "", []string{"schema", "if_exists"}, "ignored"),
	"alter_column":             sig([]string{"table_name", "column_name"}, 2, "", alterColumnKeywords, "ignored"),
	"create_index":             sig([]string{"index_name", "table_name", "columns"}, 3, "", []string{"schema", "unique", "if_not_exists", "quote", "info"}, "dialect").forwarding(indexForwarded...),
	"drop_index":               sig([]string{"index_name", "table_name"}, 1, "", []string{"schema", "if_exists"}, "dialect"),
	"create_foreign_key":       sig([]string{"constraint_name", "source_table", "referent_table", "local_cols", "remote_cols"}, 5, "", []string{"onupdate", "ondelete", "deferrable", "initially", "match", "source_schema", "referent_schema"}, "dialect").forwarding(fkForwarded...),
	"create_unique_constraint": sig([]string{"constraint_name", "table_name", "columns"}, 3, "", []string{"schema", "deferrable", "initially"}, "dialect").forwarding(uniqueForwarded...),
	"create_check_constraint":  sig([]string{"constraint_name", "table_name", "condition"}, 3, "", []string{"schema", "deferrable", "initially"}, "dialect").forwarding(checkForwarded...),
	"create_primary_key":       sig([]string{"constraint_name", "table_name", "columns"}, 3, "", []string{"schema"}, ""),
	// ExcludeConstraint reads the keywords it knows and drops the others (no dialect check)
	"create_exclude_constraint": sig([]string{"constraint_name", "table_name"}, 2, "elements", []string{"where", "using", "deferrable", "initially", "schema", "ops"}, "ignored"),
	"drop_constraint":           sig([]string{"constraint_name", "table_name", "type_"}, 2, "", []string{"schema", "if_exists"}, ""),
	"execute":                   sig([]string{"sqltext"}, 1, "", []string{"execution_options"}, ""),
	"bulk_insert":               sig([]string{"table", "rows"}, 2, "", []string{"multiinsert"}, ""),
	"create_table_comment":      sig([]string{"table_name", "comment"}, 2, "", []string{"existing_comment", "schema"}, ""),
	"drop_table_comment":        sig([]string{"table_name"}, 1, "", []string{"existing_comment", "schema"}, ""),
	"batch_alter_table":         sig([]string{"table_name", "schema", "recreate", "partial_reordering", "copy_from", "table_args", "table_kwargs", "reflect_args", "reflect_kwargs", "naming_convention"}, 1, "", nil, ""),
	"create_sequence":           sig([]string{"sequence"}, 1, "", nil, "any"),
	"drop_sequence":             sig([]string{"sequence"}, 1, "", nil, "any"),
	"run_async":                 sig([]string{"async_function"}, 1, "args", nil, "any"),
	"invoke":                    sig([]string{"operation"}, 1, "", nil, ""),
	"implementation_for":        sig([]string{"op_cls"}, 1, "", nil, ""),
	// Helpers that are not schema operations; they still bind so typos are caught.
	"f":              sig([]string{"name"}, 1, "", nil, ""),
	"inline_literal": sig([]string{"value", "type_"}, 1, "", nil, ""),
	"get_bind":       sig(nil, 0, "", nil, ""),
	"get_context":    sig(nil, 0, "", nil, ""),
}

// batchSignatures are the operations of a batch_alter_table block: the table
// comes from the block, so it is not a parameter.
var batchSignatures = map[string]signature{
	"add_column":                sig([]string{"column"}, 1, "", []string{"insert_before", "insert_after", "if_not_exists"}, ""),
	"drop_column":               sig([]string{"column_name"}, 1, "", []string{"if_exists"}, "ignored"),
	"alter_column":              sig([]string{"column_name"}, 1, "", append([]string{"insert_before", "insert_after"}, alterColumnKeywords...), "ignored"),
	"create_index":              sig([]string{"index_name", "columns"}, 2, "", []string{"unique", "if_not_exists", "quote", "info"}, "dialect").forwarding(indexForwarded...),
	"drop_index":                sig([]string{"index_name"}, 1, "", []string{"if_exists"}, "dialect"),
	"create_foreign_key":        sig([]string{"constraint_name", "referent_table", "local_cols", "remote_cols"}, 4, "", []string{"referent_schema", "onupdate", "ondelete", "deferrable", "initially", "match"}, "dialect").forwarding(fkForwarded...),
	"create_unique_constraint":  sig([]string{"constraint_name", "columns"}, 2, "", []string{"deferrable", "initially"}, "dialect").forwarding(uniqueForwarded...),
	"create_check_constraint":   sig([]string{"constraint_name", "condition"}, 2, "", []string{"deferrable", "initially"}, "dialect").forwarding(checkForwarded...),
	"create_primary_key":        sig([]string{"constraint_name", "columns"}, 2, "", nil, ""),
	"create_exclude_constraint": sig([]string{"constraint_name"}, 1, "elements", []string{"where", "using", "deferrable", "initially"}, "ignored"),
	"drop_constraint":           sig([]string{"constraint_name", "type_"}, 1, "", []string{"if_exists"}, ""),
	"create_table_comment":      sig([]string{"comment"}, 1, "", []string{"existing_comment"}, ""),
	"drop_table_comment":        sig(nil, 0, "", []string{"existing_comment"}, ""),
	"execute":                   sig([]string{"sqltext"}, 1, "", []string{"execution_options"}, ""),
	"bulk_insert":               sig([]string{"table", "rows"}, 2, "", []string{"multiinsert"}, ""),
	"f":                         sig([]string{"name"}, 1, "", nil, ""),
	"get_bind":                  sig(nil, 0, "", nil, ""),
}

// IsOperation reports whether name is an Alembic operation (inside a batch block or not).
func IsOperation(name string, batch bool) bool {
	if batch {
		_, ok := batchSignatures[name]
		return ok
	}
	_, ok := opSignatures[name]
	return ok
}

// bind fills op.Args/Varargs/Extra from the call, the way Python would bind them.
func bind(o *Op, call *Expr, s signature) {
	o.Args = make(map[string]*Expr, len(call.Args)+len(call.Keywords()))
	var unknown []string // keywords the signature does not take, in order
	self := 0
	if o.Batch != nil {
		self = 1 // a method of BatchOperations: Python counts self
	}
	for i, a := range call.Args {
		switch {
		case a.Kind == pysyntax.Splat:
			o.Unbound = true
		case o.Unbound:
			// after *args, positions are unknown
		case i < len(s.positional):
			o.Args[s.positional[i]] = a
		case s.varargs != "":
			o.Varargs = append(o.Varargs, a)
		case i == len(s.positional): // reported once, not once per extra argument
			o.ArgProblems = append(o.ArgProblems, fmt.Sprintf("%s() takes %s but %s given", o.Name, // as Python says it
				brief.Count(len(s.positional)+self, "positional argument", "positional arguments"), brief.Count(len(call.Args)+self, "was", "were")))
		}
	}
	for _, k := range call.Keywords() {
		switch {
		case k.Name == "**":
			o.Unbound = true
		case slices.Contains(s.positional, k.Name) || slices.Contains(s.keywords, k.Name):
			if _, dup := o.Args[k.Name]; dup {
				o.ArgProblems = append(o.ArgProblems, fmt.Sprintf("%s() got multiple values for argument %q", o.Name, k.Name))
			}
			o.Args[k.Name] = k.Value
		case s.anyKw || (s.dialectKw && dialectKeyword.MatchString(k.Name)) || slices.Contains(s.forwarded, k.Name):
			if o.Extra == nil {
				o.Extra = map[string]*Expr{}
			}
			o.Extra[k.Name] = k.Value
		case s.ignoresKw && commonMistakes[k.Name] != "" && call.Keyword(commonMistakes[k.Name]) != nil:
			// default= beside server_default=: the keyword meant is there too, the
			// other one (the model's, copied along) is ignored and loses nothing
		default:
			unknown = append(unknown, k.Name)
		}
	}
	var missing []string
	if !o.Unbound {
		for _, p := range s.positional[:s.required] {
			if o.Args[p] == nil {
				missing = append(missing, p)
			}
		}
	}
	// a keyword standing for a missing argument (name= for constraint_name) is
	// one mistake, reported as the error Python raises first: the missing
	// argument when **kw takes the keyword, else the unexpected keyword
	meant := meantFor(unknown, missing)
	for _, kw := range unknown {
		if p := meant[kw]; p == "" || !s.dialectKw {
			o.ArgProblems = append(o.ArgProblems, unknownKeyword(o.Name, kw, p, s, call))
		}
	}
	for _, p := range missing {
		kw := keyFor(meant, p)
		switch {
		case kw == "":
			o.ArgProblems = append(o.ArgProblems, fmt.Sprintf("%s() missing required argument %q", o.Name, p))
		case s.dialectKw:
			o.ArgProblems = append(o.ArgProblems, fmt.Sprintf("%s() missing required argument %q (passed as %s=?)", o.Name, p, kw))
		}
	}
}

// meantFor pairs unknown keywords with the missing arguments they stand for
// (table= for table_name, name= for constraint_name or index_name), each
// argument once: keyword -> argument.
func meantFor(unknown, missing []string) map[string]string {
	meant := map[string]string{}
	for _, kw := range unknown {
		for _, p := range missing {
			if (commonMistakes[kw] == p || strings.HasSuffix(p, "_"+kw)) && keyFor(meant, p) == "" {
				meant[kw] = p
				break
			}
		}
	}
	return meant
}

// keyFor is the keyword paired with argument p, "" if none.
func keyFor(meant map[string]string, p string) string {
	for kw, q := range meant {
		if q == p {
			return kw
		}
	}
	return ""
}

// commonMistakes maps keywords people write to the ones Alembic expects.
var commonMistakes = map[string]string{"type": "type_", "_type": "type_", "name": "new_column_name", "default": "server_default", "new_name": "new_column_name", "unique_constraint": "unique", "concurrently": "postgresql_concurrently", "table": "table_name"}

// UnknownKeywordIgnored is how a problem of an operation whose **kw ignores
// unknown keywords begins: it fails nothing, and does nothing.
const UnknownKeywordIgnored = "ignores the keyword argument"

// NameClash is how the problem of alter_column's name= begins after the op:
// Alembic passes new_column_name on to the dialect as name=, and Python
// raises TypeError.
const NameClash = "got multiple values for keyword argument"

// unknownKeyword says what is wrong with keyword kw; meant is the missing
// argument it stands for, "" if none.
func unknownKeyword(op, kw, meant string, s signature, call *Expr) string {
	msg := fmt.Sprintf("%s() got an unexpected keyword argument %q", op, kw) // as Python says it
	// a constructor's name= clashes with the name Alembic passes it, ignored or
	// not, and alter_column's with new_column_name, which Alembic passes to the
	// dialect as name= (1.5 and later: "got multiple values for keyword argument")
	switch {
	case s.ignoresKw && op == "alter_column" && kw == "name":
		msg = fmt.Sprintf("%s() %s %q", op, NameClash, kw) // as Python says it there (fedocal, judged)
	case s.ignoresKw && (kw != "name" || !strings.HasPrefix(op, "create_")):
		msg = fmt.Sprintf("%s() %s %q", op, UnknownKeywordIgnored, kw)
	}
	if meant != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", meant)
	}
	// no hint when the call already passes the keyword meant
	if want, ok := commonMistakes[kw]; ok && call.Keyword(want) == nil && (slices.Contains(s.positional, want) || slices.Contains(s.keywords, want) || (s.dialectKw && dialectKeyword.MatchString(want))) {
		return msg + fmt.Sprintf(" (did you mean %q?)", want)
	}
	// a misspelling: one letter added, left out or changed (existing_type_)
	for _, want := range slices.Concat(s.positional, s.keywords) {
		if oneEditApart(kw, want) && call.Keyword(want) == nil {
			return msg + fmt.Sprintf(" (did you mean %q?)", want)
		}
	}
	return msg
}

// oneEditApart reports whether b is a with one character added, removed or
// replaced.
func oneEditApart(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}
