"""The sidebar's profile links, built from `_config.yml`'s `author:` keys the way the
academicpages template's `author-profile.html` builds them: some keys hold a full URL, others
a handle that the template puts after the site's address."""

import re
from collections.abc import Mapping
from typing import Any

from schemas.common import is_safe_url
from schemas.profile import SocialKind, SocialLink

# key → (kind, the URL the template puts before a handle; None: the key holds a URL)
_KEYS: dict[str, tuple[SocialKind, str | None]] = {
    "googlescholar": (SocialKind.google_scholar, "https://scholar.google.com/citations?user="),
    "google_scholar": (SocialKind.google_scholar, "https://scholar.google.com/citations?user="),
    "orcid": (SocialKind.orcid, "https://orcid.org/"),
    "github": (SocialKind.github, "https://github.com/"),
    "gitlab": (SocialKind.gitlab, "https://gitlab.com/"),
    "twitter": (SocialKind.twitter, "https://twitter.com/"),
    "x": (SocialKind.twitter, "https://x.com/"),
    "bluesky": (SocialKind.bluesky, "https://bsky.app/profile/"),
    "mastodon": (SocialKind.mastodon, None),
    "linkedin": (SocialKind.linkedin, "https://www.linkedin.com/in/"),
    "researchgate": (SocialKind.researchgate, "https://www.researchgate.net/profile/"),
    "semantic": (SocialKind.semantic_scholar, "https://www.semanticscholar.org/author/"),
    "semantic_scholar": (SocialKind.semantic_scholar, "https://www.semanticscholar.org/author/"),
    "arxiv": (SocialKind.arxiv, "https://arxiv.org/a/"),
    "dblp": (SocialKind.dblp, "https://dblp.org/pid/"),
    "inspire-hep": (SocialKind.inspire_hep, None),
    "inspire_hep": (SocialKind.inspire_hep, None),
    "pubmed": (SocialKind.pubmed, None),
    "scopus": (SocialKind.scopus, None),
    "ssrn": (SocialKind.ssrn, None),
    "zotero": (SocialKind.zotero, "https://www.zotero.org/"),
    "academia": (SocialKind.academia, None),
    "impactstory": (SocialKind.impactstory, None),
    "wikipedia": (SocialKind.wikipedia, "https://en.wikipedia.org/wiki/User:"),
    "stackoverflow": (SocialKind.stackoverflow, "https://www.stackoverflow.com/users/"),
    "kaggle": (SocialKind.kaggle, "https://www.kaggle.com/"),
    "bitbucket": (SocialKind.bitbucket, "https://bitbucket.org/"),
    "youtube": (SocialKind.youtube, "https://www.youtube.com/@"),
    "facebook": (SocialKind.facebook, "https://www.facebook.com/"),
    "instagram": (SocialKind.instagram, "https://instagram.com/"),
    "medium": (SocialKind.medium, None),
    "zhihu": (SocialKind.zhihu, "https://www.zhihu.com/people/"),
    "weibo": (SocialKind.weibo, "https://www.weibo.com/"),
    "keybase": (SocialKind.keybase, "https://keybase.io/"),
    "telegram": (SocialKind.telegram, None),
    "uri": (SocialKind.website, None),
    "website": (SocialKind.website, None),
    "homepage": (SocialKind.website, None),
}
_URL = re.compile(r"^https?://", re.IGNORECASE)
_HANDLE = re.compile(r"^@?[\w.\-/@:~%+=?&#]+$")
_PLACEHOLDER = re.compile(r"replace|your[-_ ]?(?:user)?name|username|example\.com", re.IGNORECASE)


def _url(value: str, prefix: str | None) -> str | None:
    """The link a key's value makes: a URL as it is (`http://` ORCIDs included), a bare
    domain given `https://`, a handle after the template's address; None for anything else."""
    value = value.strip()
    if _PLACEHOLDER.search(value):
        return None  # the template's sample value, never filled in
    if _URL.match(value):
        return value if is_safe_url(value) else None
    if prefix is None:
        host = value.split("/", 1)[0]
        return f"https://{value}" if "." in host and " " not in value else None
    if value.startswith(("www.", prefix.split("://", 1)[1].split("/", 1)[0])):
        return f"https://{value}"
    if not _HANDLE.match(value):
        return None
    return prefix + value.removeprefix("@") if prefix.endswith(("/", "=", ":")) else prefix + value


def social_links(author: Mapping[str, Any]) -> list[SocialLink]:
    """Every filled-in profile key of `author:`, in the order the config lists them."""
    links: list[SocialLink] = []
    seen: set[str] = set()
    for key, raw in author.items():
        known = _KEYS.get(str(key).lower())
        if known is None or raw is None or isinstance(raw, dict | list | bool):
            continue
        kind, prefix = known
        url = _url(str(raw), prefix)
        if url is not None and url not in seen and len(url) <= 2000:
            seen.add(url)
            links.append(SocialLink(kind=kind, url=url))
    return links
