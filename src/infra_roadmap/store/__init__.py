"""Progress storage: an append-only event log and settings in one SQLite file.

Reading uses the standard library's sqlite3 (fast to import, enough for SELECT); writing goes
through SQLModel/SQLAlchemy, which also creates and migrates the schema. Both see the same tables.
"""

from infra_roadmap.store.read import Snapshot, read_snapshot
from infra_roadmap.store.write import Writer

__all__ = ["Snapshot", "Writer", "read_snapshot"]
