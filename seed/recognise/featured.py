"""The owner's mark for a featured (selected) work: a `⭐` in the entry, usually at its end.

`1. Shwai He, **Daize Dong**, PAD-Net: …, ACL 2023. [[Paper](…)] ⭐`

`★` after a name stays a corresponding-author mark; only `⭐` (U+2B50) features the entry.
"""

import re
from dataclasses import replace

from seed.document.inline import Run

FEATURED_MARK = "⭐"
_MARK = re.compile(r"\s*⭐\ufe0f?")


def without_featured_mark(runs: list[Run]) -> tuple[list[Run], bool]:
    """The entry's runs with every `⭐` taken out, and whether there was one."""
    if not any(FEATURED_MARK in run.text for run in runs):
        return runs, False
    kept = [replace(run, text=_MARK.sub("", run.text)) for run in runs]
    return [run for run in kept if run.text or run.href], True
