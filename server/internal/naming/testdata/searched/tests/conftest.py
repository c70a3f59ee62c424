import sqlalchemy as sa

metadata = sa.MetaData(naming_convention={"fk": "test_%(table_name)s"})
