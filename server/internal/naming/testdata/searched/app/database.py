import sqlalchemy as sa

convention = sa.util.immutabledict({"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "uq": "uq_%(table_name)s_%(column_0_name)s"})


def make_metadata():
    return sa.MetaData(naming_convention=convention)
