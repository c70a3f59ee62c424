package mcpserver_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/alembic-patterns/alembic-patterns/server/internal/rules"
	"github.com/alembic-patterns/alembic-patterns/server/internal/version"
)

type annotations struct{ readOnly, destructive, idempotent, openWorld bool }

// The contract of DESIGN §8.
var wantTools = map[string]struct {
	required []string
	props    []string
	ann      annotations
}{
	"create_migration": {[]string{"message"}, []string{"project_dir", "message", "autogenerate", "fix", "alembic_command", "timeout_seconds"},
		annotations{readOnly: false, destructive: false, idempotent: false, openWorld: true}},
	"check_migration": {nil, []string{"project_dir", "target", "profile", "select", "ignore"},
		annotations{readOnly: true, destructive: false, idempotent: true, openWorld: false}},
	"fix_migration": {nil, []string{"project_dir", "target", "apply", "unsafe"},
		annotations{readOnly: false, destructive: false, idempotent: true, openWorld: false}},
	"review_migration": {nil, []string{"project_dir", "target"},
		annotations{readOnly: true, destructive: false, idempotent: true, openWorld: false}},
	"show_history": {nil, []string{"project_dir"},
		annotations{readOnly: true, destructive: false, idempotent: true, openWorld: false}},
	"diagnose_error": {[]string{"error_text"}, []string{"project_dir", "error_text", "target"},
		annotations{readOnly: true, destructive: false, idempotent: true, openWorld: false}},
	"verify_migration": {nil, []string{"project_dir", "target", "database_url", "use_project_url", "seed", "alembic_command", "timeout_seconds"},
		annotations{readOnly: false, destructive: false, idempotent: true, openWorld: true}},
}

