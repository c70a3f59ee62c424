import sqlalchemy

metadata = sqlalchemy.MetaData()
