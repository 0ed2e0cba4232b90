r"""Author lists: `Shwai He\*, **Daize Dong**\*, Liang Ding` into ordered, marked authors."""

import re
import unicodedata
from functools import lru_cache

from schemas.common import Author
from seed.document.inline import BOLD_ON, without_bold_marks

EQUAL_MARKS = frozenset("*∗＊⁎⚖#")
CORRESPONDING_MARKS = frozenset("†‡✉★")
_MARKS = EQUAL_MARKS | CORRESPONDING_MARKS | {"\ufe0f", "\u200d"}
FAMILY_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "le"}
)
"""The particles that start a family name: `Ludwig van Beethoven` is filed under `van Beethoven`."""
# The others stay out of the given/family split: counting them would file `John Y Smith` under
# `Y Smith` and `Maria de la Cruz` under `de la Cruz`, and change citation keys already given out.
NAME_PARTICLES = FAMILY_PARTICLES | {"la", "bin", "al", "el", "dos", "das", "ter", "y", "zu"}
"""Every lower-case word a personal name may contain: `Ali bin Said`, `José Ortega y Gasset`."""
_NAME_WORD = re.compile(r"^(?:[^\W\d_](?:[^\W\d_]|['’.\-])*|[^\W\d_]\.)$")
"""A word of a personal name: letters, apostrophes, dots and hyphens, never a digit."""
_APA_NAME = re.compile(
    r"^[^\W\d_][\w'’\-]*(?:\s[^\W\d_][\w'’\-]*){0,3},\s(?:[A-Z][a-z]?\.[\s\-]*){1,4}$"
)
_ET_AL = re.compile(r"^(?:et\.?\s+al\.?|\.{3}|…|\.\s\.\s\.)$", re.IGNORECASE)
"""`et al.`, or an ellipsis standing for the authors left out."""
_SENTENCE_END = re.compile(r"([^\W\d_]{2,})([*^†‡✉★#∗]*)\.(\W*)$")
_INITIAL = re.compile(r"^[A-Z]{1,3}$")
_NOT_A_PERSON = re.compile(
    r"\b(?:IEEE|ACM|Journal|Letters|Transactions|Proceedings|Conference|Workshop|Symposium|"
    r"Scientist|Intern|Engineer|Researcher|Collaborator|Professor|Student|Lecturer|Postdoc|"
    r"Director|Manager|Assistant|Associate|University|Institute|Laboratory|Lab)\b"
)
"""`IEEE Signal Processing Letters`, `Applied Scientist II`, `Argonne National Laboratory`
read like names, but they are venues, jobs and places, not people."""


def _strip_marks(text: str) -> tuple[str, set[str]]:
    """The text without surrounding author marks, and the marks found."""
    marks: set[str] = set()
    text = text.strip()
    while text and (text[-1] in _MARKS or (text[-1] in "0123456789 ,^" and len(text) > 1)):
        if text[-1] in _MARKS:
            marks.add(text[-1])
        text = text[:-1].rstrip()
    while text and text[0] in _MARKS:
        marks.add(text[0])
        text = text[1:].lstrip()
    return text, marks


def is_name(text: str) -> bool:
    """Whether text reads like a person's name: two to six capitalised words, no sentence."""
    words = text.replace("\u00a0", " ").split()
    if not 1 <= len(words) <= 6 or len(text) > 60 or any(c in text for c in ':;!?()[]{}"/'):
        return False
    capitalised = 0
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not _starts_upper(word):
            return False
        capitalised += 1
    if all(len(word) > 1 and word.isupper() for word in words):
        return False  # `ACM MM`, `IEEE TMM`: acronyms, not people
    return capitalised >= 1 and (len(words) >= 2 or _is_single_name(words[0]))


def is_person_name(text: str) -> bool:
    """Whether text reads like a person's name, not a venue, a job or a place."""
    return is_name(text) and not _NOT_A_PERSON.search(text)


def _starts_upper(word: str) -> bool:
    first = word[0]
    return first.isupper() or unicodedata.category(first) == "Lo"


def _is_single_name(word: str) -> bool:
    """A one-word name is only accepted in scripts without case (e.g. `邱涵`)."""
    return all(unicodedata.category(char) == "Lo" for char in word)


def parse_author(segment: str) -> Author | None:
    """One author from a segment of an author list, or None when it is not a name."""
    bold = BOLD_ON in segment
    text = _without_sentence_period(without_bold_marks(segment))
    name, marks = _strip_marks(text)
    name = " ".join(name.replace("\\", "").split())
    if not (is_name(name) or _APA_NAME.match(name)) or _NOT_A_PERSON.search(name):
        return None
    return Author(
        name=name,
        is_owner=bold,
        equal_contribution=bool(marks & EQUAL_MARKS),
        corresponding=bool(marks & CORRESPONDING_MARKS),
    )


def _without_sentence_period(text: str) -> str:
    """`Ana Ruiz.` ends a sentence, not a name; `A. Ruiz` and `Ruiz, A.` keep their initials."""
    match = _SENTENCE_END.search(text)
    if match is None or not any(char.islower() for char in match.group(1)):
        return text
    return text[: match.end(1)] + match.group(2) + match.group(3)


def is_et_al(segment: str) -> bool:
    text = without_bold_marks(segment).strip()
    return bool(_ET_AL.match(text))


def same_person(a: str, b: str) -> bool:
    """Names match when their words match, ignoring case, accents and punctuation, or when
    one gives the other's given names as initials: `H M Gomes`, `HM Gomes`, `H. M. Gomes` are
    `Heitor Murilo Gomes`."""
    return _name_key(a) == _name_key(b) or _same_by_initials(a, b)


def another_form(a: str, b: str) -> bool:
    """Whether `b` names `a`'s person in another form: family name first (`Chen Wei` for `Wei
    Chen`), or with the given names in full or in initials (`Jane Smith` for `J. Smith`). Word
    order is not part of `same_person`: two co-authors may well be `Wei Chen` and `Chen Wei`."""
    words_a, words_b = _name_key(a).split(), _name_key(b).split()
    return words_a != words_b and (sorted(words_a) == sorted(words_b) or _same_by_initials(a, b))


def _same_by_initials(a: str, b: str) -> bool:
    left, right = (
        _given_first(a).replace(".", " ").split(),
        _given_first(b).replace(".", " ").split(),
    )
    if len(left) < 2 or len(right) < 2 or _name_key(left[-1]) != _name_key(right[-1]):
        return False
    given_left, given_right = left[:-1], right[:-1]
    if not (_all_initials(given_left) or _all_initials(given_right)):
        return False
    return _initials(given_left) == _initials(given_right)


def _given_first(name: str) -> str:
    """`Matias, J. N.` as `J. N. Matias`."""
    family, comma, given = name.partition(",")
    return f"{given} {family}" if comma else name


def _all_initials(words: list[str]) -> bool:
    return all(_INITIAL.match(word) for word in words)


def _initials(words: list[str]) -> str:
    return "".join(word if _INITIAL.match(word) else word[0] for word in words).upper()


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in folded if c.isalnum() or c.isspace()).split())
