"""The application's models."""
import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Role(Base):
    __tablename__ = "accounts_role"
    id = sa.Column(sa.Integer, primary_key=True)


class UserRole(Base):
    __tablename__ = "accounts_userrole"
    role_id = sa.Column(sa.Integer, sa.ForeignKey("accounts_role.id"), primary_key=True)
