"""Run SQL on the proof tier's databases and print the results as JSON.

usage: dbq.py URL STATEMENTS...

URL is postgresql://... (psycopg2), mysql://... (pymysql, MariaDB) or
sqlite:///PATH (sqlite3). Each STATEMENTS argument is one batch of SQL, or @PATH
for a file of SQL; they run in order, in autocommit mode (so CREATE/DROP DATABASE
work), with bounded statement and lock waits. A batch may hold several
statements; its result is the rows of the last one that returned rows. stdout:
a JSON list with, per argument, those rows (lists of strings or null), or null.
On an error the message goes to stderr and the exit status is 1.
"""
import json
import sqlite3
import sys
from urllib.parse import unquote, urlsplit


def rows_of(cur):
    if cur.description is None:
        return None
    return [[None if v is None else str(v) for v in row] for row in cur.fetchall()]


def postgresql(url, batches):
    import psycopg2

    conn = psycopg2.connect(url, connect_timeout=10, options="-c statement_timeout=30000 -c lock_timeout=10000")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            for sql in batches:
                cur.execute(sql)
                yield rows_of(cur)
    finally:
        conn.close()


def mysql(url, batches):
    import pymysql
    from pymysql.constants import CLIENT

    u = urlsplit(url)
    conn = pymysql.connect(
        host=u.hostname, port=u.port or 3306, user=unquote(u.username or ""), password=unquote(u.password or ""),
        database=u.path.lstrip("/") or None, autocommit=True, connect_timeout=10, client_flag=CLIENT.MULTI_STATEMENTS,
        init_command="SET SESSION max_statement_time = 30, lock_wait_timeout = 10, innodb_lock_wait_timeout = 10",
    )
    try:
        with conn.cursor() as cur:
            for sql in batches:
                cur.execute(sql)
                last = rows_of(cur)
                while cur.nextset():
                    rows = rows_of(cur)
                    if rows is not None:
                        last = rows
                yield last
    finally:
        conn.close()


def sqlite(url, batches):
    conn = sqlite3.connect(url[len("sqlite:///"):], timeout=10, isolation_level=None)
    try:
        for sql in batches:
            last, stmt = None, ""
            for piece in sql.split(";"):
                stmt += piece + ";"
                if not sqlite3.complete_statement(stmt):
                    continue
                if stmt.strip(" \t\r\n;"):
                    rows = rows_of(conn.execute(stmt))
                    if rows is not None:
                        last = rows
                stmt = ""
            yield last
    finally:
        conn.close()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    url = sys.argv[1]
    batches = []
    for arg in sys.argv[2:]:
        if arg.startswith("@"):
            with open(arg[1:], encoding="utf-8") as f:
                arg = f.read()
        batches.append(arg)
    run = {"postgresql": postgresql, "mysql": mysql, "sqlite": sqlite}.get(urlsplit(url).scheme)
    if run is None:
        sys.exit("dbq.py: unknown database URL scheme in %r" % url)
    results = []
    try:
        for rows in run(url, batches):
            results.append(rows)
    except Exception as e:  # each driver has its own Error class; all of them end the run
        sys.stderr.write("%s: %s" % (type(e).__name__, e))
        sys.exit(1)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
