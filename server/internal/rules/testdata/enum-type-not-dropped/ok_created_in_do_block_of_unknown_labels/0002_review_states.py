"""review states, joined from the application's list in a DO block that
catches duplicate_object: the type stays after a downgrade, and the next
upgrade skips creating it

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

REVIEW_STATES = ["open", "closed"]


def upgrade():
    op.execute(
        f"""
        DO $$ BEGIN
          CREATE TYPE "review_states" AS ENUM ({", ".join(f"'{s}'" for s in REVIEW_STATES)});
        EXCEPTION
          WHEN duplicate_object THEN null;
        END $$;
        """
    )
    op.add_column("workspace", sa.Column("review_state", sa.Enum(*REVIEW_STATES, name="review_states"), nullable=True))


def downgrade():
    op.drop_column("workspace", "review_state")
