#!/usr/bin/env bash
# Reader throughput on OLTP-shaped changes (issue 18): many small binlog events rather than a few big ones.
# Usage: bench/replica-oltp.sh [backlog_changes] [burst_changes]   (defaults 300000 and 100000)
#   BENCH_STEADY="10000 20000 30000"  steady rates in changes/s (empty: none); BENCH_STEADY_SECS=20 per rate
#   BENCH_WRITERS=4 mariadb clients writing each steady rate in parallel (one reached only 10-12k changes/s here), each
#     paced at its share of the rate, on disjoint ids (id % writers): their transactions never wait for each other;
#     BENCH_WHOLE=1 (default; empty: off) sends each transaction as one multi-statement query, a round trip per
#     transaction instead of per statement (the same statements, so the same binlog events)
#   BENCH_SEED=50000 seed rows per table; BENCH_CPUS=1.0 caps everything (see servers.sh); BENCH_KEEP=1 keeps the dir
#   CHAMELEON_APP=DIR runs another JVM build (e.g. the base commit's, for a before/after comparison)
#   BENCH_REPLICA_JAVA_OPTS: JVM options of the replica process only, e.g. a flight recording, written when it stops:
#     "-XX:StartFlightRecording=filename=/tmp/replica.jfr,settings=profile"
# Servers: private ones started by bench/servers.sh, or yours through MY_*/PG_* variables (see that file).
# Workload (bench/oltp-workload.py, SQL for the mariadb CLI): transactions of 100 row changes over three wide
# mixed-type tables, 50 % multi-row INSERTs, 30 % single-row UPDATE ... WHERE id = ?, 20 % DELETE ... WHERE id IN.
#   (a) backlog: changes written while the replica is stopped, then start_replica; the time is counted from the
#       command typed (JVM start included) to all applied; also the time to the first change logged.
#   (b) burst: changes written at full speed while the replica runs; lag = last source commit until applied.
#   (c) steady: each rate for BENCH_STEADY_SECS; every second the source's binlog position is sampled, and its lag
#       is the time until the replay marked a batch ending at or after it (from log_batch.replayed_at).
# Each phase: replica CPU per 100k changes split by thread (from /proc/PID/task/*/stat before and after), peak RSS,
# rows differing (per-row md5 of every column on both sides, all three tables).
set -euo pipefail
cd "$(dirname "$0")/.."
backlog=${1:-300000}
burst=${2:-100000}
steady_rates=${BENCH_STEADY-10000 20000 30000}
steady_secs=${BENCH_STEADY_SECS:-20}
seed=${BENCH_SEED:-50000}
. bench/servers.sh
. bench/replica-common.sh
[ -n "${CHAMELEON_APP:-}" ] || [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
bench_cap_cpus
bench_start_servers
trap bench_replica_cleanup EXIT
workload() { python3 bench/oltp-workload.py "$@"; }
writers=${BENCH_WRITERS:-4}
whole=${BENCH_WHOLE-1}
parallel_changes() { # N RATE: N changes at RATE changes/s by $writers clients in parallel, each on its own ids
  local w
  workload split "$BENCH_DIR/state.json" "$writers"
  for w in $(seq 0 $((writers - 1))); do
    workload changes "$BENCH_DIR/state.json.$w" $(($1 / writers)) "$(awk "BEGIN {print $2 / $writers}")" \
      ${whole:+whole} | my bench_src &
  done
  wait
  workload merge "$BENCH_DIR/state.json" "$writers"
}
tables="orders customers events"

echo "== source: three tables of $seed seed rows each" \
  "(VARCHAR, TEXT, BLOB, JSON, DECIMAL, DOUBLE, ENUM, DATETIME(6), TIMESTAMP)"
my -e "DROP DATABASE IF EXISTS bench_src; CREATE DATABASE bench_src"
workload ddl "$seed" "$BENCH_DIR/state.json" | my bench_src

# canonical text of a row on each side: doubles are written with 4 decimals and compared scaled to integers (the
# two servers print doubles differently), the timestamp as epoch seconds, JSON by its fields
row_my="CONCAT_WS('|', id, name, MD5(COALESCE(note, '-')), LOWER(HEX(payload)), JSON_VALUE(attrs, '\$.n'),
  JSON_VALUE(attrs, '\$.tag'), JSON_EXTRACT(attrs, '\$.ok'), JSON_VALUE(attrs, '\$.txn'), amount,
  ROUND(score * 10000), status, DATE_FORMAT(created, '%Y-%m-%d %H:%i:%s.%f'), UNIX_TIMESTAMP(updated))"
row_pg="concat_ws('|', id, name, md5(coalesce(note, '-')), encode(payload, 'hex'), attrs ->> 'n',
  attrs ->> 'tag', attrs -> 'ok', attrs ->> 'txn', amount,
  round(score * 10000)::bigint, status, to_char(created, 'YYYY-MM-DD HH24:MI:SS.US'),
  floor(extract(epoch FROM updated))::bigint)"
