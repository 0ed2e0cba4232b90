"""Bearer-token authentication for the write endpoints, as `Annotated` aliases.

Only the `Authorization: Bearer <token>` header is read; a token in the URL is refused.
Every failure is a 401 with `WWW-Authenticate: Bearer` (403 for a token without the scope,
429 with `Retry-After` for a client that keeps failing).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from api.deps import EngineDep
from api.throttle import FailureThrottle
from schemas.common import as_utc, utc_now
from schemas.token import Scope
from store.engine import write_session
from store.tokens import find_valid_token, record_use

_QUERY_TOKEN_NAMES = ("token", "access_token", "api_key", "apikey", "key")
# Declares the scheme in the OpenAPI document; the header itself is read by `_bearer_token`.
_BEARER = HTTPBearer(
    auto_error=False, description="A token from `homepage token create`, with the scope."
)
Declared = Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)]


@dataclass(frozen=True)
class Caller:
    """Who is writing: the token's name, recorded on every write."""

    token_name: str


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        detail,
        headers={"WWW-Authenticate": 'Bearer realm="homepage"'},
    )


def _bearer_token(request: Request) -> str:
    if any(name in request.query_params for name in _QUERY_TOKEN_NAMES):
        raise _unauthorized("Send the token in the Authorization header, never in the URL.")
    header = request.headers.get("authorization")
    if header is None:
        raise _unauthorized("This needs a token: send `Authorization: Bearer <token>`.")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise _unauthorized("The Authorization header must be `Bearer <token>`.")
    if not token.isascii() or not token.isprintable() or len(token) > 200:
        raise _unauthorized("The token is not valid.")
    return token


LAST_USED_PRECISION = timedelta(minutes=1)
"""`last_used_at` is kept to the minute: a burst of writes with one token records it once."""


def _authenticate(engine: Engine, token: str, scope: Scope) -> Caller | None:
    """The token is looked up on a plain read, so failed attempts never take the write lock
    (a burst of bad tokens cannot queue behind a seed or hold up anyone); only a token that
    is let in records its use."""
    now = utc_now()
    with Session(engine) as session:
        row = find_valid_token(session, token, now)
        if row is None:
            return None
        name, scopes, last_used = row.name, list(row.scopes), row.last_used_at
    if scope.value not in scopes:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, f"The token '{name}' lacks the scope '{scope.value}'."
        )
    if last_used is None or now - as_utc(last_used) >= LAST_USED_PRECISION:
        with write_session(engine) as session:
            record_use(session, name, now)
    return Caller(token_name=name)


def require(
    scope: Scope,
) -> Callable[[Request, Engine, HTTPAuthorizationCredentials | None], Caller]:
    """A dependency that admits a live token carrying `scope`."""

    def check(request: Request, engine: EngineDep, _declared: Declared) -> Caller:
        throttle: FailureThrottle = request.app.state.auth_throttle
        client = request.client.host if request.client else "unknown"
        try:
            caller = _authenticate(engine, _bearer_token(request), scope)
        except HTTPException as error:
            if error.status_code == status.HTTP_401_UNAUTHORIZED:
                _throttle(throttle, client)
            raise
        if caller is None:
            _throttle(throttle, client)
            raise _unauthorized("The token is not valid: unknown, revoked or expired.")
        return caller

    return check


def _throttle(throttle: FailureThrottle, client: str) -> None:
    wait = throttle.record_failure(client)
    if wait is not None:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"Too many failed attempts; try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )


NewsWriter = Annotated[Caller, Depends(require(Scope.news_write))]
