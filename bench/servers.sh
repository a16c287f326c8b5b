#!/usr/bin/env bash
# Private MariaDB and PostgreSQL servers for benchmarks, started from the installed binaries with the settings of
# TESTING.md on free loopback ports, in a temp dir removed by bench_stop_servers. Source this file, then:
#   bench_start_servers   -> sets MY_HOST MY_PORT MY_USER MY_PASSWORD PG_HOST PG_PORT PG_USER PG_PASSWORD BENCH_DIR
#   bench_stop_servers
# To reuse running servers instead, export MY_HOST/MY_PORT/MY_USER/MY_PASSWORD and PG_HOST/PG_PORT/PG_USER/
# PG_PASSWORD before calling bench_start_servers (MariaDB needs log_bin=ON, binlog_format=ROW, row image FULL).
# BENCH_PG_OPTS adds options to the private PostgreSQL (e.g. "-c log_statement_stats=on" for a CPU breakdown).

bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

bench_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] || dir=$(pg_config --bindir)
  echo "$dir"
}

bench_wait() { # what, seconds, command...
  local what=$1 seconds=$2; shift 2
  local end=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || { echo "$what did not come up within ${seconds}s" >&2; return 1; }
    sleep 0.2
  done
}

bench_start_servers() {
  BENCH_DIR=$(mktemp -d /tmp/chameleon-bench-XXXXXX)
  chmod 755 "$BENCH_DIR"
  if [ -z "${MY_HOST:-}" ]; then
    MY_HOST=127.0.0.1 MY_PORT=$(bench_free_port) MY_USER=chameleon MY_PASSWORD=bench-$RANDOM$RANDOM
    mkdir -p "$BENCH_DIR/mariadb"
    mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$BENCH_DIR/mariadb/data" \
      --auth-root-authentication-method=normal --skip-test-db > "$BENCH_DIR/mariadb/install.log" 2>&1
    mariadbd --no-defaults --open-files-limit=4096 --user="$(id -un)" --datadir="$BENCH_DIR/mariadb/data" \
      --socket="$BENCH_DIR/mariadb/sock" --port="$MY_PORT" --bind-address=127.0.0.1 \
      --pid-file="$BENCH_DIR/mariadb/pid" --log-error="$BENCH_DIR/mariadb/server.log" \
      --log-bin=mysql-bin --binlog-format=ROW --binlog-row-image=FULL --binlog-row-metadata=FULL --server-id=1 \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci --skip-name-resolve \
      --max-connections=200 --innodb-buffer-pool-size=512M --innodb-log-file-size=256M \
      --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --sync-binlog=0 --performance-schema=OFF &
    bench_wait "MariaDB" 60 mariadb-admin --no-defaults --socket="$BENCH_DIR/mariadb/sock" -uroot ping
    mariadb --no-defaults --socket="$BENCH_DIR/mariadb/sock" -uroot -e "
      CREATE USER '$MY_USER'@'%' IDENTIFIED BY '$MY_PASSWORD';
      CREATE USER '$MY_USER'@'127.0.0.1' IDENTIFIED BY '$MY_PASSWORD';
      GRANT ALL PRIVILEGES ON *.* TO '$MY_USER'@'%' WITH GRANT OPTION;
      GRANT ALL PRIVILEGES ON *.* TO '$MY_USER'@'127.0.0.1' WITH GRANT OPTION;"
    BENCH_OWN_MARIADB=1
  fi
  if [ -z "${PG_HOST:-}" ]; then
    local bin
    bin=$(bench_pg_bindir)
    PG_HOST=127.0.0.1 PG_PORT=$(bench_free_port) PG_USER=postgres PG_PASSWORD=bench-$RANDOM$RANDOM
    mkdir -p "$BENCH_DIR/pg"
    echo "$PG_PASSWORD" > "$BENCH_DIR/pg/pwfile"
    local as=()
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$BENCH_DIR/pg"; as=(runuser -u postgres --); fi
    "${as[@]}" "$bin/initdb" -D "$BENCH_DIR/pg/data" -U postgres --pwfile="$BENCH_DIR/pg/pwfile" \
      --auth-local=trust --auth-host=md5 -E UTF8 --locale=C.UTF-8 > "$BENCH_DIR/pg/initdb.log" 2>&1
    "${as[@]}" "$bin/pg_ctl" -D "$BENCH_DIR/pg/data" -l "$BENCH_DIR/pg/server.log" -w -t 60 start \
      -o "-p $PG_PORT -k $BENCH_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
          -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB -c max_wal_size=4GB \
          -c password_encryption=md5 ${BENCH_PG_OPTS:-}" > /dev/null
    # md5 rather than scram: the pgloader of Debian 12 does not speak SCRAM
    PGPASSWORD=$PG_PASSWORD "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc \
      "ALTER USER postgres PASSWORD '$PG_PASSWORD'"
    BENCH_OWN_PG=1
  fi
  export MY_HOST MY_PORT MY_USER MY_PASSWORD PG_HOST PG_PORT PG_USER PG_PASSWORD BENCH_DIR
}

