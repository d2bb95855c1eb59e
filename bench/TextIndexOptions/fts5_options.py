"""FTS5 options for the text index, side by side (issue 5): write CPU per event and read time per query.

Scratch measurement with Python's own sqlite3 (its SQLite version, not the product's e_sqlite3): synthetic Apache
lines like bench/IngestThroughput's, indexed from a rows table in transactions of TX rows as the text writer does
(INSERT INTO fts ... SELECT ... WHERE rowid > ? AND rowid <= ?), then each query counted best of 7 (on a block index: the candidate blocks, before any re-check of their rows).

    python3 bench/TextIndexOptions/fts5_options.py --events 1000000 --tx 2000 default am0-cm64 block16-full
"""
import argparse
import os
import random
import sqlite3
import tempfile
import time

PAGES = ["/", "/blog/", "/blog/a-post-about-logs/", "/about/", "/feed/", "/wp-content/themes/site/style.css",
         "/shop/cart/?add=42", "/?s=search+terms"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
          "Mozilla/5.0 (compatible; brute/1.0)"]
QUERIES = ['xmlrpc', '"wp-login.php"', 'mozilla', '"203.0.113.7"', '"brute" *', 'xmlrpc NOT post', '"198.51.7"']
FTS = "CREATE VIRTUAL TABLE fts USING fts5(message, url, content='', columnsize=0, tokenize='{tok}'{detail});"
PER_ROW = ("INSERT INTO fts(rowid, message, url) SELECT rowid, message, CASE WHEN instr(message, url) > 0 THEN NULL "
           "ELSE url END FROM events WHERE rowid > ? AND rowid <= ?")


def config(name, value):
    return f"INSERT INTO fts(fts, rank) VALUES('{name}', {value});"


def block(k):
    # One FTS row per block of k rows (a candidate filter only: rows would be re-checked on read).
    return (f"INSERT INTO fts(rowid, message) SELECT min(rowid), group_concat(message, ' ') FROM events "
            f"WHERE rowid > ? AND rowid <= ? GROUP BY (rowid - 1) / {k}")


U61 = "unicode61 remove_diacritics 2"
OPTIONS = {
    "default": (FTS.format(tok=U61, detail=""), PER_ROW),
    "am0-cm64": (FTS.format(tok=U61, detail="") + config("automerge", 0) + config("crisismerge", 64), PER_ROW),
    "am0-cm32": (FTS.format(tok=U61, detail="") + config("automerge", 0) + config("crisismerge", 32), PER_ROW),
    "am0-cm16": (FTS.format(tok=U61, detail="") + config("automerge", 0), PER_ROW),
    "am8-cm32": (FTS.format(tok=U61, detail="") + config("automerge", 8) + config("crisismerge", 32), PER_ROW),
    "am16-cm64": (FTS.format(tok=U61, detail="") + config("automerge", 16) + config("crisismerge", 64), PER_ROW),
    "am32-cm64": (FTS.format(tok=U61, detail="") + config("automerge", 32) + config("crisismerge", 64), PER_ROW),
    "am64-cm128": (FTS.format(tok=U61, detail="") + config("automerge", 64) + config("crisismerge", 128), PER_ROW),
    "ascii": (FTS.format(tok="ascii", detail=""), PER_ROW),
    "detail-column": (FTS.format(tok=U61, detail=", detail=column"), PER_ROW),
    "detail-none": (FTS.format(tok=U61, detail=", detail=none"), PER_ROW),
    "block16-full": (FTS.format(tok=U61, detail=""), block(16)),
    "block64-full": (FTS.format(tok=U61, detail=""), block(64)),
    "block16-none": (FTS.format(tok=U61, detail=", detail=none"), block(16)),
    "block64-none": (FTS.format(tok=U61, detail=", detail=none"), block(64)),
    "block64-full-am0-cm64": (FTS.format(tok=U61, detail="") + config("automerge", 0) + config("crisismerge", 64), block(64)),
}


def lines(count):
    rnd = random.Random(42)
    for i in range(count):
        burst = i % 1000 < 30
        ip = f"203.0.113.{i // 1000 % 250}" if burst else f"198.51.{rnd.randint(0, 99)}.{rnd.randint(1, 254)}"
        url = ("/wp-login.php" if i % 2 == 0 else "/xmlrpc.php") if burst else rnd.choice(PAGES)
        second = i * 21600 // count
        status = 200 if burst or rnd.random() < .9 else 404
        agent = AGENTS[2] if burst else rnd.choice(AGENTS[:2])
        yield (i + 1, f'{ip} - - [22/Nov/2026:{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d} +0000] '
                      f'"{"POST" if burst else "GET"} {url} HTTP/1.1" {status} {rnd.randint(200, 60000)} "-" "{agent}"', url)


def run(name, rows, tx, directory):
    ddl, insert = OPTIONS[name]
    path = os.path.join(directory, name + ".db")
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE events(rowid INTEGER PRIMARY KEY, message TEXT, url TEXT)")
    connection.executemany("INSERT INTO events VALUES(?, ?, ?)", rows)
    connection.executescript(ddl)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    cpu = time.process_time()
    for start in range(0, len(rows), tx):
        connection.execute("BEGIN")
        connection.execute(insert, (start, start + tx))
        connection.execute("COMMIT")
    cpu = time.process_time() - cpu
    size = (connection.execute("PRAGMA page_count").fetchone()[0] - pages) * connection.execute("PRAGMA page_size").fetchone()[0]
    return connection, cpu / len(rows) * 1e6, size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--tx", type=int, default=2000)
    parser.add_argument("options", nargs="+", choices=sorted(OPTIONS))
    args = parser.parse_args()
    rows = list(lines(args.events))
    with tempfile.TemporaryDirectory() as directory:
        built = {}
        for name in args.options:
            built[name] = run(name, rows, args.tx, directory)
            print(f"{name}: {built[name][1]:.2f} CPU-us per event written, index {built[name][2] / 1e6:.1f} MB", flush=True)
        best = {}
        for _ in range(7):
            for name, (connection, _, _) in built.items():
                for query in QUERIES:
                    started = time.perf_counter()
                    try:
                        connection.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (query,)).fetchone()
                    except sqlite3.OperationalError:  # detail=none / column refuse phrases
                        continue
                    elapsed = time.perf_counter() - started
                    best[name, query] = min(best.get((name, query), elapsed), elapsed)
        print("query | " + " | ".join(built))
        for query in QUERIES:
            print(f"{query} | " + " | ".join(f"{best[name, query] * 1000:.2f} ms" if (name, query) in best else "refused"
                                              for name in built))
        for connection, _, _ in built.values():
            connection.close()


if __name__ == "__main__":
    main()
