"""Many items held small between reading and loading: pickled and compressed a batch at a
time, so a page of 100,000 entries takes tens of megabytes, not a gigabyte of models."""

import pickle
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import BaseModel

from schemas.event import EventIn
from schemas.interest import InterestIn
from schemas.news import NewsIn
from schemas.page import PageIn
from schemas.profile import ProfileIn
from schemas.section import SectionIn
from schemas.work import WorkIn

Item = TypeVar("Item", bound=BaseModel)
BATCH = 1000


class Packed(Generic[Item]):
    """Items in order, `batch` of them to a compressed pickle; each reading unpacks copies."""

    def __init__(self, batch: int = BATCH) -> None:
        self._packed: list[bytes] = []
        self._open: list[Item] = []
        self._count = 0
        self._batch = batch
        self.prepare: Callable[[list[Item]], None] | None = None
        """Done to each batch as it is unpacked (the owner marked among a work's authors)."""

    def append(self, item: Item) -> None:
        self._open.append(item)
        self._count += 1
        if len(self._open) >= self._batch:
            self._packed.append(_pack(self._open))
            self._open = []

    def __len__(self) -> int:
        return self._count

    def batches(self) -> Iterator[list[Item]]:
        for blob in [*self._packed, _pack(self._open)] if self._open else self._packed:
            items: list[Item] = pickle.loads(zlib.decompress(blob))  # noqa: S301  (our own)
            if self.prepare is not None:
                self.prepare(items)
            yield items

    def __iter__(self) -> Iterator[Item]:
        for items in self.batches():
            yield from items


def _pack(items: list[Item]) -> bytes:
    return zlib.compress(pickle.dumps(items, pickle.HIGHEST_PROTOCOL), 1)


@dataclass
class PackedPage:
    """A `PageIn` whose long lists are packed; `unpacked()` is the page itself."""

    profile: ProfileIn
    interests: list[InterestIn]
    sections: list[SectionIn]
    news: Packed[NewsIn] = field(default_factory=Packed)
    publications: Packed[WorkIn] = field(default_factory=Packed)
    projects: Packed[WorkIn] = field(default_factory=Packed)
    talks: list[EventIn] = field(default_factory=list)
    teaching: list[EventIn] = field(default_factory=list)

    def unpacked(self) -> PageIn:
        return PageIn(
            profile=self.profile,
            interests=self.interests,
            news=list(self.news),
            publications=list(self.publications),
            projects=list(self.projects),
            sections=self.sections,
            talks=self.talks,
            teaching=self.teaching,
        )
