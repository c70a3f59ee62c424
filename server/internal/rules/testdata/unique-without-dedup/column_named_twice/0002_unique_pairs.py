"""each pair once; the key names certificate_id twice, a slip for
replaced_certificate_id: the help must not delete the rows the intended key
keeps apart

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("replacements_ix", "replacements", ["certificate_id", "certificate_id"], unique=True)  # expect[unique-without-dedup]: existing rows not deduplicated first help: The key names "certificate_id" twice, which makes it unique on its own: if another column was meant, correct the list before removing any row, or the rows the intended key keeps apart are deleted.$


def downgrade():
    op.drop_index("replacements_ix", table_name="replacements")
