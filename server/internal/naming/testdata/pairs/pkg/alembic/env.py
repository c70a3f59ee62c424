from alembic import context
import pkg.orm as orm

target_metadata = orm.Base.metadata
