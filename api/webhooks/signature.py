"""`X-Homepage-Signature: sha256=<hex>`: HMAC-SHA256 of the raw request body with the secret."""

import hashlib
import hmac

HEADER = "X-Homepage-Signature"


def signature(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header: str) -> bool:
    """What a receiver does: compare in constant time."""
    return hmac.compare_digest(signature(body, secret).encode(), header.encode())
