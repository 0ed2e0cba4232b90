"""The owner's hints for the long tail: a `homepage:` block in the page's front matter fixes a
misread in one line without rewriting the page.

```yaml
homepage:
  owner: Jane Doe
  aliases: [J. Doe, Doe J.]
  sections: {"📝 Selected Works": publications, "🎤 Talks": section, "🔥 Updates": news}
```
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from seed.document.front_matter import PageSource
from seed.errors import PageError
from seed.recognise.headings import SectionKind, clean_title

HintedKind = Literal["news", "publications", "projects", "interests", "section"]


class PageHints(BaseModel):
    model_config = ConfigDict(extra="forbid")

    owner: str | None = Field(default=None, min_length=1, max_length=200)
    aliases: list[str] = Field(default_factory=list, max_length=50)
    sections: dict[str, HintedKind] = Field(default_factory=dict, max_length=200)

    def kind_of(self, title: str) -> SectionKind | None:
        """The kind the owner gave a heading, matched as a reader sees it (no emoji, any case)."""
        wanted = clean_title(title).casefold()
        for heading, kind in self.sections.items():
            if clean_title(heading).casefold() == wanted:
                return SectionKind.other if kind == "section" else SectionKind(kind)
        return None


def read_hints(source: PageSource) -> PageHints:
    """The page's `homepage:` hints (none when it has no such block); a block that cannot be
    read is an error naming the front matter's line."""
    block = source.front_matter.get("homepage")
    if block is None:
        return PageHints()
    try:
        return PageHints.model_validate(block)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "homepage"
        kinds = "news, publications, projects, interests or section"
        hint = f" (a section is one of: {kinds})" if "sections" in where else ""
        raise PageError(
            source.path, 1, f"front matter 'homepage.{where}': {first['msg']}{hint}"
        ) from None
