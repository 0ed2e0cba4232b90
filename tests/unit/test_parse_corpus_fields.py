"""Field by field, five corpus pages of different styles parse to what a reader sees."""

from pathlib import Path

from schemas.common import Author
from schemas.page import PageIn
from seed.files import read_page

CORPUS = Path(__file__).parent.parent / "corpus" / "about"
Work = tuple[str, str, str | None, int | None, str | None, str | None, list[tuple[str, str]]]


def written(author: Author) -> str:
    """An author as the tests write them: `**Owner**`, `*` equal, `†` corresponding."""
    name = f"**{author.name}**" if author.is_owner else author.name
    return name + "*" * author.equal_contribution + "†" * author.corresponding


def works(page: PageIn) -> list[Work]:
    return [
        (
            work.title,
            ", ".join(written(author) for author in work.authors),
            work.venue,
            work.year,
            work.note,
            work.group,
            [(link.kind.value, link.url) for link in work.links],
        )
        for work in page.publications
    ]


def test_acad_homepage_titles_as_list_headings_with_groups() -> None:
    page = read_page(CORPUS / "02_0v0V.md").page
    marks = "Gyeong-Moon Park†, Jung Uk Kim†"
    assert works(page) == [
        (
            "Multispectral Pedestrian Detection with Sparsely Annotated Label",
            f"Chan Lee*, **Seungho Shin***, {marks}",
            "The 39th Annual AAAI Conference on Artificial Intelligence (AAAI) 2025", 2025, None,
            "International Conference",
            [("paper", "https://ojs.aaai.org/index.php/AAAI/article/view/32472")],
        ),
        (
            "SSMPD: Semi-Supervised Learning for Multispectral Pedestrian Detection",
            f"**Seungho Shin***, Chan Lee*, {marks}",
            "IEEE Transactions on Multimedia (TMM)", None, None, "International Journal",
            [("paper", "https://ieeexplore.ieee.org/document/11303909")],
        ),
        (
            "User-Controllable Dense Video Captioning: A Large-Scale Benchmark and Framework",
            f"**Seungho Shin***, Sung Jin Um*, {marks}",
            None, None, None, "Preprint",
            [("paper", "https://openreview.net/pdf?id=rMgSxzqBuk")],
        ),
        (
            "CollabVR: Collaborative Video Reasoning with Vision-Language and Video Generation "
            "Models",
            "Joowon Kim*, **Seungho Shin***, Joonhyung Park, Eunho Yang†",
            None, None, None, "Preprint",
            [("project", "https://joow0n-kim.github.io/collabvr-project-page/")],
        ),
    ]  # fmt: skip
    accepted = '🎉🎉 One paper got accepted to <span style="color:darkred">'
    assert [(item.date and item.date.isoformat(), item.text) for item in page.news] == [
        ("2025-08-01", "🎉🎉 Received M.S. degree from Kyung Hee University!"),
        ("2025-05-01", f"{accepted}**IEEE TMM**</span>"),
        ("2024-12-01", f"{accepted}**AAAI 2025**</span>"),
    ]  # fmt: skip
    assert [section.title for section in page.sections] == [
        "Honors and Awards", "Educations", "Teaching", "Academic Services"
    ]  # fmt: skip


def test_setext_sections_and_blockquote_entries() -> None:
    page = read_page(CORPUS / "03_0mil.md").page
    assert page.profile.name == "Jin-Hyeong Park"
    assert works(page) == [
        (
            "Multi-label Naïve Bayes Classifier Considering Label Dependence",
            "Hae Cheon Kim, **Jin-Hyeong Park**, Dae Won Kim, Jaesung Lee",
            "Pattern Recognition Letters", 2020, None, "Published in SCI(E) Journals",
            [("paper", "/files/paper1.pdf")],
        ),
        (
            "Compact Feature Subset Based Multi-label Music Categorization for Mobile Devices",
            "Jaesung Lee, Wangduk Seo, **Jin-Hyeong Park**, Dae Won Kim",
            "Multimedia Tools and Applications", 2018, None, "Published in SCI(E) Journals",
            [("paper", "/files/paper2.pdf")],
        ),
        (
            "Multi Population Memetic Search for Effective Multi-label Feature Selection",
            "**Jin-Hyeong Park**, Jaesung Lee",
            "Platform Technology and Service", 2019, None, "International Conference Papers", [],
        ),
    ]  # fmt: skip
    assert [(s.title, s.markdown.splitlines()[0]) for s in page.sections] == [
        ("About", "I am currently an Research Engineer at [Neowiz](https://www.neowiz.com/), "
         "a leading company in South Korea known for developing AAA games."),
        ("Professional Experience", "**AI Research Institute, Neowiz**  "),
    ]  # fmt: skip


