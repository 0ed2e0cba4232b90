"""Hand-made pages, one per kind of misread the importer used to make, read as a careful
reader would: titles under sub-headings, nested entry lines, legends, placeholders, years
from group headings, named projects, interests under sub-headings, owners in initials."""

from schemas.page import PageIn
from seed.parse_page import parse_page
from tests.unit.test_parse_corpus_fields import written

Work = tuple[str, str, str | None, int | None, str | None, list[str]]


def works(page: PageIn, kind: str = "publications") -> list[Work]:
    return [
        (
            work.title,
            ", ".join(written(author) for author in work.authors),
            work.venue,
            work.year,
            work.note,
            [link.url for link in work.links],
        )
        for work in getattr(page, kind)
    ]


def read(text: str, owner: str | None = None) -> PageIn:
    return parse_page("page.md", text, owner).page


def test_a_sub_heading_over_its_authors_is_the_title_and_the_abstract_no_work() -> None:
    page = read(
        "# Publications\n\n### Sparse Mixtures of Experts at Scale\n"
        "Ana Ruiz, Jane Doe, Wei Chen. Journal of Machine Learning Research, 2024. DOI:\n\n"
        "We study sparse experts.\n\n### Pruning Without Tears\n"
        "H M Gomes, J Doe, … , Li Wang. ACM Computing Surveys, 2022.\n",
        owner="Jane Doe",
    )
    assert works(page) == [
        (
            "Sparse Mixtures of Experts at Scale",
            "Ana Ruiz, **Jane Doe**, Wei Chen",
            "Journal of Machine Learning Research, 2024",
            2024,
            None,
            [],
        ),
        (
            "Pruning Without Tears",
            "H M Gomes, **J Doe**, Li Wang",
            "ACM Computing Surveys, 2022",
            2022,
            None,
            [],
        ),
    ]


def test_nested_items_are_the_lines_of_their_entry_and_a_legend_is_no_work() -> None:
    page = read(
        "# Publications\n\n- **Efficient Adapters for Speech**\n"
        "  - Ana Ruiz\\*, **Jane Doe**\\*, Wei Chen\n  - ICLR 2024 Oral (top 1.5%)\n"
        "- **Quiet Models**\n  - Wei Chen, **Jane Doe**\n  - NeurIPS 2023\n\n"
        "\\* denotes equal contribution, # denotes alphabetical order\n"
    )
    assert works(page) == [
        (
            "Efficient Adapters for Speech",
            "Ana Ruiz*, **Jane Doe***, Wei Chen",
            "ICLR 2024",
            2024,
            "Oral (top 1.5%)",
            [],
        ),
        ("Quiet Models", "Wei Chen, **Jane Doe**", "NeurIPS 2023", 2023, None, []),
    ]


def test_a_year_heading_dates_its_works_and_placeholders_are_no_works() -> None:
    page = read(
        "# Projects\n\n- [Helios](https://example.org/helios): A network simulator for "
        "satellite links.\n- YYYY.MM - YYYY.MM\n\n# Publications\n\n## 2023\n\n"
        "- Ana Ruiz, Jane Doe, A Study of Things, Workshop on Things\n\n"
        "## Under review\n\n- Coming soon, stay tuned\n"
    )
    assert works(page) == [
        ("A Study of Things", "Ana Ruiz, Jane Doe", "Workshop on Things", 2023, None, [])
    ]
    assert works(page, "projects") == [
        ("Helios", "", None, None, None, ["https://example.org/helios"])
    ]


def test_interests_under_sub_headings_and_nested_topics() -> None:
    under_headings = read(
        "I am <span class='name'>Jane Doe</span>, a researcher.\n\n## Research Interests\n\n"
        "### Machine Learning\n- Sparse models.\n- Pruning\n\n## Teaching\nTaught things.\n"
    )
    nested = read("# Research Interests\n\n- Efficient AI\n  - Quantization\n  - Distillation.\n")
    assert [(i.area, i.topics) for i in under_headings.interests] == [
        ("Machine Learning", ["Sparse models", "Pruning"])
    ]
    assert [s.title for s in under_headings.sections] == ["Teaching"]
    assert under_headings.profile.name == "Jane Doe"
    assert [(i.area, i.topics) for i in nested.interests] == [
        ("Efficient AI", ["Quantization", "Distillation"])
    ]


