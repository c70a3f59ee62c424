from sqlalchemy import MetaData

a = MetaData(naming_convention={"fk": "fk_%(table_name)s_%(column_0_name)s"})
