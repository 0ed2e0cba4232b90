"""Hand-made pages, one per kind of misread the importer used to make that no other hand-made
test covers: sections it does not recognise, entries split or merged, titles, venues,
authors and owners read wrong, news left undated, interests glued to their descriptions,
template junk served as content, and academicpages `_publications` files."""

import re

from schemas.page import PageIn
from seed.site.publications import parse_publication_file
from tests.unit.test_parse_corpus_fields import written
from tests.unit.test_parse_reading_rules import read, works


def news(page: PageIn) -> list[tuple[str | None, str | None, str]]:
    return [
        (
            item.date.isoformat() if item.date else None,
            item.date_precision.value if item.date_precision else None,
            item.text,
        )
        for item in page.news
    ]


def sections(page: PageIn) -> list[tuple[str, str]]:
    return [(section.title, section.markdown) for section in page.sections]


# Sections not recognised


def test_news_as_styled_html_cards_are_one_item_each() -> None:
    page = read(
        "I am Jane Doe.\n\n## News\n\n"
        '<div style="display:flex;flex-direction:column;gap:8px">\n'
        '  <div style="border:1px solid #ddd;border-radius:6px;padding:8px">\n'
        '    <div style="color:#888;font-size:0.8em">2025.04</div>\n'
        '    <div style="margin-top:4px">Joined the lab.</div>\n'
        "  </div>\n"
        '  <div style="border:1px solid #ddd;border-radius:6px;padding:8px">\n'
        '    <div style="color:#888;font-size:0.8em">2024.12</div>\n'
        '    <div style="margin-top:4px">Gave a talk at MIT.</div>\n'
        "  </div>\n"
        "</div>\n"
    )
    assert news(page) == [
        ("2025-04-01", "month", "Joined the lab."),
        ("2024-12-01", "month", "Gave a talk at MIT."),
    ]
    assert sections(page) == []


def test_updates_recent_updates_and_old_updates_headings_hold_news() -> None:
    updates = read("Bio.\n\n## Updates\n\n- [2025/04] Joined the lab.\n")
    recent_and_old = read(
        "Bio.\n\n## Recent Updates\n\n- [2025/04] Joined the lab.\n\n"
        "## Old Updates\n\n- [2023/09] Started my PhD.\n"
    )
    assert news(updates) == [("2025-04-01", "month", "Joined the lab.")]
    assert news(recent_and_old) == [
        ("2025-04-01", "month", "Joined the lab."),
        ("2023-09-01", "month", "Started my PhD."),
    ]
    assert (sections(updates), sections(recent_and_old)) == ([], [])


def test_a_list_under_a_publications_label_line_is_publications() -> None:
    page = read(
        "I am **Jane Doe**, a researcher.\n\nPublications:\n\n"
        "- Ana Ruiz, **Jane Doe**, Quiet Models for Loud Rooms, NeurIPS 2023\n"
        "- **Jane Doe**, Wei Chen, Pruning Without Tears, ICML 2022\n"
    )
    assert works(page) == [
        ("Quiet Models for Loud Rooms", "Ana Ruiz, **Jane Doe**", "NeurIPS 2023", 2023, None, []),
        ("Pruning Without Tears", "**Jane Doe**, Wei Chen", "ICML 2022", 2022, None, []),
    ]
    assert sections(page) == []


def _paper_box(badge: str, title: str, url: str, authors: str) -> str:
    return (
        f"<div class='paper-box'><div class='paper-box-image'><div class=\"badge\">{badge}</div>"
        "</div>\n<div class='paper-box-text' markdown=\"1\">\n\n"
        f"[{title}]({url})\n\n{authors}\n\n</div>\n</div>\n\n"
    )


def test_paper_boxes_under_date_only_headings_are_publications_of_that_year() -> None:
    page = read(
        "I am Jane Doe, a researcher.\n\n## 2025\n\n"
        + _paper_box("CVPR 2025", "Quiet Models", "https://example.org/q", "Ana Ruiz, **Jane Doe**")
        + "## 2024\n\n"
        + _paper_box("ICML 2024", "Loud Models", "https://example.org/l", "**Jane Doe**, Wei Chen")
    )
    assert works(page) == [
        (
            "Quiet Models",
            "Ana Ruiz, **Jane Doe**",
            "CVPR 2025",
            2025,
            None,
            ["https://example.org/q"],
        ),
        (
            "Loud Models",
            "**Jane Doe**, Wei Chen",
            "ICML 2024",
            2024,
            None,
            ["https://example.org/l"],
        ),
    ]
    assert sections(page) == []


