"""The site reader on hand-made files: `_config.yml`, collection files, template samples,
and one publication list from the page and `_publications`."""

import datetime as dt
from pathlib import Path

import pytest

from schemas.common import Author, DatePrecision, Link, LinkKind
from schemas.event import EventIn
from schemas.profile import SocialKind, SocialLink
from schemas.work import WorkIn
from seed.document.front_matter import read_page_source
from seed.errors import PageError
from seed.files import read_content
from seed.parse_page import parse_page
from seed.report import FileRead, Outcome
from seed.site.config import read_config
from seed.site.events import read_event
from seed.site.merge import merge_publications, title_key
from seed.site.publications import read_publication
from seed.site.samples import is_template_sample

CONFIG = """\
name: &name "Ada Lovelace"
url: "https://ada.example.org/"
baseurl: "/site"
author:
  name: *name
  avatar: "ada.png"
  bio: "Analyst of engines"
  location: "London"
  employer: "Analytical Society"
  email: "ada@example.org"
  googlescholar: "https://scholar.google.com/citations?user=abc123"
  orcid: "http://orcid.org/0000-0002-1825-0097"
  github: "ada"
  twitter: "@ada_l"
  linkedin: "ada-lovelace"
  researchgate: "https://www.researchgate.net/profile/Ada-Lovelace"
  stackoverflow: "4480512/ada"
  bluesky:
  mastodon: # URL
  keybase: "replacethiskeybasehandle"
"""


def test_config_profile_follows_the_template_sidebar() -> None:
    config = read_config("_config.yml", CONFIG)
    assert (config.name, config.bio, config.location, config.employer, config.email) == (
        "Ada Lovelace",
        "Analyst of engines",
        "London",
        "Analytical Society",
        "ada@example.org",
    )
    assert config.site_url == "https://ada.example.org/site"
    assert config.avatar_url == "https://ada.example.org/site/images/ada.png"
    assert config.social == [
        SocialLink(
            kind=SocialKind.google_scholar, url="https://scholar.google.com/citations?user=abc123"
        ),
        SocialLink(kind=SocialKind.orcid, url="http://orcid.org/0000-0002-1825-0097"),
        SocialLink(kind=SocialKind.github, url="https://github.com/ada"),
        SocialLink(kind=SocialKind.twitter, url="https://twitter.com/ada_l"),
        SocialLink(kind=SocialKind.linkedin, url="https://www.linkedin.com/in/ada-lovelace"),
        SocialLink(
            kind=SocialKind.researchgate, url="https://www.researchgate.net/profile/Ada-Lovelace"
        ),
        SocialLink(
            kind=SocialKind.stackoverflow, url="https://www.stackoverflow.com/users/4480512/ada"
        ),
    ]


def test_config_avatar_that_is_a_url_stays_and_a_javascript_one_is_dropped() -> None:
    text = 'author:\n  avatar: "https://cdn.example.org/a.jpg"\n  uri: "javascript:alert(1)"\n'
    config = read_config("_config.yml", text)
    assert (config.avatar_url, config.social, config.site_url) == (
        "https://cdn.example.org/a.jpg",
        [],
        None,
    )


def test_config_that_is_not_yaml_is_refused_with_its_line() -> None:
    with pytest.raises(
        PageError, match=r"^_config.yml:4: cannot be read: found unexpected end of stream"
    ):
        read_config("_config.yml", 'title: "A"\nauthor:\n  name: "unclosed\n')


def test_config_author_that_is_not_a_mapping_is_refused_with_its_line() -> None:
    with pytest.raises(PageError, match=r"^_config.yml:2: `author:` must be a mapping"):
        read_config("_config.yml", "title: A\nauthor: Ada\n")


TALK_SAMPLE = """\
---
title: "Talk 1 on Relevant Topic in Your Field"
collection: talks
type: "Talk"
venue: "UC San Francisco, Department of Testing"
date: 2012-03-01
location: "San Francisco, California"
---

This is a description of your talk, which is a markdown file that can be all markdown-ified.
"""


