"""Pages for the format tests: each test seeds its own."""

from sqlalchemy.engine import Engine

from seed.parse_page import parse_page
from store.load_page import load_page

PAGE = """\
---
title: "Jörg Müller"
---

I build compilers at [Example University](https://example.edu). Elsewhere:
[GitHub](https://github.com/jmueller), [Scholar](https://scholar.google.com/citations?user=abc).

## Publications

- Ana Ruiz\\*, **Jörg Müller**\\*, Li Wei†, Fast & Sound: Compiling {Typed} 100% Loops, PLDI Conference 2024. [[Paper](https://arxiv.org/abs/2401.01234)] [[Code](https://github.com/jmueller/loops)] ⭐
- **Jörg Müller**, Ludwig van Beethoven, Fast Loops Revisited, Transactions on Compilers 2024. [[DOI](https://doi.org/10.1000/tc.42)]
- **Jörg Müller**, Ludwig van Beethoven, Fast Kernels, Journal of Kernels 2024.
- **Jörg Müller**, On Loops, arXiv preprint.
"""  # noqa: E501


def seed_formats_page(engine: Engine) -> None:
    load_page(engine, parse_page("about.md", PAGE).page)
