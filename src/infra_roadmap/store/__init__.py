"""Progress storage: an append-only event log and settings in one SQLite file.

`read` and `write` use the standard library's sqlite3 (fast to import); `models` (SQLModel) defines
the schema and `migrate` runs the frozen SQL of `migrations` through SQLAlchemy, only when a file's
schema is not the latest. A test holds the migrated schema equal to the models.
"""
