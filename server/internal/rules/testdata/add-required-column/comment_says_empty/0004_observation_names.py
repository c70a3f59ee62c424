"""observation names

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('audit', sa.Column('kind', sa.String(20), nullable=False))  # expect[add-required-column:error]
    # We don't have any records in the observation table yet, so we can
    # just add the column with the correct nullable flag.
    op.add_column('observation', sa.Column('related_name', sa.String(), nullable=False))  # expect[add-required-column:warning]: help: A comment in upgrade() says "observation" holds no rows


def downgrade():
    op.drop_column('observation', 'related_name')
    op.drop_column('audit', 'kind')
