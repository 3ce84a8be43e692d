"""Progress storage: an append-only event log and settings in one SQLite file.

Reading uses the standard library's sqlite3 (fast to import, enough for SELECT); writing goes
through SQLModel/SQLAlchemy, which also creates and migrates the schema. Both see the same tables.
"""

from infra_roadmap.store.read import Snapshot, read_snapshot

__all__ = ["Snapshot", "read_snapshot"]  # the writer: infra_roadmap.store.write.Writer
