from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = dict(
    ix="ix_%(column_0_label)s",
    fk="fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
)


class Item(SQLModel, table=True):
    id: int = Field(primary_key=True)
