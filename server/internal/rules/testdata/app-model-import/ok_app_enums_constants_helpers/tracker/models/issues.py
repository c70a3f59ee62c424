import enum

import sqlalchemy as sa

from ..util import RichIntEnum
from .base import Base

TOKEN_PREFIX_LENGTH = 8


class IssueKind(RichIntEnum):
    bug = 1
    feature = 2


class Priority(str, enum.Enum):
    low = "low"
    high = "high"


class Label(Base):
    __tablename__ = "labels"
    id = sa.Column(sa.Integer, primary_key=True)
    key = sa.Column(sa.String)

    @staticmethod
    def parent_keys(key):
        parts = key.split(".")
        return {".".join(parts[: i + 1]) for i in range(len(parts))}


def create_sequence_if_supported(op, name):
    if op.get_bind().dialect.name != "sqlite":
        op.execute(sa.schema.CreateSequence(sa.Sequence(name)))
