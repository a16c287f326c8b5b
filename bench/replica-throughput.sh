#!/usr/bin/env bash
# Live replication throughput: start_replica on a backlog, and lag while replicating at full speed.
# Usage: bench/replica-throughput.sh [changes]   (default 100000; BENCH_KEEP=1 keeps the temp dir)
# Servers: private ones started by bench/servers.sh, or yours through MY_*/PG_* variables (see that file).
# BENCH_CPUS=1.0 runs it all under a quota of one CPU, as on a machine with half of these two cores (see servers.sh).
# Table: the mixed-type bench_src.items of bench/copy-vs-pgloader.sh (10 columns), 100,000 seed rows.
# Changes: transactions of 100 row changes, 50 inserts + 30 updates + 20 deletes each (one multi-row statement of
# each kind), written by a stored procedure on the source.
#   (a) backlog: changes written while the replica is stopped, then start_replica; time until all are applied.
#   (b) live: the same amount of changes written at full speed while the replica runs; lag = time from the last
#       source commit until the target holds it; live throughput = changes / time from the first write until the
#       target holds them all (the lag depends on how fast the source wrote, this does not); peak RSS (VmHWM).
# Both end with a per-row md5 comparison of the whole table on both sides.
# BENCH_WEBHOOK=hang sends the replica's alerts to a receiver that accepts connections and never answers;
# BENCH_WEBHOOK=refuse sends them to a port where nothing listens (every delivery refused at once);
# BENCH_WEBHOOK=none makes the same refused change with no receiver configured (the cost of the error path alone).
# BENCH_SCRAPE=SECONDS scrapes the replica's /q/metrics every SECONDS during the run (the cost of being monitored).
# BENCH_VERIFY=1 adds (c): `chameleon verify` of the table alone (rows/s), then the replay lag while the source
#   writes at a steady pace, without and with verify running (sampled from /q/metrics every second).
set -euo pipefail
cd "$(dirname "$0")/.."
changes=${1:-100000}
txns=$((changes / 100))
seed=100000
. bench/servers.sh
. bench/replica-common.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
bench_cap_cpus
bench_start_servers
trap bench_replica_cleanup EXIT