def test_projects_written_as_setext_sub_headings_are_one_project_each() -> None:
    page = read(
        "Bio.\n\nProjects\n========\n\n"
        "Helios\n------\n\nA network simulator for satellite links.\n\n"
        "Atlas\n------\n\nMaps of the field for new students.\n\n"
        "Teaching\n========\n\nTaught things.\n"
    )
    assert works(page, "projects") == [
        ("Helios", "", None, None, None, []),
        ("Atlas", "", None, None, None, []),
    ]
    assert sections(page) == [("Teaching", "Taught things.")]


def test_the_paragraphs_of_a_prose_projects_section_are_no_projects() -> None:
    prose = (
        "My group builds tools that help laboratories share their data, from storage to "
        "search.\n\nWe are funded by national grants, and we always welcome new students who "
        "enjoy building systems."
    )
    page = read(f"Bio.\n\n## Research Projects\n\n{prose}\n")
    assert works(page, "projects") == []
    assert sections(page) == [("Research Projects", prose)]


def test_a_numbered_lists_nested_bullets_stay_with_their_own_entry() -> None:
    def page(indent: str) -> PageIn:
        return read(
            "# Publications\n\n"
            "1. Ana Ruiz, **Jane Doe**, Quiet Models for Loud Rooms, NeurIPS 2023\n"
            f"{indent}- [Paper](https://example.org/q.pdf)\n{indent}- [Code](https://github.com/jd/q)\n"
            "2. **Jane Doe**, Wei Chen, Pruning Without Tears, ICML 2022\n"
            f"{indent}- [Paper](https://example.org/p.pdf)\n"
            "3. Wei Chen, **Jane Doe**, Small Models, ACL 2021\n"
        )

    expected = [
        (
            "Quiet Models for Loud Rooms",
            "Ana Ruiz, **Jane Doe**",
            "NeurIPS 2023",
            2023,
            None,
            ["https://example.org/q.pdf", "https://github.com/jd/q"],
        ),
        (
            "Pruning Without Tears",
            "**Jane Doe**, Wei Chen",
            "ICML 2022",
            2022,
            None,
            ["https://example.org/p.pdf"],
        ),
        ("Small Models", "Wei Chen, **Jane Doe**", "ACL 2021", 2021, None, []),
    ]
    assert works(page("   ")) == expected
    assert works(page("  ")) == expected


# Entries split or merged wrongly


def test_html_publication_cards_are_one_publication_each_with_their_own_links() -> None:
    def card(title: str, slug: str, authors: str, venue: str) -> str:
        return (
            '  <div class="pub-card">\n'
            f'    <div class="pub-title"><a href="https://example.org/{slug}">{title}</a></div>\n'
            f'    <div class="pub-authors">{authors}</div>\n'
            f'    <div class="pub-venue">{venue}</div>\n'
            f'    <div class="pub-links"><a href="https://example.org/{slug}.pdf">PDF</a> '
            f'<a href="https://github.com/jd/{slug}">Code</a></div>\n'
            "  </div>\n"
        )

    page = read(
        '# Publications\n\n<div class="pub-list">\n'
        + card("Quiet Models", "q", "Ana Ruiz, <b>Jane Doe</b>", "NeurIPS 2023")
        + card("Loud Models", "l", "<b>Jane Doe</b>, Wei Chen", "ICML 2022")
        + card("Small Models", "s", "Wei Chen, <b>Jane Doe</b>", "ACL 2021")
        + "</div>\n"
    )
    assert works(page) == [
        (
            title,
            authors,
            venue,
            year,
            None,
            [
                f"https://example.org/{slug}",
                f"https://example.org/{slug}.pdf",
                f"https://github.com/jd/{slug}",
            ],
        )
        for title, slug, authors, venue, year in [
            ("Quiet Models", "q", "Ana Ruiz, **Jane Doe**", "NeurIPS 2023", 2023),
            ("Loud Models", "l", "**Jane Doe**, Wei Chen", "ICML 2022", 2022),
            ("Small Models", "s", "Wei Chen, **Jane Doe**", "ACL 2021", 2021),
        ]
    ]


