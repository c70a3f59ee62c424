"""The application's models."""
from sqlalchemy.orm import declarative_base
import sqlalchemy as sa

Base = declarative_base()


class Lead(Base):
    __tablename__ = "leads"
    id = sa.Column(sa.Integer, primary_key=True)
