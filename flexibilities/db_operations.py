"""Migration operations that only touch the database on PostgreSQL.

The full-text GIN index and the "newest first" index (NULLS LAST) exist on PostgreSQL
(production, CI). SQLite supports neither, so it keeps the model state without them, and
its search falls back to plain matching.
"""

from django.db.migrations.operations import AddIndex, RunSQL


class _OnPostgres:
    """The operation's SQL runs on PostgreSQL only; the model state changes everywhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class AddIndexOnPostgres(_OnPostgres, AddIndex):
    """AddIndex whose SQL runs on PostgreSQL only."""


class RunSQLOnPostgres(_OnPostgres, RunSQL):
    """RunSQL that runs on PostgreSQL only (text search configurations, data in SQL)."""