def test_filter_buttons_over_a_publication_list_are_no_publication() -> None:
    page = read(
        "# Publications\n\n"
        '<div class="filters">Year: <button>All</button> <button>2023</button> '
        "<button>2022</button></div>\n"
        '<div class="filters">Topic: <button>Pruning</button> <button>Speech</button></div>\n\n'
        "- Ana Ruiz, **Jane Doe**, Quiet Models for Loud Rooms, NeurIPS 2023\n"
        "- **Jane Doe**, Wei Chen, Pruning Without Tears, ICML 2022\n"
    )
    assert works(page) == [
        ("Quiet Models for Loud Rooms", "Ana Ruiz, **Jane Doe**", "NeurIPS 2023", 2023, None, []),
        ("Pruning Without Tears", "**Jane Doe**, Wei Chen", "ICML 2022", 2022, None, []),
    ]


def test_each_html_list_item_is_a_publication_of_its_own() -> None:
    page = read(
        "# Publications\n\n<ul>\n"
        '  <li>Ana Ruiz, <strong>Jane Doe</strong>. <a href="https://example.org/q">Quiet Models '
        "for Loud Rooms</a>. NeurIPS 2023.</li>\n"
        '  <li><strong>Jane Doe</strong>, Wei Chen. <a href="https://example.org/p">Pruning '
        "Without Tears</a>. ICML 2022.</li>\n"
        "</ul>\n"
    )
    assert works(page) == [
        (
            "Quiet Models for Loud Rooms",
            "Ana Ruiz, **Jane Doe**",
            "NeurIPS 2023",
            2023,
            None,
            ["https://example.org/q"],
        ),
        (
            "Pruning Without Tears",
            "**Jane Doe**, Wei Chen",
            "ICML 2022",
            2022,
            None,
            ["https://example.org/p"],
        ),
    ]


def test_group_labels_over_publication_lists_are_no_publications() -> None:
    expected: list[tuple[str, str, str | None, int | None, str | None, list[str]]] = [
        ("Quiet Models for Loud Rooms", "Ana Ruiz, **Jane Doe**", "NeurIPS 2023", 2023, None, []),
        ("Small Models", "Wei Chen, **Jane Doe**", "ACL 2021", 2021, None, []),
        ("Pruning Without Tears", "**Jane Doe**, Wei Chen", "IEEE TPAMI 2022", 2022, None, []),
    ]
    labelled = read(
        "# Publications\n\n**Conference Papers**\n\n"
        "- Ana Ruiz, **Jane Doe**, Quiet Models for Loud Rooms, NeurIPS 2023\n"
        "- Wei Chen, **Jane Doe**, Small Models, ACL 2021\n\n"
        "**Journal Articles**\n\n"
        "- **Jane Doe**, Wei Chen, Pruning Without Tears, IEEE TPAMI 2022\n"
    )
    nested = read(
        "# Publications\n\n- **Conference Papers**\n"
        "  - Ana Ruiz, **Jane Doe**, Quiet Models for Loud Rooms, NeurIPS 2023\n"
        "  - Wei Chen, **Jane Doe**, Small Models, ACL 2021\n"
        "- **Journal Articles**\n"
        "  - **Jane Doe**, Wei Chen, Pruning Without Tears, IEEE TPAMI 2022\n"
    )
    assert works(labelled) == expected
    assert works(nested) == expected


def test_a_label_over_a_publication_list_is_the_group_of_its_works() -> None:
    page = read(
        "# Publications\n\n**Conference Papers**\n\n"
        "- Ana Ruiz, **Jane Doe**, Quiet Models for Loud Rooms, NeurIPS 2023\n\n"
        "**Journal Articles**\n\n"
        "- **Jane Doe**, Wei Chen, Pruning Without Tears, IEEE TPAMI 2022\n"
    )
    assert [work.group for work in page.publications] == ["Conference Papers", "Journal Articles"]