echo "== source: $seed seed rows of mixed types in bench_src.items"
bench_seed_items $seed
my bench_src <<SQL
-- run r (0 or 1) of n transactions: transaction i inserts 50 new ids, updates 30 seed rows, deletes 20 seed rows
DELIMITER //
CREATE PROCEDURE changes(r INT, n INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  WHILE i < n DO
    START TRANSACTION;
    INSERT INTO items SELECT $seed + r * 1000000 + i * 50 + seq, seq, seq, seq / 3, CONCAT('new ', i), 'new',
      '2026-11-22 10:00:00.5', JSON_OBJECT('n', i, 'tag', 'live', 'ok', true, 'nested', JSON_OBJECT('ü', 'x')),
      UNHEX('C0FFEE') FROM seq_1_to_50;
    UPDATE items SET qty = qty + 1, status = 'paid', price = price + 0.0001 WHERE id BETWEEN 1 + i * 30 AND 30 + i * 30;
    DELETE FROM items WHERE id BETWEEN 50001 + r * 25000 + i * 20 AND 50020 + r * 25000 + i * 20;
    COMMIT;
    SET i = i + 1;
  END WHILE;
END//
DELIMITER ;
SQL
[ "$txns" -le 1250 ] || { echo "at most 125000 changes (the deletes of a run use 25,000 seed rows)"; exit 1; }

health_port=$(bench_free_port)
[ -z "${BENCH_WEBHOOK:-}" ] || my bench_src -e "CREATE TABLE alerts (id INT PRIMARY KEY, v INT)"
bench_replica_setup "$health_port"
if [ "${BENCH_WEBHOOK:-}" = hang ]; then
  # a receiver that accepts connections and never answers: alerts must not hold replication up
  hook_port=$(bench_free_port)
  python3 -c "import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $hook_port))
s.listen(64); held = []
while True: held.append(s.accept()[0])" &
  hook_pid=$!
  echo "notification_webhook: 'http://127.0.0.1:$hook_port/hook'" >> "$config"
  # one change the target refuses, written first in (a): its table is switched off and an alert goes out
  pg -q bench_replica -c "ALTER TABLE bench_dst.alerts ADD CONSTRAINT refused CHECK (v < 0) NOT VALID"
  trap 'kill "$hook_pid" 2> /dev/null; bench_replica_cleanup' EXIT
fi
if [ "${BENCH_WEBHOOK:-}" = refuse ]; then
  echo "notification_webhook: 'http://127.0.0.1:$(bench_free_port)/hook'" >> "$config"
fi
if [ "${BENCH_WEBHOOK:-}" = none ] || [ "${BENCH_WEBHOOK:-}" = refuse ]; then
  pg -q bench_replica -c "ALTER TABLE bench_dst.alerts ADD CONSTRAINT refused CHECK (v < 0) NOT VALID"
fi
metrics_url="http://127.0.0.1:$health_port/q/metrics"
if [ -n "${BENCH_SCRAPE:-}" ]; then
  ( while :; do curl -sf -o "$BENCH_DIR/last-scrape" "$metrics_url" && echo ok; sleep "$BENCH_SCRAPE"; done ) > "$BENCH_DIR/scrapes" &
  scrape_pid=$!
  trap 'kill "$scrape_pid" ${hook_pid:-} 2> /dev/null; bench_replica_cleanup' EXIT
fi

echo "== (a) backlog: $changes changes ($txns transactions of 100) written while the replica is stopped"
[ -z "${BENCH_WEBHOOK:-}" ] || my bench_src -e "INSERT INTO alerts VALUES (1, 1)"
t0=$(now); my bench_src -e "CALL changes(0, $txns)"; t1=$(now)
echo "written in $(secs "$t0" "$t1") s"
read -r my0 pg0 <<< "$(bench_server_cpu)"
t_start=$(now)
c start_replica --source bench > /dev/null 2>&1
t_ready=$(now)
t_done=$(await_applied)
read -r my1 pg1 <<< "$(bench_server_cpu)"
replica_cpu=$(bench_cpu_seconds "$(cat "$BENCH_DIR/pid/bench.pid")")
backlog_cpu=$(awk -v r="$replica_cpu" -v my0="$my0" -v my1="$my1" -v pg0="$pg0" -v pg1="$pg1" 'BEGIN {
  printf "CPU from start_replica to applied: replica %.2f s (JVM start included), MariaDB %.2f s, PostgreSQL %.2f s",
    r, my1 - my0, pg1 - pg0 }')
backlog_total=$(secs "$t_start" "$t_done"); backlog_apply=$(secs "$t_ready" "$t_done")
backlog_rate=$(awk "BEGIN {printf \"%.0f\", $changes / ($t_done - $t_ready)}")
backlog_diff=$(verify)
echo "start_replica returned after $(secs "$t_start" "$t_ready") s (JVM start, pid file); all applied $backlog_total s after the start"
echo "apply rate (after start-up): $backlog_rate rows/s; rows differing: $backlog_diff"
echo "$backlog_cpu"
echo "replica CPU by thread: $(bench_thread_cpu "$(cat "$BENCH_DIR/pid/bench.pid")")"
# where the time went: the reader's batches (count, size, first and last commit) and the replay's marks
batch_split() {
  pg -At bench_replica -c "SELECT format('reader: %s batches of %s rows on average, logged over %s s; replay: marked over %s s, last mark %s s after the first batch was logged',
    count(*), round(avg(row_count)), round(extract(epoch FROM max(logged_at) - min(logged_at))::numeric, 2),
    round(extract(epoch FROM max(replayed_at) - min(replayed_at))::numeric, 2),
    round(extract(epoch FROM max(replayed_at) - min(logged_at))::numeric, 2))
    FROM chameleon_catalogue.log_batch WHERE batch_id > $1"
}
echo "$(batch_split 0)"
last_batch=$(pg -At bench_replica -c "SELECT coalesce(max(batch_id), 0) FROM chameleon_catalogue.log_batch")

