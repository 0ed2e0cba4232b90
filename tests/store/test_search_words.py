"""A search's words are folded and split as SQLite's FTS5 tokenizer folds and splits the text
it searches, and PostgreSQL's search columns are built with the same folding."""

import importlib.util
import sqlite3
import unicodedata
from types import ModuleType

from store.folding import FOLDED, fold
from store.schema import MIGRATIONS
from store.search import words

LATIN = [chr(c) for c in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]]


def revision_0004() -> ModuleType:
    path = next((MIGRATIONS / "versions").glob("0004_*.py"))
    spec = importlib.util.spec_from_file_location("revision_0004", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_words_are_folded_lowercased_and_split_at_punctuation() -> None:
    assert words("Zoë MÜLLER-Łukasz, GPT-4 arxiv.org sparse_experts 3.5") == [
        "zoe",
        "muller",
        "łukasz",
        "gpt",
        "4",
        "arxiv",
        "org",
        "sparse",
        "experts",
        "3",
        "5",
    ]


def test_accents_fold_as_fts5_folds_them() -> None:
    database = sqlite3.connect(":memory:")
    database.execute(
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')"
    )
    database.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(t, 'row')")
    letters = [char for char in LATIN if unicodedata.category(char).startswith("L")]
    database.executemany("INSERT INTO t(x) VALUES (?)", [(f"q{char}q",) for char in letters])
    tokens = {term for (term,) in database.execute("SELECT term FROM terms")}
    assert tokens == {f"q{fold(char).lower()}q" for char in letters}


def test_postgresql_columns_are_built_with_the_same_folding() -> None:
    assert revision_0004().folding() == FOLDED