def test_an_abstract_quoted_between_paragraph_entries_is_no_title() -> None:
    page = read(
        "# Publications\n\n**Quiet Models for Loud Rooms**  \nAna Ruiz, **Jane Doe**  \n"
        "NeurIPS 2023\n\n"
        "> We make models quiet by pruning the heads that are loudest, and we show it works.\n\n"
        "**Pruning Without Tears**  \n**Jane Doe**, Wei Chen  \nICML 2022\n"
    )
    assert works(page) == [
        ("Quiet Models for Loud Rooms", "Ana Ruiz, **Jane Doe**", "NeurIPS 2023", 2023, None, []),
        ("Pruning Without Tears", "**Jane Doe**, Wei Chen", "ICML 2022", 2022, None, []),
    ]


# Title and venue


def test_a_venue_line_printed_above_the_title_is_the_venue() -> None:
    page = read(
        "# Publications\n\n"
        "- *NeurIPS 2023*  \n  **Quiet Models for Loud Rooms**  \n  Ana Ruiz, **Jane Doe**\n"
        "- *ICML 2022*  \n  **Pruning Without Tears**  \n  **Jane Doe**, Wei Chen\n"
    )
    assert works(page) == [
        ("Quiet Models for Loud Rooms", "Ana Ruiz, **Jane Doe**", "NeurIPS 2023", 2023, None, []),
        ("Pruning Without Tears", "**Jane Doe**, Wei Chen", "ICML 2022", 2022, None, []),
    ]


def test_a_title_link_broken_across_two_lines_is_one_title() -> None:
    page = read(
        "# Publications\n\n"
        "- [Quiet Models for\n  Loud Rooms](https://example.org/q), Ana Ruiz, **Jane Doe**, "
        "NeurIPS 2023\n"
    )
    assert works(page) == [
        (
            "Quiet Models for Loud Rooms",
            "Ana Ruiz, **Jane Doe**",
            "NeurIPS 2023",
            2023,
            None,
            ["https://example.org/q"],
        )
    ]


def test_a_numbered_entry_with_a_venue_badge_before_its_linked_title() -> None:
    page = read(
        "# Publications\n\n"
        "**1.** `TPAMI 2025` [Quiet Models for Loud Rooms](https://example.org/q)  \n"
        "Ana Ruiz, **Jane Doe**\n\n"
        "**2.** `ICML 2024` [Pruning Without Tears](https://example.org/p)  \n"
        "**Jane Doe**, Wei Chen\n"
    )
    assert works(page) == [
        (
            "Quiet Models for Loud Rooms",
            "Ana Ruiz, **Jane Doe**",
            "TPAMI 2025",
            2025,
            None,
            ["https://example.org/q"],
        ),
        (
            "Pruning Without Tears",
            "**Jane Doe**, Wei Chen",
            "ICML 2024",
            2024,
            None,
            ["https://example.org/p"],
        ),
    ]


def test_an_apa_citation_with_a_quoted_title() -> None:
    page = read(
        "# Publications\n\n"
        '- Ruiz, A., & **Doe, J.** (2026). "Quiet models for loud rooms". Applied Acoustics, '
        "203, 109302.\n"
    )
    assert works(page) == [
        (
            "Quiet models for loud rooms",
            "Ruiz, A., **Doe, J.**",
            "Applied Acoustics, 203, 109302",
            2026,
            None,
            [],
        )
    ]


def test_a_venue_glued_to_the_last_author_is_no_part_of_the_name() -> None:
    page = read(
        "# Publications\n\n"
        "- **Quiet Models for Loud Rooms**  \n  Ana Ruiz, **Jane Doe**, Maria Lopez. TOSEM'2023\n"
        "- [Pruning Without Tears](https://example.org/p). Wei Chen, **Jane Doe**, Maria Lopez. "
        "ICSE'2022\n"
        "- **Small Models**  \n  Ana Ruiz, **Jane Doe**, Maria Lopez, TOSEM'2021\n"
    )
    assert works(page) == [
        (
            "Quiet Models for Loud Rooms",
            "Ana Ruiz, **Jane Doe**, Maria Lopez",
            "TOSEM'2023",
            2023,
            None,
            [],
        ),
        (
            "Pruning Without Tears",
            "Wei Chen, **Jane Doe**, Maria Lopez",
            "ICSE'2022",
            2022,
            None,
            ["https://example.org/p"],
        ),
        ("Small Models", "Ana Ruiz, **Jane Doe**, Maria Lopez", "TOSEM'2021", 2021, None, []),
    ]


