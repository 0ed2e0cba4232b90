"""Slugs: stable for every script, and the same as they always were for Latin titles."""

import json
from pathlib import Path

from store.slugs import slugify

CORPUS = Path(__file__).parent.parent / "corpus"


def _golden_titles(name: str) -> list[str]:
    golden = json.loads((CORPUS / "golden" / f"{name}.json").read_text(encoding="utf-8"))
    works = golden["publications"] + golden["projects"]
    return [str(work["title"]) for work in works] + [str(title) for title in golden["sections"]]


def test_the_slugs_of_every_corpus_title_are_pinned() -> None:
    """`tests/corpus/slugs.json` holds the slugs the release before Unicode slugs gave; a slug
    that changes breaks every link to it."""
    pinned = json.loads((CORPUS / "slugs.json").read_text(encoding="utf-8"))
    assert {name: [slugify(t) for t in _golden_titles(name)] for name in pinned} == pinned


def test_a_title_in_another_script_keeps_its_letters() -> None:
    assert [
        slugify(title)
        for title in (
            "Нейронные сети для всех",
            "الشبكات العصبية",
            "신경망 연구",
            "深度学习：综述（第二版）",
            "Модель GPT-4",
            "Ünïcödé Títle",
            "!!!",
        )
    ] == [
        "нейронные-сети-для-всех",
        "الشبكات-العصبية",
        "신경망-연구",
        "深度学习-综述-第二版",
        "gpt-4",
        "unicode-title",
        "item",
    ]
