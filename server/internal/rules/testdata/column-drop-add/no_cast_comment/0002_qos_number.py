"""qos becomes a number

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("endpoints", "dscp")  # expect[column-drop-add]: "dscp" again replaces the column
    op.add_column("endpoints", sa.Column("dscp", sa.Integer(), nullable=True))
    # Can't cast yes/no values to integers, so dropping and adding is required
    op.drop_column("endpoints", "qos")
    op.add_column("endpoints", sa.Column("qos", sa.Integer(), nullable=True))


def downgrade():
    # There is no cast from integer to yesno: dropping and re-adding is needed
    op.drop_column("endpoints", "qos")
    op.add_column("endpoints", sa.Column("qos", sa.Enum("yes", "no", name="yesno", create_type=False), nullable=True))
