#!/usr/bin/env bash
# Chameleon demo: private MariaDB and PostgreSQL servers, a sample shop schema, init_replica, a live replica,
# some changes (rows and an ALTER TABLE), show_status and the replicated rows; then everything it started is stopped and removed.
# Installs what is missing on Debian/Ubuntu (a JDK, mariadb-server, postgresql) through scripts/prerequisites.sh.
# Runs chameleon through scripts/chameleon: the native executable when built (or CHAMELEON_BIN), else the JVM build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

source scripts/prerequisites.sh
pg_bin=$PG_BIN
# scripts/chameleon runs the native executable when there is one (target/*-runner or CHAMELEON_BIN), the JVM
# build otherwise; the JVM build is made when it has neither
scripts/chameleon --version >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests
echo "== $(scripts/chameleon --version 2>&1 | tr '\n' ' ')"

work=$(mktemp -d /tmp/chameleon-demo.XXXXXX)
chmod 755 "$work"
free_port() {  # a random port nothing listens on
  local p
  while :; do p=$(shuf -i 20000-60000 -n 1); ss -ltn | grep -q ":$p " || { echo "$p"; return; }; done
}
my_port=$(free_port); pg_port=$(free_port); health_port=$(free_port)
as_pg=(); as_root_my=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); as_root_my=(--user=root); fi

cleanup() {
  echo "== stopping the demo servers"
  [ -n "${replica_started:-}" ] && scripts/chameleon stop_replica --config "$work/demo.yml" --source shop >/dev/null 2>&1 || true
  [ -f "$work/my/mysqld.pid" ] && kill "$(cat "$work/my/mysqld.pid")" 2>/dev/null || true
  [ -d "$work/pg" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  sleep 1; rm -rf "$work"
}
trap cleanup EXIT

echo "== starting MariaDB on port $my_port and PostgreSQL on port $pg_port (in $work)"
mkdir -p "$work/my"
mariadb-install-db --no-defaults "${as_root_my[@]}" --datadir="$work/my/data" --auth-root-authentication-method=normal >/dev/null
/usr/sbin/mariadbd --no-defaults "${as_root_my[@]}" --datadir="$work/my/data" --port="$my_port" --bind-address=127.0.0.1 \
  --socket="$work/my/mysqld.sock" --pid-file="$work/my/mysqld.pid" --log-bin=mysql-bin --binlog-format=ROW \
  --binlog-row-image=FULL --binlog-row-metadata=FULL --server-id=1 --character-set-server=utf8mb4 \
  --skip-name-resolve --log-error="$work/my/error.log" 2>/dev/null &
mkdir -p "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres "$work" "$work/pg"
echo demo-pg-secret > "$work/pgpass" && chmod 644 "$work/pgpass"
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$work/pgpass" -E UTF8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
for _ in $(seq 100); do mariadb -S "$work/my/mysqld.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
my() { mariadb --default-character-set=utf8mb4 -S "$work/my/mysqld.sock" -uroot "$@"; }
my -e "CREATE USER chameleon@'127.0.0.1' IDENTIFIED BY 'demo-my-secret'; GRANT ALL ON *.* TO chameleon@'127.0.0.1';"

echo "== sample schema 'shop' in MariaDB"
my <<'SQL'
CREATE DATABASE shop;
USE shop;
CREATE TABLE customers (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, name VARCHAR(60) NOT NULL,
  email VARCHAR(120) UNIQUE, tier ENUM('basic','gold') NOT NULL DEFAULT 'basic', joined DATETIME(6));
CREATE TABLE orders (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, customer_id INT UNSIGNED NOT NULL,
  total DECIMAL(10,2) NOT NULL, items JSON, placed TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP(3));
INSERT INTO customers (name, email, tier, joined) VALUES
  ('Ada Lovelace', 'ada@example.org', 'gold', '2024-01-02 10:00:00.123456'),
  ('Grace Hopper', 'grace@example.org', 'basic', '2024-02-03 11:30:00'),
  ('Émile Zola 📚', 'emile@example.org', 'basic', NULL);
INSERT INTO orders (customer_id, total, items) VALUES (1, 42.50, '{"sku": "A1", "qty": 2}'), (2, 9.99, '[]');
SQL

cat > "$work/demo.yml" <<YAML
pid_dir: '$work/pid/'
log_dir: '$work/logs/'
log_dest: file
log_level: info
log_days_keep: 1
rollbar_key: ''
rollbar_env: ''
pg_conn: {host: 127.0.0.1, port: $pg_port, user: postgres, password: demo-pg-secret, database: postgres, charset: utf8}
sources:
  shop:
    type: mysql
    db_conn: {host: 127.0.0.1, port: $my_port, user: chameleon, password: demo-my-secret, charset: utf8mb4, connect_timeout: 10}
    schema_mappings: {shop: shop}
    limit_tables:
    skip_tables:
    grant_select_to:
    lock_timeout: 10s
    my_server_id: 4242
    replica_batch_size: 10000
    replay_max_rows: 10000
    batch_retention: '1 day'
    copy_max_memory: 64M
    copy_mode: direct
    out_dir: /tmp
    sleep_loop: 1
    on_error_replay: continue
    health_port: $health_port
YAML
chmod 600 "$work/demo.yml"
c() { echo "\$ chameleon $*"; scripts/chameleon "$@" --config "$work/demo.yml"; }

echo "== replica catalogue, source, initial copy"
c create_replica_schema
c add_source --source shop
c init_replica --source shop --foreground   # attached: the demo starts the replica once the copy is done
echo "== live replica"
c start_replica --source shop
replica_started=1

echo "== changes in MariaDB while the replica runs"
my shop <<'SQL'
INSERT INTO customers (name, email) VALUES ('Alan Turing', 'alan@example.org');
UPDATE customers SET tier = 'gold' WHERE name LIKE 'Grace%';
START TRANSACTION;
INSERT INTO orders (customer_id, total, items) VALUES (4, 100.00, '{"sku": "B7", "qty": 1}');
DELETE FROM orders WHERE total < 10;
COMMIT;
-- DDL is replicated in order with the rows around it
ALTER TABLE customers ADD COLUMN phone VARCHAR(20) AFTER email, MODIFY tier ENUM('basic','gold','platinum') NOT NULL DEFAULT 'basic';
UPDATE customers SET phone = '+44 20 7946 0018', tier = 'platinum' WHERE name = 'Ada Lovelace';
SQL
psql_demo() { PGPASSWORD=demo-pg-secret psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres "$@"; }
for _ in $(seq 100); do
  [ "$(psql_demo -Atc "SELECT count(*) FROM shop.customers WHERE name = 'Alan Turing'")" = 1 ] && \
  [ "$(psql_demo -Atc "SELECT count(*) FROM shop.orders")" = 2 ] && \
  [ "$(psql_demo -Atc "SELECT count(*) FROM shop.customers WHERE tier = 'platinum'" 2>/dev/null)" = 1 ] && break
  sleep 0.3
done
echo "== status"
c show_status
c show_status --source shop
echo "== replicated rows in PostgreSQL"
psql_demo -c "SELECT id, name, email, phone, tier, joined FROM shop.customers ORDER BY id" \
          -c "SELECT id, customer_id, total, items FROM shop.orders ORDER BY id"
echo "== health: $(curl -s "http://127.0.0.1:$health_port/q/health/ready" 2>/dev/null | tr -d '\n ' | cut -c1-200)"
c stop_replica --source shop
replica_started=
