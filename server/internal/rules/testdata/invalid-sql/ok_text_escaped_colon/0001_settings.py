"""text() reads a backslash before a colon as a plain colon: (:value)\:\:jsonb runs as a cast

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("settings", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("options", sa.JSON()))
    op.execute(sa.text("UPDATE settings SET options = (:value)\\:\\:jsonb WHERE id = 1").bindparams(value="{}"))
    op.get_bind().execute(sa.text("UPDATE settings SET options = options || '{}'\\:\\:jsonb"))


def downgrade():
    op.drop_table("settings")
