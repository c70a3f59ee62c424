"""client url, batch code number and note text

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("payments", sa.Column("client_redirect_url", sa.String(500), nullable=True))
    op.drop_column("payments", "redirect_url")  # expect[column-drop-add]: looks like a rename help: op.alter_column("payments", "redirect_url", new_column_name="client_redirect_url", type_=sa.String(500), existing_type=sa.String(200))$
    op.add_column("batches", sa.Column("code_number", sa.String(40), nullable=True))
    op.drop_column("batches", "code")  # expect[column-drop-add]: looks like a rename help: new_column_name="code_number", type_=sa.String(40), existing_type=sa.String(20))$
    op.add_column("notes", sa.Column("note_text", sa.VARCHAR(length=80), nullable=True))
    op.drop_column("notes", "note")  # expect[column-drop-add]: looks like a rename help: op.alter_column("notes", "note", new_column_name="note_text")$


def downgrade():
    op.add_column("notes", sa.Column("note", sa.String(80), nullable=True))
    op.drop_column("notes", "note_text")  # expect[column-drop-add]: looks like a rename in downgrade()
    op.add_column("batches", sa.Column("code", sa.String(20), nullable=True))
    op.drop_column("batches", "code_number")  # expect[column-drop-add]: looks like a rename in downgrade() help: type_=sa.String(20), existing_type=sa.String(40))$
    op.add_column("payments", sa.Column("redirect_url", sa.String(200), nullable=True))
    op.drop_column("payments", "client_redirect_url")  # expect[column-drop-add]: looks like a rename in downgrade() help: type_=sa.String(200), existing_type=sa.String(500))$
