#!/usr/bin/env python3
"""SQL of an OLTP-shaped workload for bench/replica-oltp.sh, written to stdout for the mariadb CLI (no Python
client for MariaDB is installed here, and the CLI runs statements as they arrive on its input).

  oltp-workload.py ddl SEED STATE            the three tables with SEED rows each; STATE is written
  oltp-workload.py changes STATE N [RATE [whole]]
                                             N row changes (N/100 transactions); RATE changes/s paces the output
                                             (0: as fast as the server takes them); "whole": each transaction goes to
                                             the server as one multi-statement query (one round trip instead of 41;
                                             the same statements, so the same binlog events)
  oltp-workload.py split STATE K             STATE.0 .. STATE.K-1 for K writers in parallel: writer w owns the ids
                                             with id % K == w (live ones and those it inserts), so their
                                             transactions never touch the same rows and never wait for each other
  oltp-workload.py merge STATE K             STATE again from the K parts once the writers are done

Each transaction holds 100 row changes over the three tables: 50 inserts as multi-row INSERTs (5 statements of
10 rows), 30 updates as single-row UPDATE ... WHERE id = ?, 20 deletes as DELETE ... WHERE id IN (...) (4
statements of 5 ids). Rows are wide and mixed: VARCHAR, TEXT, BLOB of 0-512 bytes, JSON, DECIMAL, DOUBLE, ENUM,
DATETIME(6), TIMESTAMP. STATE is a JSON file holding the next id and the live ids of each table between runs, so
updates and deletes always hit existing rows. Values come from a seeded random generator: runs repeat exactly.
"""
import json
import random
import sys
import time

TABLES = ("orders", "customers", "events")
STATUS = ("new", "paid", "shipped", "cancelled", "it''s")


def ddl(seed):
    out = []
    for t in TABLES:
        out.append(f"""CREATE TABLE {t} (
  id INT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  note TEXT,
  payload BLOB,
  attrs JSON,
  amount DECIMAL(14,4) NOT NULL,
  score DOUBLE,
  status ENUM('new','paid','shipped','cancelled','it''s') NOT NULL,
  created DATETIME(6) NOT NULL,
  updated TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY ix_created (created)
) ENGINE=InnoDB;""")
        out.append(f"INSERT INTO {t} SELECT seq, CONCAT('seed ', seq, ' ü'), REPEAT('seed note ', seq % 30),"
                   f" LEFT(REPEAT(UNHEX(MD5(seq)), 32), seq % 513),"
                   f" JSON_OBJECT('n', seq, 'tag', CONCAT('t', seq % 10), 'ok', seq % 2 = 0),"
                   f" seq / 7, ROUND(seq / 3, 4), ELT(1 + seq % 5, 'new', 'paid', 'shipped', 'cancelled', 'it''s'),"
                   f" TIMESTAMPADD(MICROSECOND, seq * 1234567, '2020-01-01 00:00:00'),"
                   f" FROM_UNIXTIME(1600000000 + seq) FROM seq_1_to_{seed};")
    state = {t: {"next": seed + 1, "live": [1, seed]} for t in TABLES}
    return "\n".join(out), state


class Ids:
    """Live ids of a table as ranges: the seed range plus what was inserted, minus what was deleted."""

    def __init__(self, entry):
        self.next = entry["next"]
        self.step = entry.get("step", 1)
        self.live = set()
        lo, hi = entry["live"][0], entry["live"][1]
        self.live_list = list(range(lo, hi + 1)) if "ids" not in entry else entry["ids"]
        self.live = set(self.live_list)

    def insert(self):
        i = self.next
        self.next += self.step
        self.live.add(i)
        self.live_list.append(i)
        return i

    def pick(self, rnd):
        while True:  # lazy removal: deleted ids are dropped from the list when picked
            k = rnd.randrange(len(self.live_list))
            i = self.live_list[k]
            if i in self.live:
                return i
            self.live_list[k] = self.live_list[-1]
            self.live_list.pop()

    def delete(self, rnd):
        i = self.pick(rnd)
        self.live.discard(i)
        return i

    def dump(self):
        return {"next": self.next, "step": self.step, "live": [0, -1], "ids": sorted(self.live)}


