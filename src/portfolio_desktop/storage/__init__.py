"""The database: tables, engine and sessions, migrations, queries. No Qt here."""
