"""notes get a body

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
    op.add_column("notes", sa.Column("body", sa.Text(), nullable=True))


def downgrade():  # expect[downgrade-missing:warning]: help: (Only a database left between this revision and 0003 runs this line: every way down from the heads passes a downgrade that cannot run, and that of 0003, the nearest above this one, raises.)
    pass
