"""fill the crew from the talks

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

talk_crew = sa.table("talk_crew", sa.column("talk_id", sa.Integer()), sa.column("position", sa.Integer()))


def upgrade():
    op.execute("INSERT INTO talk_crew (talk_id, position) SELECT id, 1 FROM talk")


def downgrade():
    op.get_bind().execute(talk_crew.delete())
