"""merge audit branch into main

Revision ID: 0b1c2d3e4f5a
Revises: 4a5b6c7d8e9f, ab02cd34ef56
Create Date: 2024-02-01 08:30:00.124580

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0b1c2d3e4f5a"
down_revision: Union[str, Sequence[str], None] = ("4a5b6c7d8e9f", "ab02cd34ef56")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
