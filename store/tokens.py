"""Create, list, revoke and check API tokens. Tokens are shown once; only hashes are stored."""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from schemas.common import utc_now
from schemas.token import ApiToken, Scope
from store.errors import AlreadyExists, NotFound

TOKEN_BYTES = 32


def hash_token(token: str) -> str:
    """SHA-256 is enough for a token with 256 random bits: there is nothing to guess."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def create_token(
    session: Session, name: str, scopes: list[Scope], expires_in: timedelta | None
) -> str:
    """Store a new token's hash and return the token, which is never stored or shown again."""
    if session.exec(select(ApiToken).where(col(ApiToken.name) == name)).first() is not None:
        raise AlreadyExists(
            f"A token named '{name}' exists already; revoke it or pick another name."
        )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = utc_now()
    session.add(
        ApiToken(
            name=name,
            token_hash=hash_token(token),
            scopes=[scope.value for scope in scopes],
            created_at=now,
            expires_at=now + expires_in if expires_in else None,
        )
    )
    return token


def list_tokens(session: Session) -> list[ApiToken]:
    return list(session.exec(select(ApiToken).order_by(col(ApiToken.created_at))))


def revoke_token(session: Session, name: str) -> None:
    row = session.exec(select(ApiToken).where(col(ApiToken.name) == name)).first()
    if row is None:
        raise NotFound(f"No token is named '{name}'.")
    if row.revoked_at is None:
        row.revoked_at = utc_now()
        session.add(row)


def find_valid_token(session: Session, token: str, now: datetime) -> ApiToken | None:
    """The live token matching `token`, or None for unknown, revoked or expired ones."""
    digest = hash_token(token)
    row = session.exec(select(ApiToken).where(col(ApiToken.token_hash) == digest)).first()
    if row is None or not hmac.compare_digest(row.token_hash.encode(), digest.encode()):
        return None
    if row.revoked_at is not None or (row.expires_at is not None and row.expires_at <= now):
        return None
    return row


def record_use(session: Session, name: str, now: datetime) -> None:
    session.execute(update(ApiToken).where(col(ApiToken.name) == name).values(last_used_at=now))
