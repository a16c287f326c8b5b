#!/usr/bin/env bash
# Initial copy: chameleon init_replica vs pgloader, same source data, same servers, same run.
# Usage: bench/copy-vs-pgloader.sh [rows]     (default 200000; BENCH_KEEP=1 keeps the temp dir)
# Servers: private ones started by bench/servers.sh, or yours through MY_*/PG_* variables (see that file).
# Prints both wall times, their ratio, and whether every value chameleon copied matches the source.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
. bench/servers.sh

command -v pgloader > /dev/null || apt-get install -y pgloader > /dev/null
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
bench_start_servers
trap bench_stop_servers EXIT
psql_bin="$(bench_pg_bindir)/psql"

my() { mariadb --no-defaults --default-character-set=utf8mb4 -h "$MY_HOST" -P "$MY_PORT" -u "$MY_USER" -p"$MY_PASSWORD" "$@"; }
pg() { PGPASSWORD=$PG_PASSWORD "$psql_bin" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }
# Both tools start from quiet servers: InnoDB has written the freshly loaded source pages (its page cleaner would
# otherwise compete for the CPU with whichever tool runs first) and PostgreSQL has checkpointed.
settle() {
  my -e "SET GLOBAL innodb_max_dirty_pages_pct_lwm = 0.001, GLOBAL innodb_max_dirty_pages_pct = 0"
  local deadline=$((SECONDS + 120))
  until [ "$(my -N -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | cut -f2)" = 0 ]; do
    [ $SECONDS -lt $deadline ] || { echo "InnoDB still has dirty pages after 120 s; timing anyway" >&2; break; }
    sleep 0.2
  done
  pg -qc "CHECKPOINT" postgres
}
# "CPU: tool X s, MariaDB Y s, PostgreSQL Z s" from /usr/bin/time's "user sys" file and server CPU before/after.
cpu_line() {
  awk -v my0="$2" -v my1="$3" -v pg0="$4" -v pg1="$5" '{ printf "CPU: tool %.2f s, MariaDB %s s, PostgreSQL %s s",
    $1 + $2, (my0 == "n/a" ? "n/a" : sprintf("%.2f", my1 - my0)), (pg0 == "n/a" ? "n/a" : sprintf("%.2f", pg1 - pg0)) }' "$1"
}

echo "== source: $rows rows of mixed types in bench_src.items"
my -e "DROP DATABASE IF EXISTS bench_src; CREATE DATABASE bench_src"
my bench_src <<SQL
$(bench_items_ddl)
INSERT INTO items SELECT seq, CAST(seq % 1000 AS SIGNED) - 500, 18446744073709551615 - seq, seq / 7, CONCAT('item ', seq, ' ü😀'),
  ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'it''s'),
  TIMESTAMPADD(MICROSECOND, seq * 1234567, '2020-01-01 00:00:00'),
  JSON_OBJECT('n', seq, 'tag', CONCAT('t', seq % 10), 'ok', seq % 2 = 0, 'nested', JSON_OBJECT('ü', 'é😀')),
  UNHEX(REPEAT(LPAD(HEX(seq % 256), 2, '0'), 100 + seq % 200))
FROM seq_1_to_$rows;
ANALYZE TABLE items;
SQL
my -N -e "SELECT CONCAT('source size: ', ROUND((data_length + index_length) / 1048576, 1), ' MiB')
          FROM information_schema.tables WHERE table_schema = 'bench_src' AND table_name = 'items'"
pg -qc "DROP DATABASE IF EXISTS bench_chameleon" -c "CREATE DATABASE bench_chameleon" \
   -c "DROP DATABASE IF EXISTS bench_pgloader" -c "CREATE DATABASE bench_pgloader" postgres

config="$BENCH_DIR/chameleon.yml"
bench_config "$config" stdout bench_chameleon 4242 "    copy_workers: ${CHAMELEON_COPY_WORKERS:-0}
    copy_split_rows: ${CHAMELEON_COPY_SPLIT_ROWS:-100000}"
