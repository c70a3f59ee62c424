package proof

import "testing"

// Queries of the MariaDB scenarios (information_schema of the current database).
const (
	myColumn      = `SELECT concat(is_nullable, ',', coalesce(column_default, 'none')) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'users' AND column_name = 'name'`
	myTables      = `SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('authors', 'books')`
	myChildFK     = `SELECT coalesce(group_concat(constraint_name), '') FROM information_schema.table_constraints WHERE table_schema = DATABASE() AND table_name = 'child' AND constraint_type = 'FOREIGN KEY'`
	myBooksFK     = `SELECT coalesce(group_concat(constraint_name), '') FROM information_schema.table_constraints WHERE table_schema = DATABASE() AND table_name = 'books' AND constraint_type = 'FOREIGN KEY'`
	myAccountsKey = `SELECT coalesce(group_concat(constraint_name), '') FROM information_schema.table_constraints WHERE table_schema = DATABASE() AND table_name = 'accounts' AND constraint_type = 'UNIQUE'`
	myFullNames   = `SELECT group_concat(full_name ORDER BY id) FROM users`
	myNames       = `SELECT group_concat(name ORDER BY id) FROM users`
	myBooksIndex  = `SELECT group_concat(DISTINCT index_name ORDER BY index_name) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'books'`
	myBookRows    = `SELECT group_concat(concat(id, ':', author_id) ORDER BY id) FROM books`
)

// gHandOrdered drops the (g) tables parent first, as one hash seed orders them.
const gHandOrdered = `
op.drop_table('authors')
op.drop_table('books')`

const gRecreate = `
op.create_table('authors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id'))
op.create_table('books',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['authors.id'], ),
    sa.PrimaryKeyConstraint('id'))`

