"""The team server's roles and grants (PostgreSQL), enforced by the server itself.

`portfolio_owner` (no login) owns the tables and runs migrations; `portfolio_editor` reads and
writes rows; `portfolio_reader` only reads: an executive's login that is a member of it gets
`permission denied` for any change, and its sessions are read-only by default as well.
People log in with their own roles, members of editor or reader (`add_login`).

Two tables are not the editors' to change at will:
- the change history is append-only for them (SELECT and INSERT: no UPDATE, DELETE, TRUNCATE),
  so that no editor's login can rewrite or erase who changed what; the schema version
  (`alembic_version`) is read-only for them;
- the writers' lock (`portfolio_writer_lock`, one row) that every writer locks `FOR UPDATE`
  (`storage.database`): the editors may lock it (that needs UPDATE), the readers have no right on
  it at all, so no reader's login can hold the writers back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from .database import WRITER_LOCK_TABLE, Database

OWNER, EDITOR, READER = "portfolio_owner", "portfolio_editor", "portfolio_reader"
ROLES = {"editor": EDITOR, "reader": READER}


def ident(name: str) -> str:
    """A role, database or schema name, quoted; only plain names are accepted."""
    if not name or not name.replace("_", "").replace("-", "").isalnum():
        raise ValueError(f"not a plain SQL name: {name!r}")
    return '"' + name + '"'


def roles_sql(database: str, schema: str = "public") -> str:
    """The SQL script that creates the three roles, the writers' lock table, and grants them their
    rights (idempotent; run again after every migration, as `server-setup` does).

    An administrator can also run it by hand: `psql -d portfolio -f roles.sql`.
    """
    db, sch = ident(database), ident(schema)
    o, e, r = ident(OWNER), ident(EDITOR), ident(READER)
    lock, schema_literal = ident(WRITER_LOCK_TABLE), sch.replace("'", "''")
    return f"""\
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER}') THEN CREATE ROLE {o} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{EDITOR}') THEN CREATE ROLE {e} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER}') THEN CREATE ROLE {r} NOLOGIN; END IF;
END $$;
REVOKE ALL ON DATABASE {db} FROM PUBLIC;
GRANT CONNECT ON DATABASE {db} TO {o}, {e}, {r};
REVOKE CREATE ON SCHEMA {sch} FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA {sch} TO {o};
GRANT USAGE ON SCHEMA {sch} TO {e}, {r};
ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {sch}
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {e};
ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {sch}
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {e};
ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {sch} GRANT SELECT ON TABLES TO {r};
CREATE TABLE IF NOT EXISTS {sch}.{lock} (id integer PRIMARY KEY CHECK (id = 1));
INSERT INTO {sch}.{lock} (id) VALUES (1) ON CONFLICT DO NOTHING;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {sch} TO {e};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {sch} TO {e};
GRANT SELECT ON ALL TABLES IN SCHEMA {sch} TO {r};
REVOKE ALL ON {sch}.{lock} FROM PUBLIC, {e}, {r};
GRANT SELECT, UPDATE ON {sch}.{lock} TO {e};
DO $$ BEGIN
  IF to_regclass('{schema_literal}.change_history') IS NOT NULL THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON {sch}.change_history FROM {e};
  END IF;
  IF to_regclass('{schema_literal}.alembic_version') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {sch}.alembic_version FROM {e};
  END IF;
END $$;
"""


def create_roles(admin: Database) -> None:
    """Roles and grants, the administrator made a member of the owner role, and every existing
    table of the schema handed to the owner role."""
    database = admin.url.database or ""
    with admin.engine.begin() as conn:
        conn.exec_driver_sql(roles_sql(database))
        conn.exec_driver_sql(f"GRANT {ident(OWNER)} TO CURRENT_USER")
        rows = conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> %(o)s",
            {"o": OWNER},
        ).fetchall()
        for (table,) in rows:
            conn.exec_driver_sql(f"ALTER TABLE {ident(table)} OWNER TO {ident(OWNER)}")


def owner_database(url: str, *, password: str | None = None) -> Database:
    """The administrator's connection acting as the owner role (tables it creates belong to it)."""
    db = Database(url, password=password)

    def act_as_owner(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET ROLE {ident(OWNER)}")
        dbapi_connection.commit()

    event.listen(db.engine, "connect", act_as_owner)
    return db


def grant_roles(owner: Database) -> None:
    """The grants again, now that the migrations created the tables."""
    with owner.engine.begin() as conn:
        conn.exec_driver_sql(roles_sql(owner.url.database or ""))


def add_login(admin: Database, name: str, password: str, role: str) -> None:
    """Creates or updates a person's login as a member of the editor or reader role.

    The password travels as a SCRAM verifier computed on this side (libpq), never as clear
    text that the server could write to its log.
    """
    if role not in ROLES:
        raise ValueError(role)
    with admin.engine.begin() as conn:
        raw: Any = conn.connection.driver_connection
        verifier = raw.pgconn.encrypt_password(
            password.encode(), name.encode(), b"scram-sha-256"
        ).decode()
        literal = "'" + verifier.replace("'", "''") + "'"
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(name)s", {"name": name}
        ).first()
        verb = "ALTER" if exists else "CREATE"
        conn.exec_driver_sql(f"{verb} ROLE {ident(name)} LOGIN PASSWORD {literal}")
        for other in ROLES.values():
            if other != ROLES[role]:
                conn.exec_driver_sql(f"REVOKE {ident(other)} FROM {ident(name)}")
        conn.exec_driver_sql(f"GRANT {ident(ROLES[role])} TO {ident(name)}")
        read_only = "on" if role == "reader" else "off"
        conn.exec_driver_sql(
            f"ALTER ROLE {ident(name)} SET default_transaction_read_only = {read_only}"
        )