differing() { # rows differing over the three tables
  local total=0 n t
  for t in $tables; do
    my -N bench_src -e "SELECT id, MD5($row_my) FROM $t ORDER BY id" > "$BENCH_DIR/source.md5"
    pg -At -F $'\t' bench_replica -c "SELECT id, md5($row_pg) FROM bench_dst.$t ORDER BY id" > "$BENCH_DIR/target.md5"
    n=$(diff "$BENCH_DIR/source.md5" "$BENCH_DIR/target.md5" | grep -c '^[<>]' || true)
    total=$((total + n))
  done
  echo "$total"
}
applied() { # waits until the target holds everything the source wrote so far; prints that time
  local file pos
  read -r file pos < <(my -N -e "SHOW MASTER STATUS" | cut -f1,2)
  await_replayed "$file" "$pos"
  now
}
thread_ticks() { # per thread group (numbered threads folded) of the JVM: "name ticks"; "@total" is the process's
  # own count, which keeps the time of threads that ended (a thread gone since the last snapshot shows as none)
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(sed 's/[-#]*[0-9]*$//' "$task/comm" 2>/dev/null)" \
      "$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null)"
  done | awk -F'\t' '$2 != "" { t[$1] += $2 } END { for (n in t) print n "\t" t[n] }'
  printf '@total\t%s\n' "$(awk '{ print $14 + $15 }' "/proc/$1/stat")"
}
cpu_delta() { if [ "$1" = n/a ]; then echo n/a; else awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; fi; }
backend_cpu() { # the replica's PostgreSQL backends: CPU seconds of each since it started, and its latest statement
  local hz; hz=$(getconf CLK_TCK)
  pg -At -F $'\t' bench_replica -c "SELECT pid, regexp_replace(left(query, 50), '\s+', ' ', 'g') FROM pg_stat_activity
    WHERE datname = 'bench_replica' AND pid <> pg_backend_pid()" |
    while IFS=$'\t' read -r bpid query; do
      printf '%s\t%s\n' "$(awk '{ print $14 + $15 }' "/proc/$bpid/stat" 2>/dev/null || echo 0)" "$query"
    done | sort -rn | awk -F'\t' -v hz="$hz" '$1 > 0 { printf "  %.2f s  %s\n", $1 / hz, $2 }'
}
cpu_report() { # BEFORE AFTER CHANGES: total replica CPU per 100k changes, then the biggest thread groups
  local hz; hz=$(getconf CLK_TCK)
  awk -F'\t' -v hz="$hz" -v n="$3" 'FNR == NR { b[$1] = $2; next } $1 == "@total" { s = $2 - b[$1]; next }
    { d[$1] = $2 - b[$1] }
    END { printf "replica CPU %.2f s for %d changes = %.2f s per 100k changes; by thread per 100k:", s / hz, n,
            s / hz / n * 100000
          PROCINFO["sorted_in"] = "@val_num_desc"
          for (k in d) if (d[k] / hz / n * 100000 >= 0.05) printf " %s %.2f", k, d[k] / hz / n * 100000
          print "" }' "$1" "$2"
}
rss() { awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$1/status"; }
health_port=$(bench_free_port)
bench_replica_setup "$health_port"
echo "copied; source binlog events so far: $(my -N -e 'SHOW MASTER STATUS' | cut -f1,2)"

echo "== (a) backlog: $backlog changes written while the replica is stopped"
workload changes "$BENCH_DIR/state.json" "$backlog" > "$BENCH_DIR/backlog.sql"
t0=$(now); my bench_src < "$BENCH_DIR/backlog.sql"; t1=$(now)
rm -f "$BENCH_DIR/backlog.sql"
echo "written in $(secs "$t0" "$t1") s" \
  "($(awk "BEGIN {printf \"%.0f\", $backlog / ($t1 - $t0)}") changes/s on the source)"
last_batch=$(pg -At bench_replica -c "SELECT coalesce(max(batch_id), 0) FROM chameleon_catalogue.log_batch")
printf "@total\t0\n" > "$BENCH_DIR/empty"
read -r my0 pg0 <<< "$(bench_server_cpu)"
t_start=$(now)
CHAMELEON_JAVA_OPTS="${BENCH_REPLICA_JAVA_OPTS:-${CHAMELEON_JAVA_OPTS:-}}" \
  c start_replica --source bench > /dev/null 2>&1
