#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, for the tests (or to try TipBot on PostgreSQL):
#   export TIPBOT_TEST_POSTGRES="$(eng/postgres/throwaway.sh start /tmp/tipbot-pg)"   # prints its connection string
#   TIPBOT_TEST_DATABASE=postgresql dotnet test TipBot.sln
#   eng/postgres/throwaway.sh stop /tmp/tipbot-pg                                     # stops it, deletes the folder
# Needs Debian's postgresql package. Authentication is "trust", so the server listens on 127.0.0.1 and a socket in its
# own folder only; nothing in it is meant to be kept.
set -euo pipefail
action=${1:-}
dir=${2:-}
[ -n "$dir" ] && { [ "$action" = start ] || [ "$action" = stop ]; } || { echo "usage: $0 start|stop FOLDER" >&2; exit 2; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
# PostgreSQL refuses to run as root; as root, run it as Debian's postgres user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "$action" = stop ]; then
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  rm -rf "$dir"
  exit 0
fi

[ -e "$dir" ] && { echo "$dir already exists" >&2; exit 1; }
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
# A free port, chosen by the OS.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_owner "$bin/initdb" -D "$dir/data" -U tipbot --auth=trust -E UTF8 --no-instructions >/dev/null
# fsync off: the data is thrown away, and the tests should not wait for the disk. Each test host has its own
# connection pool, hence more connections than the default 100.
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" start >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=tipbot;Database=postgres"