def test_page_numbers_that_look_like_years_are_not_the_year() -> None:
    page = read(
        "# Publications\n\n"
        "1. Ana Ruiz, **Jane Doe**, Quiet models for loud rooms, *Journal of Sound*, "
        "41(3): 2015-2031, 2019.\n"
        "2. **Jane Doe**, Wei Chen, Pruning without tears, *Acoustics Letters* 12, "
        "2001–2009 (2020).\n"
    )
    assert works(page) == [
        (
            "Quiet models for loud rooms",
            "Ana Ruiz, **Jane Doe**",
            "Journal of Sound",
            2019,
            None,
            [],
        ),
        ("Pruning without tears", "**Jane Doe**, Wei Chen", "Acoustics Letters", 2020, None, []),
    ]


def test_a_tldr_line_is_not_the_venue() -> None:
    page = read(
        "# Publications\n\n"
        "- **Quiet Models for Loud Rooms**  \n  Ana Ruiz, **Jane Doe**  \n  *NeurIPS 2023*  \n"
        "  TL;DR: We make models quiet by pruning their loudest heads.\n"
        "- **Pruning Without Tears**  \n  **Jane Doe**, Wei Chen  \n"
        "  **TL;DR:** Pruning can be painless when it is done slowly.\n"
    )
    assert works(page) == [
        ("Quiet Models for Loud Rooms", "Ana Ruiz, **Jane Doe**", "NeurIPS 2023", 2023, None, []),
        ("Pruning Without Tears", "**Jane Doe**, Wei Chen", None, None, None, []),
    ]


# Authors


def test_an_author_line_ending_in_a_period_keeps_no_period_on_the_last_name() -> None:
    page = read(
        "# Publications\n\n"
        "- **Quiet Models for Loud Rooms**  \n  **Jane Doe**, Wei Chen, Ana Ruiz.  \n"
        "  NeurIPS 2023\n"
    )
    assert works(page) == [
        (
            "Quiet Models for Loud Rooms",
            "**Jane Doe**, Wei Chen, Ana Ruiz",
            "NeurIPS 2023",
            2023,
            None,
            [],
        )
    ]


def test_the_last_author_before_a_colon_is_an_author_not_part_of_the_title() -> None:
    page = read(
        "# Publications\n\n"
        "- **Jane Doe**, Maria Lopez: Pruning Without Tears. ICML 2022.\n"
        "- **J. Doe**, M. Lopez: Quiet models for loud rooms. *Acoustics Letters*, 2021.\n"
    )
    assert works(page) == [
        ("Pruning Without Tears", "**Jane Doe**, Maria Lopez", "ICML 2022", 2022, None, []),
        (
            "Quiet models for loud rooms",
            "**J. Doe**, M. Lopez",
            "Acoustics Letters",
            2021,
            None,
            [],
        ),
    ]


def test_a_period_ends_the_title_of_a_sentence_style_citation_before_its_venue() -> None:
    page = read(
        "# Publications\n\n"
        "- Ana Ruiz, **Jane Doe** and Maria Lopez. Quiet Models for Loud Rooms. NeurIPS 2023.\n"
    )
    assert works(page) == [
        (
            "Quiet Models for Loud Rooms",
            "Ana Ruiz, **Jane Doe**, Maria Lopez",
            "NeurIPS 2023",
            2023,
            None,
            [],
        )
    ]


