"""Diagnostics that name the file and line: `about.md:42: publication has no venue`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )


class PageError(Exception):
    """A page the importer cannot read; the message names the file and line."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.diagnostic = Diagnostic(path, line, message)
        super().__init__(str(self.diagnostic))
