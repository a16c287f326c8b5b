#!/usr/bin/env bash
# Change-log writer: the reader's JDBC COPY text (ChangeLogWriter) against the Vert.x reactive pg client.
# Usage: bench/changelog-writer.sh [rows] [runs]   (default 200000 rows, 5 measured runs after a warm-up)
#   BENCH_VARIANTS   writers to compare, comma-separated (default below):
#                    copy          = ChangeLogWriter, as the reader runs it
#                    batch:N       = reactive, pipelined executeBatch of one-row INSERTs, N rows per call
#                    unnest:N      = reactive, one INSERT ... SELECT FROM unnest(array parameters) per N rows
#                    jdbc-unnest:N = that unnest statement through pgjdbc inside ChangeLogWriter's batch (a control:
#                                    the statement's shape without the reactive client)
#   BENCH_PIPELINING reactive client's pipelining limit, default 256
#   BENCH_BATCH_ROWS rows per log batch (replica_batch_size), default 10000; 100 = one source transaction per batch
#   BENCH_MVN_ARGS   extra Maven arguments, e.g. -o when ~/.m2 holds the dependencies
# Method: ChangeLogWriterBenchmarkTest, run by Maven against the test support's private PostgreSQL (TESTING.md:
# fsync=off, synchronous_commit=off, full_page_writes=off, on this machine). The same rows (a 10-column mixed-type
# table: int, bigint unsigned, decimal, varchar with emoji, enum, datetime(6), json, 100-300 byte blob, nullable
# text; 50 % inserts, 30 % updates, 20 % deletes, before images holding the key) are written as the reader writes
# them: log batches of 10,000 rows, each one PostgreSQL transaction (open batch, rows, complete batch, read
# position, notify, commit). Variants take turns; each run starts on an emptied change log after a CHECKPOINT and
# is checked afterwards (row count, key sums, one image, digest of every column equal to the first run's).
# Figures per run: wall time, rows/s, the JVM's process CPU time, and the CPU time of the writing backend and of
# all the server's processes from /proc (n/a when the server is not local).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
runs=${2:-5}
variants=${BENCH_VARIANTS:-copy,batch:1000,batch:10000,unnest:250,unnest:1000,unnest:10000,jdbc-unnest:250}
log=$(mktemp /tmp/chameleon-changelog-bench-XXXXXX.log)
# shellcheck disable=SC2086 # BENCH_MVN_ARGS holds several words on purpose
./mvnw -B -q ${BENCH_MVN_ARGS:-} test -Dtest=ChangeLogWriterBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchameleon.changeLogBench=true -Dchameleon.changeLogBench.rows="$rows" -Dchameleon.changeLogBench.runs="$runs" \
  -Dchameleon.changeLogBench.variants="$variants" \
  -Dchameleon.changeLogBench.pipelining="${BENCH_PIPELINING:-256}" \
  -Dchameleon.changeLogBench.batchRows="${BENCH_BATCH_ROWS:-10000}" > "$log" 2>&1 \
  || { tail -50 "$log"; echo "benchmark failed; full output in $log"; exit 1; }
grep -E '^\[changelog-bench\]|^\|' "$log" | sed 's/^\[changelog-bench\] //'
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "full output: $log"
