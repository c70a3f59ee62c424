import sqlalchemy as sa
from alembic import context

target_metadata = sa.MetaData(naming_convention={"fk": "fk_%(table_name)s_%(constraint_name)s"})