def test_a_linked_title_splits_authors_from_venue_whatever_the_order() -> None:
    page = read(
        "# Publications\n\n"
        "1. **Jane Doe**, Ana Ruiz and Wei Chen**∗**. [Turbulence by Neural Operators]"
        "(https://example.org/a) [J]. *Physics of Fluids*, 2023, 35(7): 075145.\n"
        "2. [Learning to Prune Quickly](https://example.org/b), Wei Chen, **Jane Doe**, "
        "IEEE Signal Processing Letters, 2022\n"
        "3. [Helios Simulator Toolkit](https://example.org/c): a simulator for satellite links.\n"
    )
    assert works(page) == [
        (
            "Turbulence by Neural Operators",
            "**Jane Doe**, Ana Ruiz, Wei Chen†",
            "Physics of Fluids",
            2023,
            None,
            ["https://example.org/a"],
        ),
        (
            "Learning to Prune Quickly",
            "Wei Chen, **Jane Doe**",
            "IEEE Signal Processing Letters, 2022",
            2022,
            None,
            ["https://example.org/b"],
        ),
        ("Helios Simulator Toolkit", "", None, None, None, ["https://example.org/c"]),
    ]


def test_a_star_means_equal_contribution_only_for_two_or_where_a_legend_says_so() -> None:
    page = read(
        "# Publications\n\n* Equal contribution.\n\n"
        "- Ana Ruiz\\*, Wei Chen, Lone Star Title Here, NeurIPS 2023\n"
    )
    assert works(page)[0][1] == "Ana Ruiz*, Wei Chen"


def test_kramdown_attributes_are_no_part_of_a_heading() -> None:
    page = read("Bio.\n\n## Awards {#awards}\n\n- Best paper.\n")
    assert [section.title for section in page.sections] == ["Awards"]


def test_the_owner_introduced_in_the_title_or_bio_without_honorific_or_gloss() -> None:
    titled = read('---\ntitle: "Hello! I\'m Vignesh, welcome to my page."\n---\nBio.\n')
    glossed = read("I am **Yongjie Liu (刘勇杰)**, a student.\n")
    doctor = read('---\ntitle: "Dr. J. Nathan Matias"\n---\nBio.\n')
    assert [titled.profile.name, glossed.profile.name, doctor.profile.name] == [
        "Vignesh",
        "Yongjie Liu",
        "J. Nathan Matias",
    ]


def test_a_period_of_time_or_a_role_line_is_neither_title_nor_venue() -> None:
    page = read(
        "# Projects\n\n- *2025.09 - Present*, Edge-deployed Defect Detection for Fabs\n"
        "  Supervisor: Prof. Ana Ruiz\n"
    )
    assert [work.title for work in page.projects] == ["Edge-deployed Defect Detection for Fabs"]


def test_markdown_inside_a_kramdown_box_and_its_description_stays_out() -> None:
    page = read(
        "# Publications\n\n* Equal contribution.\n\n"
        "<div class='paper-box'><div class='paper-box-image'><div class=\"badge\">TIP</div></div>\n"
        "<div class='paper-box-text' markdown=\"1\">\n"
        "- [Perceive Better: Degradation-aware Restoration](https://example.org/p)\n\n"
        "Xu Zhang\\*, **Jane Doe**\\*, Lefei Zhang^.\n\n"
        "We propose a restorer that sees how an image was degraded, whatever the degradation.\n"
        "</div>\n</div>\n"
    )
    assert works(page) == [
        (
            "Perceive Better: Degradation-aware Restoration",
            "Xu Zhang*, **Jane Doe***, Lefei Zhang",
            "TIP",
            None,
            None,
            ["https://example.org/p"],
        )
    ]


def test_a_footnote_to_the_marks_is_no_work() -> None:
    page = read(
        "# Publications\n\n<sup>\\*</sup> All papers below are first-author.\n\n"
        "- Jane Doe, Ana Ruiz, Quiet Models, NeurIPS 2023\n"
    )
    assert [work.title for work in page.publications] == ["Quiet Models"]


def test_html_headings_open_sections_and_html_lists_hold_news() -> None:
    page = read(
        "I am Jane Doe.\n\n"
        '<h2 class="section-heading"><span class="section-number">02</span> News</h2>\n\n'
        "<ul>\n  <li><strong>2025.07.01</strong> — Joined the lab.</li>\n"
        '  <li><time datetime="2025-05">May 2025</time><span>Gave a talk.</span></li>\n</ul>\n'
        '<details><summary>Earlier news</summary>\n<div class="news">\n'
        '  <div class="news-item"><span class="news-date">2024.12</span>Won a prize.</div>\n'
        '  <div class="news-item"><span class="news-date">2024.09</span>Moved.</div>\n'
        "</div></details>\n\n<h2>Teaching</h2>\n\nTaught things.\n"
    )
    assert [(str(n.date), n.date_precision, n.text) for n in page.news] == [
        ("2025-07-01", "day", "Joined the lab."),
        ("2025-05-01", "month", "<span>Gave a talk.</span>"),
        ("2024-12-01", "month", "Won a prize."),
        ("2024-09-01", "month", "Moved."),
    ]
    assert [section.title for section in page.sections] == ["Teaching"]


