"""Whatever Markdown a page holds, parsing either succeeds or raises the importer's own
`PageError`, and a successful parse never serves hidden or template text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seed.errors import PageError
from seed.parse_page import parse_page

PIECES = [
    "# News\n", "## 📝 Publications & Preprints\n", "### Conference\n", "Recent News\n====\n",
    "  Projects\n  ------\n", "**Publications**\n", "Research interests:\n", "# 🔥 News\n",
    "- [2025/04] Joined a lab.\n", "- *2025.03*: &nbsp;🎉 Paper accepted.\n",
    "2024.04: line without bullet<br>\n", "**[Jun 2025]** text\n", "#### September 2020\n",
    "<span style='color:red'>**[DEC. 2024]**</span> text\n", "* October, 2020. Something.\n",
    "[2020.11.26] text\n", "- [2025/13] bad month\n", "- [0000/00]\n", "- *2025.02.30*: x\n",
    "1. A B\\*, **C D**\\*, E F†, Title Words Here, ICML 2024. [[Paper](https://x.org)]\n",
    "> **Title**  \n> A B, **C D**  \n> ***Venue****, 2020*\n",
    "<div class='paper-box'><div class='badge'>CVPR 2022</div>\n<div markdown=\"1\">\n\n",
    "</div>\n</div>\n", "<div><p><a href='x'>T</a><br><strong>A B</strong><sup>✉️</sup>\n",
    "- [T](https://doi.org/x)\nLiu, P., **Chu, Y.**, and Xu, Z.<sup>★</sup> (2023). *J*, *6*(1).\n",
    "<!-- hidden\n", "-->\n", "[//]: # (## Service &#40;x&#41;)\n", "{% include x %}\n",
    "{{ site.baseurl }}", "<style>\n", "</style>\n", "<iframe src='x'></iframe>\n",
    "---\n", "---\ntitle: x\n---\n", "\ufeff", "\x00", "\r\n", "\n", "    code\n", "```\n",
    "| a | b |\n|---|---|\n", "[", "]", "(", ")", "*", "_", "`", "<", ">", "&", "#", "邱涵 ",
    "(* equal contribution, † corresponding)", ":fire:", "![img](x.png)", "<b>", "</b>", "\\",
    "[" + "long label " * 30 + "](https://x.org)", "[a](https://x.org/" + "y" * 2100 + ")",
    "Title " * 200 + ", ICML 2020\n",
]  # fmt: skip


def _assert_parses_or_names_the_problem(text: str) -> None:
    try:
        parsed = parse_page("about.md", text)
    except PageError as error:
        message = str(error)
    else:
        message = ""
    if message:
        assert message.startswith("about.md")
        return
    served = parsed.page.model_dump_json()
    assert "{%" not in served
    assert "<!--" not in served


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_parses_or_raises_page_error(text: str) -> None:
    _assert_parses_or_names_the_problem(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=40).map("".join))
def test_markdown_built_from_real_page_pieces_parses_or_raises_page_error(text: str) -> None:
    _assert_parses_or_names_the_problem(text)
