from sqlalchemy import MetaData
from sqlalchemy.orm import declarative_base

naming_convention = (
    ("pk", "%(table_name)s_pkey"),
    ("uq", "uq_%(table_name)s_%(column_0_N_name)s"),
)

Base = declarative_base(metadata=MetaData(naming_convention=dict(naming_convention)))