bench_stop_servers() {
  if [ -n "${BENCH_OWN_PG:-}" ]; then
    local as=()
    [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
    "${as[@]}" "$(bench_pg_bindir)/pg_ctl" -D "$BENCH_DIR/pg/data" -m fast -w stop > /dev/null 2>&1 || true
  fi
  if [ -n "${BENCH_OWN_MARIADB:-}" ]; then
    mariadb-admin --no-defaults --socket="$BENCH_DIR/mariadb/sock" -uroot shutdown > /dev/null 2>&1 || true
  fi
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$BENCH_DIR"
}

# BENCH_CPUS=N (e.g. 1.0) runs the caller and everything it starts (servers, replica, clients) under a CFS quota of
# N CPUs, in 10 ms periods: a stand-in for a slower machine. Needs root and a writable cgroup cpu controller (v1 or
# v2). bench_cap_cpus moves the calling shell into a new cgroup; bench_uncap_cpus removes it once its processes are
# gone.
bench_cap_cpus() {
  [ -n "${BENCH_CPUS:-}" ] || return 0
  local quota
  quota=$(awk -v c="$BENCH_CPUS" 'BEGIN { q = int(c * 10000); if (q < 1000) exit 1; print q }') \
    || { echo "BENCH_CPUS=$BENCH_CPUS: give a number of CPUs, at least 0.1" >&2; exit 1; }
  if [ -w /sys/fs/cgroup/cpu ]; then
    BENCH_CGROUP=/sys/fs/cgroup/cpu/chameleon-bench-$$
    mkdir -p "$BENCH_CGROUP"
    echo 10000 > "$BENCH_CGROUP/cpu.cfs_period_us"
    echo "$quota" > "$BENCH_CGROUP/cpu.cfs_quota_us"
    echo $$ > "$BENCH_CGROUP/tasks"
  elif [ -w /sys/fs/cgroup/cgroup.procs ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers; then
    BENCH_CGROUP=/sys/fs/cgroup/chameleon-bench-$$
    mkdir -p "$BENCH_CGROUP"
    echo "$quota 10000" > "$BENCH_CGROUP/cpu.max"
    echo $$ > "$BENCH_CGROUP/cgroup.procs"
  else
    echo "BENCH_CPUS needs root and a writable cgroup cpu controller" >&2
    exit 1
  fi
  echo "== capped: every process of this benchmark shares $BENCH_CPUS CPUs (CFS quota $quota us per 10000 us)"
}

bench_uncap_cpus() {
  [ -n "${BENCH_CGROUP:-}" ] || return 0
  local parent
  parent=$(dirname "$BENCH_CGROUP")
  if [ -f "$parent/tasks" ]; then echo $$ > "$parent/tasks"; else echo $$ > "$parent/cgroup.procs"; fi
  rmdir "$BENCH_CGROUP" 2>/dev/null || echo "left $BENCH_CGROUP (processes still in it)" >&2
}

# Writes the chameleon configuration of a benchmark: bench_config FILE LOG_DEST DATABASE SERVER_ID [EXTRA_LINES]
# (EXTRA_LINES: more keys of source "bench", indented by four spaces).
bench_config() {
  local file=$1 log_dest=$2 database=$3 server_id=$4 extra=${5:-}
  cat > "$file" <<YAML
pid_dir: '$BENCH_DIR/pid/'
log_dir: '$BENCH_DIR/logs/'
log_dest: $log_dest
log_level: info
log_days_keep: 10
rollbar_key: ''
rollbar_env: ''
catalogue_schema: chameleon_catalogue
type_override:
pg_conn:
  host: "$PG_HOST"
  port: "$PG_PORT"
  user: "$PG_USER"
  password: "$PG_PASSWORD"
  database: "$database"
  charset: "utf8"
sources:
  bench:
    type: mysql
    db_conn:
      host: "$MY_HOST"
      port: "$MY_PORT"
      user: "$MY_USER"
      password: "$MY_PASSWORD"
      charset: 'utf8mb4'
      connect_timeout: 10
    schema_mappings:
      bench_src: bench_dst
    limit_tables:
    skip_tables:
    grant_select_to:
    lock_timeout: "120s"
    my_server_id: $server_id
    replica_batch_size: 10000
    replay_max_rows: 10000
    batch_retention: '1 day'
    copy_max_memory: "300M"
    copy_mode: 'direct'
    out_dir: '$BENCH_DIR'
    sleep_loop: 1
    on_error_replay: continue
    on_error_read: continue
    auto_maintenance: "disabled"
    gtid_enable: false
    keep_existing_schema: No
    net_read_timeout: 600
$extra
YAML
  chmod 600 "$file"
}

# The mixed-type table both benchmarks use (10 columns, a secondary index), in the current heredoc's database.
bench_items_ddl() {
  cat <<'SQL'
CREATE TABLE items (
  id INT PRIMARY KEY,
  qty INT NOT NULL,
  big_u BIGINT UNSIGNED NOT NULL,
  price DECIMAL(14,4) NOT NULL,
  name VARCHAR(100) NOT NULL,
  status ENUM('new','paid','shipped','it''s') NOT NULL,
  created DATETIME(6) NOT NULL,
  attrs JSON NOT NULL,
  thumb BLOB NOT NULL,
  KEY ix_created (created)
) ENGINE=InnoDB;
SQL
}

# The canonical text of an items row on each side, compared by md5 after a copy or replication: every column,
# times to the microsecond, the JSON document's fields, the blob as hex.
bench_items_text_my() {
  cat <<'SQL'
CONCAT_WS('|', id, qty, big_u, price, name, status, DATE_FORMAT(created, '%Y-%m-%d %H:%i:%s.%f'),
    JSON_VALUE(attrs, '$.n'), JSON_VALUE(attrs, '$.tag'), JSON_EXTRACT(attrs, '$.ok'),
    JSON_VALUE(attrs, '$.nested."ü"'), LOWER(HEX(thumb)))
SQL
}
bench_items_text_pg() {
  cat <<'SQL'
concat_ws('|', id, qty, big_u, price, name, status, to_char(created, 'YYYY-MM-DD HH24:MI:SS.US'),
    attrs ->> 'n', attrs ->> 'tag', attrs -> 'ok', attrs -> 'nested' ->> 'ü', encode(thumb, 'hex'))
SQL
}

# CPU seconds used so far by a process and its reaped and live children (user + system):
# bench_cpu_seconds PID. PostgreSQL's backends are children of the postmaster, so this counts finished sessions too.
bench_cpu_seconds() {
  local pid=$1 hz
  hz=$(getconf CLK_TCK)
  {
    awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat"
    for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do
      awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true
    done
  } | awk -v hz="$hz" '{ ticks += $1 } END { printf "%.2f", ticks / hz }'
}

# bench_thread_cpu PID: "name S, name S, ..." CPU seconds per thread group of a JVM (numbered threads folded),
# largest first: tells the reader, the replay worker, the JIT compilers and the collector apart.
bench_thread_cpu() {
  local pid=$1 hz
  hz=$(getconf CLK_TCK)
  for task in /proc/"$pid"/task/*; do
    printf '%s\t%s\n' "$(sed 's/[-#]*[0-9]*$//' "$task/comm" 2>/dev/null)" "$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null)"
  done | awk -F'\t' -v hz="$hz" '{ t[$1] += $2 } END { for (n in t) if (t[n] > 0) printf "%.2f %s\n", t[n] / hz, n }' \
    | sort -rn | awk '{ s = s (NR > 1 ? ", " : "") $2 " " $1 " s" } END { print s }'
}

# "mariadb S postgres S" for the benchmark's servers (only the ones it started itself; otherwise "n/a").
bench_server_cpu() {
  local my=n/a pg=n/a
  [ -n "${BENCH_OWN_MARIADB:-}" ] && my=$(bench_cpu_seconds "$(cat "$BENCH_DIR/mariadb/pid")")
  [ -n "${BENCH_OWN_PG:-}" ] && pg=$(bench_cpu_seconds "$(head -1 "$BENCH_DIR/pg/data/postmaster.pid")")
  echo "$my $pg"
}
