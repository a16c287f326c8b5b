#!/usr/bin/env bash
# Change-log writer: the reader's binary COPY (ChangeLogWriter), as the reader runs it. (Until catalogue version 8
# it also compared the Vert.x reactive pg client's writers on jsonb images; docs/benchmarks.md keeps those figures.)
# Usage: bench/changelog-writer.sh [rows] [runs]   (default 200000 rows, 5 measured runs after a warm-up)
#   BENCH_BATCH_ROWS rows per log batch (replica_batch_size), default 10000; 100 = one source transaction per batch
#   BENCH_MVN_ARGS   extra Maven arguments, e.g. -o when ~/.m2 holds the dependencies
# Method: ChangeLogWriterBenchmarkTest, run by Maven against the test support's private PostgreSQL (TESTING.md:
# fsync=off, synchronous_commit=off, full_page_writes=off, on this machine). The same rows (a 10-column mixed-type
# table: int, bigint unsigned, decimal, varchar with emoji, enum, datetime(6), json, 100-300 byte blob, nullable
# text; 50 % inserts, 30 % updates, 20 % deletes, before images holding the key) are written as the reader writes
# them: log batches of 10,000 rows, each one PostgreSQL transaction (open batch, rows, complete batch, read
# position, notify, commit). Each run starts on an emptied change log after a CHECKPOINT and is checked afterwards (row count, key sums, one image, digest of every column equal to the first run's).
# Figures per run: wall time, rows/s, the JVM's process CPU time, and the CPU time of the writing backend and of
# all the server's processes from /proc (n/a when the server is not local).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
runs=${2:-5}
log=$(mktemp /tmp/chameleon-changelog-bench-XXXXXX.log)
# shellcheck disable=SC2086 # BENCH_MVN_ARGS holds several words on purpose
./mvnw -B -q ${BENCH_MVN_ARGS:-} test -Dtest=ChangeLogWriterBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchameleon.changeLogBench=true -Dchameleon.changeLogBench.rows="$rows" -Dchameleon.changeLogBench.runs="$runs" \
  -Dchameleon.changeLogBench.batchRows="${BENCH_BATCH_ROWS:-10000}" > "$log" 2>&1 \
  || { tail -50 "$log"; echo "benchmark failed; full output in $log"; exit 1; }
grep -E '^\[changelog-bench\]|^\|' "$log" | sed 's/^\[changelog-bench\] //'
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "full output: $log"
