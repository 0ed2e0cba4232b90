"""The owner's `homepage:` hints in the front matter: a page with hints reads exactly as the
hints say, and hints that cannot be read are an error naming the front matter."""

import pytest

from seed.errors import PageError
from seed.parse_page import parse_page

BODY = (
    "Bio of the owner.\n\n🔥 Updates\n\n- [2025/04] Joined the lab.\n\n"
    "## 📝 Selected Works\n\n- D. Jane, Wei Chen, Quiet Models, NeurIPS 2023\n\n"
    "## 🎤 Talks\n\n- Ana Ruiz, Wei Chen, A Talk About Things, Workshop on Things 2024\n"
)


def page_with(hints: str) -> str:
    return f"---\ntitle: Home\nhomepage:\n{hints}---\n{BODY}"


def test_without_hints_unusual_headings_are_misread_and_a_plain_label_over_a_list_read() -> None:
    page = parse_page("page.md", f"---\ntitle: Home\n---\n{BODY}").page
    assert (page.profile.name, page.publications) == (None, [])
    assert [(str(n.date), n.text) for n in page.news] == [("2025-04-01", "Joined the lab.")]
    assert [section.title for section in page.sections] == ["Selected Works", "Talks"]


def test_sections_hint_names_the_kind_of_each_heading_even_a_plain_line() -> None:
    hints = (
        '  sections: {"🔥 Updates": news, "📝 Selected Works": publications, "🎤 Talks": section}\n'
    )
    page = parse_page("page.md", page_with(hints)).page
    assert [(str(n.date), n.text) for n in page.news] == [("2025-04-01", "Joined the lab.")]
    assert [w.title for w in page.publications] == ["Quiet Models"]
    assert [s.title for s in page.sections] == ["Talks"]


def test_owner_and_aliases_hints_mark_every_form_of_the_owner() -> None:
    hints = (
        '  owner: Jane Doe\n  aliases: [D. Jane]\n  sections: {"📝 Selected Works": publications}\n'
    )
    page = parse_page("page.md", page_with(hints)).page
    assert page.profile.name == "Jane Doe"
    assert [(a.name, a.is_owner) for a in page.publications[0].authors] == [
        ("D. Jane", True),
        ("Wei Chen", False),
    ]


@pytest.mark.parametrize(
    ("hints", "message"),
    [
        ("  sections: {Talks: lectures}\n", "front matter 'homepage.sections.Talks'"),
        ("  owners: Jane\n", "front matter 'homepage.owners': Extra inputs are not permitted"),
        ("  aliases: Jane\n", "front matter 'homepage.aliases': Input should be a valid list"),
    ],
)
def test_hints_that_cannot_be_read_are_an_error_naming_the_front_matter(
    hints: str, message: str
) -> None:
    with pytest.raises(PageError) as raised:
        parse_page("page.md", page_with(hints))
    assert str(raised.value).startswith(f"page.md:1: {message}")
