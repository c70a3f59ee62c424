"""tag colors, on databases that lack them

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("tags")}
    if "color" in columns:
        return
    op.execute("ALTER TABLE tags ADD COLUMN color VARCHAR(7)")
    op.create_index("tags_color", "tags", ["color"])


def downgrade():
    # some databases had the column before this revision: keep it
    pass
