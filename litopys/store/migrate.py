"""Create or upgrade a litopys SQLite file.

The schema version lives in ``meta.schema_version``. Each migration is a
function from version N-1 to N; ``migrate`` runs those the file lacks.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from litopys.errors import Errors, StoreError

SCHEMA_VERSION = 3
SCHEMA_FILE = Path(__file__).with_name("schema.sql")
SCHEMA_V2_FILE = Path(__file__).with_name("schema_v2.sql")
CORRECTIONS_FILE = Path(__file__).with_name("schema_v3_corrections.sql")
SCHEMA_V3_FILE = Path(__file__).with_name("schema_v3.sql")
LANGUAGE_FILE = Path(__file__).with_name("schema_v4_language.sql")
NAMES_FILE = Path(__file__).with_name("schema_v5_names.sql")


def _statements(sql: str) -> list[str]:
    """Split a schema file into statements (executescript would commit early)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _v1(conn: sqlite3.Connection) -> None:
    for stmt in _statements(SCHEMA_FILE.read_text(encoding="utf-8")):
        conn.execute(stmt)


def _v2(conn: sqlite3.Connection) -> None:
    """Cross-document merge: entity aliases, event groups and their members."""
    for stmt in _statements(SCHEMA_V2_FILE.read_text(encoding="utf-8")):
        conn.execute(stmt)


def _v3(conn: sqlite3.Connection) -> None:
    """Events: the place where the event happened (an entity id)."""
    for stmt in _statements(SCHEMA_V3_FILE.read_text(encoding="utf-8")):
        conn.execute(stmt)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1, 2: _v2, 3: _v3}

FEATURES: dict[str, Path] = {"corrections": CORRECTIONS_FILE, "language": LANGUAGE_FILE,
                             "names": NAMES_FILE}
"""Named additions applied once per file (``meta`` key ``feature:NAME``) after the
numbered migrations, whatever the version: they commute with them."""


def current_version(conn: sqlite3.Connection, path: str = "database") -> int:
    """The schema version of an open database (0 for a new, empty file)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "meta" not in tables:
        if tables:
            raise StoreError(Errors.E021, path=path, reason="it has other tables")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, path: str = "database") -> int:
    """Bring the database to SCHEMA_VERSION.

    conn (sqlite3.Connection): an open connection.
    path (str): the file name, for messages.
    RETURNS (int): the schema version after migration.
    """
    found = current_version(conn, path)  # SQLite errors go to the caller, which names them
    if found > SCHEMA_VERSION:
        raise StoreError(Errors.E020, path=path, found=found, supported=SCHEMA_VERSION)
    for version in range(found + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another process may have migrated while this one waited for the lock
            if current_version(conn, path) >= version:
                conn.execute("COMMIT")
                continue
            MIGRATIONS[version](conn)
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(version),),
            )
            conn.execute("COMMIT")
        except Exception:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    for name, sql_file in FEATURES.items():
        key = f"feature:{name}"
        if conn.execute("SELECT 1 FROM meta WHERE key=?", (key,)).fetchone():
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM meta WHERE key=?", (key,)).fetchone():
                conn.execute("COMMIT")  # added by another process meanwhile
                continue
            for stmt in _statements(sql_file.read_text(encoding="utf-8")):
                try:
                    conn.execute(stmt)
                except sqlite3.OperationalError as err:
                    if "duplicate column name" not in str(err):  # added by another feature
                        raise
            conn.execute("INSERT INTO meta(key, value) VALUES (?, '1')", (key,))
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