def test_authors_after_an_entry_number_or_before_a_quoted_title_are_not_left_in_the_title() -> None:
    page = read(
        "# Publications\n\n"
        "- A. Ruiz, **J. Doe**, and W. Chen, “Quiet models for loud rooms,” *IEEE Trans. Audio*, "
        "vol. 3, pp. 1–9, 2023.\n"
        "- [J1] Ana Ruiz, **Jane Doe**, Pruning Without Tears, IEEE TPAMI 2022\n"
        "- **[C1]** Wei Chen, **Jane Doe**, Small Models, NeurIPS 2021\n"
    )
    assert works(page) == [
        (
            "Quiet models for loud rooms",
            "A. Ruiz, **J. Doe**, W. Chen",
            "IEEE Trans. Audio",
            2023,
            None,
            [],
        ),
        ("Pruning Without Tears", "Ana Ruiz, **Jane Doe**", "IEEE TPAMI 2022", 2022, None, []),
        ("Small Models", "Wei Chen, **Jane Doe**", "NeurIPS 2021", 2021, None, []),
    ]


def test_numbered_footnote_marks_on_authors_are_no_equal_contribution_marks() -> None:
    page = read(
        "# Publications\n\n"
        "- Ana Ruiz\\*1, **Jane Doe**\\*2, Wei Chen\\*1, Quiet Models for Loud Rooms, "
        "NeurIPS 2023\n"
        "- Maria Lopez<sup>*1</sup>, **Jane Doe**<sup>*2</sup>, Small Models, ACL 2022\n"
        "- Wei Chen<sup>1</sup>, **Jane Doe**<sup>2</sup>, Pruning Without Tears, ICML 2021\n\n"
        "\\*1 Example University, \\*2 Example Institute of Acoustics\n"
    )
    assert works(page) == [
        (
            "Quiet Models for Loud Rooms",
            "Ana Ruiz, **Jane Doe**, Wei Chen",
            "NeurIPS 2023",
            2023,
            None,
            [],
        ),
        ("Small Models", "Maria Lopez, **Jane Doe**", "ACL 2022", 2022, None, []),
        ("Pruning Without Tears", "Wei Chen, **Jane Doe**", "ICML 2021", 2021, None, []),
    ]


# Owner


def test_a_page_title_naming_the_owners_website_gives_the_owners_name() -> None:
    website = read('---\ntitle: "Jane Doe\'s Website"\n---\nBio.\n')
    homepage = read('---\ntitle: "Jane Doe\'s Homepage"\n---\nBio.\n')
    assert (website.profile.name, homepage.profile.name) == ("Jane Doe", "Jane Doe")


def test_the_bio_display_name_wins_over_a_family_name_first_author_form() -> None:
    page = read(
        "I am Wei Chen, a PhD student at Example University.\n\n# Publications\n\n"
        "- **Chen Wei**, Ana Ruiz, Quiet Models for Loud Rooms, NeurIPS 2023\n"
        "- Ana Ruiz, **Chen Wei**, Pruning Without Tears, ICML 2022\n"
    )
    assert page.profile.name == "Wei Chen"
    assert [", ".join(written(a) for a in work.authors) for work in page.publications] == [
        "**Chen Wei**, Ana Ruiz",
        "Ana Ruiz, **Chen Wei**",
    ]


def test_the_full_name_wins_over_the_initialled_author_form() -> None:
    page = read(
        "I am Jane Smith, an assistant professor at Example University.\n\n# Publications\n\n"
        "- **J. Smith**, Ana Ruiz, Quiet Models for Loud Rooms, NeurIPS 2023\n"
        "- Ana Ruiz, **J. Smith**, Pruning Without Tears, ICML 2022\n"
    )
    assert page.profile.name == "Jane Smith"


def test_an_owner_named_only_in_prose() -> None:
    third_person = read(
        "Jane Smith is an assistant professor of acoustics at Example University, where she "
        "leads the Quiet Lab.\n\n## Teaching\n\nTaught things.\n"
    )
    welcome = read("Welcome! This is the homepage of Jane Smith, a researcher in acoustics.\n")
    assert (third_person.profile.name, welcome.profile.name) == ("Jane Smith", "Jane Smith")


def test_an_owner_named_in_an_html_heading_with_a_sup_mark() -> None:
    page = read("<h1>Jane Smith<sup>PhD</sup></h1>\n\n<p>Researcher at Example University.</p>\n")
    assert (page.profile.name, sections(page)) == ("Jane Smith", [])


