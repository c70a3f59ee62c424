"""rename people to persons, name to full_name

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.rename_table("people", "persons")
    op.alter_column("persons", "name", new_column_name="full_name")
    op.add_column("persons", sa.Column("nickname", sa.String(50)))
    op.create_table_comment("persons", "Everyone we know")
    with op.get_context().autocommit_block():
        op.create_index("ix_persons_full_name", "persons", ["full_name"], postgresql_concurrently=True)
    op.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')")


def downgrade():
    op.execute("DROP TYPE mood")
    with op.get_context().autocommit_block():
        op.drop_index("ix_persons_full_name", table_name="persons", postgresql_concurrently=True)
    op.drop_table_comment("persons", existing_comment="Everyone we know")
    op.alter_column("persons", "full_name", new_column_name="name")
    op.rename_table("persons", "people")
    # after the rename back, the table has its old name again
    op.drop_column("people", "nickname")
