package plugin

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// scriptedAPI stands in for the Anthropic Messages API on 127.0.0.1: the real
// Claude Code CLI (ANTHROPIC_BASE_URL) sends it every model request of a turn,
// the test's script decides each reply, and every request is recorded for the
// assertions. Replies stream as the API does (server-sent events) unless the
// request asked for a plain JSON message.
type scriptedAPI struct {
	*httptest.Server
	script func(*apiRequest) []apiBlock

	mu       sync.Mutex
	turns    int
	requests []*apiRequest
}

// apiRequest is one recorded POST /v1/messages.
type apiRequest struct {
	Model    string       `json:"model"`
	Stream   bool         `json:"stream"`
	System   apiContent   `json:"system"`
	Messages []apiMessage `json:"messages"`
	Tools    []struct {
		Name string `json:"name"`
	} `json:"tools"`
	raw  string
	turn int // the turn that sent it (0: a request outside turns)
}

type apiMessage struct {
	Role    string     `json:"role"`
	Content apiContent `json:"content"`
}

// apiContent is a content field: a plain string or a list of blocks (a string
// reads as one text block).
type apiContent []apiBlock

func (c *apiContent) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) == nil {
		*c = apiContent{{Type: "text", Text: s}}
		return nil
	}
	var blocks []apiBlock
	if err := json.Unmarshal(data, &blocks); err != nil {
		return err
	}
	*c = blocks
	return nil
}

// apiBlock is a content block of a request or of a scripted reply.
type apiBlock struct {
	Type      string         `json:"type"`
	Text      string         `json:"text,omitempty"`
	ID        string         `json:"id,omitempty"`
	Name      string         `json:"name,omitempty"`
	Input     map[string]any `json:"input,omitempty"`
	ToolUseID string         `json:"tool_use_id,omitempty"`
	Content   apiContent     `json:"content,omitempty"`
	IsError   bool           `json:"is_error,omitempty"`
}

// turnPath matches the base path of a turn (see newTurn) before /v1/messages.
var turnPath = regexp.MustCompile(`^/turn/([0-9]+)(/v1/messages.*)$`)

// say is a reply of text that ends the turn.
func say(text string) []apiBlock { return []apiBlock{{Type: "text", Text: text}} }

// callTool is a reply that calls one tool; the id is the name, so that the
// result can be found again (toolResult).
func callTool(name string, input map[string]any) []apiBlock {
	if input == nil {
		input = map[string]any{}
	}
	return []apiBlock{{Type: "tool_use", ID: "toolu_" + strings.NewReplacer(":", "_", "-", "_").Replace(name), Name: name, Input: input}}
}

// text is the content as one string: text blocks, tool results and tool
// inputs, in order.
func (c apiContent) text() string {
	var b strings.Builder
	for _, blk := range c {
		b.WriteString(blk.Text)
		if blk.Input != nil {
			data, _ := json.Marshal(blk.Input)
			b.Write(data)
		}
		b.WriteString(blk.Content.text())
		b.WriteByte('\n')
	}
	return b.String()
}

// last is the text of the last user message (the newest prompt or tool
// result; the CLI may append a system message after it).
func (r *apiRequest) last() string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == "user" {
			return r.Messages[i].Content.text()
		}
	}
	return ""
}

// lastPrompt is the text the user typed: the last text block of the first
// user message (the CLI puts its reminders before it).
func lastPrompt(r *apiRequest) string {
	for _, m := range r.Messages {
		if m.Role == "user" {
			for i := len(m.Content) - 1; i >= 0; i-- {
				if m.Content[i].Type == "text" {
					return m.Content[i].Text
				}
			}
		}
	}
	return ""
}

// toolResult is the result of the scripted call of tool (see callTool), and
// whether the request holds it.
func (r *apiRequest) toolResult(tool string) (apiBlock, bool) {
	id := callTool(tool, nil)[0].ID
	for _, m := range r.Messages {
		for _, blk := range m.Content {
			if blk.Type == "tool_result" && blk.ToolUseID == id {
				return blk, true
			}
		}
	}
	return apiBlock{}, false
}

// afterResult is the text of every message after the one that carries the
// result of the scripted call of tool: what the CLI added to it (hook output
// arrives there, in a system message).
func (r *apiRequest) afterResult(tool string) string {
	id := callTool(tool, nil)[0].ID
	var b strings.Builder
	seen := false
	for _, m := range r.Messages {
		if seen {
			b.WriteString(m.Content.text())
		}
		for _, blk := range m.Content {
			if blk.Type == "tool_result" && blk.ToolUseID == id {
				seen = true
			}
		}
	}
	return b.String()
}

