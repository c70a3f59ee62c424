"""The models as they were at revision 0001, kept with the revisions on purpose."""
import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Order(Base):
    __tablename__ = "orders"
    id = sa.Column(sa.Integer, primary_key=True)
    total = sa.Column(sa.Numeric(10, 2))
