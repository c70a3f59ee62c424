import sqlalchemy

reporting = sqlalchemy.MetaData(naming_convention={"fk": "rfk_%(table_name)s"})
