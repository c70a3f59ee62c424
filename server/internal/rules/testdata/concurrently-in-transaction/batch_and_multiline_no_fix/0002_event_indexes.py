"""event indexes

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
    with op.batch_alter_table("events") as batch_op:
        batch_op.create_index("ix_events_kind", ["kind"], postgresql_concurrently=True)  # expect[concurrently-in-transaction]: help: move the index operation out of the batch block
    op.execute(  # expect[concurrently-in-transaction]: CREATE INDEX CONCURRENTLY
        """
        CREATE INDEX CONCURRENTLY ix_events_kind_id
        ON events (kind, id)
        """
    )


def downgrade():
    op.execute("REINDEX TABLE CONCURRENTLY events"); op.drop_index("ix_events_kind", table_name="events")  # expect[concurrently-in-transaction]: help: REINDEX CONCURRENTLY cannot run