func TestToolsList(t *testing.T) {
	dir := shop(t)
	for _, v := range protocols {
		t.Run(protoName(v), func(t *testing.T) {
			s := connect(t, v, dir)
			init := s.InitializeResult()
			if init == nil || !strings.Contains(init.Instructions, "create_migration") || !strings.Contains(init.Instructions, "diagnose_error") {
				t.Errorf("instructions missing or incomplete: %+v", init)
			}
			if init.ServerInfo == nil || init.ServerInfo.Name != "alembic-patterns" || init.ServerInfo.Version != version.Number {
				t.Errorf("server info %+v, want alembic-patterns %s", init.ServerInfo, version.Number)
			}
			if v != "" && init.ProtocolVersion != v {
				t.Errorf("negotiated %q, want %q", init.ProtocolVersion, v)
			}
			if v == "" && init.ProtocolVersion < "2026-07-28" {
				t.Errorf("latest: negotiated %q, want the newest (2026-07-28 or later)", init.ProtocolVersion)
			}
			t.Logf("protocol %s", init.ProtocolVersion)
			lt, err := s.ListTools(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tool := range lt.Tools {
				names = append(names, tool.Name)
				want, ok := wantTools[tool.Name]
				if !ok {
					t.Errorf("unexpected tool %s", tool.Name)
					continue
				}
				if tool.Description == "" {
					t.Errorf("%s: no description", tool.Name)
				}
				a := tool.Annotations
				if a == nil || a.DestructiveHint == nil || a.OpenWorldHint == nil {
					t.Fatalf("%s: annotations not all set: %+v", tool.Name, a)
				}
				got := annotations{a.ReadOnlyHint, *a.DestructiveHint, a.IdempotentHint, *a.OpenWorldHint}
				if got != want.ann {
					t.Errorf("%s: annotations %+v, want %+v", tool.Name, got, want.ann)
				}
				in := tool.InputSchema.(map[string]any)
				var req []string
				for _, r := range list(in, "required") {
					req = append(req, r.(string))
				}
				if !slices.Equal(req, want.required) {
					t.Errorf("%s: required %q, want %q", tool.Name, req, want.required)
				}
				props, _ := in["properties"].(map[string]any)
				var have []string
				for p := range props {
					have = append(have, p)
				}
				slices.Sort(have)
				wantProps := slices.Sorted(slices.Values(want.props))
				if !slices.Equal(have, wantProps) {
					t.Errorf("%s: properties %q, want %q", tool.Name, have, wantProps)
				}
				if in["additionalProperties"] != false {
					t.Errorf("%s: input schema accepts unknown arguments", tool.Name)
				}
				out, _ := tool.OutputSchema.(map[string]any)
				if out == nil || out["type"] != "object" || len(out["properties"].(map[string]any)) == 0 {
					t.Errorf("%s: no output schema: %v", tool.Name, tool.OutputSchema)
				}
			}
			slices.Sort(names)
			if want := []string{"check_migration", "create_migration", "diagnose_error", "fix_migration", "review_migration", "show_history", "verify_migration"}; !slices.Equal(names, want) {
				t.Errorf("tools %q, want %q", names, want)
			}
			// defaults are documented in the schema
			for _, tool := range lt.Tools {
				if tool.Name == "create_migration" {
					p := tool.InputSchema.(map[string]any)["properties"].(map[string]any)
					if p["autogenerate"].(map[string]any)["default"] != true || p["fix"].(map[string]any)["default"] != true {
						t.Errorf("create_migration defaults: %v", p)
					}
				}
			}
		})
	}
}

func TestCheckMigration(t *testing.T) {
	dir := shop(t)
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "evil.py"), "revision = 'x'\ndown_revision = None\n")
	if err := os.Symlink(filepath.Join(outside, "evil.py"), filepath.Join(dir, "link.py")); err != nil {
		t.Fatal(err)
	}
	noProject := t.TempDir()
	for _, v := range protocols {
		t.Run(protoName(v), func(t *testing.T) {
			s := connect(t, v, dir)
			all := s.ok("check_migration", map[string]any{"target": "all"})
			if n := len(list(all, "findings")); n != 12 {
				t.Errorf("all: %d findings, want 12", n)
			}
			counts := all["counts"].(map[string]any)
			if counts["error"] != 8.0 || counts["warning"] != 3.0 || counts["info"] != 1.0 || counts["fixable"] != 8.0 {
				t.Errorf("counts %v", counts)
			}
			head := s.ok("check_migration", nil)
			if got := rulesOf(list(head, "findings")); !slices.Equal(got, []string{"fk-operation-order", "fk-operation-order"}) || head["target"] != "head" {
				t.Errorf("head: %q (%v)", got, head["target"])
			}
			// the head's summary says what was checked and that older revisions have errors
			if sum, _ := head["summary"].(string); !strings.HasPrefix(sum, "head ") || !strings.Contains(sum, "(1 of 7 revisions checked)") ||
				!strings.Contains(sum, "The other revisions have 6 errors, 3 warnings, 1 info") || !strings.Contains(sum, `target "all"`) {
				t.Errorf("head summary: %q", sum)
			}
			// a revision prefix, a file, a range, profile/select/ignore
			one := s.ok("check_migration", map[string]any{"target": "8a4e"})
			if got := rulesOf(list(one, "findings")); !slices.Equal(got, []string{"enum-type-not-dropped"}) {
				t.Errorf("8a4e: %q", got)
			}
			// the finding as check --format json has it: the why in help, the rule's page in url
			if f, _ := list(one, "findings")[0].(map[string]any); !strings.Contains(fmt.Sprint(f["help"]), `type "status_type" already exists`) ||
				f["url"] != "https://github.com/alembic-patterns/alembic-patterns/blob/main/references/enum-type-not-dropped.md" {
				t.Errorf("8a4e finding: %v", f)
			}
			file := s.ok("check_migration", map[string]any{"target": "migrations/versions/8a4e5b6c7d02_create_orders.py"})
			if got := rulesOf(list(file, "findings")); !slices.Equal(got, []string{"enum-type-not-dropped"}) {
				t.Errorf("file: %q", got)
			}
			sel := s.ok("check_migration", map[string]any{"target": "all", "select": []string{"unnamed-constraint"}})
			if got := rulesOf(list(sel, "findings")); !slices.Equal(got, []string{"unnamed-constraint", "unnamed-constraint"}) {
				t.Errorf("select: %q", got)
			}
			ign := s.ok("check_migration", map[string]any{"target": "all", "ignore": []string{"unnamed-constraint", "column-drop-add"}})
			if n := len(list(ign, "findings")); n != 8 {
				t.Errorf("ignore: %d findings, want 8", n)
			}
			zd := s.ok("check_migration", map[string]any{"target": "all", "profile": "zero-downtime"})
			if len(list(zd, "findings")) <= 12 {
				t.Errorf("zero-downtime found no more than default: %d", len(list(zd, "findings")))
			}
			other := s.ok("check_migration", map[string]any{"target": "all", "project_dir": dir})
			if other["project"] != dir {
				t.Errorf("project %v, want %s", other["project"], dir)
			}

			// domain errors are tool errors
			s.fails("check_migration", map[string]any{"target": "deadbeef"}, "deadbeef")
			s.fails("check_migration", map[string]any{"project_dir": noProject}, "no Alembic project found", "project_dir")
			s.fails("check_migration", map[string]any{"project_dir": filepath.Join(noProject, "missing")}, "project_dir")
			s.fails("check_migration", map[string]any{"target": filepath.Join(outside, "evil.py")}, "outside the project")
			s.fails("check_migration", map[string]any{"target": "link.py"}, "outside the project")
			s.fails("check_migration", map[string]any{"target": "../../../etc/passwd.py"}, "")
			// bad arguments
			s.fails("check_migration", map[string]any{"target": 42}, "target")
			s.fails("check_migration", map[string]any{"revision": "head"}, "revision")
			s.fails("check_migration", map[string]any{"profile": "fast"}, "profile")
			s.fails("check_migration", map[string]any{"select": []string{"no-such-rule"}}, "select")
			s.fails("check_migration", map[string]any{"select": "unnamed-constraint"}, "select")
			s.fails("check_migration", map[string]any{"target": "head\x00"}, "NUL")
		})
	}
}

