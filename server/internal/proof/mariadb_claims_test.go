package proof

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// onlineDDLCase is one operation whose MySQL/MariaDB ALTER algorithm review
// states, run on the schema of onlineDDLBase.
type onlineDDLCase struct {
	name string
	op   string // the body of upgrade()
	want string // the algorithm review must state
}

// onlineDDLBase is revision 0001 of the claim project.
const onlineDDLBase = `
op.create_table('p', sa.Column('id', sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))
op.create_table('t',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=True),
    sa.Column('nn', sa.String(length=50), nullable=False, server_default='a'),
    sa.Column('n', sa.Integer(), nullable=True),
    sa.Column('pid', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.ForeignKeyConstraint(['pid'], ['p.id'], name='fk_old'),
    sa.UniqueConstraint('nn', name='uq_old'))
op.create_index('ix_old', 't', ['n'])
op.create_table('np', sa.Column('id', sa.Integer(), nullable=False))
op.execute("INSERT INTO p (id) VALUES (1), (2)")
op.execute("INSERT INTO t (id, name, nn, n) VALUES (1, 'a', 'a', 1), (2, 'b', 'b', 2)")`

var onlineDDLCases = []onlineDDLCase{
	{"add a nullable column", `op.add_column('t', sa.Column('c2', sa.Integer(), nullable=True))`, "INSTANT"},
	{"add a NOT NULL column with a default", `op.add_column('t', sa.Column('c2', sa.Integer(), nullable=False, server_default='0'))`, "INSTANT"},
	{"add a column with a foreign key", `op.add_column('t', sa.Column('c3', sa.Integer(), sa.ForeignKey('p.id'), nullable=True))`, "COPY"},
	{"drop a column", `op.drop_column('t', 'name')`, "INSTANT"},
	{"create an index", `op.create_index('ix_name', 't', ['name'])`, "NOCOPY"},
	{"drop an index", `op.drop_index('ix_old', table_name='t')`, "NOCOPY"},
	{"create a unique constraint", `op.create_unique_constraint('uq_name', 't', ['name'])`, "NOCOPY"},
	{"drop a unique constraint", `op.drop_constraint('uq_old', 't', type_='unique')`, "NOCOPY"},
	{"create a foreign key", `op.create_foreign_key('fk_t_p', 't', 'p', ['n'], ['id'])`, "COPY"},
	{"drop a foreign key", `op.drop_constraint('fk_old', 't', type_='foreignkey')`, "INSTANT"},
	{"create a check constraint", `op.create_check_constraint('ck_n', 't', 'n > 0')`, "COPY"},
	{"create a primary key", `op.create_primary_key('pk_np', 'np', ['id'])`, "INPLACE"},
	{"rename a table", `op.rename_table('t', 't2')`, "INSTANT"},
	{"rename a column", `op.alter_column('t', 'name', new_column_name='full_name', existing_type=sa.String(length=50), existing_nullable=True)`, "INSTANT"},
	{"set NOT NULL", `op.alter_column('t', 'name', existing_type=sa.String(length=50), nullable=False)`, "INPLACE"},
	{"set a server default", `op.alter_column('t', 'name', server_default='x')`, "INSTANT"},
	{"widen a VARCHAR, same length prefix", `op.alter_column('t', 'name', type_=sa.String(length=60), existing_type=sa.String(length=50), existing_nullable=True)`, "INSTANT"},
	{"widen a VARCHAR past 255 bytes", `op.alter_column('t', 'name', type_=sa.String(length=100), existing_type=sa.String(length=50), existing_nullable=True)`, "COPY"},
	{"convert the table to another character set", `op.execute("ALTER TABLE t CONVERT TO CHARACTER SET utf8mb3")`, "COPY"},
	{"INTEGER to BIGINT", `op.alter_column('t', 'n', type_=sa.BigInteger(), existing_type=sa.Integer(), existing_nullable=True)`, "COPY"},
}

// mariadbAlgorithms, cheapest first; each runs with the weakest lock it allows.
var mariadbAlgorithms = []string{"INSTANT", "NOCOPY", "INPLACE", "COPY"}

var (
	ddlStatement = regexp.MustCompile(`(?m)^(ALTER TABLE|CREATE (UNIQUE )?INDEX|DROP INDEX)[^;]*;`)
	dropIndexSQL = regexp.MustCompile(`^DROP INDEX (\S+) ON (\S+)$`)
	createIndex  = regexp.MustCompile(`^CREATE (UNIQUE )?INDEX`)
)

// withAlgorithm adds ALGORITHM= and LOCK= to one DDL statement Alembic wrote.
func withAlgorithm(stmt, algorithm, lock string) string {
	stmt = strings.TrimSuffix(strings.TrimSpace(stmt), ";")
	if m := dropIndexSQL.FindStringSubmatch(stmt); m != nil {
		stmt = fmt.Sprintf("ALTER TABLE %s DROP INDEX %s", m[2], m[1])
	}
	if createIndex.MatchString(stmt) {
		return fmt.Sprintf("%s ALGORITHM=%s LOCK=%s", stmt, algorithm, lock)
	}
	return fmt.Sprintf("%s, ALGORITHM=%s, LOCK=%s", stmt, algorithm, lock)
}

