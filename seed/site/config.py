"""`_config.yml`: the sidebar profile every page of the site shows (`author:`), and the site's
own address (`url` + `baseurl`). Safe YAML: anchors and aliases are allowed, tags are not."""

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from schemas.profile import SocialLink
from seed.errors import PageError
from seed.site.social import social_links

_EMAIL = re.compile(r"^(?:mailto:)?([^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+)$", re.IGNORECASE)


@dataclass(frozen=True)
class SiteConfig:
    """What `_config.yml` says of the owner and the site; every field may be missing."""

    name: str | None = None
    avatar_url: str | None = None
    bio: str | None = None
    location: str | None = None
    employer: str | None = None
    email: str | None = None
    site_url: str | None = None
    social: list[SocialLink] = field(default_factory=list)
    categories: dict[str, str] = field(default_factory=dict)
    """`publication_category:` keys and the headings the site shows for them."""

    def absolute(self, path: str) -> str:
        """A site-relative path (`/files/slides.pdf`) as an absolute URL, when the site's
        address is known; anything else as it is."""
        if self.site_url and path.startswith("/") and not path.startswith("//"):
            return self.site_url + path
        return path


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = " ".join(str(value).split())
    return text or None


def _site_url(config: dict[str, Any]) -> str | None:
    url = _text(config.get("url"))
    if url is None or not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
        return None
    base = (_text(config.get("baseurl")) or "").strip("/")
    return url.rstrip("/") + (f"/{base}" if base else "")


def _avatar(value: str | None, site_url: str | None) -> str | None:
    """The template shows `images/<avatar>` under the site unless the value is a URL."""
    if value is None:
        return None
    if "://" in value:
        return value if value.lower().startswith(("http://", "https://")) else None
    path = value.lstrip("/")
    path = path if path.startswith("images/") else f"images/{path}"
    return f"{site_url}/{path}" if site_url else f"/{path}"


def _email(value: str | None) -> str | None:
    match = _EMAIL.match(value or "")
    return match.group(1) if match else None


def _categories(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    titles = {str(k): v.get("title") if isinstance(v, dict) else v for k, v in value.items()}
    return {key: " ".join(str(title).split()) for key, title in titles.items() if title}


def _load(path: str, text: str) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(text.removeprefix("\ufeff"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        raise PageError(path, mark.line + 1 if mark else 0, f"cannot be read: {problem}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise PageError(path, 1, "must be a mapping of `key: value` lines")
    return {str(key): value for key, value in loaded.items()}


def read_config(path: str, text: str) -> SiteConfig:
    """The profile and site address a `_config.yml` gives; an `author:` that is not a mapping
    is refused with its line."""
    config = _load(path, text)
    author = config.get("author") or {}
    if not isinstance(author, dict):
        line = next((n for n, t in enumerate(text.split("\n"), 1) if t.startswith("author")), 1)
        raise PageError(path, line, "`author:` must be a mapping of profile keys")
    site_url = _site_url(config)
    return SiteConfig(
        name=_text(author.get("name")) or _text(config.get("name")),
        avatar_url=_avatar(_text(author.get("avatar")), site_url),
        bio=_text(author.get("bio")),
        location=_text(author.get("location")),
        employer=_text(author.get("employer")),
        email=_email(_text(author.get("email"))),
        site_url=site_url,
        social=social_links(author),
        categories=_categories(config.get("publication_category")),
    )