def split(state_file, k):
    with open(state_file) as f:
        state = json.load(f)
    ids = {t: Ids(state[t]) for t in TABLES}
    txn = state.get("txn", 0)
    for w in range(k):
        part = {}
        for t in TABLES:
            first = ids[t].next + (w - ids[t].next) % k  # the first free id of writer w's residue
            part[t] = {"next": first, "step": k, "live": [0, -1], "ids": sorted(i for i in ids[t].live if i % k == w)}
        part["txn"] = txn + w * 1000000  # distinct random streams and values per writer
        with open(f"{state_file}.{w}", "w") as f:
            json.dump(part, f)


def merge(state_file, k):
    parts = []
    for w in range(k):
        with open(f"{state_file}.{w}") as f:
            parts.append(json.load(f))
    state = {t: {"next": max(p[t]["next"] for p in parts), "live": [0, -1],
                 "ids": sorted(i for p in parts for i in p[t]["ids"])} for t in TABLES}
    state["txn"] = max(p["txn"] for p in parts)
    with open(state_file, "w") as f:
        json.dump(state, f)


def row(i, rnd, txn):
    blob = rnd.randrange(513)
    note = rnd.randrange(200)
    return (f"({i}, 'name {i} ü😀', LEFT(REPEAT('lorem ipsum é ', 20), {note}),"
            f" LEFT(REPEAT(UNHEX(MD5({i})), 32), {blob}),"
            f" JSON_OBJECT('n', {i}, 'tag', 't{i % 10}', 'ok', {'true' if i % 2 else 'false'}, 'txn', {txn}),"
            f" {rnd.randrange(10**9)}.{rnd.randrange(10000):04d}, {rnd.randrange(10**7) / 10000},"
            f" '{STATUS[i % 5]}', '2026-12-0{1 + i % 9} {i % 24:02d}:{i % 60:02d}:{txn % 60:02d}.{i % 1000000:06d}',"
            f" FROM_UNIXTIME({1700000000 + i}))")


def transaction(ids, rnd, txn):
    out = ["START TRANSACTION;"]
    for _ in range(5):
        t = TABLES[rnd.randrange(3)]
        rows = ",\n".join(row(ids[t].insert(), rnd, txn) for _ in range(10))
        out.append(f"INSERT INTO {t} VALUES {rows};")
    for _ in range(30):
        t = TABLES[rnd.randrange(3)]
        i = ids[t].pick(rnd)
        out.append(f"UPDATE {t} SET amount = amount + 1.0001, score = {rnd.randrange(10**7) / 10000},"
                   f" status = '{STATUS[rnd.randrange(5)]}', note = CONCAT(LEFT(COALESCE(note, ''), 150), 'u'),"
                   f" updated = FROM_UNIXTIME({1700000000 + txn}) WHERE id = {i};")
    for _ in range(4):
        t = TABLES[rnd.randrange(3)]
        victims = ", ".join(str(ids[t].delete(rnd)) for _ in range(5))
        out.append(f"DELETE FROM {t} WHERE id IN ({victims});")
    out.append("COMMIT;")
    return "\n".join(out) + "\n"


def changes(state_file, n, rate, whole=False):
    with open(state_file) as f:
        state = json.load(f)
    ids = {t: Ids(state[t]) for t in TABLES}
    txn0 = state.get("txn", 0)
    rnd = random.Random(txn0 + 18)
    out = sys.stdout
    start = time.monotonic()
    txns = n // 100
    if whole:  # the CLI sends text up to the delimiter as one query: a transaction per round trip
        out.write("DELIMITER ;;\n")
    for k in range(txns):
        if rate > 0:  # pace: transaction k is due at k * 100 / rate seconds
            ahead = start + k * 100 / rate - time.monotonic()
            if ahead > 0:
                out.flush()
                time.sleep(ahead)
        text = transaction(ids, rnd, txn0 + k)
        out.write(text[:-1] + ";\n" if whole else text)  # "COMMIT;;" ends the query
    out.flush()
    state = {t: ids[t].dump() for t in TABLES}
    state["txn"] = txn0 + txns
    with open(state_file, "w") as f:
        json.dump(state, f)


def main():
    if sys.argv[1] == "ddl":
        text, state = ddl(int(sys.argv[2]))
        print(text)
        with open(sys.argv[3], "w") as f:
            json.dump(state, f)
    elif sys.argv[1] == "split":
        split(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "merge":
        merge(sys.argv[2], int(sys.argv[3]))
    else:
        changes(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]) if len(sys.argv) > 4 else 0,
                len(sys.argv) > 5 and sys.argv[5] == "whole")


if __name__ == "__main__":
    main()
