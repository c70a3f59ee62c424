from sqlalchemy import MetaData

metadata = MetaData(naming_convention={"fk": "%(table_name)s_%(column_0_name)s_fkey"})