// TestMariaDBOnlineDDLClaims checks review's ALGORITHM/LOCK per operation on
// MariaDB: the statements Alembic writes for it (offline --sql) run with the
// algorithm and lock review states, the next cheaper algorithm is refused,
// and LOCK=NONE is refused when review says writes wait.
func TestMariaDBOnlineDDLClaims(t *testing.T) {
	tl := getDialectTools(t, mariadb, true)
	bin := binary(t)
	for _, c := range onlineDDLCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			db := tl.newDatabase(t, "claim_ddl")
			p := newProject(t, tl, "k", db) // its models are not used: the revisions are written here
			versions := filepath.Join(p.dir, "alembic", "versions")
			p.write(filepath.Join(versions, "0001_base.py"), revisionText("0001", "None", onlineDDLBase))
			rev := filepath.Join(versions, "0002_change.py")
			p.write(rev, revisionText("0002", "'0001'", c.op))

			res := run(p.dir, os.Environ(), true, bin, "review", rev, "--format", "json")
			if res.err != nil && res.code != 1 {
				t.Fatalf("review failed:\n%s", res)
			}
			ddl := claimedDDL(t, res.stdout)
			if ddl == nil || ddl.Algorithm != c.want {
				t.Fatalf("review states %+v, want ALGORITHM=%s\n%s", ddl, c.want, res.stdout)
			}

			// Alembic's SQL, written once (offline): revision 0001 as is, then 0002 with each ALGORITHM tried.
			base := p.mustAlembic(alembicOpts{}, "upgrade", "0001", "--sql").stdout
			offline := p.mustAlembic(alembicOpts{}, "upgrade", "0001:0002", "--sql")
			stmts := ddlStatement.FindAllString(offline.stdout, -1)
			if len(stmts) == 0 {
				t.Fatalf("no DDL in alembic's offline SQL:\n%s", offline.output)
			}
			try := func(algorithm, lock string) error {
				db.reset(t)
				batches := []string{base}
				for _, s := range stmts {
					batches = append(batches, withAlgorithm(s, algorithm, lock))
				}
				_, err := db.query(batches...)
				return err
			}
			if err := try(ddl.Algorithm, ddl.Lock); err != nil {
				t.Errorf("%s: ALGORITHM=%s, LOCK=%s as review states is refused: %v", c.name, ddl.Algorithm, ddl.Lock, err)
			}
			if i := slices.Index(mariadbAlgorithms, ddl.Algorithm); i > 0 {
				cheaper := mariadbAlgorithms[i-1]
				if err := try(cheaper, "NONE"); err == nil {
					t.Errorf("%s: ALGORITHM=%s runs too, review states %s", c.name, cheaper, ddl.Algorithm)
				} else {
					t.Logf("%s: %s as stated; %s refused: %v", c.name, ddl.Algorithm, cheaper, err)
				}
			}
			if ddl.BlocksWrites {
				if err := try(ddl.Algorithm, "NONE"); err == nil {
					t.Errorf("%s: LOCK=NONE runs, review says writes wait", c.name)
				}
			}
		})
	}
}

// claimedDDL is the mysql_online_ddl of the one upgrade operation of a review.
func claimedDDL(t *testing.T, doc string) *struct {
	Algorithm    string `json:"algorithm"`
	Lock         string `json:"lock"`
	BlocksWrites bool   `json:"blocks_writes"`
} {
	t.Helper()
	var rv struct {
		Revisions []struct {
			Operations []struct {
				Function string `json:"function"`
				MySQL    *struct {
					Algorithm    string `json:"algorithm"`
					Lock         string `json:"lock"`
					BlocksWrites bool   `json:"blocks_writes"`
				} `json:"mysql_online_ddl"`
			} `json:"operations"`
		} `json:"revisions"`
	}
	if err := json.Unmarshal([]byte(doc), &rv); err != nil || len(rv.Revisions) != 1 {
		t.Fatalf("review --format json: %v\n%s", err, doc)
	}
	for _, o := range rv.Revisions[0].Operations {
		if o.Function == "upgrade" {
			return o.MySQL
		}
	}
	return nil
}

// revisionText is a revision file with the given upgrade() body.
func revisionText(id, down, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\"\"\"revision %s\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = '%s'\ndown_revision = %s\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n", id, id, down)
	for _, line := range strings.Split(strings.Trim(body, "\n"), "\n") {
		b.WriteString("    " + line + "\n")
	}
	b.WriteString("\n\ndef downgrade():\n    pass\n")
	return b.String()
}

// TestMariaDBIndexesTextPrefix: what mysql-text-index-without-length says of
// MariaDB — it builds an index on a TEXT column without a length, on a prefix
// of 768 characters (3072 bytes of utf8mb4), where MySQL 8 refuses it.
func TestMariaDBIndexesTextPrefix(t *testing.T) {
	tl := getDialectTools(t, mariadb, false)
	db := tl.newDatabase(t, "claim_text_index")
	got, err := db.query(
		"CREATE TABLE docs (id INT PRIMARY KEY, body TEXT) DEFAULT CHARSET=utf8mb4",
		"CREATE INDEX ix_docs_body ON docs (body)",
		"SELECT sub_part FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'ix_docs_body'")
	if err != nil {
		t.Fatalf("MariaDB refused an index on TEXT without a length: %v", err)
	}
	if got[2] != "768" {
		t.Errorf("MariaDB indexed a prefix of %q characters, the rule's documentation says 768", got[2])
	}
}
