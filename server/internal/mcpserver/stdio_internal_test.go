package mcpserver

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
)

// TestServeReturnsWhenInputEndsDespiteAStuckCall: mcp-go waits for every
// handler after the input ends, so one blocked where no context reaches (a
// read on a hung file system) kept the server running forever after the
// client was gone. Serve returns shortly after the input ends.
func TestServeReturnsWhenInputEndsDespiteAStuckCall(t *testing.T) {
	s := New(Options{Dir: t.TempDir()})
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	s.mcp.AddTool(mcp.NewTool("stuck"), func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		close(started)
		<-release // ignores its context, as a blocked system call would
		return mcp.NewToolResultText("late"), nil
	})
	in, feed := io.Pipe()
	served := make(chan error, 1)
	go func() { served <- s.Serve(context.Background(), in, io.Discard, io.Discard) }()
	for _, line := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"0"}}}`,
		`{"jsonrpc":"2.0","method":"notifications/initialized"}`,
		`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"stuck","arguments":{}}}`,
	} {
		if _, err := io.WriteString(feed, line+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		t.Fatal("the stuck tool was not called")
	}
	feed.Close()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * shutdownGrace):
		t.Fatal("Serve still running after the input ended")
	}
}