// mariadbScenarios are the scenarios on MariaDB (Debian's 10.11, strict mode as
// installed): the errors quoted are the ones it prints through PyMySQL.
func mariadbScenarios() []scenario {
	return []scenario{
		{
			id: "e", title: "NOT NULL on a column with NULL rows", dir: "e",
			generated: []string{"op.alter_column('users', 'email',", "nullable=False)"},
			rule:      "not-null-without-backfill",
			predicts:  `Data truncated for column 'email' at row`,
			failAt:    stepU,
			errs:      []string{`(pymysql.err.DataError) (1265, "Data truncated for column 'email' at row 2")`, `ALTER TABLE users MODIFY email VARCHAR(200) NOT NULL`},
			fix:       byHand,
			byHand: map[string]string{
				"upgrade": `
op.execute("UPDATE users SET email = concat('user-', id, '@example.invalid') WHERE email IS NULL")
op.alter_column('users', 'email',
           existing_type=mysql.VARCHAR(length=200),
           nullable=False)`,
			},
			checks: []dataCheck{
				{stepU, "emails kept, NULLs filled", `SELECT group_concat(email ORDER BY id) FROM users`, "ada@example.com,user-2@example.invalid,grace@example.com,user-4@example.invalid"},
				{stepD, "email nullable again", `SELECT is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'users' AND column_name = 'email'`, "YES"},
				{stepU2, "email NOT NULL", `SELECT is_nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'users' AND column_name = 'email'`, "NO"},
			},
		},
		{
			id: "h", title: "unnamed foreign key added, then removed", dir: "h",
			generated: []string{
				"op.create_foreign_key(None, 'child', 'parent', ['parent_id'], ['id'])",
				"op.drop_constraint(None, 'child', type_='foreignkey')",
			},
			rule:     "unnamed-constraint",
			predicts: `TypeError: object of type 'NoneType' has no len()`,
			failAt:   stepD,
			errs:     []string{"TypeError: object of type 'NoneType' has no len()"},
			fix:      fixSafe, // MySQL's name child_ibfk_1 is certain: child has no other foreign key
			checks: []dataCheck{
				{stepU, "the FK has MySQL's name", myChildFK, "child_ibfk_1"},
				{stepD, "the FK is gone", myChildFK, ""},
				{stepU2, "the FK is back", myChildFK, "child_ibfk_1"},
				{stepU2, "rows kept", `SELECT group_concat(concat(id, ':', coalesce(parent_id, 'NULL')) ORDER BY id) FROM child`, "1:1,2:2,3:NULL"},
			},
		},
		{
			id: "k", title: "column renamed in the models", dir: "k",
			generated: []string{
				"op.add_column('users', sa.Column('full_name', sa.String(length=100), nullable=True))",
				"op.drop_column('users', 'name')",
			},
			rule:     "column-drop-add",
			predicts: "existing_type=",
			lost: []dataCheck{
				{stepU, "full_name is empty: the names are lost", `SELECT count(full_name) FROM users`, "0"},
				{stepD, "name is empty after the downgrade", `SELECT count(name) FROM users`, "0"},
			},
			fix: byHand,
			byHand: map[string]string{
				"upgrade":   `op.alter_column('users', 'name', new_column_name='full_name', existing_type=sa.String(length=100), existing_nullable=True)`,
				"downgrade": `op.alter_column('users', 'full_name', new_column_name='name', existing_type=sa.String(length=100), existing_nullable=True)`,
			},
			checks: []dataCheck{
				{stepU, "names kept in full_name", myFullNames, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
				{stepD, "names back in name", myNames, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
				{stepU2, "names kept in full_name", myFullNames, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
			},
		},
		{
			id: "k2", title: "column renamed by hand without existing_type", dir: "k",
			handWritten: map[string]string{
				"upgrade":   `op.alter_column('users', 'name', new_column_name='full_name')`,
				"downgrade": `op.alter_column('users', 'full_name', new_column_name='name')`,
			},
			rule:     "mysql-alter-column-incomplete",
			predicts: `All MySQL CHANGE/MODIFY COLUMN operations require the existing type.`,
			failAt:   stepU,
			errs:     []string{`FAILED: All MySQL CHANGE/MODIFY COLUMN operations require the existing type.`}, // alembic prints its CommandError so
			fix:      byHand,
			byHand: map[string]string{
				"upgrade":   `op.alter_column('users', 'name', new_column_name='full_name', existing_type=sa.String(length=100), existing_nullable=True)`,
				"downgrade": `op.alter_column('users', 'full_name', new_column_name='name', existing_type=sa.String(length=100), existing_nullable=True)`,
			},
			checks: []dataCheck{
				{stepU, "names kept in full_name", myFullNames, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
				{stepD, "names back in name", myNames, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
				{stepU2, "names kept in full_name", myFullNames, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
			},
		},
		{
			id: "w", title: "NOT NULL column with a default widened by hand, existing_nullable left out", dir: "w",
			compareType: true,
			generated:   []string{"op.alter_column('users', 'name',", "existing_nullable=False"},
			handWritten: map[string]string{
				"upgrade":   `op.alter_column('users', 'name', type_=sa.String(length=100), existing_type=sa.String(length=50))`,
				"downgrade": `op.alter_column('users', 'name', type_=sa.String(length=50), existing_type=sa.String(length=100))`,
			},
			rule: "mysql-alter-column-incomplete",
			lost: []dataCheck{
				{stepU, "name silently nullable, its default gone", myColumn, "YES,NULL"},
			},
			fix: byHand,
			byHand: map[string]string{
				"upgrade":   `op.alter_column('users', 'name', type_=sa.String(length=100), existing_type=sa.String(length=50), existing_nullable=False, existing_server_default='anonymous')`,
				"downgrade": `op.alter_column('users', 'name', type_=sa.String(length=50), existing_type=sa.String(length=100), existing_nullable=False, existing_server_default='anonymous')`,
			},
			checks: []dataCheck{
				{stepU, "still NOT NULL with its default", myColumn, "NO,'anonymous'"},
				{stepD, "still NOT NULL with its default", myColumn, "NO,'anonymous'"},
				{stepU2, "rows kept", myNames, "Ada,Grace"},
			},
		},
		{
			id: "o", title: "table renamed in the models", dir: "o",
			generated: []string{"op.create_table('clients',", "op.drop_table('customers')"},
			rule:      "table-drop-create",
			lost: []dataCheck{
				{stepU, "clients is empty: the rows are lost", `SELECT count(*) FROM clients`, "0"},
				{stepD, "customers is empty after the downgrade", `SELECT count(*) FROM customers`, "0"},
			},
			fix: byHand,
			byHand: map[string]string{
				"upgrade":   `op.rename_table('customers', 'clients')`,
				"downgrade": `op.rename_table('clients', 'customers')`,
			},
			checks: []dataCheck{
				{stepU, "rows kept in clients", `SELECT group_concat(name ORDER BY id) FROM clients`, "Ada,Grace,Edsger"},
				{stepD, "rows back in customers", `SELECT group_concat(name ORDER BY id) FROM customers`, "Ada,Grace,Edsger"},
				{stepU2, "rows kept in clients", `SELECT group_concat(name ORDER BY id) FROM clients`, "Ada,Grace,Edsger"},
			},
		},
		{
			id: "p", title: "unique constraint on a column with duplicates", dir: "p",
			generated: []string{"op.create_unique_constraint(op.f('uq_accounts_email'), 'accounts', ['email'])"},
			rule:      "unique-without-dedup",
			predicts:  `Duplicate entry '`,
			failAt:    stepU,
			errs:      []string{`(pymysql.err.IntegrityError) (1062, "Duplicate entry 'a@example.com' for key 'uq_accounts_email'")`},
			fix:       byHand,
			byHand: map[string]string{
				"upgrade": `
op.execute("DELETE a FROM accounts a JOIN accounts b ON a.email = b.email AND a.id > b.id")
op.create_unique_constraint(op.f('uq_accounts_email'), 'accounts', ['email'])`,
			},
			checks: []dataCheck{
				{stepU, "one row per email", `SELECT group_concat(concat(id, ':', email) ORDER BY id) FROM accounts`, "1:a@example.com,2:b@example.com"},
				{stepU, "the constraint exists", myAccountsKey, "uq_accounts_email"},
				{stepD, "the constraint is gone", myAccountsKey, ""},
				{stepU2, "the constraint is back", myAccountsKey, "uq_accounts_email"},
			},
		},
		{
			id: "n", title: "create_foreign_key before the referenced table's create_table (hand-ordered)", dir: "n",
			generated:   []string{"op.create_table('authors',", "sa.ForeignKeyConstraint(['author_id'], ['authors.id'], )"},
			handWritten: nHandWritten,
			rule:        "fk-operation-order",
			predicts:    `Foreign key constraint is incorrectly formed`,
			failAt:      stepU,
			errs:        []string{`(pymysql.err.OperationalError) (1005, 'Can\'t create table`, `(errno: 150 "Foreign key constraint is incorrectly formed")`},
			fix:         fixSafe,
			checks: []dataCheck{
				{stepU, "the FK exists", myBooksFK, "books_author_id_fkey"},
				{stepD, "both tables dropped", myTables, "0"},
				{stepU2, "the FK is back", myBooksFK, "books_author_id_fkey"},
				{stepU2, "customers kept", `SELECT group_concat(name ORDER BY id) FROM customers`, "Ada,Grace"},
			},
		},
		{
			id: "fkix", title: "index of a foreign key column dropped in the models", dir: "fkix",
			generated: []string{"op.drop_index('ix_books_author_id', table_name='books')"},
			rule:      "mysql-fk-index-dropped",
			predicts:  `needed in a foreign key constraint`,
			failAt:    stepU,
			errs:      []string{`(pymysql.err.OperationalError) (1553, "Cannot drop index 'ix_books_author_id': needed in a foreign key constraint")`},
			fix:       byHand,
			byHand: map[string]string{
				"upgrade": `
op.drop_constraint('books_ibfk_1', 'books', type_='foreignkey')
op.drop_index('ix_books_author_id', table_name='books')
op.create_foreign_key('books_ibfk_1', 'books', 'authors', ['author_id'], ['id'])`,
			},
			checks: []dataCheck{
				{stepU, "the index is gone, InnoDB's own serves the FK", myBooksIndex, "books_ibfk_1,PRIMARY"},
				{stepU, "the FK is kept", myBooksFK, "books_ibfk_1"},
				{stepD, "the index is back and replaced InnoDB's", myBooksIndex, "ix_books_author_id,PRIMARY"},
				{stepU2, "the index is gone again", myBooksIndex, "books_ibfk_1,PRIMARY"},
				{stepU2, "rows kept", myBookRows, "1:1,2:2"},
			},
		},
		{
			id: "g", title: "FK-linked tables dropped parent first (hand-ordered)", dir: "g",
			generated:   []string{"op.drop_table('authors')", "op.drop_table('books')"},
			handWritten: map[string]string{"upgrade": gHandOrdered, "downgrade": gRecreate},
			rule:        "fk-operation-order",
			predicts:    `Cannot delete or update a parent row: a foreign key constraint fails`,
			failAt:      stepU,
			errs:        []string{`(pymysql.err.IntegrityError) (1451, 'Cannot delete or update a parent row: a foreign key constraint fails')`},
			fix:         fixSafe,
			checks: []dataCheck{
				{stepU, "both tables dropped", myTables, "0"},
				{stepD, "both tables back", myTables, "2"},
				{stepD, "the FK is back", myBooksFK, "books_ibfk_1"},
				{stepU2, "both tables dropped", myTables, "0"},
			},
		},
	}
}

// TestMariaDBScenarios runs the scenarios on MariaDB: autogenerate there, check
// (the project's alembic.ini names mysql), the round trip fails as the rule's
// message says, the fix or the recommended pattern passes with the data intact.
func TestMariaDBScenarios(t *testing.T) {
	runScenarios(t, getDialectTools(t, mariadb, true), mariadbScenarios())
}
