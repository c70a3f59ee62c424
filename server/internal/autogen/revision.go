package autogen

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/alembic-patterns/alembic-patterns/server/internal/brief"
	"github.com/alembic-patterns/alembic-patterns/server/internal/printable"
	"github.com/alembic-patterns/alembic-patterns/server/internal/project"
	"github.com/alembic-patterns/alembic-patterns/server/internal/shellquote"
)

// DefaultTimeout bounds one alembic run (autogenerate connects to the
// database and imports the application's models).
const DefaultTimeout = 2 * time.Minute

// Options for Revision.
type Options struct {
	Message      string
	Autogenerate bool
	// Command overrides how alembic is run (see FindCommand).
	Command []string
	// Timeout bounds the alembic run (0 = DefaultTimeout).
	Timeout time.Duration
	// Progress, if set, receives a line for each step and each line alembic
	// prints, while it runs. It is called from one goroutine at a time.
	Progress func(msg string)
	// Heartbeat, if set, adds a progress line this often while alembic is
	// quiet (importing the models, connecting).
	Heartbeat time.Duration
	// Env is added to alembic's environment (tests).
	Env []string
}

// Generated is the revision file alembic wrote.
type Generated struct {
	// Path is the new file, absolute and inside the project.
	Path string
	// Command is the alembic command that ran, quoted for a shell.
	Command string
	// Output is alembic's own output (stdout and stderr, interleaved).
	Output string
}

// RunError is a failed alembic run: it exited non-zero, timed out or wrote no
// file. Error() quotes alembic's own message; what the message means is for
// package diagnose.
type RunError struct {
	Command  string
	ExitCode int // -1 when it did not exit by itself
	TimedOut bool
	Timeout  time.Duration
	Output   string
	Reason   string // set when alembic exited 0 but something else went wrong
}

func (e *RunError) Error() string {
	var b strings.Builder
	switch {
	case e.TimedOut:
		fmt.Fprintf(&b, "`%s` did not finish within %s and was stopped (is the database reachable, or is a lock held?).", e.Command, e.Timeout)
	case e.Reason != "":
		fmt.Fprintf(&b, "`%s` %s.", e.Command, e.Reason)
	default:
		fmt.Fprintf(&b, "`%s` failed (exit status %d).", e.Command, e.ExitCode)
	}
	if tail := Tail(withoutFrames(e.Output), 25); tail != "" {
		b.WriteString(" alembic said:\n\n")
		b.WriteString(indent(tail))
	} else {
		b.WriteString(" alembic printed nothing.")
	}
	return b.String()
}

// Tail returns the last n non-empty-trailing lines of s, each clipped.
func Tail(s string, n int) string {
	s = strings.TrimRight(s, "\n ")
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append([]string{"..."}, lines[len(lines)-n:]...)
	}
	for i, l := range lines {
		lines[i] = clipLine(l)
	}
	return strings.Join(lines, "\n")
}

// withoutFrames drops the frames of Python tracebacks (the "  File ..." lines,
// the source lines under them and the ^^^ markers): the exception lines are
// what says what went wrong.
func withoutFrames(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0:0]
	inFrames := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "Traceback (most recent call last):"):
			out = append(out, "Traceback (most recent call last): [frames omitted]")
			inFrames = true
			continue
		case inFrames && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")):
			continue
		case t != "" && strings.Trim(t, "^~") == "":
			continue
		}
		inFrames = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// ErrNoMessage is returned for an empty message.
var ErrNoMessage = errors.New("the message is empty: say what the revision does, e.g. \"add orders table\"")

// maxOutput bounds what is kept of alembic's output.
const maxOutput = 256 << 10

// outputTail keeps the end of alembic's output, where its error and the
// "Generating ..." line are: 100 MB printed without a newline used to be
// dropped whole and reported as "alembic printed nothing".
type outputTail struct {
	buf     []byte
	dropped int
}

func (o *outputTail) write(p []byte) {
	o.buf = append(o.buf, p...)
	if over := len(o.buf) - maxOutput; over >= maxOutput { // shift rarely
		o.dropped += over
		o.buf = append(o.buf[:0], o.buf[over:]...)
	}
}

