"""Helpers for the zero-downtime claim scripts: connections with timeouts, the
locks a backend holds, a bounded wait, and running a statement that may fail.

Every connection gets a statement_timeout, so no statement can wait forever;
statements that are expected to be blocked run with a short lock_timeout,
which is how a block is detected (never by sleeping).
"""
import json
import sys
import time

import psycopg2

STATEMENT_TIMEOUT_MS = 20000


def dsn():
    if len(sys.argv) != 2:
        sys.exit("usage: %s DSN" % sys.argv[0])
    return sys.argv[1]


def connect(name, autocommit=False):
    conn = psycopg2.connect(
        dsn(),
        connect_timeout=10,
        application_name="proof-" + name,
        options="-c statement_timeout=%d" % STATEMENT_TIMEOUT_MS,
    )
    conn.autocommit = autocommit
    return conn


def one(conn, sql, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchone()[0]


def pid(conn):
    return one(conn, "SELECT pg_backend_pid()")


def locks(observer, backend_pid, table):
    """The granted table-level lock modes backend_pid holds on table."""
    with observer.cursor() as cur:
        cur.execute(
            "SELECT mode FROM pg_locks WHERE pid = %s AND locktype = 'relation'"
            " AND relation = %s::regclass AND granted ORDER BY mode",
            (backend_pid, table),
        )
        return [r[0] for r in cur.fetchall()]


def attempt(conn, sql, lock_timeout_ms=None):
    """Run sql (autocommit connection); return {"ok": True} or the error."""
    with conn.cursor() as cur:
        try:
            if lock_timeout_ms is not None:
                cur.execute("SET lock_timeout = %d" % lock_timeout_ms)
            started = time.monotonic()
            cur.execute(sql)
            return {"ok": True, "seconds": round(time.monotonic() - started, 3)}
        except psycopg2.Error as e:
            if not conn.autocommit:
                conn.rollback()
            return {"ok": False, "pgcode": e.pgcode, "error": str(e).strip(), "seconds": round(time.monotonic() - started, 3)}
        finally:
            if lock_timeout_ms is not None and conn.autocommit:
                cur.execute("RESET lock_timeout")


def wait_until(what, predicate, timeout=15.0, interval=0.02):
    """Poll predicate until it returns a true value; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise SystemExit("timed out after %.0fs waiting for %s" % (timeout, what))
        time.sleep(interval)


def debug_messages(conn):
    """The DEBUG messages the server sent to conn (client_min_messages=debug1)."""
    return [n.strip() for n in conn.notices if n.startswith("DEBUG")]


def report(result):
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
