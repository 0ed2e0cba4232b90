"""Settings from the environment, all prefixed `HOMEPAGE_`."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator
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
    public_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^/?#\s]+(/[^?#\s]*)?$",
        description="Where the API is served, e.g. https://api.jane.example: the base of every "
        "absolute URL it writes.",
    )
    trusted_proxies: str | None = Field(
        default=None,
        description="Addresses whose X-Forwarded-For / -Proto headers are believed, "
        "comma-separated (a reverse proxy's); none by default.",
    )
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default=[],
        description="Host names the API answers to, comma-separated (`*.jane.example` allowed); "
        "others get 400. Any, by default.",
    )
    cache_max_age: int = Field(default=60, ge=0, description="Seconds browsers may reuse a GET.")
    request_timeout: float = Field(
        default=10.0,
        gt=0,
        le=600,
        description="Seconds a client has to send a whole request (headers and body).",
    )
    max_header_bytes: int = Field(
        default=64 * 1024, ge=1024, description="Largest request headers; larger ones get 431."
    )
    max_connections: int = Field(
        default=4096, ge=1, description="Open connections per worker; past it, 503 and close."
    )
    webhook_urls: Annotated[list[str], NoDecode] = Field(
        default=[], description="URLs sent a signed POST on each content change, comma-separated."
    )
    webhook_secret: str | None = Field(
        default=None, min_length=16, description="Key of the webhooks' HMAC-SHA256 signature."
    )
    webhook_retry_base: float = Field(
        default=2.0, gt=0, description="Seconds to a failed webhook's retry, doubled per try."
    )
    webhook_deadline: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="Seconds a receiver has to take one delivery in full (connect, send, "
        "answer), however slowly it trickles; past it, the delivery is retried.",
    )

    @field_validator("cors_origins", "webhook_urls", "allowed_hosts", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("public_url")
    @classmethod
    def without_trailing_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else value

    @model_validator(mode="after")
    def webhooks_are_signed(self) -> "Settings":
        if self.webhook_urls and not self.webhook_secret:
            raise ValueError("HOMEPAGE_WEBHOOK_URLS needs HOMEPAGE_WEBHOOK_SECRET (16+ characters)")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
