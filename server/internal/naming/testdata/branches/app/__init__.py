from sqlalchemy import MetaData
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy(metadata=MetaData(naming_convention={"fk": "fk_%(table_name)s_%(referred_table_name)s"}))
