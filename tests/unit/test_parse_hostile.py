"""Hostile content on a page: no link a browser would run as a script is ever served, and no
character a feed cannot hold; each is left out with a warning at file:line."""

from seed.parse_page import parse_page

PAGE = (
    "I work at [Evil Org](javascript:alert(1)).\n\n# Publications\n\n"
    '- Ana Ruiz, Wei Chen, Quiet Models, NeurIPS 2023 <a href="java&#9;script:alert(1)">[Paper]</a>'
    ' <a href=" JaVaScRiPt:alert(2)">[Code]</a> <a href="data:text/html,x">[Demo]</a>'
    ' <a href="https://example.org/p">[PDF]</a>\n\n'
    "# News\n\n- [2025/04] Bell\u0007 rang\u000b.\n"
)


def test_script_links_and_control_characters_are_left_out_with_warnings() -> None:
    parsed = parse_page("page.md", PAGE)
    page = parsed.page
    assert [link.url for link in page.publications[0].links] == ["https://example.org/p"]
    assert (page.profile.affiliation_url, page.profile.links) == (None, [])
    assert page.news[0].text == "Bell rang."
    assert [str(w) for w in parsed.warnings] == [
        "page.md:9: control characters no feed can hold were removed",
        "page.md:1: link to 'javascript:alert(1' left out: not http(s) or mailto",
        "page.md:5: link to 'java&#9;script:alert(1)' left out: not http(s) or mailto",
        "page.md:5: link to 'JaVaScRiPt:alert(2)' left out: not http(s) or mailto",
        "page.md:5: link to 'data:text/html,x' left out: not http(s) or mailto",
    ]