def test_a_section_that_says_it_lists_papers_reads_apa_citations_and_nested_links() -> None:
    page = read(
        '---\ntitle: "Dr. J. Nathan Matias"\n---\nBio.\n\n### Recent Research\n'
        "Here are recent scientific publications ([full list](https://example.org/all)).\n\n"
        "* Orben, A., & Matias, J. N. (2025). [Fixing the science of harms]"
        "(https://example.org/a). Science, 388(6743), 152-155.\n"
        "* Matias, J.N. (2023) [Humans and algorithms work together](https://  example.org/b). "
        "Scientific Reports (Nature).\n"
        "  * Blog post: [Why it matters](https://example.org/c)\n\n"
        "### Organizations\n\nSome.\n"
    )
    assert works(page) == [
        (
            "Fixing the science of harms",
            "Orben, A., **Matias, J. N.**",
            "Science, 388(6743), 152-155",
            2025,
            None,
            ["https://example.org/a"],
        ),
        (
            "Humans and algorithms work together",
            "**Matias, J.N.**",
            "Scientific Reports (Nature)",
            2023,
            None,
            ["https://example.org/b", "https://example.org/c"],
        ),
    ]
    assert [section.title for section in page.sections] == ["Organizations"]


def test_a_project_box_names_its_owner_in_code_and_dates_its_title() -> None:
    page = read(
        "# Projects\n\n<div class='paper-box'><div class='paper-box-image'>"
        '<div class="badge">AR Model Performance</div></div>\n'
        "<div class='paper-box-text' markdown=\"1\">\n\n"
        "- `Yuhua Li`, Ana Ruiz\n- Supervisor: Dr. Jay Lee\n"
        "- *2025 Jun - 2025 Aug*, Model Predictive Control for Direct Air Capture\n"
        "  - Implemented system identification techniques and Kalman filtering for estimates.\n"
        "</div>\n</div>\n"
    )
    assert works(page, "projects") == [
        (
            "Model Predictive Control for Direct Air Capture",
            "**Yuhua Li**, Ana Ruiz",
            None,
            None,
            None,
            [],
        )
    ]


def test_a_box_is_one_entry_with_its_links_and_a_styled_venue_label_is_its_venue() -> None:
    page = read(
        '# Publications\n\n<div markdown="1">\n\n<div class="pub-item" markdown="1">\n'
        '<span class="pub-venue">ICLR 2025</span> &nbsp;**Sparse Mixtures of Experts**<br>\n'
        "<strong>Jane Doe</strong>, Ana Ruiz. <em>International Conference on Learning "
        "Representations</em> (2025).\n\n"
        '<div class="pub-links" markdown="1">\n[Code](https://github.com/jd/moe)\n</div>\n'
        "</div>\n\n"
        '<div class="pub-item" markdown="1">\n'
        '<span class="pub-venue">ACL 2024</span> &nbsp;**Pruning Without Tears**<br>\n'
        "Wei Chen, <strong>Jane Doe</strong>. <em>Findings of ACL</em> (2024).\n"
        "</div>\n\n</div>\n\n"
        '# Projects\n\n<div markdown="1">\n\n<div class="proj-item" markdown="1">\n'
        "**[Helios](https://github.com/jd/helios)**\n\n- A solver for sparse systems.\n"
        "- Ships a [dev kit](https://github.com/jd/helios-kit).\n</div>\n\n"
        '<div class="proj-item" markdown="1">\n**Atlas**\n\n- Maps of the field.\n</div>\n\n'
        "</div>\n",
    )
    assert works(page) == [
        (
            "Sparse Mixtures of Experts",
            "**Jane Doe**, Ana Ruiz",
            "International Conference on Learning Representations",
            2025,
            None,
            ["https://github.com/jd/moe"],
        ),
        ("Pruning Without Tears", "Wei Chen, **Jane Doe**", "Findings of ACL", 2024, None, []),
    ]
    assert works(page, "projects") == [
        (
            "Helios",
            "",
            None,
            None,
            None,
            ["https://github.com/jd/helios", "https://github.com/jd/helios-kit"],
        ),
        ("Atlas", "", None, None, None, []),
    ]


