"""a name longer than 63 bytes, built by op.f(), dropped by the name SQLAlchemy gave it

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index(op.f("ix_users_team_id_and_a_long_tail_that_makes_the_name_longer_than_sixty_three"), "users", ["team_id"])


def downgrade():
    op.drop_index("ix_users_team_id_and_a_long_tail_that_makes_the_name_lo_387b", table_name="users")
