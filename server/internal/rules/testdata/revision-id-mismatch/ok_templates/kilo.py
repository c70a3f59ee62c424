from alembic import op
import sqlalchemy as sa

revision = "kilo"
down_revision = "0133_set_prefix"


def upgrade():
    op.add_column("a", sa.Column("kilo", sa.Integer()))


def downgrade():
    op.drop_column("a", "kilo")