def test_items_marked_as_publications_are_publications_under_any_heading() -> None:
    page = read(
        "# Highlights\n\n"
        "- 📝 **Helios** — *A Solver for Sparse Systems* — **arXiv preprint**. "
        "[arXiv:2601.00001](https://arxiv.org/abs/2601.00001)\n"
        "- 📝 **Atlas** — [*Maps of the Field*](/publication/atlas) — manuscript.\n"
        "- 🛠️ **jdtools** — a command line for my lab.\n"
    )
    assert works(page) == [
        (
            "Helios — A Solver for Sparse Systems",
            "",
            "arXiv preprint",
            None,
            None,
            ["https://arxiv.org/abs/2601.00001"],
        ),
        ("Atlas — Maps of the Field", "", "manuscript", None, None, ["/publication/atlas"]),
    ]
    assert [(section.title, section.markdown) for section in page.sections] == [
        ("Highlights", "- 🛠️ **jdtools** — a command line for my lab.")
    ]


def test_html_cards_are_one_interest_or_project_each_and_the_footer_is_no_content() -> None:
    page = read(
        '<p>I am <strong>Jane Doe</strong>.</p>\n\n<h2 class="heading">Research Interests</h2>\n\n'
        '<div class="blocks">\n  <article class="block">\n    <h3>Serving Systems</h3>\n'
        "    <ul>\n      <li><span>Serving:</span> KV cache management.</li>\n"
        "      <li>Fault tolerance.</li>\n    </ul>\n  </article>\n\n"
        '  <article class="block">\n    <h3>Compilers</h3>\n    <ul><li>Triton.</li></ul>\n'
        "  </article>\n</div>\n\n"
        '<h2 class="heading">Projects</h2>\n\n<div class="grid">\n'
        '  <article class="card">\n    <div class="head"><span>LLM SERVING</span></div>\n'
        "    <h3>SemServe</h3>\n    <p>An inference system prototype.</p>\n  </article>\n\n"
        '  <article class="card">\n    <div class="head"><span>RUNTIME</span></div>\n'
        "    <h3>SkVM</h3>\n    <p>A skill runtime for agents.</p>\n  </article>\n</div>\n\n"
        '<footer class="site-footer">\n  <p class="title">Let\'s talk systems.</p>\n'
        '  <a href="#top">Back to top</a>\n</footer>\n'
    )
    assert [(i.area, i.topics) for i in page.interests] == [
        ("Serving Systems", ["Serving: KV cache management", "Fault tolerance"]),
        ("Compilers", ["Triton"]),
    ]
    assert works(page, "projects") == [
        ("SemServe", "", None, None, None, []),
        ("SkVM", "", None, None, None, []),
    ]


def test_a_bold_title_with_a_colon_is_whole_and_an_opening_period_is_no_name() -> None:
    page = read(
        "# Projects\n\n"
        "- *2025.09 - Present*, **Helios: A Solver for Sparse Systems**\n"
        "  - Core member. Built the solver.\n"
        "- **Atlas**: maps of the field for new students.\n"
    )
    assert works(page, "projects") == [
        ("Helios: A Solver for Sparse Systems", "", None, None, None, []),
        ("Atlas", "", None, None, None, []),
    ]


def test_the_italic_part_after_the_title_is_the_venue_and_the_year_follows_it() -> None:
    page = read(
        "# Publications\n\n"
        "1. **J. Doe**, R. Yuan, Spreading speeds with nonlocal dispersal, "
        "*Journal of Differential Equations*, 316 (2022), 552--598.\n"
        "2. X. Wang, **J. Doe**, Dynamic models of heart failure, "
        "*Computational and Mathematical Methods in Medicine*, 2018 (2018) 1613290.\n"
    )
    assert works(page) == [
        (
            "Spreading speeds with nonlocal dispersal",
            "**J. Doe**, R. Yuan",
            "Journal of Differential Equations",
            2022,
            None,
            [],
        ),
        (
            "Dynamic models of heart failure",
            "X. Wang, **J. Doe**",
            "Computational and Mathematical Methods in Medicine",
            2018,
            None,
            [],
        ),
    ]


def test_an_interest_with_its_topics_in_the_next_paragraph() -> None:
    page = read(
        "# Research Interests\n\n* Biomathematics\n\n  Prey-predator systems, Epidemic models\n\n"
        "* Stochastic processes\n\n  Brownian motion, Levy processes\n"
    )
    assert [(i.area, i.topics) for i in page.interests] == [
        ("Biomathematics", ["Prey-predator systems", "Epidemic models"]),
        ("Stochastic processes", ["Brownian motion", "Levy processes"]),
    ]


def test_a_plain_label_over_a_list_and_old_updates_are_news() -> None:
    page = read(
        "I am Jane Doe.\n\n🔥 News\n\n- [2025/04] Joined the lab.\n\n"
        "# Old Updates\n\n- [2023/01] Started the PhD.\n"
    )
    assert [(str(n.date), n.text) for n in page.news] == [
        ("2025-04-01", "Joined the lab."),
        ("2023-01-01", "Started the PhD."),
    ]
