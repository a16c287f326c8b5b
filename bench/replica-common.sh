# Shared by the replica benchmarks (sourced after bench/servers.sh; the functions use the servers it starts):
# clients, the mixed-type items table with seed rows, the replica's setup and clean-up, waiting until the target
# holds what the source wrote, and the per-row comparison of both sides.
psql_bin="$(bench_pg_bindir)/psql"
my() { mariadb --no-defaults --default-character-set=utf8mb4 -h "$MY_HOST" -P "$MY_PORT" -u "$MY_USER" -p"$MY_PASSWORD" "$@"; }
pg() { PGPASSWORD=$PG_PASSWORD "$psql_bin" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }
secs() { awk "BEGIN {printf \"%.2f\", $2 - $1}"; }

# bench_seed_items N: a fresh bench_src database whose items table holds ids 1..N of mixed values
bench_seed_items() {
  my -e "DROP DATABASE IF EXISTS bench_src; CREATE DATABASE bench_src"
  my bench_src <<SQL
$(bench_items_ddl)
INSERT INTO items SELECT seq, CAST(seq % 1000 AS SIGNED) - 500, 18446744073709551615 - seq, seq / 7,
  CONCAT('item ', seq, ' ü😀'), ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'it''s'),
  TIMESTAMPADD(MICROSECOND, seq * 1234567, '2020-01-01 00:00:00'),
  JSON_OBJECT('n', seq, 'tag', CONCAT('t', seq % 10), 'ok', seq % 2 = 0, 'nested', JSON_OBJECT('ü', 'é😀')),
  UNHEX(REPEAT(LPAD(HEX(seq % 256), 2, '0'), 100 + seq % 200))
FROM seq_1_to_$1;
SQL
}

# the target holds the source's state when these agree
my_sums() { my -N bench_src -e "SELECT CONCAT_WS('|', count(*), sum(qty), sum(id), max(id)) FROM items"; }
pg_sums() { pg -At bench_replica -c "SELECT concat_ws('|', count(*), sum(qty), sum(id), max(id)) FROM bench_dst.items"; }

# await_replayed FILE POS: returns once a replayed batch ends at or after that source position. The wait runs
# inside PostgreSQL on one connection: the replay marks a batch in the transaction of its rows. Polling the target's
# sums instead cost PostgreSQL 20-25 ms of CPU per poll, about half a core at 20 polls/s, taken from the system under
# test.
await_replayed() {
  pg -q bench_replica -c "SET statement_timeout = '600s'" -c "DO \$\$ BEGIN
    WHILE NOT EXISTS (SELECT 1 FROM chameleon_catalogue.log_batch WHERE replayed_at IS NOT NULL
        AND (end_binlog_file, end_binlog_position) >= ('$1', $2)) LOOP
      PERFORM pg_sleep(0.01);
    END LOOP; END \$\$" > /dev/null
}

# await_applied: prints the time the target first held everything the source had written, then checks the sums
# once (the md5 comparison of verify follows)
await_applied() {
  local file pos want got
  read -r file pos < <(my -N -e "SHOW MASTER STATUS" | cut -f1,2)
  await_replayed "$file" "$pos"
  now
  want=$(my_sums); got=$(pg_sums)
  [ "$got" = "$want" ] || { echo "replay reached $file:$pos but the target differs: source $want, target $got" >&2; exit 1; }
}

# verify: prints how many rows differ between source and target (an md5 of every column's canonical text per row)
verify() {
  local my_text pg_text
  my_text=$(bench_items_text_my)
  pg_text=$(bench_items_text_pg)
  my -N bench_src -e "SELECT id, MD5($my_text) FROM items ORDER BY id" > "$BENCH_DIR/source.md5"
  pg -At -F $'\t' bench_replica -c "SELECT id, md5($pg_text) FROM bench_dst.items ORDER BY id" > "$BENCH_DIR/target.md5"
  diff "$BENCH_DIR/source.md5" "$BENCH_DIR/target.md5" | grep -c '^[<>]' || true
}

# bench_replica_setup HEALTH_PORT: the replica's configuration ($config) and catalogue, the source registered and
# copied with init_replica; c runs chameleon with that configuration
bench_replica_setup() {
  config="$BENCH_DIR/replica.yml"
  bench_config "$config" file bench_replica 4243 "    health_port: $1"
  pg -qc "DROP DATABASE IF EXISTS bench_replica" -c "CREATE DATABASE bench_replica" postgres
  c create_replica_schema > /dev/null
  c add_source --source bench > /dev/null
  c init_replica --source bench --foreground > /dev/null
}
c() { scripts/chameleon "$@" --config "$config"; }

# bench_replica_cleanup: stops the replica (once set up), the servers and the CPU cap; for the exit trap
bench_replica_cleanup() {
  [ -n "${config:-}" ] && scripts/chameleon stop_replica --config "$config" --source bench > /dev/null 2>&1 || true
  bench_stop_servers
  bench_uncap_cpus
}

# bench_oltp_replica SEED: the build (unless CHAMELEON_APP), the servers (stopped on exit), bench_src with the three
# OLTP-shaped tables of bench/oltp-workload.py holding SEED rows each ($BENCH_DIR/state.json their state), and the
# replica set up and copied; health_port is the replica's health port
bench_oltp_replica() {
  [ -n "${CHAMELEON_APP:-}" ] || [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
  bench_start_servers
  trap bench_replica_cleanup EXIT
  my -e "DROP DATABASE IF EXISTS bench_src; CREATE DATABASE bench_src"
  python3 bench/oltp-workload.py ddl "$1" "$BENCH_DIR/state.json" | my bench_src
  health_port=$(bench_free_port)
  bench_replica_setup "$health_port"
}
