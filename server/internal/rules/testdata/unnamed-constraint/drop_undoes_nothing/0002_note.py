"""a note on parent; autogenerate also wrote a drop of a key upgrade() never made

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
    op.add_column("parent", sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("parent", "note")
    op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint]: help: upgrade() makes no constraint on "child": this drop undoes nothing of this revision (autogenerate writes it beside a create_foreign_key(None, ...) in upgrade() when the models have a constraint the database lacks, and that create is not here). Remove it.
