"""SQLAlchemy Core updates

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

users = sa.table("users", sa.column("id", sa.Integer()), sa.column("plan", sa.Text()), sa.column("tier", sa.Text()))


def upgrade():
    op.add_column("users", sa.Column("tier", sa.Text()))
    op.execute(users.update().values(tier="basic"))  # expect[update-without-where]: UPDATE without WHERE backfills "tier", added to existing table "users" in the same transaction
    sessions = sa.Table("sessions", sa.MetaData(), sa.Column("id", sa.Integer()))
    op.execute(sa.delete(sessions))  # expect[update-without-where]: DELETE without WHERE changes every row of existing table "sessions" in one transaction
    op.execute(users.update().where(users.c.plan.is_(None)).values({users.c.plan: "free"}))
    audit = sa.table("audit", sa.column("id", sa.Integer()))
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute(audit.delete())


def downgrade():
    op.drop_table("audit")
    op.drop_column("users", "tier")
