"""Online backup and restore: a backup taken during a burst of writes holds every write made
before it began; a restore checks the file, refuses a database a server has open, and
upgrades a backup made by an older release."""

import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from schemas.news import NewsCreate
from store import backup
from store.engine import make_engine, write_session
from store.errors import BackupRefused
from store.news_writes import create_news
from store.schema import check_schema, head

pytestmark = pytest.mark.sqlite_only
OLD_DATABASE = Path(__file__).parent.parent / "fixtures" / "db-218bd0a.sqlite"


def news_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        count: int = connection.execute("SELECT count(*) FROM news").fetchone()[0]
    connection.close()
    return count


def test_a_backup_during_a_burst_of_posts_holds_every_post_acknowledged_before_it(
    engine: Engine, tmp_path: Path
) -> None:
    acknowledged = 0
    stop = threading.Event()

    def post() -> None:
        nonlocal acknowledged
        while not stop.is_set():
            with write_session(engine) as session:
                create_news(session, NewsCreate(text=f"Post {acknowledged}"), "laptop")
            acknowledged += 1

    writer = threading.Thread(target=post)
    writer.start()
    while acknowledged < 20:
        stop.wait(0.01)
    before = acknowledged
    backup.backup(engine, tmp_path / "copy.db")
    stop.set()
    writer.join()
    restored = tmp_path / "restored.db"
    target = make_engine(f"sqlite:///{restored}")
    backup.restore(target, tmp_path / "copy.db")
    target.dispose()
    assert before <= news_count(restored) <= acknowledged
    assert stat.S_IMODE((tmp_path / "copy.db").stat().st_mode) == 0o600


def test_a_new_database_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    check_schema(engine)
    engine.dispose()
    assert stat.S_IMODE((tmp_path / "new.db").stat().st_mode) == 0o600


def test_restoring_a_backup_of_an_older_release_upgrades_it_and_keeps_its_news(
    tmp_path: Path,
) -> None:
    target = make_engine(f"sqlite:///{tmp_path / 'homepage.db'}")
    assert backup.restore(target, OLD_DATABASE) == ("none", head())
    with target.connect() as connection:
        api_news = connection.execute(text("SELECT count(*) FROM news WHERE source = 'api'"))
        assert api_news.scalar() == 3
    target.dispose()


def test_a_file_that_is_not_a_database_or_is_missing_is_refused(tmp_path: Path) -> None:
    (tmp_path / "junk.db").write_text("not a database")
    target = make_engine(f"sqlite:///{tmp_path / 'homepage.db'}")
    with pytest.raises(BackupRefused, match="is not a SQLite database"):
        backup.restore(target, tmp_path / "junk.db")
    with pytest.raises(BackupRefused, match="no such backup file"):
        backup.restore(target, tmp_path / "missing.db")
    target.dispose()


def test_restore_refuses_a_database_another_process_has_open_unless_forced(
    tmp_path: Path,
) -> None:
    live = tmp_path / "homepage.db"
    shutil.copyfile(OLD_DATABASE, live)
    target = make_engine(f"sqlite:///{live}")
    opener = (
        f"import sqlite3, sys, time; c = sqlite3.connect({str(live)!r}); print(); time.sleep(30)"
    )
    holder = subprocess.Popen([sys.executable, "-c", opener], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == b"\n"  # the other process has the file open
        with pytest.raises(BackupRefused, match="is open in another process"):
            backup.restore(target, OLD_DATABASE)
        assert backup.restore(target, OLD_DATABASE, force=True)[1] == head()
    finally:
        holder.kill()
        holder.communicate()
        target.dispose()
