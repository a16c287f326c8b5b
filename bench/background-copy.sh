#!/usr/bin/env bash
# Copies in the background: how long init_replica takes to return, counted from the command typed
# (scripts/chameleon, JVM start included), and how long the copy it starts takes to finish.
# Usage: bench/background-copy.sh [runs] [rows]   (defaults 5 runs, 200000 rows of the mixed-type items table)
# Servers: private ones started by bench/servers.sh, or yours through MY_*/PG_* variables (see that file).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
rows=${2:-200000}
. bench/servers.sh
. bench/replica-common.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
bench_start_servers
trap bench_replica_cleanup EXIT
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"

bench_seed_items "$rows"
config="$BENCH_DIR/replica.yml"
bench_config "$config" file bench_replica 4243
pg -qc "DROP DATABASE IF EXISTS bench_replica" -c "CREATE DATABASE bench_replica" postgres
c create_replica_schema > /dev/null
c add_source --source bench > /dev/null

returns=()
for run in $(seq "$runs"); do
  t0=$(now)
  out=$(c init_replica --source bench)
  t1=$(now)
  pid=$(sed -n 's/.*(pid \([0-9]*\)).*/\1/p' <<< "$out")
  [ -n "$pid" ] || { echo "init_replica did not start a background copy: $out" >&2; exit 1; }
  while kill -0 "$pid" 2> /dev/null; do sleep 0.05; done
  t2=$(now)
  status=$(c show_status --source bench | grep -i 'init_replica' | head -1 || true)
  [ "$(pg_sums)" = "$(my_sums)" ] || { echo "run $run: the copy differs from the source" >&2; exit 1; }
  returns+=("$(secs "$t0" "$t1")")
  echo "run $run: returned after $(secs "$t0" "$t1") s (pid $pid), copy finished $(secs "$t0" "$t2") s after the command; $status"
done
echo "init_replica returned after (s): ${returns[*]}; median $(printf '%s\n' "${returns[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s"
