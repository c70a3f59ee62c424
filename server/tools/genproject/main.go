// Command genproject writes a synthetic Alembic project (see package synth).
//
//	go run ./server/tools/genproject -n 3000 -seed 1 -merge-every 50 -batch-every 7 -o DIR
//	go run ./server/tools/genproject -wide 4000 [-wide-pass] -o DIR  (one revision of 4,000 add_column calls)
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/alembic-patterns/alembic-patterns/server/internal/synth"
)

func main() {
	var opts synth.Options
	flag.IntVar(&opts.Revisions, "n", 100, "number of revision files")
	flag.Int64Var(&opts.Seed, "seed", 1, "random seed (same seed, same files)")
	flag.IntVar(&opts.MergeEvery, "merge-every", 0, "fork a short branch and merge it back every N revisions (0 = never)")
	flag.IntVar(&opts.BatchEvery, "batch-every", 0, "use op.batch_alter_table every N revisions (0 = never)")
	var wide synth.WideOptions
	flag.IntVar(&wide.Ops, "wide", 0, "instead of a history, two revisions: a table, then N add_column calls to it")
	flag.BoolVar(&wide.DowngradePass, "wide-pass", false, "with -wide: the downgrade is `pass` (else it drops only the last column)")
	out := flag.String("o", "", "output directory (required; its migrations/versions must be empty)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: genproject -o DIR [-n N] [-seed S] [-merge-every N] [-batch-every N] | -wide N [-wide-pass]")
		os.Exit(2)
	}
	if wide.Ops > 0 {
		if err := synth.WriteWide(*out, wide); err != nil {
			fmt.Fprintln(os.Stderr, "genproject:", err)
			os.Exit(1)
		}
		return
	}
	start := time.Now()
	res, err := synth.Write(*out, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genproject:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "genproject: wrote %d revisions (%d bytes) to %s in %s, head %s\n",
		res.Revisions, res.Bytes, *out, time.Since(start).Round(time.Millisecond), res.Heads[0])
}
