"""Online backup and restore of the SQLite store.

A backup is SQLite's online backup API on a live connection: a consistent copy of the whole
database, the writes still in the WAL included, taken while a server reads and writes. A
restore checks the copy (`PRAGMA integrity_check`, its schema revision), upgrades it if an older
release made it, and puts it in place in one rename. PostgreSQL has `pg_dump` for both.
"""

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import Engine

from store.engine import make_engine
from store.errors import BackupRefused
from store.schema import current, known_revisions, schema_problem, upgrade

OWNER_ONLY = 0o600


def sqlite_path(engine: Engine) -> Path:
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise BackupRefused(
            "Backup and restore work on a SQLite file; for PostgreSQL use pg_dump and "
            "pg_restore (see the README's upgrade and backup section)."
        )
    return Path(url.database)


def backup(engine: Engine, target: Path) -> None:
    """Write a consistent copy of the database to `target` (readable by the owner only)."""
    source = sqlite_path(engine)
    if target.exists():
        raise BackupRefused(f"{target} exists already; name a new file for the backup.")
    target.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy)
    copy.close()
    live.close()


def _check(path: Path) -> None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupRefused(f"{path} is not a SQLite database: {error}.") from None
    if verdict != "ok":
        raise BackupRefused(f"{path} fails SQLite's integrity check: {verdict}.")


def _open_elsewhere(path: Path) -> bool:
    """Whether another process has the database file open (a running server)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return Path(f"{path}-wal").exists()
    target = path.resolve()
    for fd_dir in proc.glob("[0-9]*/fd"):
        if fd_dir.parent.name == str(os.getpid()):
            continue
        try:
            if any(Path(os.readlink(fd)) == target for fd in fd_dir.iterdir()):
                return True
        except OSError:
            continue
    return False


def restore(engine: Engine, backup_file: Path, *, force: bool = False) -> tuple[str, str]:
    """Replace the database with a checked copy of `backup_file`, upgraded to this release's
    schema if an older one made it; returns the copy's revision before and after."""
    database = sqlite_path(engine)
    if not backup_file.is_file():
        raise BackupRefused(f"{backup_file}: no such backup file.")
    _check(backup_file)
    if database.exists() and not force and _open_elsewhere(database):
        raise BackupRefused(
            f"{database} is open in another process (a running server?); stop it first, "
            "or pass --force to replace the database under it."
        )
    staged = database.with_name(f".{database.name}.restoring")
    staged.unlink(missing_ok=True)
    os.close(os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
    with sqlite3.connect(backup_file) as source, sqlite3.connect(staged) as copy:
        source.backup(copy)
    copy.close()
    source.close()
    staged_engine = make_engine(f"sqlite:///{staged}")
    try:
        with staged_engine.connect() as connection:
            at = current(connection)
        if at is not None and at not in known_revisions():
            raise BackupRefused(f"{backup_file} {schema_problem(at)}")
        before, after = upgrade(staged_engine)
    except BaseException:
        staged_engine.dispose()
        staged.unlink(missing_ok=True)
        raise
    staged_engine.dispose()
    engine.dispose()
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    os.replace(staged, database)
    return before or "none", after
