"""What kind of venue a work appeared in, from the page's sub-heading or the venue's words."""

import re
from enum import StrEnum

from schemas.work import WorkPublic
from seed.recognise.citation import PREPRINT_VENUE


class VenueKind(StrEnum):
    conference = "conference"
    journal = "journal"
    preprint = "preprint"
    thesis = "thesis"
    other = "other"


# Work in submission or under review is exported as a preprint too (it has no venue yet); the
# BibTeX importer's groups leave it to the entry type, so these words stay out of PREPRINT_VENUE.
_PREPRINT = re.compile(
    rf"{PREPRINT_VENUE.pattern}|in submission|under review|submitted", re.IGNORECASE
)
_CONFERENCE = re.compile(
    r"(?i:conference|proceedings|workshop|symposium|findings|meeting|congress)|\b(?:ICML|ICLR|NeurIPS|"
    r"NIPS|ACL|EMNLP|NAACL|COLING|EACL|AACL|AAAI|IJCAI|CVPR|ICCV|ECCV|WACV|BMVC|ICME|KDD|WWW|"
    r"SIGIR|CIKM|WSDM|ICASSP|INTERSPEECH|MICCAI|UAI|AISTATS|COLT|CoRL|ICRA|IROS|CHI|UIST|SIGGRAPH|"
    r"OSDI|SOSP|NSDI|MLSys|ISCA|MICRO|HPCA|ASPLOS|PPoPP|ICDE|VLDB|SIGMOD|DAC|ACM MM|MM)\b"
)
_JOURNAL = re.compile(
    r"(?i:journal|transactions|letters|magazine|review\b)|\b(?:TMLR|JMLR|TPAMI|PAMI|TIP|TNNLS|TKDE|"
    r"IJCV|TACL|Nature|Science|PNAS|Cell|PLOS|Neurocomputing|Bioinformatics)\b",
)
_GROUPS = {
    "conference": VenueKind.conference,
    "workshop": VenueKind.conference,
    "journal": VenueKind.journal,
    "preprint": VenueKind.preprint,
    "thesis": VenueKind.thesis,
}


def venue_kind(work: WorkPublic) -> VenueKind:
    """The page's sub-heading (`Conference`, `Journal`) first, else the venue's own words."""
    for word, kind in _GROUPS.items():
        if work.group and word in work.group.lower():
            return kind
    venue = work.venue or ""
    if not venue:
        return VenueKind.other
    for pattern, kind in (
        (_PREPRINT, VenueKind.preprint),
        (_JOURNAL, VenueKind.journal),
        (_CONFERENCE, VenueKind.conference),
    ):
        if pattern.search(venue):
            return kind
    return VenueKind.other
