"""Read an academicpages site root into one page: the about page, `_config.yml`'s profile,
and every collection file, each reported as read, a template sample, or skipped (and why)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from schemas.common import Link
from schemas.event import EventIn
from schemas.profile import ProfileIn
from schemas.work import WorkIn
from seed.document.front_matter import PageSource, read_page_source
from seed.errors import Diagnostic
from seed.parse_page import ParsedPage, mark_owner
from seed.recognise.authors import same_person
from seed.report import FileRead, Outcome
from seed.site.config import SiteConfig, read_config
from seed.site.events import read_event
from seed.site.fields import key_line
from seed.site.merge import merge_publications
from seed.site.portfolio import read_project
from seed.site.publications import read_publication
from seed.site.samples import is_template_sample

ENTRY_SUFFIXES = (".md", ".markdown", ".html")


FoundWork = tuple[WorkIn | None, list[Diagnostic]]
Reader = Callable[[PageSource, str, str], tuple[Any, list[Diagnostic]]]


def _skipped(root: Path, folder: str, path: Path) -> str | None:
    """Why a file of a collection folder is no entry of it, or None."""
    if any(part.startswith(".") for part in path.relative_to(root / folder).parts):
        return "a hidden file"
    if path.suffix.lower() not in ENTRY_SUFFIXES:
        return "not an entry file"
    return None


def _published(meta: dict[str, Any]) -> bool:
    return meta.get("published", True) not in (False, "false", "no")


def _read_folder(
    root: Path,
    folder: str,
    read: Reader,
    keep_samples: bool,
    parsed: ParsedPage,
    text_of: Callable[[Path], str],
) -> list[Any]:
    items = []
    for path in sorted((root / folder).rglob("*"), reverse=True):
        relative = path.relative_to(root).as_posix()
        if not path.is_file():
            continue
        if why := _skipped(root, folder, path):
            parsed.read.append(FileRead(relative, Outcome.skipped, why))
            continue
        text = text_of(path)
        source = read_page_source(str(path), text)
        if not source.front_matter:
            parsed.read.append(FileRead(relative, Outcome.skipped, "it has no front matter"))
            continue
        if not _published(source.front_matter):
            parsed.read.append(FileRead(relative, Outcome.skipped, "it says `published: false`"))
            continue
        sample = is_template_sample(source.front_matter, source.body)
        if sample:
            parsed.warnings.append(
                Diagnostic(
                    str(path),
                    key_line(text, "title"),
                    "is the template's sample entry, not the owner's",
                )
            )
            outcome = "kept (--keep-samples)" if keep_samples else "skipped"
            parsed.read.append(FileRead(relative, Outcome.sample, outcome))
            if not keep_samples:
                continue
        item, warnings = read(source, text, relative)
        parsed.warnings.extend(warnings)
        if item is None:
            parsed.read.append(FileRead(relative, Outcome.skipped, warnings[0].message))
            continue
        if not sample:  # a kept sample is reported as one already
            parsed.read.append(FileRead(relative, Outcome.read))
        items.append(item)
    return items


def _initialled(short: str, full: str) -> bool:
    """`short` names the same person as `full`, with initials where `full` has names."""
    return len(full) > len(short) and "." in short and same_person(short, full)


def _profile(page: ProfileIn, config: SiteConfig) -> ProfileIn:
    """The page's own statements win; the config fills what the page does not say."""
    mailto = next((link.url for link in page.links if link.url.startswith("mailto:")), None)
    name = page.name or config.name
    if page.name and config.name and _initialled(page.name, config.name):
        name = config.name  # `J. Pan` in bold on the page, `Jingjing Pan` in the config
    return page.model_copy(
        update={
            "name": name,
            "avatar_url": page.avatar_url or config.avatar_url,
            "bio": page.bio or config.bio,
            "location": page.location or config.location,
            "employer": page.employer or config.employer,
            "email": page.email or (mailto.removeprefix("mailto:") if mailto else config.email),
            "site_url": page.site_url or config.site_url,
            "social": page.social or config.social,
        }
    )


def _absolute_links(links: list[Link], config: SiteConfig) -> list[Link]:
    return [link.model_copy(update={"url": config.absolute(link.url)}) for link in links]


def read_site(
    root: Path,
    parsed: ParsedPage,
    text_of: Callable[[Path], str],
    *,
    keep_samples: bool = False,
) -> None:
    """Add the site around the already parsed about page: profile, collections, merged
    publications. `text_of` reads a file (its errors name the file)."""
    config_path = root / "_config.yml"
    config = SiteConfig()
    if config_path.is_file():
        config = read_config(str(config_path), text_of(config_path))
        parsed.read.append(FileRead("_config.yml", Outcome.read))
    absolute = config.absolute

    def event(source: PageSource, text: str, file: str) -> tuple[EventIn | None, list[Diagnostic]]:
        return read_event(source, text, file, absolute)

    def publication(
        source: PageSource, _: str, file: str
    ) -> tuple[WorkIn | None, list[Diagnostic]]:
        return read_publication(source, file, absolute, config.categories)

    def project(source: PageSource, _: str, file: str) -> FoundWork:
        return read_project(source, file, absolute)

    folders: dict[str, Reader] = {
        "_publications": publication,
        "_talks": event,
        "_teaching": event,
        "_portfolio": project,
    }
    found: dict[str, list[Any]] = {}
    for folder, read in folders.items():
        if (root / folder).is_dir():
            found[folder] = _read_folder(root, folder, read, keep_samples, parsed, text_of)
    page = parsed.page
    page.profile = _profile(page.profile, config)
    page.publications, _ = merge_publications(page.publications, found.get("_publications", []))
    page.projects = [*page.projects, *found.get("_portfolio", [])]
    page.talks = found.get("_talks", [])
    page.teaching = found.get("_teaching", [])
    for work in (*page.publications, *page.projects):
        work.links = _absolute_links(work.links, config)
    mark_owner(page.publications, page.profile.name)
