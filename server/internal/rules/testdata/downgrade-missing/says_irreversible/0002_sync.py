"""sync with the models, for good

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
    op.add_column("builds", sa.Column("owner", sa.String(50), nullable=True))


def downgrade():  # expect[downgrade-missing:info]: says it cannot be undone help: raise NotImplementedError
    """ no way back, sorry """
