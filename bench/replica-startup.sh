#!/usr/bin/env bash
# start_replica start-up in JVM mode (issue 18): the time from the command typed to its return (the background process
# holds its pid file) and to the first change logged (min(log_batch.logged_at) of the batches after the command),
# median of N starts. Before each start, 1,000 OLTP-shaped changes (bench/oltp-workload.py) are written while the
# replica is stopped, so a change waits for the reader the moment it starts; and to the first change replayed
# (min(log_batch.replayed_at)). Also the CPU seconds of the command's
# JVM (it spawns the background process and returns) and of the background process once the first change is
# replayed (its start, the reader's and the replay's set-up, and the 1,000 changes): CPU is steadier than wall time on
# a shared machine. Then the first scrape of /q/metrics: its wall time, and the CPU it cost the Vert.x event loop and
# the whole process (10 ms ticks).
# Usage: bench/replica-startup.sh [runs]   (default 5)
#   CHAMELEON_APP=DIR runs another JVM build (e.g. the base commit's, for a before/after comparison)
# Servers: private ones started by bench/servers.sh, or yours through MY_*/PG_* variables (see that file).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
. bench/servers.sh
. bench/replica-common.sh
workload() { python3 bench/oltp-workload.py "$@"; }
bench_oltp_replica 1000
# CPU seconds of a JVM's threads whose name starts with $2 (all threads without it)
threads_cpu() {
  local hz; hz=$(getconf CLK_TCK)
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in "${2:-}"*) awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null;; esac
  done | awk -v hz="$hz" '{ t += $1 } END { printf "%.2f", t / hz }'
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
: > "$BENCH_DIR/returned"; : > "$BENCH_DIR/first"; : > "$BENCH_DIR/replayed"; : > "$BENCH_DIR/cpu_command"; : > "$BENCH_DIR/cpu_replica"; : > "$BENCH_DIR/scrape"
for r in $(seq "$runs"); do
  workload changes "$BENCH_DIR/state.json" 1000 | my bench_src
  last=$(pg -At bench_replica -c "SELECT coalesce(max(batch_id), 0) FROM chameleon_catalogue.log_batch")
  read -r file pos < <(my -N -e "SHOW MASTER STATUS" | cut -f1,2)
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(now)
  /usr/bin/time -f '%U %S' -o "$BENCH_DIR/time" scripts/chameleon start_replica --source bench --config "$config" \
    > /dev/null 2>&1
  t_ret=$(now)
  await_replayed "$file" "$pos"
  cpu_replica=$(bench_cpu_seconds "$(cat "$BENCH_DIR/pid/bench.pid")")
  cpu_command=$(awk '{ printf "%.2f", $1 + $2 }' "$BENCH_DIR/time")
  echo "$cpu_replica" >> "$BENCH_DIR/cpu_replica"; echo "$cpu_command" >> "$BENCH_DIR/cpu_command"
  rpid=$(cat "$BENCH_DIR/pid/bench.pid")
  loop0=$(threads_cpu "$rpid" vert.x-eventloo); all0=$(threads_cpu "$rpid"); s0=$(now)
  curl -sf -o /dev/null "http://127.0.0.1:$health_port/q/metrics"
  s1=$(now); loop1=$(threads_cpu "$rpid" vert.x-eventloo); all1=$(threads_cpu "$rpid")
  scrape="first scrape $(secs "$s0" "$s1") s, event loop $(secs "$loop0" "$loop1") s, process $(secs "$all0" "$all1") s CPU"
  secs "$s0" "$s1" >> "$BENCH_DIR/scrape"; echo >> "$BENCH_DIR/scrape"
  read -r first replayed < <(pg -At -F ' ' bench_replica -c "SELECT extract(epoch FROM min(logged_at)),
    extract(epoch FROM min(replayed_at)) FROM chameleon_catalogue.log_batch WHERE batch_id > $last")
  c stop_replica --source bench > /dev/null
  secs "$t0" "$t_ret" >> "$BENCH_DIR/returned"; echo >> "$BENCH_DIR/returned"
  secs "$t0" "$first" >> "$BENCH_DIR/first"; echo >> "$BENCH_DIR/first"
  secs "$t0" "$replayed" >> "$BENCH_DIR/replayed"; echo >> "$BENCH_DIR/replayed"
  echo "run $r: start_replica returned after $(secs "$t0" "$t_ret") s, first change logged after" \
    "$(secs "$t0" "$first") s, first replayed after $(secs "$t0" "$replayed") s; CPU: command $cpu_command s, background process $cpu_replica s;" \
    "$scrape (load average $load)"
done
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median of $runs: start_replica returned after $(median < "$BENCH_DIR/returned") s;" \
  "first change logged after $(median < "$BENCH_DIR/first") s, replayed after $(median < "$BENCH_DIR/replayed") s; CPU: command $(median < "$BENCH_DIR/cpu_command") s," \
  "background process $(median < "$BENCH_DIR/cpu_replica") s; first scrape $(median < "$BENCH_DIR/scrape") s"