// String is the output kept, printable, saying how much of its start is omitted.
func (o *outputTail) String() string {
	kept, dropped := o.buf, o.dropped
	if over := len(kept) - maxOutput; over > 0 {
		kept, dropped = kept[over:], dropped+over
	}
	text := printable.Text(string(kept))
	if dropped > 0 {
		text = fmt.Sprintf("[the first %d bytes of the output are omitted]\n", dropped) + text
	}
	return text
}

// Revision runs `alembic revision [--autogenerate] -m MESSAGE` in the project
// and returns the file it wrote.
func Revision(ctx context.Context, proj *project.Project, opts Options) (*Generated, error) {
	msg := strings.TrimSpace(opts.Message)
	if msg == "" {
		return nil, ErrNoMessage
	}
	if strings.ContainsRune(msg, 0) {
		return nil, errors.New("the message contains a NUL byte")
	}
	var progressMu sync.Mutex
	progress := func(s string) {
		if opts.Progress != nil {
			progressMu.Lock()
			defer progressMu.Unlock()
			opts.Progress(s)
		}
	}
	inv, err := Locate(proj, opts.Command)
	if err != nil {
		return nil, err
	}
	sd, runDir := inv.ScriptDir, inv.Dir
	argv := inv.Argv("", "revision")
	if opts.Autogenerate {
		argv = append(argv, "--autogenerate")
	}
	if strings.HasPrefix(msg, "-") {
		argv = append(argv, "--message="+msg)
	} else {
		argv = append(argv, "-m", msg)
	}
	shown := shellquote.Join(append([]string{filepath.Base(argv[0])}, argv[1:]...))

	before := revisionFiles(proj, sd)
	progress(fmt.Sprintf("running %s (alembic from %s)", shown, inv.Command.Source))
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	output, runErr := run(ctx, runDir, argv, opts.Env, timeout, opts.Heartbeat, progress, nil)
	if runErr != nil {
		var re *RunError
		if errors.As(runErr, &re) {
			re.Command = shown
			re.Timeout = timeout
		}
		return nil, runErr
	}
	path, err := newFile(proj, sd, before, output)
	if err != nil {
		return nil, &RunError{Command: shown, Output: output, Reason: "ran, but " + err.Error()}
	}
	return &Generated{Path: path, Command: shown, Output: output}, nil
}

// scriptDir picks the script directory alembic will write to.
func scriptDir(proj *project.Project) (project.ScriptDir, error) {
	switch len(proj.ScriptDirs) {
	case 0:
		return project.ScriptDir{}, fmt.Errorf("%s has no Alembic script directory", proj.ConfigFile)
	case 1:
		return proj.ScriptDirs[0], nil
	}
	if proj.ConfigFile == "" {
		var projects []string
		for _, sd := range proj.ScriptDirs {
			if p := proj.Rel(cmp.Or(sd.Config, sd.Location)); !slices.Contains(projects, p) {
				projects = append(projects, p)
			}
		}
		return project.ScriptDir{}, fmt.Errorf("%s holds %d separate Alembic projects; create the revision in one of them: pass its "+
			"configuration with -c FILE or its directory with --project DIR (project_dir for create_migration):\n%s",
			proj.Root, len(projects), brief.Lines(projects, brief.Names))
	}
	var names []string
	for _, sd := range proj.ScriptDirs {
		if sd.Name == "alembic" || sd.Name == "tool.alembic" {
			return sd, nil
		}
		names = append(names, sd.Name)
	}
	return project.ScriptDir{}, fmt.Errorf("%s has several script directories (%s) and none is the default [alembic] section; "+
		"run `alembic -n NAME revision` yourself", proj.ConfigFile, strings.Join(names, ", "))
}

// runDirOf is the directory alembic runs from for sd: where its config's
// relative paths resolve. Script directories that alembic alone cannot run
// (no configuration, or one that Flask-Migrate completes at run time) are an
// error that names the command to use instead.
func runDirOf(proj *project.Project, sd project.ScriptDir) (string, error) {
	switch {
	case sd.Origin == "runtime":
		return "", fmt.Errorf("%s has no script_location: it is completed at run time by Flask-Migrate or Flask-Alembic, "+
			"so plain alembic cannot create a revision here; run `flask db migrate -m MESSAGE` (Flask-Migrate), then check_migration", sd.Config)
	case sd.Config == "":
		return "", fmt.Errorf("%s has no Alembic configuration file (Alembic is configured in code): run the project's own command "+
			"to create a revision, then check_migration", sd.Location)
	case proj.ConfigFile == "":
		return filepath.Dir(sd.Config), nil // one of several projects: each runs from its own directory
	}
	return proj.RunDir, nil
}

