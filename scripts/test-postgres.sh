#!/usr/bin/env bash
# A throwaway PostgreSQL server for the engine tests and the bench, on loopback only:
#   scripts/test-postgres.sh start DIR PORT PASSWORD   initialises DIR and starts the server
#   scripts/test-postgres.sh stop DIR                  stops it (DIR can then be removed)
# It runs as the unprivileged user `postgres` when started by root (PostgreSQL refuses root),
# listens on 127.0.0.1 only, and takes passwords (scram-sha-256) for the user `promise`.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?a folder for the server}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL's server is missing: install Debian's postgresql package (apt-get install -y postgresql)" >&2
  exit 3
fi
as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    port=${3:?a port}
    password=${4:?a password}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    printf '%s\n' "$password" | as_server tee "$dir/pwfile" >/dev/null
    as_server "$bin/initdb" -D "$dir/data" -U promise --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    ;;
  *)
    echo "usage: $0 start DIR PORT PASSWORD | stop DIR" >&2
    exit 2
    ;;
esac
