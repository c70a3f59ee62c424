"""The application's models."""
from sqlalchemy.orm import declarative_base
import sqlalchemy as sa

Base = declarative_base()


class UnitAction(Base):
    __tablename__ = "unit_action"
    CREATE = "create"
    DELETE = "delete"
    ACTIONS = [CREATE, DELETE]
    id = sa.Column(sa.Integer, primary_key=True)
    action_type = sa.Column(sa.String(20))
