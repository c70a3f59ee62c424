"""issue kinds

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from tracker.models.issues import IssueKind, Label, Priority, TOKEN_PREFIX_LENGTH
from tracker.models.issues import create_sequence_if_supported
from tracker.util import RichIntEnum

revision = "0001"
down_revision = None


def upgrade():
    create_sequence_if_supported(op, "issues_seq")
    op.add_column("issues", sa.Column("kind", sa.SmallInteger(), nullable=True))
    op.add_column("issues", sa.Column("priority", sa.Enum(Priority, name="priority"), nullable=True))
    op.add_column("issues", sa.Column("token", sa.String(TOKEN_PREFIX_LENGTH * 2), nullable=True))
    for kind in IssueKind:
        op.execute(sa.text("UPDATE issues SET kind = :k WHERE kind_name = :n").bindparams(k=int(kind), n=kind.name))
    keys = set()
    for key in ("a.b", "c"):
        keys |= Label.parent_keys(key)
    assert isinstance(IssueKind.bug, RichIntEnum)


def downgrade():
    op.drop_column("issues", "token")
    op.drop_column("issues", "priority")
    op.drop_column("issues", "kind")
