"""(q) orders with a status enum; the revisions are hand-written (versions/)."""
import sqlalchemy as sa

metadata = sa.MetaData()