def test_template_sample_is_its_title_and_its_text_together() -> None:
    sample = read_page_source("t.md", TALK_SAMPLE)
    assert is_template_sample(sample.front_matter, sample.body)
    own_body = read_page_source("t.md", TALK_SAMPLE.split("\n---\n")[0] + "\n---\n\nMy talk.\n")
    own_body.front_matter["venue"] = "MIT"
    assert not is_template_sample(own_body.front_matter, own_body.body)


def test_talk_file_is_one_typed_event() -> None:
    text = """\
---
title: "Engines of Thought"
collection: talks
type: "Invited Talk"
venue: "Royal Society"
date: 2024-06
location: "London, UK"
slidesurl: "/files/engines.pdf"
---

About the engine. [Video](https://video.example.org/1)
"""
    source = read_page_source("_talks/engines.md", text)
    site = "https://a.org"
    event, warnings = read_event(
        source, text, "_talks/engines.md", lambda u: site + u if u.startswith("/") else u
    )
    assert warnings == []
    assert event == EventIn(
        title="Engines of Thought",
        type="Invited Talk",
        venue="Royal Society",
        date=dt.date(2024, 6, 1),
        date_precision=DatePrecision.month,
        location="London, UK",
        links=[
            Link(label="slides", url="https://a.org/files/engines.pdf", kind=LinkKind.slides),
            Link(label="Video", url="https://video.example.org/1", kind=LinkKind.video),
        ],
        body="About the engine. [Video](https://video.example.org/1)",
        body_html=(
            '<p>About the engine. <a href="https://video.example.org/1" '
            'rel="noopener noreferrer">Video</a></p>'
        ),
        file="_talks/engines.md",
        line=1,
    )


def test_talk_date_that_is_no_date_is_a_warning_on_its_line() -> None:
    text = '---\ntitle: "A talk"\ndate: "sometime soon"\n---\n'
    source = read_page_source("_talks/a.md", text)
    event, warnings = read_event(source, text, "_talks/a.md", str)
    assert event is not None
    assert event.date is None
    assert [str(w) for w in warnings] == ["_talks/a.md:3: date 'sometime soon' is not a date"]


def test_publication_file_author_list_category_excerpt_and_highlight() -> None:
    text = """\
---
title: "Notes on the Engine"
authorlist: '<b>Ada Lovelace</b>, Charles Babbage*'
category: manuscripts
date: 2024-04-16
venue: 'Transactions on Engines'
excerpt: 'We describe <i>the</i> engine.<br/><img src="/images/e.png">'
highlight: 'yes'
paperurl: 'https://doi.org/10.1000/engine'
---
"""
    work, _ = read_publication(
        read_page_source("p.md", text), "_publications/p.md", str, {"manuscripts": "Journals"}
    )
    assert work == WorkIn(
        title="Notes on the Engine",
        authors=[
            Author(name="Ada Lovelace", is_owner=True),
            Author(name="Charles Babbage", equal_contribution=True),
        ],
        venue="Transactions on Engines",
        year=2024,
        date=dt.date(2024, 4, 16),
        abstract="We describe the engine.",
        group="Journals",
        featured=True,
        links=[Link(label="paper", url="https://doi.org/10.1000/engine", kind=LinkKind.paper)],
        file="_publications/p.md",
        on_page=False,
        line=1,
    )


def test_titles_are_one_once_math_and_unicode_are_read_alike() -> None:
    assert title_key("Jets at $$\\sqrt{s}=13$$ TeV") == title_key("Jets at √s = 13 TeV")
    assert title_key("High $$Q^2$$ events") == title_key("High Q² events")
    assert title_key("Jets at 7 TeV") != title_key("Jets at 13 TeV")


