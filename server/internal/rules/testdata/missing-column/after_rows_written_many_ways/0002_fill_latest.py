"""fill the latest copies: a query per dialect (MySQL's REPLACE INTO, which
PostgreSQL's parser rejects), a statement bound again in a loop, and MySQL's
SHOW COLUMNS before a change there

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.orm import Session

revision = "0002"
down_revision = "0001"


def upgrade():
    session = Session(op.get_bind())
    if session.bind.dialect.name == "postgresql":
        query = text("INSERT INTO latest_alerts (tenant, alert_id) SELECT tenant, max(id) FROM alerts GROUP BY tenant ON CONFLICT DO NOTHING")
    else:
        query = text("REPLACE INTO latest_alerts (tenant, alert_id) SELECT tenant, max(id) FROM alerts GROUP BY tenant;")
    session.execute(query)

    conn = op.get_bind()
    for alert_id, tenant in conn.execute(text("SELECT id, tenant FROM alerts WHERE tenant IS NULL")):
        stmt = text("UPDATE alerts SET tenant = :tenant WHERE id = :id")
        stmt = stmt.bindparams(tenant="default", id=alert_id)
        op.execute(stmt)

    if conn.dialect.name == "mysql":
        found = conn.execute(text("SHOW COLUMNS FROM alerts WHERE Field = 'tenant'")).fetchone()
        if found and "varchar" not in found[1].lower():
            op.alter_column("alerts", "tenant", type_=sa.String(40))


def downgrade():
    op.execute("DELETE FROM latest_alerts")
