"""The access log, as uvicorn writes it, with every credential in a URL blanked: a token
sent as `?access_token=` (refused by the API) or `?token=` must not live on in a log file."""

import copy
import logging
import re
from typing import Any

from uvicorn.config import LOGGING_CONFIG

_CREDENTIAL = re.compile(
    r"(?P<name>(?:^|[?&;])(?:access_token|token|api_key|apikey|key|password|secret)=)[^&;#\s]*",
    re.IGNORECASE,
)


def redacted(path: str) -> str:
    return _CREDENTIAL.sub(r"\g<name>REDACTED", path)


class RedactCredentials(logging.Filter):
    """uvicorn's access records carry (client, method, path with query, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3:
            arguments = list(record.args)
            arguments[2] = redacted(str(arguments[2]))
            record.args = tuple(arguments)
        return True


def logging_config() -> dict[str, Any]:
    """uvicorn's own logging configuration, its access handler filtered."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_credentials"] = {"()": RedactCredentials}
    config["handlers"]["access"]["filters"] = ["redact_credentials"]
    return config
