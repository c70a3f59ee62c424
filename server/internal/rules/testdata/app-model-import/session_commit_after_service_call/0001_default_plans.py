"""every account gets the default plan, through the application's service,
which writes with today's models on the session committed here

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from portal.models import db  # expect[app-model-import]: uses its session
from portal.services.plans import assign_default_plans

revision = "0001"
down_revision = None


def upgrade():
    op.add_column("accounts", sa.Column("plan_id", sa.Integer(), nullable=True))
    assign_default_plans()
    db.session.commit()


def downgrade():
    op.drop_column("accounts", "plan_id")