def test_page_and_collection_are_one_list_the_page_winning() -> None:
    page = [
        WorkIn(title="Jets at $$\\sqrt{s}=13$$ TeV", venue="PLB", featured=True, line=4),
        WorkIn(
            title="A Guide",
            links=[Link(label="arXiv", url="https://doi.org/10.1000/guide", kind=LinkKind.paper)],
            line=9,
        ),
    ]
    files = [
        WorkIn(title="Other work", year=2026, file="_publications/o.md", on_page=False),
        WorkIn(
            title="Jets at √s = 13 TeV",
            venue="Physics Letters B",
            date=dt.date(2025, 1, 1),
            abstract="We measure jets.",
            file="_publications/j.md",
            on_page=False,
        ),
        WorkIn(
            title="A guide to unfolding",
            links=[Link(label="paper", url="http://dx.doi.org/10.1000/GUIDE", kind=LinkKind.paper)],
            file="_publications/g.md",
            on_page=False,
        ),
        WorkIn(title="Jets at 7 TeV", year=2011, file="_publications/7.md", on_page=False),
    ]
    merged, joined = merge_publications(page, files)
    assert joined == 2
    assert [(w.title, w.venue, w.file, w.on_page) for w in merged] == [
        ("Jets at $$\\sqrt{s}=13$$ TeV", "PLB", "_publications/j.md", True),
        ("A Guide", None, "_publications/g.md", True),
        ("Other work", None, "_publications/o.md", False),
        ("Jets at 7 TeV", None, "_publications/7.md", False),
    ]
    assert (merged[0].date, merged[0].abstract, merged[0].featured) == (
        dt.date(2025, 1, 1),
        "We measure jets.",
        True,
    )
    assert [link.url for link in merged[1].links] == [
        "https://doi.org/10.1000/guide",
        "http://dx.doi.org/10.1000/GUIDE",
    ]


def test_line_of_an_image_then_a_linked_title_underlined_is_a_publication_heading() -> None:
    text = """\
# Recent Publications

<img src="https://example.org/a.png" width=500>
[Neural Posterior Unfolding](https://arxiv.org/abs/2509.06370)
------
We introduce **a method** for unfolding.
"""
    page = parse_page("about.md", text).page
    assert [(w.title, [link.url for link in w.links]) for w in page.publications] == [
        ("Neural Posterior Unfolding", ["https://arxiv.org/abs/2509.06370"])
    ]


def _site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_site_reports_every_file_and_skips_samples_unless_kept(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {
            "_config.yml": CONFIG,
            "_pages/about.md": "I study engines. Mail [me](mailto:ada@page.example.org).\n",
            "_talks/2012-03-01-talk-1.md": TALK_SAMPLE,
            "_talks/2012-03-01-talk-2.md": '---\ntitle: "My own talk"\ndate: 2020-01-01\n---\n',
            "_talks/.draft.md": '---\ntitle: "Hidden"\n---\n',
            "_talks/notes.txt": "not an entry",
            "_teaching/off.md": '---\ntitle: "Old course"\npublished: false\n---\n',
            "_portfolio/p.md": "No front matter here.\n",
        },
    )
    parsed = read_content(root)
    assert [talk.title for talk in parsed.page.talks] == ["My own talk"]
    assert parsed.read == [
        FileRead("_pages/about.md", Outcome.read),
        FileRead("_config.yml", Outcome.read),
        FileRead("_talks/notes.txt", Outcome.skipped, "not an entry file"),
        FileRead("_talks/2012-03-01-talk-2.md", Outcome.read),
        FileRead("_talks/2012-03-01-talk-1.md", Outcome.sample, "skipped"),
        FileRead("_talks/.draft.md", Outcome.skipped, "a hidden file"),
        FileRead("_teaching/off.md", Outcome.skipped, "it says `published: false`"),
        FileRead("_portfolio/p.md", Outcome.skipped, "it has no front matter"),
    ]
    assert [str(w) for w in parsed.warnings] == [
        f"{root}/_talks/2012-03-01-talk-1.md:2: is the template's sample entry, not the owner's"
    ]
    profile = parsed.page.profile
    assert (profile.name, profile.email) == ("Ada Lovelace", "ada@page.example.org")
    kept = read_content(root, keep_samples=True)
    assert [talk.title for talk in kept.page.talks] == [
        "My own talk",
        "Talk 1 on Relevant Topic in Your Field",
    ]