def test_an_owner_named_only_in_sup_marked_html_author_lists() -> None:
    def box(badge: str, title: str, slug: str, authors: str) -> str:
        return (
            f'<div class="paper-box"><div class="badge">{badge}</div>\n'
            f'<div class="paper-box-text"><p><a href="https://example.org/{slug}">{title}</a>'
            f"<br>\n{authors}</p></div></div>\n\n"
        )

    page = read(
        "## Publications\n\n"
        + box(
            "CVPR 2024",
            "Quiet Models",
            "q",
            "<strong>Jane Smith</strong><sup>*</sup>, Ana Ruiz<sup>*</sup>, Wei Chen<sup>✉</sup>",
        )
        + box("ICML 2023", "Loud Models", "l", "Wei Chen, <strong>Jane Smith</strong><sup>✉</sup>")
    )
    assert page.profile.name == "Jane Smith"
    assert works(page) == [
        (
            "Quiet Models",
            "**Jane Smith***, Ana Ruiz*, Wei Chen†",
            "CVPR 2024",
            2024,
            None,
            ["https://example.org/q"],
        ),
        (
            "Loud Models",
            "Wei Chen, **Jane Smith**†",
            "ICML 2023",
            2023,
            None,
            ["https://example.org/l"],
        ),
    ]


# News dates


def test_day_first_dates_in_brackets_are_news_dates() -> None:
    page = read("# News\n\n- [14/03/2025] Joined the lab.\n- [28.02.2024] Gave a talk at MIT.\n")
    assert news(page) == [
        ("2025-03-14", "day", "Joined the lab."),
        ("2024-02-28", "day", "Gave a talk at MIT."),
    ]


def test_a_season_dates_its_news_item_to_the_year() -> None:
    page = read("# News\n\n- **Spring 2025**: Taught acoustics.\n- Fall 2024: Joined the lab.\n")
    assert news(page) == [
        ("2025-01-01", "year", "Taught acoustics."),
        ("2024-01-01", "year", "Joined the lab."),
    ]


def test_a_date_after_an_emoji_or_in_the_sentence_dates_the_item() -> None:
    page = read(
        "# News\n\n- 🎉 [2025/04] Our paper was accepted to ICML.\n"
        "- In June 2024, I presented a poster at NeurIPS.\n"
    )
    assert news(page) == [
        ("2025-04-01", "month", "🎉 Our paper was accepted to ICML."),
        ("2024-06-01", "month", "In June 2024, I presented a poster at NeurIPS."),
    ]


# Interests


def test_a_description_after_an_area_is_no_part_of_the_area() -> None:
    page = read(
        "# Research Interests\n\n"
        "- **Efficient AI**: making large models cheap to train and to serve on small devices.\n"
        "- **Robust Learning** — how models behave when the data they see starts to shift.\n"
    )
    assert [(i.area, i.topics) for i in page.interests] == [
        ("Efficient AI", []),
        ("Robust Learning", []),
    ]


# Junk served as content


def test_anchor_spans_are_neither_biography_nor_news() -> None:
    page = read(
        "<span class='anchor' id='about-me'></span>\n\n"
        "I am Jane Doe, a researcher at Example University.\n\n"
        "<span class='anchor' id='-news'></span>\n\n# 🔥 News\n\n"
        "- *2025.04*: Joined the lab.\n- *2024.12*: Gave a talk at MIT.\n\n"
        "<span class='anchor' id='-teaching'></span>\n\n# Teaching\n\nTaught things.\n"
    )
    assert page.profile.biography == "I am Jane Doe, a researcher at Example University."
    assert news(page) == [
        ("2025-04-01", "month", "Joined the lab."),
        ("2024-12-01", "month", "Gave a talk at MIT."),
    ]
    assert sections(page) == [("Teaching", "Taught things.")]


def test_a_stylesheet_link_or_a_thematic_break_is_no_biography() -> None:
    styled = read(
        '---\ntitle: Jane Doe\n---\n<link rel="stylesheet" href="/assets/css/extra.css">\n\n'
        "I am Jane Doe, a researcher at Example University.\n"
    )
    ruled = read("---\ntitle: Jane Doe\n---\n\n------\n\n# News\n\n- [2025/04] Joined the lab.\n")
    assert styled.profile.biography == "I am Jane Doe, a researcher at Example University."
    assert ruled.profile.biography == ""


