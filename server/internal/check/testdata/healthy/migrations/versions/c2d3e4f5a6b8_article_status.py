"""article status

Revision ID: c2d3e4f5a6b8
Revises: 0032_tickets
Create Date: 2024-07-22 14:02:37.918450

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "c2d3e4f5a6b8"
down_revision: Union[str, None] = "0032_tickets"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    article_status = sa.Enum("draft", "published", "archived", name="article_status")
    article_status.create(op.get_bind(), checkfirst=True)
    op.add_column(
        "articles",
        sa.Column(
            "status",
            article_status,
            server_default=sa.text("'draft'"),
            nullable=False,
        ),
    )


def downgrade() -> None:
    op.drop_column("articles", "status")
    sa.Enum(name="article_status").drop(op.get_bind(), checkfirst=True)
