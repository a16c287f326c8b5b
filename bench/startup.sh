#!/usr/bin/env bash
# Start-up cost of CLI commands in JVM mode: wall time and peak RSS, median of N runs each.
# Usage: bench/startup.sh [runs]   (builds the application first if target/quarkus-app is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install -y time)"; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

config=$(mktemp -d)/bench.yml
sed -e "s|@PG_PORT@|5432|" -e "s|@PG_HOST@|127.0.0.1|" bench/startup-config.yml > "$config"
chmod 600 "$config"

measure() {
  local label=$1; shift
  local times=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o /tmp/chameleon-bench-time "$@" >/dev/null 2>&1 || true
    read -r t m < /tmp/chameleon-bench-time
    times+=("$t"); rss+=("$m")
  done
  local mt mr
  mt=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-34s median wall %6.2f s   median peak RSS %6.1f MiB   (%d runs)\n' "$label" "$mt" "$(awk "BEGIN {print $mr/1024}")" "$runs"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "method: /usr/bin/time around each command, output discarded, median of $runs runs; launcher = scripts/chameleon"
measure "chameleon --help" scripts/chameleon --help
measure "chameleon show_config" scripts/chameleon show_config --config "$config"
measure "java -jar (no CDS) --help" java -jar target/quarkus-app/quarkus-run.jar --help
measure "java -jar (no CDS) show_config" java -jar target/quarkus-app/quarkus-run.jar show_config --config "$config"