func TestFixMigration(t *testing.T) {
	for _, v := range protocols {
		t.Run(protoName(v), func(t *testing.T) {
			dir := shop(t)
			s := connect(t, v, dir)
			path := filepath.Join(dir, "migrations/versions/8a4e5b6c7d02_create_orders.py")
			before, _ := os.ReadFile(path)

			dry := s.ok("fix_migration", map[string]any{"target": "8a4e5b6c7d02"})
			if dry["applied"] != false || !strings.Contains(dry["diff"].(string), ".drop(op.get_bind(), checkfirst=True)") {
				t.Fatalf("dry run: %v", dry)
			}
			if now, _ := os.ReadFile(path); string(now) != string(before) {
				t.Fatal("the dry run wrote the file")
			}
			files := list(dry, "files")
			if len(files) != 1 || rulesOf(list(files[0].(map[string]any), "fixes")) == nil {
				t.Errorf("files: %v", files)
			}

			applied := s.ok("fix_migration", map[string]any{"target": "8a4e5b6c7d02", "apply": true})
			if applied["applied"] != true || applied["diff"] != dry["diff"] {
				t.Fatalf("apply: %v", applied)
			}
			after, _ := os.ReadFile(path)
			if !strings.Contains(string(after), "checkfirst=True") {
				t.Fatalf("not written:\n%s", after)
			}
			// idempotent: nothing more to do, nothing written
			again := s.ok("fix_migration", map[string]any{"target": "8a4e5b6c7d02", "apply": true})
			if again["applied"] != false || again["diff"] != "" {
				t.Errorf("second apply: %v", again)
			}
			if now, _ := os.ReadFile(path); string(now) != string(after) {
				t.Error("the second apply changed the file")
			}
			// the check agrees
			chk := s.ok("check_migration", map[string]any{"target": "8a4e5b6c7d02"})
			if n := len(list(chk, "findings")); n != 0 {
				t.Errorf("after fix: %d findings", n)
			}
			// all: every safe fix; the ones without a fix remain
			all := s.ok("fix_migration", map[string]any{"target": "all", "apply": true})
			if got := rulesOf(list(all, "remaining")); !slices.Equal(got, []string{"add-required-column", "column-drop-add", "column-drop-add", "not-null-without-backfill"}) {
				t.Errorf("remaining: %q", got)
			}

			s.fails("fix_migration", map[string]any{"target": "nope"}, "nope")
			s.fails("fix_migration", map[string]any{"target": "/etc/hostname.py"}, "")
			s.fails("fix_migration", map[string]any{"apply": "yes"}, "apply")
			s.fails("fix_migration", map[string]any{"project_dir": t.TempDir()}, "no Alembic project")
		})
	}
}

