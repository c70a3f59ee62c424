from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData

db = SQLAlchemy(metadata=MetaData(naming_convention={"uq": "uq_%(table_name)s_%(column_0_name)s"}))