func newScriptedAPI(t testing.TB, script func(*apiRequest) []apiBlock) *scriptedAPI {
	t.Helper()
	api := &scriptedAPI{script: script}
	api.Server = httptest.NewServer(http.HandlerFunc(api.serve))
	t.Cleanup(api.Close)
	return api
}

// newTurn is the base URL of a new turn and its number: the requests sent to
// it are recorded as that turn's.
func (api *scriptedAPI) newTurn() (string, int) {
	api.mu.Lock()
	defer api.mu.Unlock()
	api.turns++
	return fmt.Sprintf("%s/turn/%d", api.URL, api.turns), api.turns
}

func (api *scriptedAPI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	path, turn := r.URL.Path, 0
	if m := turnPath.FindStringSubmatch(path); m != nil {
		turn, _ = strconv.Atoi(m[1])
		path = m[2]
	}
	if r.Method != http.MethodPost || !strings.HasPrefix(path, "/v1/messages") {
		http.NotFound(w, r)
		return
	}
	var req apiRequest
	if err := json.Unmarshal(body, &req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if strings.HasSuffix(path, "/count_tokens") {
		writeJSON(w, map[string]any{"input_tokens": 1000})
		return
	}
	req.raw, req.turn = string(body), turn
	api.mu.Lock()
	api.requests = append(api.requests, &req)
	n := len(api.requests)
	api.mu.Unlock()

	reply := api.script(&req)
	if reply == nil {
		reply = say("Done.")
	}
	stop := "end_turn"
	for _, blk := range reply {
		if blk.Type == "tool_use" {
			stop = "tool_use"
		}
	}
	msg := map[string]any{"id": fmt.Sprintf("msg_%04d", n), "type": "message", "role": "assistant", "model": req.Model,
		"stop_sequence": nil, "usage": map[string]any{"input_tokens": 1000, "output_tokens": 10}}
	if !req.Stream {
		msg["content"], msg["stop_reason"] = reply, stop
		writeJSON(w, msg)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	event := func(name string, data map[string]any) {
		data["type"] = name
		enc, _ := json.Marshal(data)
		fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, enc)
		w.(http.Flusher).Flush()
	}
	msg["content"], msg["stop_reason"] = []any{}, nil
	event("message_start", map[string]any{"message": msg})
	for i, blk := range reply {
		switch blk.Type {
		case "tool_use":
			input, _ := json.Marshal(blk.Input)
			event("content_block_start", map[string]any{"index": i, "content_block": map[string]any{"type": "tool_use", "id": blk.ID, "name": blk.Name, "input": map[string]any{}}})
			// Two deltas: the client must join partial JSON, as it does for a real model.
			half := len(input) / 2
			for _, part := range []string{string(input[:half]), string(input[half:])} {
				event("content_block_delta", map[string]any{"index": i, "delta": map[string]any{"type": "input_json_delta", "partial_json": part}})
			}
		default:
			event("content_block_start", map[string]any{"index": i, "content_block": map[string]any{"type": "text", "text": ""}})
			event("content_block_delta", map[string]any{"index": i, "delta": map[string]any{"type": "text_delta", "text": blk.Text}})
		}
		event("content_block_stop", map[string]any{"index": i})
	}
	event("message_delta", map[string]any{"delta": map[string]any{"stop_reason": stop, "stop_sequence": nil}, "usage": map[string]any{"output_tokens": 10}})
	event("message_stop", map[string]any{})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// recorded is the requests of a turn so far.
func (api *scriptedAPI) recorded(turn int) []*apiRequest {
	api.mu.Lock()
	defer api.mu.Unlock()
	var out []*apiRequest
	for _, r := range api.requests {
		if r.turn == turn {
			out = append(out, r)
		}
	}
	return out
}

// dumpRequests lists requests briefly, for a failure message.
func dumpRequests(reqs []*apiRequest) string {
	var b strings.Builder
	for i, r := range reqs {
		fmt.Fprintf(&b, "request %d: model %s, %d tools, %d messages; last: %.600s\n", i+1, r.Model, len(r.Tools), len(r.Messages), r.last())
	}
	return b.String()
}
