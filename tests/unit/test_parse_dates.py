"""News dates in the forms real pages use, each with how precise it is."""

import datetime as dt

import pytest

from seed.parse_page import parse_page
from seed.recognise.dates import leading_date, trailing_date


@pytest.mark.parametrize(
    ("text", "date", "precision", "rest"),
    [
        ("[2025/04] Joined.", dt.date(2025, 4, 1), "month", "Joined."),
        ("*2025.03*: &nbsp;🎉 Paper.", dt.date(2025, 3, 1), "month", "🎉 Paper."),
        ("2024.04: Talk.<br>", dt.date(2024, 4, 1), "month", "Talk.<br>"),
        ("**[Jun 2025]** Award.", dt.date(2025, 6, 1), "month", "Award."),
        ("<span style='color:#888'>**[DEC. 2024]**</span> Review.", dt.date(2024, 12, 1),
         "month", "Review."),
        ("[2020.11.26] Defended.", dt.date(2020, 11, 26), "day", "Defended."),
        ("October, 2020. One paper.", dt.date(2020, 10, 1), "month", "One paper."),
        ("Mar 3, 2024: Visit.", dt.date(2024, 3, 3), "day", "Visit."),
        ("**2023**: Moved.", dt.date(2023, 1, 1), "year", "Moved."),
    ],
)  # fmt: skip
def test_leading_dates_with_their_precision(
    text: str, date: dt.date, precision: str, rest: str
) -> None:
    found = leading_date(text)
    assert found is not None
    assert (found.date, found.precision, text[found.end :]) == (date, precision, rest)


@pytest.mark.parametrize(
    "text", ["Paper accepted at ICML 2024.", "[2025/13] no such month", "Since March 2020"]
)
def test_venue_years_and_impossible_dates_are_not_news_dates(text: str) -> None:
    assert leading_date(text) is None
    assert trailing_date(text) is None


def test_undated_news_stays_undated_in_page_order_and_a_trailing_date_counts() -> None:
    page = parse_page(
        "about.md",
        "# News\n- Second item.\n- First item <small>(2023/09)</small>\n- Another item.\n",
    ).page
    assert [(item.text, item.date) for item in page.news] == [
        ("Second item.", None),
        ("First item <small>(2023/09)</small>", dt.date(2023, 9, 1)),
        ("Another item.", None),
    ]