t_ready=$(now)
t_done=$(applied)
read -r my1 pg1 <<< "$(bench_server_cpu)"
pid=$(cat "$BENCH_DIR/pid/bench.pid")
thread_ticks "$pid" > "$BENCH_DIR/ticks.a"
backend_cpu > "$BENCH_DIR/backends.a"
first_logged=$(pg -At bench_replica -c "SELECT extract(epoch FROM min(logged_at)) FROM chameleon_catalogue.log_batch
  WHERE batch_id > $last_batch")
diff_a=$(differing)
total=$(secs "$t_start" "$t_done")
rate_a=$(awk "BEGIN {printf \"%.0f\", $backlog / ($t_done - $t_start)}")
echo "start_replica returned after $(secs "$t_start" "$t_ready") s;" \
  "first change logged $(secs "$t_start" "$first_logged") s after the command"
echo "all applied $total s after the command: $rate_a rows/s counted from typing start_replica;" \
  "$(awk "BEGIN {printf \"%.0f\", $backlog / ($t_done - $first_logged)}") rows/s from the first change logged"
echo "$(cpu_report "$BENCH_DIR/empty" "$BENCH_DIR/ticks.a" "$backlog") (JVM start included)"
echo "servers' CPU from the command to all applied: MariaDB $(cpu_delta "$my0" "$my1") s," \
  "PostgreSQL $(cpu_delta "$pg0" "$pg1") s; the replica's backends (CPU since they started, latest statement):"
cat "$BENCH_DIR/backends.a"
echo "peak RSS $(rss "$pid"); rows differing: $diff_a"

echo "== (b) burst: $burst changes written at full speed while the replica runs"
workload changes "$BENCH_DIR/state.json" "$burst" > "$BENCH_DIR/burst.sql"
read -r my0 pg0 <<< "$(bench_server_cpu)"
t0=$(now); my bench_src < "$BENCH_DIR/burst.sql"; t_last=$(now)
t_done=$(applied)
read -r my1 pg1 <<< "$(bench_server_cpu)"
thread_ticks "$pid" > "$BENCH_DIR/ticks.b"
diff_b=$(differing)
lag_b=$(secs "$t_last" "$t_done")
echo "written in $(secs "$t0" "$t_last") s" \
  "($(awk "BEGIN {printf \"%.0f\", $burst / ($t_last - $t0)}") changes/s on the source)"
echo "lag after the last write: $lag_b s;" \
  "live throughput $(awk "BEGIN {printf \"%.0f\", $burst / ($t_done - $t0)}") rows/s"
echo "$(cpu_report "$BENCH_DIR/ticks.a" "$BENCH_DIR/ticks.b" "$burst")"
echo "servers' CPU from the first write to all applied: MariaDB $(cpu_delta "$my0" "$my1") s (the writes" \
  "included), PostgreSQL $(cpu_delta "$pg0" "$pg1") s"
echo "peak RSS $(rss "$pid"); rows differing: $diff_b"

prev=$BENCH_DIR/ticks.b
summary=""
for rate in $steady_rates; do
  n=$((rate * steady_secs))
  echo "== (c) steady: $rate changes/s for $steady_secs s ($n changes, $writers writers), lag sampled every second"
  : > "$BENCH_DIR/samples"
  parallel_changes "$n" "$rate" & writer=$!
  t0=$(now)
  while kill -0 "$writer" 2> /dev/null; do
    printf '%s\t%s\n' "$(now)" "$(my -N -e 'SHOW MASTER STATUS' | cut -f1,2)" >> "$BENCH_DIR/samples"
    sleep 1
  done
  wait "$writer"; t_last=$(now)
  t_done=$(applied)
  thread_ticks "$pid" > "$BENCH_DIR/ticks.$rate"
  lags=$(pg -At bench_replica -c "CREATE TEMP TABLE s (t float8, f text, p bigint)" \
    -c "\\copy s FROM '$BENCH_DIR/samples'" -c "SELECT format('%s samples: median %s s, max %s s', count(*),
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)::numeric, 2), round(max(lag)::numeric, 2)) FROM (
      SELECT greatest(0, extract(epoch FROM (SELECT min(replayed_at) FROM chameleon_catalogue.log_batch b
        WHERE (b.end_binlog_file, b.end_binlog_position) >= (s.f, s.p))) - s.t) AS lag FROM s) l" | tail -1)
  diff_c=$(differing)
  achieved=$(awk "BEGIN {printf \"%.0f\", $n / ($t_last - $t0)}")
  echo "source wrote $achieved changes/s; lag $lags; after the last write $(secs "$t_last" "$t_done") s"
  echo "$(cpu_report "$prev" "$BENCH_DIR/ticks.$rate" "$n")"
  echo "peak RSS $(rss "$pid"); rows differing: $diff_c"
  summary="$summary
(c) steady $rate/s ($writers writers, source achieved $achieved/s): lag $lags; rows differing $diff_c"
  prev=$BENCH_DIR/ticks.$rate
done
rss_final=$(rss "$pid")
c stop_replica --source bench > /dev/null

echo
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(nproc) cores${BENCH_CPUS:+ capped to $BENCH_CPUS CPUs}," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(a) backlog $backlog: $rate_a rows/s from typing start_replica (target >= 60000); rows differing $diff_a"
echo "(b) burst $burst: lag $lag_b s (target < 0.5); rows differing $diff_b$summary"
echo "replica peak RSS $rss_final"
[ "$diff_a" = 0 ] && [ "$diff_b" = 0 ]
