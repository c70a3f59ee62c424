package mcpserver

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

// FuzzRequest sends arbitrary JSON-RPC lines to the server's handler, in
// process, one server for all of them (as a long MCP session would): every
// line gets a well-formed answer or none (a notification), for the request's
// id, within a bound, and no tool panics or answers outside its output schema.
//
// create_migration is left out (it runs a command given in its arguments),
// and so are the lines that could reach outside a scratch copy of the example
// project: fix_migration with apply, a project_dir elsewhere.
//
//	go test ./server/internal/mcpserver -run '^$' -fuzz FuzzRequest -fuzztime 10m
func FuzzRequest(f *testing.F) {
	dir := f.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "..", "examples", "shop"))); err != nil {
		f.Fatal(err)
	}
	s := New(Options{Dir: dir, ValidateOutput: true, Log: zerolog.Nop()})
	s.mcp.DeleteTools(ToolCreate)

	call := func(id any, tool, args string) string {
		idJSON, _ := json.Marshal(id)
		return `{"jsonrpc":"2.0","id":` + string(idJSON) + `,"method":"tools/call","params":{"name":"` + tool + `","arguments":` + args + `}}`
	}
	for _, seed := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}}` + "\n" +
			`{"jsonrpc":"2.0","method":"notifications/initialized"}`,
		`{"jsonrpc":"2.0","id":"a","method":"tools/list"}`,
		`{"jsonrpc":"2.0","id":2,"method":"resources/list"}`,
		`{"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"alembic-patterns://rules/downgrade-missing"}}`,
		`{"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"alembic-patterns://references/../../etc/passwd"}}`,
		`{"jsonrpc":"2.0","id":5,"method":"ping"}`,
		`{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":6,"reason":"x"}}`,
		call(6, ToolCheck, `{}`),
		call(7, ToolCheck, `{"target":"all","profile":"zero-downtime","select":["downgrade-missing"]}`),
		call(8, ToolCheck, `{"target":"migrations/versions/../../../x.py"}`),
		call(9, ToolFix, `{"unsafe":true}`),
		call(10, ToolFix, `{"target":"all"}`),
		call(11, ToolReview, `{"target":"all"}`),
		call(12, ToolReview, `{"target":"head-1:head"}`),
		call(13, ToolHistory, `{}`),
		call(14, ToolDiagnose, `{"error_text":"sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type \"status\" already exists"}`),
		call(15, ToolCheck, `{"project_dir":"migrations"}`),
		call(16, "no_such_tool", `{}`),
		call(17, ToolCheck, `"not an object"`),
		call(18, ToolCheck, `{"target":"\u0000"}`),
		call(1.5, ToolHistory, `{}`),
		call(nil, ToolHistory, `{}`),
		`{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}`,
		`{"jsonrpc":"2.0","id":[1],"method":"ping"}`,
		`{"jsonrpc":"1.0","id":1,"method":"ping"}`,
		`{"jsonrpc":"2.0","id":1,"result":{}}`,
		`[{"jsonrpc":"2.0","id":1,"method":"ping"}]`,
		`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":null}`,
		`{"jsonrpc":"2.0","id":1,"method":`,
		`null`,
		``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for line := range bytes.SplitSeq(data, []byte("\n")) {
			if reachesOut(line, dir) {
				continue
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			resp := s.mcp.HandleMessage(ctx, json.RawMessage(line))
			cancel()
			checkResponse(t, line, resp)
		}
	})
}

// checkResponse checks one answer of the handler to one line.
func checkResponse(t *testing.T, line []byte, resp any) {
	t.Helper()
	var req struct {
		ID     any    `json:"id"`
		Method string `json:"method"`
	}
	isRequest := json.Unmarshal(line, &req) == nil && req.ID != nil
	if resp == nil {
		if isRequest && req.Method != "" {
			t.Fatalf("no answer to the request %q", line)
		}
		return
	}
	out, err := json.Marshal(resp)
	if err != nil {
		t.Fatalf("answer to %q does not marshal: %v", line, err)
	}
	var answer struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      any             `json:"id"`
		Result  json.RawMessage `json:"result"`
		Error   *struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(out, &answer); err != nil || answer.JSONRPC != "2.0" || (answer.Result == nil) == (answer.Error == nil) {
		t.Fatalf("answer to %q is not a JSON-RPC response: %s", line, out)
	}
	if isRequest {
		want, _ := json.Marshal(req.ID)
		got, _ := json.Marshal(answer.ID)
		if !bytes.Equal(want, got) {
			t.Fatalf("answer to %q has id %s, want %s", line, got, want)
		}
	}
	text := string(out)
	for _, bad := range []string{"panic recovered", "invalid structured content", "output schema validation failed"} {
		if strings.Contains(text, bad) {
			t.Fatalf("answer to %q: %s", line, out)
		}
	}
}

// reachesOut reports whether a line could act outside the scratch project:
// fix_migration with apply, or a project_dir elsewhere (a walk of "/" is
// slow, and a fix could write to another project). It decodes as the server
// does (encoding/json, keys matched without case); anything it cannot
// classify is left out.
func reachesOut(line []byte, dir string) bool {
	if !bytes.Contains(bytes.ToLower(line), []byte("tools/call")) && !bytes.Contains(line, []byte(`\u`)) && !bytes.Contains(line, []byte(`\/`)) {
		return false
	}
	var req struct {
		Params struct {
			Arguments json.RawMessage `json:"arguments"`
		} `json:"params"`
	}
	if json.Unmarshal(line, &req) != nil {
		return false // the server cannot decode it either
	}
	var args map[string]json.RawMessage
	if len(req.Params.Arguments) == 0 || json.Unmarshal(req.Params.Arguments, &args) != nil {
		return false
	}
	for key, value := range args {
		switch strings.ToLower(key) {
		case "apply":
			return true
		case "project_dir":
			var p string
			if json.Unmarshal(value, &p) != nil {
				return true
			}
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			if rel, err := filepath.Rel(dir, filepath.Clean(p)); err != nil || strings.HasPrefix(rel, "..") {
				return true
			}
		}
	}
	return false
}
