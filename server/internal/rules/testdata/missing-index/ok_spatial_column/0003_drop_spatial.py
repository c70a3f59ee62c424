"""the spatial indexes GeoAlchemy2 made are dropped by name

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_index("idx_areas_geometry", table_name="areas")
    op.drop_index("idx_users_home", table_name="users")


def downgrade():
    pass