func revisionFiles(proj *project.Project, sd project.ScriptDir) map[string]bool {
	out := map[string]bool{}
	for _, f := range proj.RevisionFiles(sd).Files {
		out[f] = true
	}
	return out
}

// generating matches alembic's "  Generating /path/to/x.py ...  done".
var generating = regexp.MustCompile(`Generating (.+\.py) \.\.\.`)

// newFile finds the revision alembic wrote: the path it printed, else the one
// new file in the version directories.
func newFile(proj *project.Project, sd project.ScriptDir, before map[string]bool, output string) (string, error) {
	if m := generating.FindAllStringSubmatch(output, -1); len(m) > 0 {
		path := strings.TrimSpace(m[len(m)-1][1])
		if resolved, err := proj.Inside(path); err == nil {
			return resolved, nil
		} else if _, statErr := os.Stat(path); statErr == nil {
			return "", fmt.Errorf("wrote %s, outside the project directory %s", path, proj.Root)
		}
	}
	after := revisionFiles(proj, sd)
	var added []string
	for f := range after {
		if !before[f] {
			added = append(added, f)
		}
	}
	switch len(added) {
	case 1:
		return proj.Inside(added[0])
	case 0:
		return "", errors.New("no new revision file appeared in " + strings.Join(sd.VersionLocations, ", "))
	}
	slices.Sort(added)
	return "", fmt.Errorf("several new files appeared (%s); which one alembic wrote is unclear", strings.Join(added, ", "))
}

// run executes argv in dir, without a shell, streaming its output lines to
// progress and returning all of it. With stdout set, what alembic prints on
// stdout (the SQL of --sql) goes there instead.
func run(ctx context.Context, dir string, argv, env []string, timeout, heartbeat time.Duration, progress func(string), stdout io.Writer) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	c := exec.CommandContext(ctx, argv[0], argv[1:]...)
	c.Dir = dir
	c.Env = append(os.Environ(), env...)
	c.Stdin = nil
	setProcessGroup(c)
	c.WaitDelay = 3 * time.Second
	pr, pw := io.Pipe()
	c.Stdout, c.Stderr = pw, pw
	if stdout != nil {
		c.Stdout = stdout
	}

	var out outputTail
	done := make(chan struct{})
	go func() {
		defer close(done)
		r := bufio.NewReaderSize(pr, 64<<10)
		lineStart := true
		for {
			chunk, err := r.ReadSlice('\n') // a line longer than the buffer comes in pieces
			out.write(chunk)
			if t := strings.TrimSpace(string(chunk[:min(len(chunk), 1024)])); lineStart && t != "" {
				progress(printable.Text(clipLine(t)))
			}
			lineStart = err == nil
			if err != nil && err != bufio.ErrBufferFull {
				return
			}
		}
	}()
	start := time.Now()
	if err := c.Start(); err != nil {
		pw.Close()
		<-done
		if errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist) {
			return "", &NotFoundError{Tried: []string{argv[0] + ": " + err.Error()}}
		}
		return "", err
	}
	// a heartbeat while alembic is quiet (importing models, connecting)
	stopBeat := make(chan struct{})
	go func() {
		if heartbeat <= 0 {
			return
		}
		t := time.NewTicker(heartbeat)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				progress(fmt.Sprintf("alembic is running (%ds)", int(time.Since(start).Seconds())))
			case <-stopBeat:
				return
			}
		}
	}()
	err := c.Wait()
	close(stopBeat)
	pw.Close()
	<-done
	output := out.String()
	if err == nil {
		return output, nil
	}
	re := &RunError{ExitCode: -1, Output: output}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		re.ExitCode = ee.ExitCode()
	}
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		re.TimedOut = true
	case ctx.Err() != nil:
		return output, fmt.Errorf("alembic was stopped: %w", ctx.Err())
	case re.ExitCode == -1:
		re.Reason = "did not complete: " + err.Error()
	}
	return output, re
}

// clipLine cuts a line longer than 300 bytes to its start and its end (at
// character boundaries), where what went wrong is said.
func clipLine(s string) string {
	const keep = 150
	if len(s) <= 2*keep {
		return s
	}
	head, tail := keep, len(s)-keep
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + " ... " + s[tail:]
}
