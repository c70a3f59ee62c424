"""the codename becomes the key; the downgrade brings back the id and a unique
constraint under the name PostgreSQL gave the first one, which never went

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("releases", "id")
    op.create_primary_key("releases_pkey", "releases", ["codename"])


def downgrade():
    op.drop_constraint("releases_pkey", "releases", type_="primary")
    op.add_column("releases", sa.Column("id", sa.Integer(), nullable=False))
    op.create_unique_constraint("releases_codename_key", "releases", ["codename"])  # expect[object-already-exists]: creates unique constraint "releases_codename_key", which table "releases" already has here help: relation "releases_codename_key" already exists. Drop the constraint first if it must be made anew, or remove this create. PostgreSQL gave this name to the unique constraint on (codename) made without one.
    op.create_unique_constraint("uq_releases_name", "releases", ["name"])  # expect[object-already-exists]: creates unique constraint "uq_releases_name", which table "releases" already has here
    op.create_primary_key("releases_pkey", "releases", ["id"])
