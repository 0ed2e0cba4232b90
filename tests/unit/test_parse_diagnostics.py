"""`seed --check` warns, with file:line, on every field the reader is unsure of."""

import datetime as dt

from seed.parse_page import parse_page

NEXT_YEAR = dt.date.today().year + 1


def test_each_doubtful_field_is_a_warning_naming_its_line() -> None:
    text = (
        "Bio.\n\n# Publications\n\n"
        "- Ana Ruiz, Wei Chen, Notes at https://example.org/x on Things, NeurIPS 2023\n"
        "- Ana Ruiz, Wei Chen, Far Future Work, Workshop on Time 2077\n\n"
        "# Projects\n\n- Helios\n\n"
        "# Invited Work\n\n- Ana Ruiz, Wei Chen, Yet Another Study, ICML 2022\n"
        "- Ana Ruiz, Jane Doe, One More Study, ICLR 2021\n"
    )
    warnings = [str(w) for w in parse_page("page.md", text).warnings]
    assert warnings == [
        "page.md:10: project has no authors",
        "page.md:10: project has no venue",
        "page.md:12: section 'Invited Work' is read as plain text, but its items look like "
        "citations; a `homepage: sections:` hint can say what it is",
        "page.md:5: publication title still holds markup or a URL: "
        "'Notes at https://example.org/x on Things'",
        f"page.md:6: publication year 2077 is outside 1950…{NEXT_YEAR}",
    ]


def test_a_publications_heading_with_nothing_under_it_is_a_warning() -> None:
    warnings = parse_page("page.md", "Bio.\n\n# Publications\n\n{% for p in pubs %}\n").warnings
    assert [str(w) for w in warnings] == [
        "page.md:3: a publications heading, and no publications read under it"
    ]
