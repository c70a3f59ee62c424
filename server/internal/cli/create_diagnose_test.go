//go:build unix

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliFakeAlembic stands in for `alembic revision`: it writes a revision whose
// downgrade forgets the enum type, or fails like alembic with the database down.
const cliFakeAlembic = `#!/bin/sh
if [ "$FAKE_MODE" = fail ]; then
    echo 'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "127.0.0.1", port 1 failed: Connection refused' >&2
    exit 1
fi
f="$PWD/migrations/versions/0001_add_orders.py"
cat > "$f" <<'PY'
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'shipped', name='status_type'), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('orders')
PY
echo "  Generating $f ...  done"
`

func createFixture(t *testing.T) (dir, script string) {
	t.Helper()
	dir = t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "alembic.ini"), []byte("[alembic]\nscript_location = migrations\n"), 0o644))
	script = filepath.Join(t.TempDir(), "alembic")
	must(t, os.WriteFile(script, []byte(cliFakeAlembic), 0o755))
	return dir, script
}

func runIn(t *testing.T, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Dir: dir})
	return out.String(), errb.String(), code
}

func TestCreateCommand(t *testing.T) {
	dir, script := createFixture(t)
	out, errOut, code := runIn(t, dir, "", "create", "-m", "add orders", "--alembic-cmd", script)
	if code != ExitOK || !strings.Contains(out, "Created migrations/versions/0001_add_orders.py (revision 0001)") ||
		!strings.Contains(out, "enum-type-not-dropped") || !strings.Contains(out, "No findings remain") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "running alembic revision --autogenerate -m 'add orders'") {
		t.Errorf("no progress on stderr: %s", errOut)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "migrations/versions/0001_add_orders.py"))
	if !strings.Contains(string(src), "checkfirst=True") {
		t.Errorf("not fixed:\n%s", src)
	}

	os.Remove(filepath.Join(dir, "migrations/versions/0001_add_orders.py"))
	out, _, code = runIn(t, dir, "", "create", "--message", "again", "--no-fix", "--no-autogenerate", "--alembic-cmd", script, "--format", "json")
	var res struct {
		Revision string `json:"revision"`
		Findings []struct {
			Rule string `json:"rule"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != ExitFindings || res.Revision != "0001" ||
		len(res.Findings) != 1 || res.Findings[0].Rule != "enum-type-not-dropped" {
		t.Errorf("--no-fix: exit %d, %+v, %v\n%s", code, res, err, out)
	}

	if _, errOut, code := runIn(t, dir, "", "create"); code != ExitUsage || !strings.Contains(errOut, "-m MESSAGE") {
		t.Errorf("no message: exit %d: %s", code, errOut)
	}
	if _, errOut, code := runIn(t, dir, "", "create", "-m", "x", "--alembic-cmd", "/nonexistent/alembic"); code != ExitUsage || !strings.Contains(errOut, "alembic was not found") {
		t.Errorf("missing alembic: exit %d: %s", code, errOut)
	}
	t.Setenv("FAKE_MODE", "fail")
	if _, errOut, code := runIn(t, dir, "", "create", "-m", "x", "--alembic-cmd", script); code != ExitUsage ||
		!strings.Contains(errOut, "Connection refused") || !strings.Contains(errOut, "Start the database") {
		t.Errorf("alembic failing: exit %d: %s", code, errOut)
	}
}

func TestDiagnoseCommand(t *testing.T) {
	dir, _ := createFixture(t)
	must(t, os.WriteFile(filepath.Join(dir, "migrations/versions/0001_add_orders.py"), []byte(`from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None


def upgrade():
    op.create_table('orders', sa.Column('status', sa.Enum('a', name='status_type')))


def downgrade():
    op.drop_table('orders')
`), 0o644))
	failed := "INFO  [alembic.runtime.migration] Running upgrade  -> 0001, add orders\n" +
		`sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type "status_type" already exists` + "\n"
	out, _, code := runIn(t, dir, failed, "diagnose")
	if code != ExitOK || !strings.Contains(out, "rules: enum-type-not-dropped, enum-type-recreated") ||
		!strings.Contains(out, "checked 0001 (the revision alembic was running): 1 matching findings") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	out, _, code = runIn(t, dir, failed, "diagnose", "--format", "json", "--target", "0001")
	var ex struct {
		Diagnoses []struct {
			Known bool     `json:"known"`
			Rules []string `json:"rules"`
		} `json:"diagnoses"`
		Target   string `json:"target"`
		Findings []any  `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &ex); err != nil || code != ExitOK || ex.Target != "0001" || len(ex.Findings) != 1 || !ex.Diagnoses[0].Known {
		t.Errorf("json: exit %d %+v %v\n%s", code, ex, err, out)
	}
	if out, _, code := runIn(t, t.TempDir(), "KeyError: 'x'\n", "diagnose"); code != ExitFindings || !strings.Contains(out, "does not recognise") {
		t.Errorf("unknown: exit %d:\n%s", code, out)
	}
	if _, errOut, code := runIn(t, t.TempDir(), failed, "diagnose", "--target", "0001"); code != ExitUsage || !strings.Contains(errOut, "no Alembic project") {
		t.Errorf("target without project: exit %d: %s", code, errOut)
	}
	if _, errOut, code := runIn(t, dir, failed, "diagnose", "--target", "nope"); code != ExitUsage || !strings.Contains(errOut, "nope") {
		t.Errorf("unknown target: exit %d: %s", code, errOut)
	}
}

// TestCreateFailureQuotesTheCommand: a message with shell metacharacters
// (here ; and |) was shown unquoted in the command to "run in a terminal",
// where pasting it runs more than alembic.
func TestCreateFailureQuotesTheCommand(t *testing.T) {
	dir, _ := createFixture(t)
	failing := filepath.Join(t.TempDir(), "alembic")
	must(t, os.WriteFile(failing, []byte("#!/bin/sh\necho 'something odd' >&2\nexit 3\n"), 0o755))
	_, errOut, code := runIn(t, dir, "", "create", "-m", "orders;id|cat", "--alembic-cmd", failing)
	if code != ExitUsage || !strings.Contains(errOut, "`alembic revision --autogenerate -m 'orders;id|cat'` failed") ||
		!strings.Contains(errOut, "run the same command in a terminal") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
