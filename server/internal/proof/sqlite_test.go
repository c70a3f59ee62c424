package proof

import "testing"

// qChildFKs lists child's foreign keys on SQLite: referred table and column.
const qChildFKs = `SELECT coalesce(group_concat("table" || '.' || "to"), '') FROM pragma_foreign_key_list('child')`

// sqliteScenarios are the scenarios on SQLite (Python's sqlite3 module, the
// SQLite it links). batch: autogenerate as a project with render_as_batch=True.
func sqliteScenarios() []scenario {
	return []scenario{
		{
			id: "e", title: "NOT NULL on a column with NULL rows, in batch mode", dir: "e", batch: true,
			generated: []string{"with op.batch_alter_table('users', schema=None) as batch_op:", "batch_op.alter_column('email',", "nullable=False)"},
			rule:      "not-null-without-backfill",
			predicts:  `NOT NULL constraint failed: _alembic_tmp_users.email`,
			failAt:    stepU,
			errs:      []string{`(sqlite3.IntegrityError) NOT NULL constraint failed: _alembic_tmp_users.email`, `INSERT INTO _alembic_tmp_users`},
			fix:       byHand,
			byHand: map[string]string{
				"upgrade": `
op.execute("UPDATE users SET email = 'user-' || id || '@example.invalid' WHERE email IS NULL")
with op.batch_alter_table('users', schema=None) as batch_op:
    batch_op.alter_column('email',
           existing_type=sa.VARCHAR(length=200),
           nullable=False)`,
			},
			checks: []dataCheck{
				{stepU, "emails kept, NULLs filled", `SELECT group_concat(email) FROM (SELECT email FROM users ORDER BY id)`, "ada@example.com,user-2@example.invalid,grace@example.com,user-4@example.invalid"},
				{stepD, "email nullable again", `SELECT "notnull" FROM pragma_table_info('users') WHERE name = 'email'`, "0"},
				{stepU2, "email NOT NULL", `SELECT "notnull" FROM pragma_table_info('users') WHERE name = 'email'`, "1"},
			},
		},
		{
			id: "h", title: "foreign key added without batch mode", dir: "h",
			generated: []string{"op.create_foreign_key(None, 'child', 'parent', ['parent_id'], ['id'])"},
			rule:      "sqlite-alter-without-batch",
			predicts:  `No support for ALTER of constraints in SQLite dialect`,
			failAt:    stepU,
			errs:      []string{`NotImplementedError: No support for ALTER of constraints in SQLite dialect.`},
			fix:       byHand,
			byHand: map[string]string{
				"upgrade": `
with op.batch_alter_table('child') as batch_op:
    batch_op.create_foreign_key('fk_child_parent_id_parent', 'parent', ['parent_id'], ['id'])`,
				"downgrade": `
with op.batch_alter_table('child') as batch_op:
    batch_op.drop_constraint('fk_child_parent_id_parent', type_='foreignkey')`,
			},
			checks: []dataCheck{
				{stepU, "the FK exists", qChildFKs, "parent.id"},
				{stepU, "rows kept", `SELECT group_concat(id || ':' || coalesce(parent_id, 'NULL')) FROM (SELECT * FROM child ORDER BY id)`, "1:1,2:2,3:NULL"},
				{stepD, "the FK is gone", qChildFKs, ""},
				{stepU2, "the FK is back", qChildFKs, "parent.id"},
			},
		},
		{
			id: "h/batch", title: "unnamed foreign key added in batch mode", dir: "h", batch: true,
			generated: []string{"batch_op.create_foreign_key(None, 'parent', ['parent_id'], ['id'])", "batch_op.drop_constraint(None, type_='foreignkey')"},
			rule:      "unnamed-constraint",
			predicts:  `ValueError: Constraint must have a name`,
			failAt:    stepU, // batch mode recreates the table: the create fails already
			errs:      []string{`ValueError: Constraint must have a name`},
			fix:       byHand,
			byHand: map[string]string{
				"upgrade": `
with op.batch_alter_table('child', schema=None) as batch_op:
    batch_op.create_foreign_key('fk_child_parent_id_parent', 'parent', ['parent_id'], ['id'])`,
				"downgrade": `
with op.batch_alter_table('child', schema=None) as batch_op:
    batch_op.drop_constraint('fk_child_parent_id_parent', type_='foreignkey')`,
			},
			checks: []dataCheck{
				{stepU, "the FK exists", qChildFKs, "parent.id"},
				{stepD, "the FK is gone", qChildFKs, ""},
				{stepU2, "the FK is back", qChildFKs, "parent.id"},
			},
		},
		{
			id: "k", title: "column renamed in the models", dir: "k", batch: true,
			generated: []string{"batch_op.add_column(sa.Column('full_name', sa.String(length=100), nullable=True))", "batch_op.drop_column('name')"},
			rule:      "column-drop-add",
			lost: []dataCheck{
				{stepU, "full_name is empty: the names are lost", `SELECT count(full_name) FROM users`, "0"},
				{stepD, "name is empty after the downgrade", `SELECT count(name) FROM users`, "0"},
			},
			fix: byHand,
			byHand: map[string]string{ // a plain rename: SQLite 3.25+ runs RENAME COLUMN itself
				"upgrade":   `op.alter_column('users', 'name', new_column_name='full_name')`,
				"downgrade": `op.alter_column('users', 'full_name', new_column_name='name')`,
			},
			checks: []dataCheck{
				{stepU, "names kept in full_name", `SELECT group_concat(full_name) FROM (SELECT full_name FROM users ORDER BY id)`, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
				{stepD, "names back in name", `SELECT group_concat(name) FROM (SELECT name FROM users ORDER BY id)`, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
				{stepU2, "names kept in full_name", `SELECT group_concat(full_name) FROM (SELECT full_name FROM users ORDER BY id)`, "Ada Lovelace,Grace Hopper,Edsger Dijkstra"},
			},
		},
		{
			id: "k/plain", title: "column dropped without batch mode (SQLite 3.35+ runs DROP COLUMN)", dir: "k",
			generated: []string{"op.drop_column('users', 'name')", "op.add_column('users', sa.Column('name',"},
			rule:      "sqlite-alter-without-batch",
			wrong:     func(string) bool { return false }, // plain DROP COLUMN and ADD COLUMN run on SQLite 3.35+
			fix:       byHand,
			checks: []dataCheck{
				{stepU, "name dropped, full_name added", `SELECT group_concat(name) FROM (SELECT name FROM pragma_table_info('users') ORDER BY cid)`, "id,full_name"},
				{stepD, "name back", `SELECT group_concat(name) FROM (SELECT name FROM pragma_table_info('users') ORDER BY cid)`, "id,name"},
			},
		},
		{
			id: "p", title: "unique constraint on a column with duplicates, in batch mode", dir: "p", batch: true,
			generated: []string{"batch_op.create_unique_constraint(batch_op.f('uq_accounts_email'), ['email'])"},
			rule:      "unique-without-dedup",
			predicts:  `UNIQUE constraint failed`,
			failAt:    stepU,
			errs:      []string{`(sqlite3.IntegrityError) UNIQUE constraint failed: _alembic_tmp_accounts.email`},
			fix:       byHand,
			byHand: map[string]string{
				"upgrade": `
op.execute("DELETE FROM accounts WHERE id NOT IN (SELECT min(id) FROM accounts GROUP BY email)")
with op.batch_alter_table('accounts', schema=None) as batch_op:
    batch_op.create_unique_constraint(batch_op.f('uq_accounts_email'), ['email'])`,
			},
			checks: []dataCheck{
				{stepU, "one row per email", `SELECT group_concat(id || ':' || email) FROM (SELECT * FROM accounts ORDER BY id)`, "1:a@example.com,2:b@example.com"},
				{stepD, "no unique index left", `SELECT count(*) FROM pragma_index_list('accounts') WHERE "unique" = 1`, "0"},
				{stepU2, "the unique index is back", `SELECT count(*) FROM pragma_index_list('accounts') WHERE "unique" = 1`, "1"},
			},
		},
	}
}

// TestSQLiteScenarios runs the scenarios on SQLite through Python's sqlite3.
func TestSQLiteScenarios(t *testing.T) {
	runScenarios(t, getDialectTools(t, sqlite, true), sqliteScenarios())
}
