"""child keys

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_foreign_key(None, 'child', 'parent', ['parent_id'], ['id'])
    op.create_unique_constraint(None, 'child', ['parent_id'])  # expect[unnamed-constraint:info]: leaves the name to PostgreSQL help: Name it as PostgreSQL would: "child_parent_id_key". The naming convention (models.py:3) has no "uq" template


def downgrade() -> None:
    op.drop_constraint('child_parent_id_key', 'child', type_='unique')
    op.drop_constraint('fk_child_parent_id_parent', 'child', type_='foreignkey')
