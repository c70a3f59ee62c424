"""embedding models

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from search.configs.model_configs import DOC_EMBEDDING_DIM, DOCUMENT_ENCODER_MODEL
from search.indexing.models import IndexingSetting
from search.nlp.search_nlp_models import clean_model_name

revision = "0001"
down_revision = None


def default_setting() -> IndexingSetting:
    return IndexingSetting(model_name=DOCUMENT_ENCODER_MODEL, model_dim=DOC_EMBEDDING_DIM, normalize=True)


def upgrade():
    setting = default_setting()
    op.create_table(
        "embedding_model",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("model_name", sa.String(), nullable=False),
        sa.Column("index_name", sa.String(), nullable=False),
    )
    op.execute(
        sa.text("INSERT INTO embedding_model (model_name, index_name) VALUES (:m, :i)").bindparams(
            m=setting.model_name, i=f"chunk_{clean_model_name(setting.model_name)}"
        )
    )


def downgrade():
    op.drop_table("embedding_model")
