"""users.public_id

Revision ID: 5e6f7a8b9c0d
Revises: 0001
"""
from typing import Sequence, Union

from alembic.op import add_column, drop_column
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision: str = "5e6f7a8b9c0d"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

PUBLIC_ID_DEFAULT = sa.text("public.uuid_generate_v4()")
public_id = sa.Column("public_id", postgresql.UUID(as_uuid=True), server_default=PUBLIC_ID_DEFAULT, nullable=False)


def upgrade() -> None:
    add_column("users", public_id)  # expect[volatile-default]: uuid_generate_v4()


def downgrade() -> None:
    drop_column("users", "public_id")