scripts/chameleon create_replica_schema --config "$config" > /dev/null
scripts/chameleon add_source --config "$config" --source bench > /dev/null

echo "== chameleon init_replica (scripts/chameleon, JVM start included)"
settle
read -r my0 pg0 <<< "$(bench_server_cpu)"
t0=$(now)
/usr/bin/time -f "%U %S" -o "$BENCH_DIR/chameleon.cpu" \
  scripts/chameleon init_replica --config "$config" --source bench | tee "$BENCH_DIR/chameleon.out"
t1=$(now)
read -r my1 pg1 <<< "$(bench_server_cpu)"
chameleon_s=$(awk "BEGIN {printf \"%.2f\", $t1 - $t0}")
chameleon_cpu=$(cpu_line "$BENCH_DIR/chameleon.cpu" "$my0" "$my1" "$pg0" "$pg1")

echo "== pgloader (MySQL -> PostgreSQL database bench_pgloader, its defaults: data, indexes, constraints)"
settle
read -r my0 pg0 <<< "$(bench_server_cpu)"
t0=$(now)
/usr/bin/time -f "%U %S" -o "$BENCH_DIR/pgloader.cpu" pgloader --no-ssl-cert-verification \
  "mysql://$MY_USER:$MY_PASSWORD@$MY_HOST:$MY_PORT/bench_src" \
  "postgresql://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/bench_pgloader" > "$BENCH_DIR/pgloader.out" 2>&1 \
  || { cat "$BENCH_DIR/pgloader.out"; exit 1; }
t1=$(now)
read -r my1 pg1 <<< "$(bench_server_cpu)"
pgloader_s=$(awk "BEGIN {printf \"%.2f\", $t1 - $t0}")
pgloader_cpu=$(cpu_line "$BENCH_DIR/pgloader.cpu" "$my0" "$my1" "$pg0" "$pg1")
tail -n 12 "$BENCH_DIR/pgloader.out"

echo "== verifying every value chameleon copied: per-row md5 of a canonical text rendering on both sides"
my_text=$(bench_items_text_my)
pg_text=$(bench_items_text_pg)
my -N bench_src -e "SELECT id, MD5($my_text) FROM items ORDER BY id" > "$BENCH_DIR/source.md5"
pg -At -F $'\t' bench_chameleon -c "SELECT id, md5($pg_text) FROM bench_dst.items ORDER BY id" \
  > "$BENCH_DIR/chameleon.md5"
source_rows=$(wc -l < "$BENCH_DIR/source.md5")
mismatches=$(diff "$BENCH_DIR/source.md5" "$BENCH_DIR/chameleon.md5" | grep -c '^<' || true)
first=$(diff "$BENCH_DIR/source.md5" "$BENCH_DIR/chameleon.md5" | awk '/^</ && !seen {print $2; seen = 1}' || true)
if [ -n "$first" ]; then
  echo "first differing row, id $first:"
  echo "  source:    $(my -N bench_src -e "SELECT $my_text FROM items WHERE id = $first" | cut -c1-300)"
  echo "  chameleon: $(pg -At bench_chameleon -c "SELECT $pg_text FROM bench_dst.items WHERE id = $first" | cut -c1-300)"
fi
pgloader_rows=$(pg -At bench_pgloader -c "SELECT count(*) FROM bench_src.items")

ratio=$(awk "BEGIN {printf \"%.2f\", $chameleon_s / $pgloader_s}")
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(pgloader --version | head -1)"
echo "rows: source $source_rows, chameleon $(wc -l < "$BENCH_DIR/chameleon.md5"), pgloader $pgloader_rows"
echo "chameleon init_replica: $chameleon_s s ($chameleon_cpu)"
echo "pgloader:               $pgloader_s s ($pgloader_cpu)"
echo "ratio chameleon/pgloader: $ratio (target <= 0.5)"
echo "chameleon rows differing from the source: $mismatches"
[ "$mismatches" = 0 ]
