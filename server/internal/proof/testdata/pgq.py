"""Run SQL on PostgreSQL for the proof tier and print the results as JSON.

usage: pgq.py DSN STATEMENTS...

Each STATEMENTS argument is one batch of SQL, or @PATH for a file of SQL; they
run in order, in autocommit mode (so CREATE/DROP DATABASE work), with a
statement_timeout and a lock_timeout. stdout: a JSON list with, per argument,
the rows (lists of strings or null) it returned, or null. On an error the
message goes to stderr and the exit status is 1.
"""
import json
import sys

import psycopg2


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    conn = psycopg2.connect(
        sys.argv[1],
        connect_timeout=10,
        options="-c statement_timeout=30000 -c lock_timeout=10000",
    )
    conn.autocommit = True
    results = []
    try:
        with conn.cursor() as cur:
            for arg in sys.argv[2:]:
                sql = arg
                if arg.startswith("@"):
                    with open(arg[1:], encoding="utf-8") as f:
                        sql = f.read()
                cur.execute(sql)
                rows = None
                if cur.description is not None:
                    rows = [[None if v is None else str(v) for v in row] for row in cur.fetchall()]
                results.append(rows)
    except psycopg2.Error as e:
        sys.stderr.write("%s: %s" % (type(e).__name__, e))
        sys.exit(1)
    finally:
        conn.close()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
