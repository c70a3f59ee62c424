package mcpserver

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"sync"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// shutdownGrace is how long calls still running when the input ends may take
// to answer before the server returns without them. mcp-go cancels their
// contexts at end of input and then waits for every handler: one blocked in
// the kernel (a hung network file system) would keep the process alive
// forever after the client is gone.
const shutdownGrace = time.Second

// Serve answers MCP requests on in/out until in ends or ctx is cancelled. Only
// protocol messages are written to out.
func (s *Server) Serve(ctx context.Context, in io.Reader, out io.Writer, errLog io.Writer) error {
	stdio := server.NewStdioServer(s.mcp)
	stdio.SetErrorLogger(log.New(errLog, "alembic-patterns mcp: ", log.LstdFlags))
	w := &lockedWriter{w: out}
	screened, feed := io.Pipe()
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		feed.CloseWithError(screen(in, feed, w))
	}()
	done := make(chan error, 1)
	go func() { done <- stdio.Listen(ctx, screened, w) }()
	var err error
	select {
	case err = <-done:
	case <-ended:
		select {
		case err = <-done:
		case <-time.After(shutdownGrace):
			s.opts.Log.Warn().Msg("mcp: input closed; calls still running after it are abandoned")
		}
	}
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// screen copies the lines of in to the stdio server, answering itself the
// requests mcp-go would accept though JSON-RPC forbids them: an id that is an
// object, an array or a boolean (mcp-go would echo it back as the response's
// id). It returns when in ends (nil at EOF).
func screen(in io.Reader, to io.Writer, out io.Writer) error {
	r := bufio.NewReader(in)
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			if reply := refusal(line); reply != nil {
				if _, werr := out.Write(reply); werr != nil {
					return werr
				}
			} else if _, werr := to.Write(line); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// refusal is the -32600 response to a message whose id is not a string, a
// number or null, else nil. The id cannot be echoed: the response's is null.
func refusal(line []byte) []byte {
	var msg struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(line, &msg) != nil || len(msg.ID) == 0 {
		return nil // not an object with an id: mcp-go answers
	}
	switch msg.ID[0] {
	case '"', 'n', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return nil
	}
	reply, err := json.Marshal(mcp.JSONRPCError{
		JSONRPC: mcp.JSONRPC_VERSION,
		ID:      mcp.NewRequestId(nil),
		Error:   mcp.NewJSONRPCErrorDetails(mcp.INVALID_REQUEST, "Invalid Request: id must be a string, a number or null", nil),
	})
	if err != nil {
		return nil
	}
	return append(reply, '\n')
}

// lockedWriter serialises whole writes: mcp-go writes each message with one
// Write, and so does screen, so that messages never interleave.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