echo "== (b) live: $changes changes written at full speed while the replica runs"
pid=$(cat "$BENCH_DIR/pid/bench.pid")
t0=$(now); my bench_src -e "CALL changes(1, $txns)"; t_last=$(now)
t_done=$(await_applied)
write_s=$(secs "$t0" "$t_last"); lag=$(secs "$t_last" "$t_done")
rss=$(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$pid/status")
live_diff=$(verify)
echo "written in $write_s s ($(awk "BEGIN {printf \"%.0f\", $changes / $write_s}") rows/s on the source)"
# the lag grows with the source's speed; the replica's own rate while it shares the machine with the writes does not
live_rate=$(awk "BEGIN {printf \"%.0f\", $changes / ($t_done - $t0)}")
echo "lag after the last write: $lag s; replica peak RSS (VmHWM): $rss; rows differing: $live_diff"
echo "live throughput (changes / time from the first write until applied): $live_rate rows/s"
echo "$(batch_split "$last_batch")"
if [ -n "${BENCH_VERIFY:-}" ]; then
  echo "== (c) verify: the whole table, then the replay lag under steady writes without and with verify"
  my bench_src <<'SQL'
DELIMITER //
CREATE PROCEDURE steady(n INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  WHILE i < n DO
    UPDATE items SET qty = qty + 1 WHERE id BETWEEN 1 + (i * 10) % 40000 AND 10 + (i * 10) % 40000;
    DO SLEEP(0.01);
    SET i = i + 1;
  END WHILE;
END//
DELIMITER ;
SQL
  verify_alone=$(c verify --source bench | tail -1 || true)
  echo "verify alone: $verify_alone"
  max_lag() { # samples chameleon_replay_lag_seconds every second while process $1 runs; prints the maximum
    local worst=0 lag
    while kill -0 "$1" 2> /dev/null; do
      lag=$(curl -sf "$metrics_url" | awk '/^chameleon_replay_lag_seconds/ {print $2}')
      worst=$(awk -v a="$worst" -v b="${lag:-0}" 'BEGIN {print (b > a && b == b) ? b : a}')
      sleep 1
    done
    echo "$worst"
  }
  my bench_src -e "CALL steady(3000)" & writer=$!
  lag_without=$(max_lag $writer)
  my bench_src -e "CALL steady(3000)" & writer=$!
  ( c verify --source bench > "$BENCH_DIR/verify-under-writes" || true ) & verifier=$!
  lag_with=$(max_lag $writer)
  wait "$verifier" # not a bare wait: the servers are children of this script too
  echo "replay lag under steady writes (10-row updates every 10 ms), worst of 1 s samples: without verify ${lag_without} s, with verify ${lag_with} s"
  echo "verify under writes: $(tail -1 "$BENCH_DIR/verify-under-writes")"
fi
[ -z "${hook_pid:-}" ] || echo "alert raised to the hanging receiver: $(c show_status --source bench | grep -c 'alerts.*disabled' || true) table disabled (bench_src.alerts)"
[ -z "${scrape_pid:-}" ] || echo "metrics scrapes answered: $(grep -c ok "$BENCH_DIR/scrapes"), the last one $(grep -vc '^#' "$BENCH_DIR/last-scrape") series in $(wc -c < "$BENCH_DIR/last-scrape") bytes"
c stop_replica --source bench > /dev/null

echo
echo "machine: $(nproc) cores${BENCH_CPUS:+ capped to $BENCH_CPUS CPUs}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(a) backlog of $changes changes: $backlog_rate rows/s after start-up ($backlog_apply s), $backlog_total s including start_replica (target >= 50000 rows/s)"
echo "(b) live: lag after the last write $lag s (target < 1 s); live throughput $live_rate rows/s; replica peak RSS $rss"
[ "$backlog_diff" = 0 ] && [ "$live_diff" = 0 ]