func TestShowHistory(t *testing.T) {
	dir := shop(t)
	// a second head makes a problem
	writeFile(t, filepath.Join(dir, "migrations/versions/aaaa_branch.py"),
		"revision = 'aaaa'\ndown_revision = '8a4e5b6c7d02'\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n")
	for _, v := range protocols {
		t.Run(protoName(v), func(t *testing.T) {
			s := connect(t, v, dir)
			h := s.ok("show_history", nil)
			d := list(h, "script_directories")[0].(map[string]any)
			if d["path"] != "migrations/versions" || d["revision_count"] != 8.0 {
				t.Errorf("history: %v", d)
			}
			heads := list(d, "heads")
			if len(heads) != 2 || len(list(d, "bases")) != 1 || list(d, "merges") == nil {
				t.Errorf("heads/bases/merges: %v", d)
			}
			if got := rulesOf(list(d, "problems")); !slices.Contains(got, "multiple-heads") {
				t.Errorf("problems: %q", got)
			}
			s.fails("show_history", map[string]any{"project_dir": t.TempDir()}, "no Alembic project")
			s.fails("show_history", map[string]any{"target": "head"}, "target")
		})
	}
}

func TestReviewMigration(t *testing.T) {
	dir := shop(t)
	for _, v := range protocols {
		t.Run(protoName(v), func(t *testing.T) {
			s := connect(t, v, dir)
			r := s.ok("review_migration", map[string]any{"target": "9e8d7c6b5a05"})
			if len(r) == 0 {
				t.Errorf("empty review")
			}
			s.fails("review_migration", map[string]any{"target": "nope"}, "nope")
			s.fails("review_migration", map[string]any{"project_dir": t.TempDir()}, "no Alembic project")
			s.fails("review_migration", map[string]any{"target": "../outside.py"}, "")
		})
	}
}

const enumExists = `INFO  [alembic.runtime.migration] Running upgrade 7f6e5d4c3b07 -> 8a4e5b6c7d02, create orders
sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type "status_type" already exists
[SQL: CREATE TYPE status_type AS ENUM ('pending', 'shipped', 'cancelled')]`

func TestDiagnoseError(t *testing.T) {
	dir := shop(t)
	for _, v := range protocols {
		t.Run(protoName(v), func(t *testing.T) {
			s := connect(t, v, dir)
			d := s.ok("diagnose_error", map[string]any{"error_text": enumExists, "target": "8a4e5b6c7d02"})
			diags := list(d, "diagnoses")
			if len(diags) != 1 || diags[0].(map[string]any)["known"] != true {
				t.Fatalf("diagnoses: %v", diags)
			}
			if got := rulesOf(list(d, "findings")); !slices.Equal(got, []string{"enum-type-not-dropped"}) || d["target"] != "8a4e5b6c7d02" {
				t.Errorf("findings %q for %v", got, d["target"])
			}
			// the revision alembic was running is checked when no target is given
			inferred := s.ok("diagnose_error", map[string]any{"error_text": enumExists})
			if inferred["inferred"] != true || len(list(inferred, "findings")) != 1 {
				t.Errorf("inferred: %v", inferred)
			}
			unknown := s.ok("diagnose_error", map[string]any{"error_text": "Segmentation fault"})
			if list(unknown, "diagnoses")[0].(map[string]any)["known"] != false {
				t.Errorf("unknown: %v", unknown)
			}
			// no project is needed to explain text
			free := connect(t, v, t.TempDir())
			if got := free.ok("diagnose_error", map[string]any{"error_text": enumExists}); len(list(got, "diagnoses")) != 1 {
				t.Errorf("without project: %v", got)
			}

			s.fails("diagnose_error", map[string]any{"error_text": enumExists, "target": "nope"}, "nope")
			s.fails("diagnose_error", map[string]any{"error_text": enumExists, "target": "/etc/passwd.py"}, "")
			s.fails("diagnose_error", map[string]any{}, "error_text")
			s.fails("diagnose_error", map[string]any{"error_text": ""}, "error_text")
			s.fails("diagnose_error", map[string]any{"error_text": []string{"a"}}, "error_text")
			free.fails("diagnose_error", map[string]any{"error_text": enumExists, "target": "head"}, "no Alembic project")
		})
	}
}

