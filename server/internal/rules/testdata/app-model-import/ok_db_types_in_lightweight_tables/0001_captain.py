"""team captains

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.sql import column, table

from arena.models import db

revision = "0001"
down_revision = None

teams = table("teams", column("id", db.Integer), column("captain_id", db.Integer))


def upgrade():
    op.add_column("teams", db.Column("captain_id", db.Integer(), nullable=True))
    op.execute(teams.update().values(captain_id=None))


def downgrade():
    op.drop_column("teams", "captain_id")
