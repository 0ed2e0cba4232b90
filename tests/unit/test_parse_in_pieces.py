"""A long page is read a few lines at a time, and reads exactly as it does whole."""

from pathlib import Path

import pytest

from bench.generate import page
from seed.document.front_matter import read_page_source
from seed.parse_page import ParsedPage, parse_source
from seed.recognise.hints import read_hints
from seed.recognise.page_parts import opens_with_words, outline_parts
from tests.conftest import SEED_PAGE

CORPUS = Path(__file__).parent.parent / "corpus"
WHOLE = 10**9
"""Window lines no page reaches: every section in one window."""


def read(text: str, window_lines: int) -> tuple[str, list[str]]:
    parsed: ParsedPage = parse_source(read_page_source("page.md", text), None, window_lines)
    return parsed.page.model_dump_json(), [str(warning) for warning in parsed.warnings]


PAGES = [SEED_PAGE, *sorted((CORPUS / "about").glob("*.md"))]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_a_page_cut_at_every_list_item_reads_as_it_does_whole(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert read(text, 1) == read(text, WHOLE)


TRICKY = """Bio of Jane Smith.

## News

- [2024/01] Joined [the lab][lab].
- [2023/05] A talk.

* [2023/01] Another marker: another list.
1. [2022/01] Numbered now.
2) [2021/01] Another delimiter.

- [2020/01] A loose item.

- [2019/01] Another, after a blank line.
* * *
- [2018/01] After a rule.

```
- [2017/01] In a fence: not an item.
- [2016/01] Nor this.
```

## Publications

1. **Jane Smith**, Bob Lee, A first title, ICML 2020. [Paper](https://a.org/1)
2. **Jane Smith**, Bob Lee, A second title, ICML 2021.
[Code](https://a.org/2)
3. [Slides](https://a.org/3) [Video](https://a.org/4)
4. **Jane Smith**, Ann Wu, A third title, NeurIPS 2022.
   - A nested note with [a post](https://a.org/5).
5. **Jane Smith**, Ann Wu, A first title, NeurIPS 2023.

**Workshop Papers**

1. **Jane Smith**, Bob Lee, A workshop title, ICML Workshop 2024.
2. **Jane Smith**, A first title, ICLR 2024.

[lab]: https://lab.example.org
"""


@pytest.mark.parametrize("window_lines", [1, 2, 3, 5, 8])
def test_cuts_where_a_list_does_not_go_on_read_as_whole(window_lines: int) -> None:
    assert read(TRICKY, window_lines) == read(TRICKY, WHOLE)


def test_the_lists_of_a_long_page_are_read_in_windows() -> None:
    source = read_page_source("page.md", page(300))
    _, sections, parts = outline_parts(source.body.split("\n"), read_hints(source).kind_of, 40)
    windows = {section.title: parts.windows(section) for section in sections}
    assert {title: found is not None for title, found in windows.items()} == {
        "News": True,
        "Publications": True,
        "Projects": True,
    }
    news = windows["News"]
    assert news is not None
    assert len(list(news)) == 8  # 300 items, a window about every 40 lines


def test_a_long_page_reads_the_same_in_windows_of_any_size() -> None:
    text = page(300)
    whole = read(text, WHOLE)
    assert [read(text, size) == whole for size in (1, 7, 40, 299)] == [True] * 4


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("1. **Jane Smith**, A title", True),
        ("- Jane Smith, [A title](https://a.org)", True),
        ("- [Paper](https://a.org)", False),
        ("- <a href='https://a.org'>Paper</a>", False),
        ("10. &nbsp; [Code](https://a.org)", False),
        ("* https://a.org", False),
        ("-", False),
    ],
)
def test_an_item_opens_with_words_before_any_link(line: str, words: bool) -> None:
    assert opens_with_words(line) is words
