"""every operation, positional and keyword

Revision ID: 1e2f3a4b5c6d
Revises: 0d1e2f3a4b5c
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "1e2f3a4b5c6d"
down_revision = "0d1e2f3a4b5c"

accounts = sa.table("accounts", sa.column("id", sa.Integer))


def upgrade():
    op.create_table("plans", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()), schema="billing", comment="plans", postgresql_partition_by="LIST (name)")
    op.drop_table("legacy_plans", schema="billing", if_exists=True)
    op.rename_table("plan", "plans_old", schema="billing")
    op.add_column("accounts", sa.Column("plan_id", sa.Integer()), schema="billing")
    op.drop_column("accounts", "plan_name", schema="billing", mssql_drop_default=True)
    op.alter_column("accounts", "email", existing_type=sa.String(100), type_=sa.String(255), nullable=False, server_default=sa.text("''"), new_column_name="email_address")
    op.create_index(op.f("ix_accounts_plan_id"), "accounts", ["plan_id"], unique=False, postgresql_using="btree", postgresql_concurrently=True)
    op.drop_index("ix_accounts_plan", "accounts", postgresql_concurrently=True)
    op.create_foreign_key("fk_accounts_plan", "accounts", "plans", ["plan_id"], ["id"], ondelete="SET NULL", source_schema="billing", referent_schema="billing")
    op.create_unique_constraint("uq_plans_name", "plans", ["name"], deferrable=True)
    op.create_check_constraint("ck_plans_name", "plans", sa.column("name") != "")
    op.create_primary_key("pk_plans", "plans", ["id"])
    op.create_exclude_constraint("ex_booking", "booking", ("period", "&&"), ("room", "="), using="gist", where="active")
    op.drop_constraint("fk_accounts_plan_old", "accounts", "foreignkey")
    op.execute("UPDATE accounts SET plan_id = 1", execution_options={"autocommit": True})
    op.bulk_insert(accounts, [{"id": 1}, {"id": 2}], multiinsert=False)
    op.create_table_comment("plans", "billing plans", existing_comment=None)
    op.drop_table_comment("plans", existing_comment="billing plans")
    op.create_sequence(sa.Sequence("plan_seq"))
    op.drop_sequence(sa.Sequence("old_seq"), if_exists=True)
    op.run_async(migrate_rows, 100, batch=True)
    op.invoke(custom_operation)
    op.implementation_for(CustomOp)
    op.get_bind()
    op.get_context()
    op.f("ix_standalone")
    op.inline_literal("x", sa.String())


def downgrade():
    op.create_table(table_name="plans")
    op.drop_table(table_name="plans", schema="billing")
    op.rename_table(old_table_name="plans_old", new_table_name="plan")
    op.add_column(table_name="accounts", column=sa.Column("plan_name", sa.Text()))
    op.drop_column(table_name="accounts", column_name="plan_id")
    op.alter_column(table_name="accounts", column_name="email_address", new_column_name="email")
    op.create_index(index_name="ix_accounts_plan", table_name="accounts", columns=["plan_id"])
    op.drop_index(index_name="ix_accounts_plan_id", table_name="accounts", if_exists=True)
    op.create_foreign_key(constraint_name=None, source_table="a", referent_table="b", local_cols=["b_id"], remote_cols=["id"])
    op.create_unique_constraint(constraint_name="uq_x", table_name="plans", columns=["name"])
    op.create_check_constraint(constraint_name="ck_x", table_name="plans", condition="id > 0")
    op.create_primary_key(constraint_name="pk_x", table_name="plans", columns=["id"])
    op.create_exclude_constraint(constraint_name="ex_x", table_name="booking")
    op.drop_constraint(constraint_name="uq_plans_name", table_name="plans", type_="unique")
    op.execute(sqltext="DELETE FROM plans")
    op.bulk_insert(table=accounts, rows=[])
    op.create_table_comment(table_name="plans", comment=None)
    op.drop_table_comment(table_name="plans")
    op.create_sequence(sequence=sa.Sequence("old_seq"))
    op.drop_sequence(sequence=sa.Sequence("plan_seq"))
    with op.batch_alter_table(table_name="accounts", schema="billing", recreate="auto") as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text()), insert_after="email")
        batch_op.drop_column("note", if_exists=True)
        batch_op.alter_column("email", type_=sa.Text(), existing_nullable=False)
        batch_op.create_index("ix_note", ["note"], unique=True)
        batch_op.drop_index("ix_note")
        batch_op.create_foreign_key("fk_acc_plan", "plans", ["plan_id"], ["id"], ondelete="CASCADE")
        batch_op.create_unique_constraint("uq_acc_email", ["email"])
        batch_op.create_check_constraint("ck_acc", "id > 0")
        batch_op.create_primary_key("pk_acc", ["id"])
        batch_op.create_exclude_constraint("ex_acc", ("id", "="))
        batch_op.drop_constraint("uq_acc_email", type_="unique")
        batch_op.create_table_comment("accounts table")
        batch_op.drop_table_comment(existing_comment="accounts table")
        batch_op.execute("UPDATE accounts SET note = ''")
        batch_op.bulk_insert(accounts, [])
