"""users.display_name, filled from full_name

Revision ID: 5b6c7d8e9f0a
Revises: 0b1c2d3e4f5a
Create Date: 2024-02-14 13:22:08.557203

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "5b6c7d8e9f0a"
down_revision = "0b1c2d3e4f5a"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "users", sa.Column("display_name", sa.String(length=100), nullable=True)
    )

    conn = op.get_bind()
    conn.execute(
        sa.text(
            "UPDATE users SET display_name = full_name "
            "WHERE display_name IS NULL AND full_name <> :empty"
        ),
        {"empty": ""},
    )


def downgrade():
    op.drop_column("users", "display_name")
