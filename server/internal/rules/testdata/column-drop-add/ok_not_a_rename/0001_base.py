"""teams, users, queues, credentials

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("games", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("old_queue", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("queue_refs", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=True),
        sa.Column("queue_id", sa.Integer(), sa.ForeignKey("old_queue.id"), nullable=True),
        sa.Column("creator_id", sa.Integer(), nullable=True),
        sa.Column("public_doc", sa.Boolean(), nullable=True),
        sa.Column("icon_color", sa.String(20), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("queue_ref", sa.Integer(), sa.ForeignKey("queue_refs.id"), nullable=True),
        sa.ForeignKeyConstraint(["owner_id"], ["owners.id"], name="fk_entries_owner"),
    )


def downgrade():
    op.drop_table("entries")
    op.drop_table("owners")
    op.drop_table("queue_refs")
    op.drop_table("old_queue")
    op.drop_table("games")
    op.drop_table("teams")