def test_html_paper_boxes_with_badges_and_superscript_marks() -> None:
    page = read_page(CORPUS / "08_selfspin.md").page
    repo = "https://github.com/fudan-zvg"
    assert page.profile.name == "Junzhe Jiang"
    assert works(page) == [
        (
            "BézierGS: Dynamic Urban Scene Reconstruction with Bézier Curve Gaussian Splatting",
            "Zipei Ma*, **Junzhe Jiang***, Yurui Chen, Li Zhang†", "ICCV 2025", 2025, None, None,
            [("project", f"{repo}/BezierGS"), ("paper", f"{repo}/BezierGS")],
        ),
        (
            "RealEngine: Simulating Autonomous Driving in Realistic Context",
            "**Junzhe Jiang**, Nan Song, Jingyu Li, Xiatian Zhu, Li Zhang†",
            "arXiv preprint", None, None, None,
            [("project", f"{repo}/RealEngine"), ("paper", "https://arxiv.org/abs/2505.16902")],
        ),
        (
            "GS-LiDAR: Generating Realistic LiDAR Point Clouds with Panoramic Gaussian Splatting",
            "**Junzhe Jiang**, Chun Gu, Yurui Chen, Li Zhang†", "ICLR 2025", 2025, None, None,
            [("project", f"{repo}/GS-LiDAR"), ("paper", "https://arxiv.org/abs/2501.13971")],
        ),
        (
            "Periodic Vibration Gaussian: Dynamic Urban Scene Reconstruction and Real-time "
            "Rendering",
            "Yurui Chen*, Chun Gu*, **Junzhe Jiang**, Xiatian Zhu, Li Zhang†",
            "arXiv preprint", None, None, None,
            [("code", f"{repo}/PVG"), ("project", "https://fudan-zvg.github.io/PVG"),
             ("paper", "https://arxiv.org/abs/2311.18561")],
        ),
    ]  # fmt: skip


def test_bracketed_titles_before_venue_and_html_bold_owner() -> None:
    page = read_page(CORPUS / "25_jmliu88.md").page
    team = "Junyu Han, Jingtuo Liu, Errui Ding"
    assert works(page) == [
        (
            "Few-Shot Head Swapping in the Wild",
            f"Changyong Shu, Hemao Wu, Hang Zhou†, **Jiaming Liu**†, Zhibin Hong, Changxing Ding, "
            f"{team}, Jingdong Wang",
            "CVPR2022", 2022, "Oral", None, [],
        ),
        (
            "Few-Shot Font Generation by Learning Fine-Grained Local Styles",
            f"Licheng Tang*, Yiyang Cai*, **Jiaming Liu**†, Zhibin Hong, Mingming Gong, Minhu Fan, "
            f"{team}, Jingdong Wang",
            "CVPR2022", 2022, None, None, [],
        ),
        (
            "Chinese Street View Text: Large-scale Chinese Text Reading with Partially Supervised "
            "Learning",
            "Yipeng Sun, **Jiaming Liu**, Wei Liu Junyu Han, Errui Ding, Jingtuo Liu",
            "ICCV2019", 2019, None, None, [],
        ),
        (
            "Editing Text in the Wild",
            "Liang Wu*, Chengquan Zhang*, **Jiaming Liu***, Junyu Han, Jingtuo Liu, Errui Ding, "
            "Xiang Bai",
            "ACM MM19", None, None, None, [],
        ),
    ]  # fmt: skip


def test_apa_citations_with_linked_titles() -> None:
    page = read_page(CORPUS / "26_YueyingChu.md").page
    fields = [(title, authors, venue, year, note, group) for title, authors, venue, year, note,
              group, _ in works(page)]  # fmt: skip
    journal, conference = (
        "Peer-reviewed journal articles",
        "Peer-reviewed conference proceedings and papers",
    )
    assert fields[:3] == [
        (
            "To Err is Automation: Can Trust be Repaired by the Automated Driving System After its "
            "Failure?",
            "Liu, P., **Chu, Y.**, Wang, G., Xu, Z.†",
            "IEEE Transactions on Human-Machine Systems", None, None, journal,
        ),
        ("Automation complacency on the road", "**Chu, Y.**, Liu, P.†", "Ergonomics", 2023,
         None, journal),
        (
            "Machines and humans in sacrificial moral dilemmas: Required similarly but judged "
            "differently?",
            "**Chu, Y.**, Liu, P.†", "Cognition", 2023, None, journal,
        ),
    ]  # fmt: skip
    assert fields[6] == (
        "Human factor risks in driving automation crashes", "**Chu, Y.**, Liu, P.†",
        "5th International Conference, MobiTAS 2023, held as part of the 25th HCI International "
        "Conference (HCII 2023)", 2023, "🏆Best Paper Award", conference,
    )  # fmt: skip
    assert works(page)[1][6] == [("paper", "https://doi.org/10.1080/00140139.2023.2210793")]


def test_news_under_dated_sub_headings_and_bracketed_dates() -> None:
    fnew = read_page(CORPUS / "14_fnew.md").page
    assert [(n.date and n.date.isoformat(), n.date_precision) for n in fnew.news] == [
        ("2020-09-01", "month"), ("2020-07-01", "month"), ("2019-11-01", "month"),
        ("2019-04-01", "month"), ("2017-09-01", "month"),
    ]  # fmt: skip
    assert "Cornell Daily Sun" in fnew.news[2].text
    qiu = read_page(CORPUS / "15_qiuhan-star.md").page
    assert [n.date and n.date.isoformat() for n in qiu.news] == [
        "2024-12-01", "2024-11-01", "2024-12-01", "2024-12-01", "2023-12-01", "2023-12-01",
        "2022-05-01",
    ]  # fmt: skip
    assert [s.title for s in qiu.sections] == ["Interesting Sharing", "Coming Soon"]
    assert qiu.profile.biography.startswith("## Who Am I?\nHello there! I’m Han Qiu (邱涵)")