func TestResources(t *testing.T) {
	dir := shop(t)
	plugin := t.TempDir()
	writeFile(t, filepath.Join(plugin, "skills/alembic-patterns/references/enum-handling.md"), "# Enum handling\n\nDrop the type.\n")
	for _, v := range protocols {
		t.Run(protoName(v), func(t *testing.T) {
			s := connect(t, v, dir, "CLAUDE_PLUGIN_ROOT="+plugin)
			ctx := context.Background()
			lr, err := s.ListResources(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			uris := map[string]bool{}
			for _, r := range lr.Resources {
				uris[r.URI] = true
			}
			for _, r := range rules.All() {
				if !uris["alembic-patterns://rules/"+r.ID] {
					t.Errorf("rule %s not listed", r.ID)
				}
			}
			if !uris["alembic-patterns://rules"] || !uris["alembic-patterns://references/enum-handling"] {
				t.Errorf("index or reference not listed: %v", uris)
			}
			lt, err := s.ListResourceTemplates(ctx, nil)
			if err != nil || len(lt.ResourceTemplates) != 2 {
				t.Errorf("templates: %v %v", lt, err)
			}
			read := func(uri string) string {
				rr, err := s.ReadResource(ctx, &sdk.ReadResourceParams{URI: uri})
				if err != nil {
					t.Fatalf("%s: %v", uri, err)
				}
				if len(rr.Contents) != 1 || rr.Contents[0].MIMEType != "text/markdown" {
					t.Fatalf("%s: %+v", uri, rr.Contents)
				}
				return rr.Contents[0].Text
			}
			if txt := read("alembic-patterns://rules/enum-type-not-dropped"); !strings.HasPrefix(txt, "# enum-type-not-dropped") || !strings.Contains(txt, "## Use instead") {
				t.Errorf("rule: %q", txt)
			}
			if txt := read("alembic-patterns://rules"); !strings.Contains(txt, "[unnamed-constraint](alembic-patterns://rules/unnamed-constraint)") {
				t.Errorf("index: %q", txt)
			}
			if txt := read("alembic-patterns://references/enum-handling"); txt != "# Enum handling\n\nDrop the type.\n" {
				t.Errorf("reference: %q", txt)
			}
			for _, bad := range []string{"alembic-patterns://rules/no-such-rule", "alembic-patterns://references/../../etc/passwd", "alembic-patterns://nothing"} {
				if _, err := s.ReadResource(ctx, &sdk.ReadResourceParams{URI: bad}); err == nil {
					t.Errorf("%s: no error", bad)
				}
			}
			// still serving
			s.ok("check_migration", nil)
		})
	}
}

// TestConcurrentCalls: many calls in flight on one session, answered
// concurrently by the server (built with -race under go test -race).
func TestConcurrentCalls(t *testing.T) {
	dir := shop(t)
	s := connect(t, "2025-06-18", dir)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 48 {
		wg.Go(func() {
			var name string
			var args map[string]any
			switch i % 4 {
			case 0:
				name, args = "check_migration", map[string]any{"target": "all"}
			case 1:
				name, args = "show_history", nil
			case 2:
				name, args = "diagnose_error", map[string]any{"error_text": enumExists}
			case 3:
				name, args = "fix_migration", map[string]any{"target": "all"}
			}
			res, err := s.callErr(name, args, nil)
			switch {
			case err != nil:
				errs <- fmt.Errorf("%s: %v", name, err)
			case res.IsError:
				errs <- fmt.Errorf("%s: %s", name, textOf(res))
			case name == "check_migration" && len(res.StructuredContent.(map[string]any)["findings"].([]any)) != 12:
				errs <- fmt.Errorf("check: wrong result")
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestMalformedRequests writes raw JSON-RPC: garbage and ill-typed requests
// get errors, and the server keeps answering.
func TestMalformedRequests(t *testing.T) {
	dir := shop(t)
	cmd := exec.Command(binary(t), "mcp")
	cmd.Dir = dir
	cmd.Env = cleanEnv()
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
		if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "DATA RACE") {
			t.Errorf("stderr:\n%s", stderr.String())
		}
	}()
	lines := bufio.NewScanner(stdout)
	lines.Buffer(nil, 16<<20)
	send := func(s string) { io.WriteString(stdin, s+"\n") }
	recv := func(id float64) map[string]any {
		t.Helper()
		deadline := time.After(20 * time.Second)
		got := make(chan map[string]any, 1)
		go func() {
			for lines.Scan() {
				var m map[string]any
				if err := json.Unmarshal(lines.Bytes(), &m); err != nil {
					t.Errorf("stdout carries a non-JSON line: %q", lines.Text())
					continue
				}
				if m["id"] == id || (id < 0 && m["id"] == nil && m["error"] != nil) {
					got <- m
					return
				}
			}
			close(got)
		}()
		select {
		case m, ok := <-got:
			if !ok {
				t.Fatalf("server closed stdout; stderr:\n%s", stderr.String())
			}
			return m
		case <-deadline:
			t.Fatalf("no answer for id %v", id)
		}
		return nil
	}
	send(`this is not json`)
	if m := recv(-1); m["error"] == nil {
		t.Errorf("garbage: %v", m)
	}
	send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"0"}}}`)
	if m := recv(1); m["result"] == nil {
		t.Fatalf("initialize: %v", m)
	}
	send(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	bad := []string{
		`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"check_migration","arguments":"head"}}`,
		`{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"check_migration","arguments":[1,2]}}`,
		`{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"nope","arguments":{}}}`,
		`{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"arguments":{}}}`,
		`{"jsonrpc":"2.0","id":6,"method":"tools/call","params":"x"}`,
		`{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":42}}`,
		`{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"create_migration","arguments":{"message":null}}}`,
		`{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"diagnose_error","arguments":{"error_text":{"a":1}}}}`,
	}
	for i, b := range bad {
		send(b)
		m := recv(float64(i + 2))
		res, _ := m["result"].(map[string]any)
		if m["error"] == nil && (res == nil || res["isError"] != true) {
			t.Errorf("%s: neither an error nor an error result: %v", b, m)
		}
	}
	send(`{"jsonrpc":"2.0","id":99,"method":"tools/call","params":{"name":"check_migration","arguments":{}}}`)
	m := recv(99)
	if res, _ := m["result"].(map[string]any); res == nil || res["isError"] == true {
		t.Errorf("after the bad requests: %v", m)
	}
}

// TestStdoutOnlyProtocol: with debug logging on, logs still go to stderr.
func TestStdoutOnlyProtocol(t *testing.T) {
	dir := shop(t)
	s := connect(t, "2025-06-18", dir, "ALEMBIC_PATTERNS_LOG=debug")
	s.ok("check_migration", nil) // the SDK would fail on a non-JSON stdout line
	// the server logs the call after it answered: wait for the line
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.stderr.String(), "check_migration") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(s.stderr.String(), "check_migration") {
		t.Errorf("debug log not on stderr: %q", s.stderr.String())
	}
}

// TestDefaultProjectDir: $CLAUDE_PROJECT_DIR is the default project directory.
func TestDefaultProjectDir(t *testing.T) {
	dir := shop(t)
	s := connect(t, "2025-06-18", t.TempDir(), "CLAUDE_PROJECT_DIR="+dir)
	if got := s.ok("check_migration", nil); got["project"] != dir {
		t.Errorf("project %v, want %s", got["project"], dir)
	}
}
