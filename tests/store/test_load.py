"""Loading a page: one transaction, stable slugs, re-seeding changes nothing."""

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from schemas.interest import Interest, InterestIn
from schemas.page import PageIn
from schemas.profile import Profile, ProfileIn
from schemas.publication import Publication
from schemas.work import WorkIn
from seed.parse_page import parse_page
from store.load_page import load_page
from tests.conftest import SEED_PAGE


def publication_rows(engine: Engine) -> list[tuple[int | None, str, str]]:
    with Session(engine) as session:
        rows = session.exec(select(Publication).order_by(col(Publication.position)))
        return [(row.id, row.slug, row.updated_at.isoformat()) for row in rows]


def test_reseeding_the_same_page_changes_nothing(seeded: Engine) -> None:
    before = publication_rows(seeded)
    summary = load_page(seeded, parse_page("about.md", SEED_PAGE.read_text()).page)
    assert not summary.changed
    assert all(kind.added == kind.updated == kind.removed == 0 for kind in summary.kinds.values())
    assert publication_rows(seeded) == before


def test_an_edited_entry_keeps_its_row_and_slug(seeded: Engine) -> None:
    before = publication_rows(seeded)
    text = SEED_PAGE.read_text().replace("ACL 2023", "ACL 2023 (Outstanding Paper)")
    summary = load_page(seeded, parse_page("about.md", text).page)
    assert summary.kinds["publications"].updated == 1
    after = publication_rows(seeded)
    assert [(i, slug) for i, slug, _ in after] == [(i, slug) for i, slug, _ in before]
    with Session(seeded) as session:
        row = session.exec(select(Publication).where(col(Publication.venue) == "ACL 2023")).one()
        assert row.note == "Outstanding Paper"


def test_an_entry_removed_from_the_page_disappears(seeded: Engine) -> None:
    lines = [line for line in SEED_PAGE.read_text().splitlines() if "SparseAdapter" not in line]
    summary = load_page(seeded, parse_page("about.md", "\n".join(lines)).page)
    assert summary.kinds["publications"].removed == 1
    assert len(publication_rows(seeded)) == 7


def test_two_entries_with_one_title_get_slugs_from_their_content_not_their_place(
    engine: Engine,
) -> None:
    first = "1. Ann Lee, **Bo Chen**, Same Title, ICML 2020.\n"
    second = "2. **Bo Chen**, Same Title, ICML 2021.\n"
    load_page(engine, parse_page("about.md", f"## Publications\n\n{first}{second}").page)
    assert [slug for _, slug, _ in publication_rows(engine)] == [
        "same-title-8bf065",
        "same-title-799117",
    ]
    load_page(engine, parse_page("about.md", f"## Publications\n\n{second}{first}").page)
    assert sorted(slug for _, slug, _ in publication_rows(engine)) == [
        "same-title-799117",
        "same-title-8bf065",
    ]


def test_titles_in_other_scripts_keep_their_letters_and_ascii_slugs_do_not_change(
    engine: Engine,
) -> None:
    page = (
        "## Publications\n\n"
        "- **Bo Chen**, Нейронные сети для всех, ICML 2020.\n"
        "- **Bo Chen**, 신경망 연구, ICML 2021.\n"
        "- **Bo Chen**, 深度学习：综述, ICML 2022.\n"
        "- **Bo Chen**, الشبكات العصبية, ICML 2023.\n"
        "- **Bo Chen**, Café au lait: LLaMA-MoE, ICML 2024.\n"
    )
    load_page(engine, parse_page("about.md", page).page)
    assert [slug for _, slug, _ in publication_rows(engine)] == [
        "нейронные-сети-для-всех",
        "신경망-연구",
        "深度学习-综述",
        "الشبكات-العصبية",
        "cafe-au-lait-llama-moe",
    ]


def test_text_longer_than_its_column_is_shortened_and_reloads_unchanged(engine: Engine) -> None:
    page = PageIn(
        profile=ProfileIn(name="Ada", bio="b" * 1200),
        interests=[InterestIn(area="a" * 400)],
        publications=[WorkIn(title="Engines", venue="v" * 600)],
    )
    load_page(engine, page)
    with Session(engine) as session:
        venue = session.exec(select(Publication.venue)).one()
        area = session.exec(select(Interest.area)).one()
        bio = session.exec(select(Profile.bio)).one()
    assert (venue, area, bio) == ("v" * 499 + "…", "a" * 299 + "…", "b" * 999 + "…")
    assert not load_page(engine, page).changed
