"""What became of each file a seed read: read, a template sample, or skipped (and why)."""

from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    read = "read"
    sample = "template sample"
    skipped = "skipped"


@dataclass(frozen=True)
class FileRead:
    path: str
    outcome: Outcome
    why: str = ""
