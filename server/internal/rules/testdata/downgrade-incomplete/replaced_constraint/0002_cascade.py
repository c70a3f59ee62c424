"""the upgrade replaces a key (drop one, create another); the downgrade undoes
neither. Dropping the new key alone would leave pet with no key at all,
and the next upgrade would still fail on the old one: no fix

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("pet", sa.Column("name", sa.String(50)))
    op.drop_constraint("pet_owner_fk", "pet", type_="foreignkey")
    op.create_foreign_key("pet_owner_id_fkey", "pet", "owner", ["owner_id"], ["id"], ondelete="CASCADE")  # expect[downgrade-incomplete]: constraint "pet_owner_id_fkey" is created by upgrade() but downgrade() never drops it


def downgrade():
    op.drop_column("pet", "name")
