from sqlalchemy import MetaData

b = MetaData(naming_convention={"fk": "%(table_name)s_%(column_0_name)s_fkey", "uq": "%(table_name)s_%(column_0_name)s_key"})
