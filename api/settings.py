"""Settings from the environment, all prefixed `HOMEPAGE_`."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HOMEPAGE_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{ROOT / 'var' / 'homepage.db'}",
        description="SQLAlchemy URL of the store; a SQLite file in the repository by default.",
    )
    content: Path = Field(default=ROOT / "seed" / "about.md", description="The page to seed from.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default=["*"], description="Origins that may read the API from a browser, comma-separated."
    )
    owner_name: str | None = Field(default=None, description="The owner's name, if inferred wrong.")
    cache_max_age: int = Field(default=60, ge=0, description="Seconds browsers may reuse a GET.")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
