"""role keys become text: the keys pointing at roles are dropped and made again around the change

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy_utils import get_referencing_foreign_keys

from accounts.models import Role  # expect[app-model-import]: used as `get_referencing_foreign_keys(Role)` help: Read what the helper needs from the database as it is at this revision instead (sa.inspect(op.get_bind()) has get_foreign_keys

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    keys = get_referencing_foreign_keys(Role)
    for key in keys:
        op.drop_constraint(key.name, key.table.name, type_="foreignkey")
    op.alter_column("accounts_role", "id", type_=sa.String(80), existing_type=sa.Integer())


def downgrade():
    op.alter_column("accounts_role", "id", type_=sa.Integer(), existing_type=sa.String(80), postgresql_using="id::integer")
