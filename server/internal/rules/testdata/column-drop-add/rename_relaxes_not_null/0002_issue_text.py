"""the issue becomes issue_text, and optional: the rename in place must say
so, or it keeps NOT NULL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("auditorsettings", sa.Column("issue_text", sa.String(512), nullable=True))
    op.drop_column("auditorsettings", "issue")  # expect[column-drop-add]: looks like a rename help: op.alter_column("auditorsettings", "issue", new_column_name="issue_text", nullable=True)$


def downgrade():
    op.add_column("auditorsettings", sa.Column("issue", sa.VARCHAR(length=512), nullable=True))
    op.drop_column("auditorsettings", "issue_text")  # expect[column-drop-add]: looks like a rename in downgrade() help: op.alter_column("auditorsettings", "issue_text", new_column_name="issue")$
