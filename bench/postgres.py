"""A PostgreSQL server for the benchmarks: DATABASE_URL's server (any database name in it), else
the local one; each benchmark creates and drops its own database there."""

import os
from urllib.parse import urlsplit, urlunsplit

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def server_url(name: str) -> str:
    """The URL of database ``name`` on the benchmark server."""
    parts = urlsplit(os.environ.get("DATABASE_URL") or DEFAULT_SERVER)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


def admin(sql: str) -> None:
    """Run ``sql`` (CREATE/DROP DATABASE) outside a transaction, on the server's own database."""
    import psycopg

    url = server_url("postgres").replace("postgres://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)