def test_a_styled_span_in_the_page_title_is_no_part_of_the_name() -> None:
    page = read("---\ntitle: \"<span style='color:#2a7ae2'>Jane Doe</span>\"\n---\nBio.\n")
    assert (page.profile.name, page.profile.page_title) == ("Jane Doe", "Jane Doe")


def test_lists_left_empty_by_liquid_loops_are_no_content() -> None:
    page = read(
        "I am Jane Doe.\n\n## Publications\n\n<ul>{% for post in site.publications %}\n"
        "  {% include archive-single.html %}\n{% endfor %}</ul>\n\n"
        "## Talks\n\n{% for talk in site.talks %}\n- {{ talk.title }}\n{% endfor %}\n\n"
        "## Teaching\n\nTaught things.\n"
    )
    assert page.publications == []
    assert sections(page) == [("Teaching", "Taught things.")]


def test_links_left_empty_by_liquid_are_no_links() -> None:
    page = read(
        "I am Jane Doe. [CV](https://example.org/cv.pdf) · "
        '<a href="{{ site.author.googlescholar }}">Google Scholar</a>\n\n# Publications\n\n'
        "- Ana Ruiz, **Jane Doe**, Quiet Models for Loud Rooms, NeurIPS 2023 "
        '<a href="{{ post.paperurl }}">[PDF]</a> <a href="https://github.com/jd/q">[Code]</a>\n'
    )
    assert [link.url for link in page.profile.links] == ["https://example.org/cv.pdf"]
    assert re.findall(r'href="([^"]*)"', page.profile.biography_html) == [
        "https://example.org/cv.pdf"
    ]
    assert works(page) == [
        (
            "Quiet Models for Loud Rooms",
            "Ana Ruiz, **Jane Doe**",
            "NeurIPS 2023",
            2023,
            None,
            ["https://github.com/jd/q"],
        )
    ]


# academicpages `_publications` files


def test_a_publication_file_reads_values_that_begin_with_a_byte_order_mark() -> None:
    work, _ = parse_publication_file(
        "_publications/q.md",
        '---\ntitle: "\ufeffQuiet Models for Loud Rooms"\ncollection: publications\n'
        "date: 2023-12-10\nvenue: '\ufeffNeurIPS 2023'\n"
        "citation: '\ufeffAna Ruiz and Jane Doe. \"Quiet Models for Loud Rooms.\" NeurIPS 2023.'\n"
        "---\n",
    )
    assert work is not None
    assert (work.title, [written(a) for a in work.authors], work.venue, work.year) == (
        "Quiet Models for Loud Rooms",
        ["Ana Ruiz", "Jane Doe"],
        "NeurIPS 2023",
        2023,
    )


def test_a_publication_files_html_citation_gives_its_authors_and_the_bold_owner() -> None:
    work, _ = parse_publication_file(
        "_publications/q.md",
        '---\ntitle: "Quiet Models for Loud Rooms"\ncollection: publications\n'
        "date: 2023-12-10\nvenue: 'NeurIPS 2023'\n"
        'citation: \'Ana Ruiz, <b>Jane Doe</b>, and Wei Chen. "Quiet Models for Loud Rooms." '
        "<i>NeurIPS</i>, 2023.'\n---\n",
    )
    assert work is not None
    assert [written(a) for a in work.authors] == ["Ana Ruiz", "**Jane Doe**", "Wei Chen"]


def test_a_publication_files_body_links_are_its_links() -> None:
    work, _ = parse_publication_file(
        "_publications/q.md",
        '---\ntitle: "Quiet Models for Loud Rooms"\ncollection: publications\n'
        "date: 2023-12-10\nvenue: 'NeurIPS 2023'\n---\n"
        "We make models quiet.\n\n"
        "[[paper]](https://example.org/q.pdf) [[code]](https://github.com/jd/q)\n",
    )
    assert work is not None
    assert [(link.kind.value, link.url) for link in work.links] == [
        ("paper", "https://example.org/q.pdf"),
        ("code", "https://github.com/jd/q"),
    ]
