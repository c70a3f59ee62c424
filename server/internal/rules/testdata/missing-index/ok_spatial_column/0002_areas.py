"""GeoAlchemy2 gives a geometry column a spatial index of its own

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


import geoalchemy2


def upgrade():
    op.create_table(
        "areas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("geometry", geoalchemy2.types.Geometry(geometry_type="POLYGON", srid=4326), nullable=True),
    )
    op.add_column("users", sa.Column("home", geoalchemy2.types.Geometry(geometry_type="POINT")))


def downgrade():
    op.drop_column("users", "home")
    op.drop_table("areas")
