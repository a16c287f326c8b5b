#!/usr/bin/env bash
# Installs or locates what the demo and the tests need on Debian/Ubuntu: a JDK 17+, the MariaDB and PostgreSQL
# server binaries, PostGIS for the installed PostgreSQL and systemd-analyze. Installs (apt-get, as root) only what
# is missing; the packages' own services are not used. Source it: it exports PG_BIN (the server binaries' directory).
set -euo pipefail

chameleon_pg_bin() {
  local initdb
  initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -1 || true)
  [ -n "$initdb" ] || initdb=$(command -v initdb || true)
  [ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

chameleon_install() {
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "missing: $*; install these packages (as root: apt-get install -y $*)" >&2
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing: $*"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@"
}

missing=()
[ -x /usr/sbin/mariadbd ] || command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server)
[ -n "$(chameleon_pg_bin)" ] || missing+=(postgresql)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
# the tests verify deploy/systemd's unit with systemd-analyze (installing the package starts nothing in a container)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
[ ${#missing[@]} -eq 0 ] || chameleon_install "${missing[@]}"

PG_BIN=$(chameleon_pg_bin)
export PG_BIN
# PostGIS for the geometry tests, matching the PostgreSQL major version found
pg_major=$("$PG_BIN/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
if ! compgen -G "/usr/share/postgresql/$pg_major/extension/postgis.control" >/dev/null; then
  chameleon_install "postgresql-$pg_major-postgis-3"
fi
