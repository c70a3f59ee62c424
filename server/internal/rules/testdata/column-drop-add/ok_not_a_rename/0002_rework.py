"""rework entries: each change is a new column, not a rename

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    # ids of another entity: a foreign key to a different table
    op.drop_column("entries", "team_id")
    op.add_column("entries", sa.Column("game_id", sa.Integer(), sa.ForeignKey("games.id"), nullable=True))
    # the referenced structure is rebuilt on purpose
    op.drop_column("entries", "queue_id")
    op.drop_table("old_queue")
    op.add_column("entries", sa.Column("work_queue", sa.Integer(), nullable=True))
    # unrelated names, not undone the same way in the downgrade
    op.drop_column("entries", "creator_id")
    op.add_column("entries", sa.Column("window", sa.Integer(), nullable=True))
    # the added column gets its own values
    op.drop_column("entries", "public_doc")
    op.add_column("entries", sa.Column("is_admin", sa.Boolean(), nullable=True))
    op.execute("UPDATE entries SET is_admin = true")
    # the key is dropped first, the old owners go, new ones come: ids of another entity
    op.drop_constraint("fk_entries_owner", "entries", type_="foreignkey")
    op.drop_column("entries", "owner_id")
    op.drop_table("owners")
    op.create_table("new_owners", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("entries", sa.Column("new_owner_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_entries_new_owner", "entries", "new_owners", ["new_owner_id"], ["id"])
    # the same column comes back as text, its lookup table gone: rebuilt on purpose
    op.drop_column("entries", "queue_ref")
    op.add_column("entries", sa.Column("queue_ref", sa.Text(), nullable=True))
    op.drop_table("queue_refs")
    # a new flag with its own default
    op.drop_column("entries", "icon_color")
    op.add_column("entries", sa.Column("icon_name", sa.String(20), nullable=False, server_default="star"))


def downgrade():
    op.drop_constraint("fk_entries_new_owner", "entries", type_="foreignkey")
    op.drop_column("entries", "new_owner_id")
    op.drop_table("new_owners")
    op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("entries", sa.Column("owner_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_entries_owner", "entries", "owners", ["owner_id"], ["id"])
    op.drop_column("entries", "icon_name")
    op.add_column("entries", sa.Column("icon_color", sa.String(20), nullable=True))
    op.drop_column("entries", "is_admin")
    op.add_column("entries", sa.Column("public_doc", sa.Boolean(), nullable=True))
    op.drop_column("entries", "window")
    op.drop_column("entries", "work_queue")
    op.create_table("old_queue", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("entries", sa.Column("queue_id", sa.Integer(), sa.ForeignKey("old_queue.id"), nullable=True))
    op.drop_column("entries", "game_id")
    op.add_column("entries", sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=True))
