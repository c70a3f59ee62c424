from pydantic import BaseModel


class EmbeddingDetail(BaseModel):
    model_name: str
    model_dim: int


class IndexingSetting(EmbeddingDetail):
    normalize: bool
