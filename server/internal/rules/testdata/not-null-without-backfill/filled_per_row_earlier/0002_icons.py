"""shape icons, set for each known shape

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

ICONS = {"sq": "square.svg", "tri": "triangle.svg"}


def upgrade():
    op.add_column("shapes", sa.Column("icon", sa.String(40), nullable=True))
    conn = op.get_bind()
    for shape_id, icon in ICONS.items():
        conn.execute(sa.text("UPDATE shapes SET icon = :icon WHERE id = :id"), {"icon": icon, "id": shape_id})


def downgrade():
    op.drop_column("shapes", "icon")
