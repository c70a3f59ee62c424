"""updated_at on authors and books.

Revision ID: 0026_updated_at
Revises: 7d8e9f0a1b2c
Create Date: 2024-04-02 09:05:51.446690
"""
from alembic import op
import sqlalchemy as sa

revision = "0026_updated_at"
down_revision = "7d8e9f0a1b2c"
branch_labels = None
depends_on = None


def _add_updated_at(table_name: str) -> None:
    # Existing rows get the time of the migration; new rows get now().
    op.add_column(
        table_name,
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
    )


def upgrade():
    _add_updated_at("authors")
    _add_updated_at("books")


def downgrade():
    op.drop_column("books", "updated_at")
    op.drop_column("authors", "updated_at")
