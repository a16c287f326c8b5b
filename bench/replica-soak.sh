#!/usr/bin/env bash
# Steady live replication: lag, memory and change-log size while the source writes at a fixed rate for minutes.
# Usage: bench/replica-soak.sh [seconds] [changes_per_second] [sample_seconds]   (default 300 s, 20000/s, every 10 s)
# Servers: private ones started by bench/servers.sh, or yours through MY_*/PG_* variables (see that file).
# BENCH_CPUS=1.0 runs it all under a quota of one CPU (see servers.sh).
# Table: the mixed-type bench_src.items of the other benchmarks, 10,000 seed rows. The source writes transactions of
# 100 row changes (50 inserts of new ids, 30 updates of the previous transaction's rows, 20 deletes of the one
# before), paced by a stored procedure to the rate asked (or as fast as it can, when slower).
# Each sample: lag = time from reading the source's binlog position until a replayed batch has passed it (what an
# operator would wait for a change made at that moment); show_status's read and replay lags (measured against the
# source clock; its JVM start, about 0.3 s of CPU a sample, shares the cores with what is measured); the replica's
# RSS; the change log's size and partitions; batches not yet replayed.
# The end: the writes stop, the target catches up, and a per-row md5 comparison of the whole table on both sides.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-300}
rate=${2:-20000}
every=${3:-10}
txn_rate=$(awk "BEGIN {print $rate / 100}")
. bench/servers.sh
. bench/replica-common.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
bench_cap_cpus
bench_start_servers
stop_all() {
  [ -n "${writer:-}" ] && kill "$writer" 2> /dev/null || true
  bench_replica_cleanup
}
trap stop_all EXIT

echo "== source: 10000 seed rows in bench_src.items; then ${duration} s of writes at $rate changes/s"
bench_seed_items 10000
my bench_src <<'SQL'
DELIMITER //
CREATE PROCEDURE soak(txn_rate DOUBLE, seconds DOUBLE)
BEGIN
  DECLARE base INT DEFAULT 1000000;
  DECLARE i INT DEFAULT 0;
  DECLARE t0 DOUBLE DEFAULT UNIX_TIMESTAMP(NOW(6));
  DECLARE ahead DOUBLE;
  WHILE UNIX_TIMESTAMP(NOW(6)) - t0 < seconds DO
    START TRANSACTION;
    INSERT INTO items SELECT base + i * 50 + seq, seq, seq, seq / 3, CONCAT('new ', i), 'new',
      '2026-11-22 10:00:00.5', JSON_OBJECT('n', i, 'tag', 'live', 'ok', true, 'nested', JSON_OBJECT('ü', 'x')),
      UNHEX('C0FFEE') FROM seq_1_to_50;
    UPDATE items SET qty = qty + 1, status = 'paid', price = price + 0.0001
      WHERE id BETWEEN base + (i - 1) * 50 + 1 AND base + (i - 1) * 50 + 30;
    DELETE FROM items WHERE id BETWEEN base + (i - 2) * 50 + 31 AND base + (i - 2) * 50 + 50;
    COMMIT;
    SET i = i + 1;
    SET ahead = t0 + i / txn_rate - UNIX_TIMESTAMP(NOW(6));
    IF ahead > 0 THEN DO SLEEP(ahead); END IF;
  END WHILE;
  SELECT i;
END//
DELIMITER ;
SQL

bench_replica_setup "$(bench_free_port)"
c start_replica --source bench > /dev/null 2>&1
pid=$(cat "$BENCH_DIR/pid/bench.pid")
read -r my0 pg0 <<< "$(bench_server_cpu)"

# show_status's lags of the source row: columns Read lag and Replay lag
status_lags() {
  c show_status --source bench 2> /dev/null | awk -F'  +' '$2 == "bench" { print $6 "/" $8; exit }'
}
change_log_size() {
  pg -At bench_replica -c "SELECT round(coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) / 1048576.0, 1) || ' MiB, '
      || count(i.inhrelid) || ' partitions, ' || (SELECT count(*) FROM chameleon_catalogue.log_batch
      WHERE replayed_at IS NULL) || ' batches pending'
    FROM pg_inherits i WHERE i.inhparent = 'chameleon_catalogue.change_log'::regclass"
}

t_start=$(now)
my -N bench_src -e "CALL soak($txn_rate, $duration)" > "$BENCH_DIR/written.txt" &
writer=$!
printf '%8s  %8s  %14s  %9s  %s\n' "t (s)" "lag (s)" "status lags" "RSS" "change log"
lags=()
while kill -0 "$writer" 2> /dev/null; do
  sleep "$every"
  kill -0 "$writer" 2> /dev/null || break
  read -r file pos < <(my -N -e "SHOW MASTER STATUS" | cut -f1,2)
  t0=$(now); await_replayed "$file" "$pos"; t1=$(now)
  lag=$(secs "$t0" "$t1"); lags+=("$lag")
  rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$pid/status")
  printf '%8s  %8s  %14s  %9s  %s\n' "$(secs "$t_start" "$t0")" "$lag" "$(status_lags)" "$rss" "$(change_log_size)"
done
wait "$writer"
writer=
t_last=$(now)
txns=$(cat "$BENCH_DIR/written.txt")
t_done=$(await_applied)
read -r my1 pg1 <<< "$(bench_server_cpu)"
replica_cpu=$(bench_cpu_seconds "$pid")
hwm=$(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$pid/status")
diff_rows=$(verify)
written_s=$(secs "$t_start" "$t_last")
c stop_replica --source bench > /dev/null

echo
echo "machine: $(nproc) cores${BENCH_CPUS:+ capped to $BENCH_CPUS CPUs}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "written: $((txns * 100)) changes in $written_s s ($(awk "BEGIN {printf \"%.0f\", $txns * 100 / $written_s}") changes/s; asked $rate)"
printf '%s\n' "${lags[@]}" | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "no lag samples"; exit }
  printf "lag over %d samples: median %.2f s, 95th percentile %.2f s, max %.2f s\n", NR, v[int((NR + 1) / 2)],
    v[int(NR * 0.95 + 0.999)], v[NR] }'
echo "after the last write: target caught up in $(secs "$t_last" "$t_done") s; rows differing: $diff_rows"
echo "replica peak RSS (VmHWM) $hwm; CPU over the run: replica $replica_cpu s (JVM start included), MariaDB $(awk "BEGIN {printf \"%.1f\", $my1 - $my0}") s, PostgreSQL $(awk "BEGIN {printf \"%.1f\", $pg1 - $pg0}") s"
[ "$diff_rows" = 0 ]
