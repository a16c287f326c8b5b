#!/usr/bin/env bash
# An idle replica's CPU: what a running replica costs while the source writes nothing (its heartbeats, the replay's
# waits for NOTIFY and its housekeeping every minute). The replica first replays 1,000 OLTP-shaped changes
# (bench/oltp-workload.py), so that the replay has progress to housekeep, then the CPU of its process and of its
# busiest threads is read from /proc over the idle span.
# Usage: bench/replica-idle.sh [seconds]   (default 125: two housekeepings)
#   CHAMELEON_APP=DIR runs another JVM build (e.g. the base commit's, for a before/after comparison)
# Servers: private ones started by bench/servers.sh, or yours through MY_*/PG_* variables (see that file).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-125}
. bench/servers.sh
. bench/replica-common.sh
workload() { python3 bench/oltp-workload.py "$@"; }
bench_oltp_replica 1000
workload changes "$BENCH_DIR/state.json" 1000 | my bench_src
read -r file pos < <(my -N -e "SHOW MASTER STATUS" | cut -f1,2)
c start_replica --source bench > /dev/null 2>&1
await_replayed "$file" "$pos"
pid=$(cat "$BENCH_DIR/pid/bench.pid")
hz=$(getconf CLK_TCK)
threads() { # "name ticks" per thread group (numbered threads folded), and the process's own total
  for task in /proc/"$pid"/task/*; do
    printf '%s\t%s\n' "$(sed 's/[-#]*[0-9]*$//' "$task/comm" 2>/dev/null)" "$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null)"
  done | awk -F'\t' '$2 != "" { t[$1] += $2 } END { for (n in t) print n "\t" t[n] }'
  printf '@total\t%s\n' "$(awk '{ print $14 + $15 }' "/proc/$pid/stat")"
}
threads > "$BENCH_DIR/idle.0"; t0=$(now)
sleep "$seconds"
threads > "$BENCH_DIR/idle.1"; t1=$(now)
c stop_replica --source bench > /dev/null
awk -F'\t' -v hz="$hz" -v span="$(secs "$t0" "$t1")" 'FNR == NR { b[$1] = $2; next }
  $1 == "@total" { total = ($2 - b[$1]) / hz; next } { d[$1] = ($2 - b[$1]) / hz }
  END { printf "idle %s s: replica CPU %.2f s (%.1f %% of a core); by thread:", span, total, total / span * 100
        PROCINFO["sorted_in"] = "@val_num_desc"
        for (k in d) if (d[k] >= 0.02) printf " %s %.2f", k, d[k]
        print "" }' "$BENCH_DIR/idle.0" "$BENCH_DIR/idle.1"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
  "$(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
