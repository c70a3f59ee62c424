"""fix column names (autogenerate wrote drop + add)

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
    op.add_column("reports", sa.Column("explanation", sa.Text(), nullable=True))
    op.drop_column("reports", "explaination")  # expect[column-drop-add]: + add_column of "explanation" looks like a rename
    op.add_column("reports", sa.Column("receives_emails", sa.Boolean(), nullable=True))
    op.drop_column("reports", "gets_emails")  # expect[column-drop-add]: help: new_column_name="receives_emails"
    op.add_column("reports", sa.Column("tracks", sa.Unicode(50), nullable=True))
    op.drop_column("reports", "track")  # expect[column-drop-add]: + add_column of "tracks" looks like a rename


def downgrade():
    pass
