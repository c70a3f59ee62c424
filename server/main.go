// Command alembic-patterns finds the mistakes in Alembic migrations that fail on
// a real database, explains them and repairs what can be repaired safely.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/alembic-patterns/alembic-patterns/server/internal/cli"
	"github.com/alembic-patterns/alembic-patterns/server/internal/gcpolicy"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "mcp" {
		// every command but the server is one short run
		gcpolicy.CollectLate(gcpolicy.FirstCollection)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "alembic-patterns:", err)
		os.Exit(cli.ExitUsage)
	}
	code := cli.Main(ctx, os.Args[1:], &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Dir: dir})
	stop()
	os.Exit(code)
}
