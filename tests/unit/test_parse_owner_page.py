"""The owner's page parses exactly as it always has."""

import datetime as dt
import json
from pathlib import Path

from api.settings import ROOT
from seed.files import read_page

GOLDEN = Path(__file__).parent.parent / "golden" / "owner_page.json"


def test_owner_page_matches_its_golden_parse() -> None:
    page = read_page(ROOT / "seed" / "about.md").page
    assert page.model_dump(mode="json") == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_owner_page_has_its_known_content_and_nothing_hidden() -> None:
    page = read_page(ROOT / "seed" / "about.md").page
    assert page.profile.name == "Daize Dong"
    assert (len(page.publications), len(page.projects), len(page.interests)) == (8, 2, 3)
    assert [(item.date, item.date_precision) for item in page.news] == [
        (dt.date(2025, 4, 1), "month")
    ]
    served = page.model_dump_json()
    assert "Service" not in served
    assert "B.E. degree" not in served
