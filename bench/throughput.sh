#!/usr/bin/env bash
# TipBot vs the JavaScript Bot Framework peer: POST /api/messages throughput, side by side, on this machine.
#
#   bash bench/throughput.sh [CONCURRENCY] [DURATION_S]        (defaults 32 and 15; DURATION_S <= 20)
#
# What it does, in order (everything on 127.0.0.1, every process it starts is stopped by its process id):
#   1. Makes sure the peers are ready: copies ../shared/peers (relative to the repository root) to $PEERS
#      (default /tmp/peers) if missing or different, runs `npm ci` in jsbot/ if botbuilder is missing, and
#      `apt-get install -y wrk curl` if either is missing. Each step is skipped when already done.
#   2. Builds TipBot in Release and copies the output to a temporary folder, so a rebuild elsewhere cannot
#      change the binary under test.
#   3. Starts TipBot on 127.0.0.1:$TIPBOT_PORT with a fresh temporary data directory (SQLite database,
#      Data Protection keys) and Logging__LogLevel__Default=Warning.
#   4. Warms TipBot up: WARMUP_ROUNDS wrk runs of WARMUP_S seconds against a sink started here, with the peer's
#      turns.lua but activity ids prefixed "warmup-" (see WHY WARMUP_S=0 below). .NET needs this: tiered JIT
#      compilation takes ~25-30 s of load on 2 busy cores to reach steady state.
#   5. Measures TipBot with the peer load tool: BOT=external BOT_PID=<TipBot> WARMUP_S=0 load/run.sh C D.
#      With dotnet-counters on PATH (or in ~/.dotnet/tools) it also records JIT-compiled methods/s meanwhile.
#      Then reads TipBot's VmHWM/VmRSS from /proc and stops it.
#   6. Measures the JavaScript peer (BOT_MODE=dialog, the default) with the same tool, concurrency and
#      duration: load/run.sh C D, with its own documented 2 s warm-up (JS_WARMUP_S, at most 5).
#   7. Prints both JSON summaries, TipBot's memory, and a one-line ratio.
#
# WHY WARMUP_S=0 for TipBot: turns.lua numbers activity ids from 1 in every wrk run ("act-<thread>-<n>"), so
# run.sh's warm-up and its measured run send the same ids. TipBot records every inbound activity id and skips
# a repeated delivery (duplicate detection), which is far cheaper than a real turn: the first thousands of
# measured requests would be duplicates and flatter TipBot. The warm-up here uses other ids instead. The JS peer
# keeps no such record, so its own warm-up is harmless. `sink.replies` in TipBot's JSON shows that every
# measured request got a real reply.
#
# Environment: PEERS (/tmp/peers)  TIPBOT_PORT (5080)  WARMUP_ROUNDS (2)  WARMUP_S (15, <= 20)
#              JS_WARMUP_S (2)  OUT_DIR (bench/results/<timestamp>; JSON summaries are also saved there)
#              SKIP_BUILD (non-empty: use the existing Release build as is)
#              DATABASE (sqlite, the default; postgresql: TipBot on a throwaway PostgreSQL server started with
#                        eng/postgres/throwaway.sh on the same machine, stopped at the end)
set -euo pipefail

C="${1:-32}"
D="${2:-15}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_SRC="$(cd "$REPO/../shared/peers" 2>/dev/null && pwd || true)"
PEERS="${PEERS:-/tmp/peers}"
TIPBOT_PORT="${TIPBOT_PORT:-5080}"
SINK_PORT=3979
WARMUP_ROUNDS="${WARMUP_ROUNDS:-2}"
WARMUP_S="${WARMUP_S:-15}"
JS_WARMUP_S="${JS_WARMUP_S:-2}"
DATABASE="${DATABASE:-sqlite}"
# Beside WORK rather than in it: WORK is private to this user, and the server may run as the postgres user.
POSTGRES_DIR="$(mktemp -u /tmp/tipbot-bench-postgres.XXXXXX)"
OUT_DIR="${OUT_DIR:-$REPO/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}"
HOST=127.0.0.1

die() { echo "throughput.sh: $*" >&2; exit 2; }
say() { echo "throughput.sh: $*" >&2; }
[[ "$C" =~ ^[0-9]+$ && "$C" -ge 1 && "$C" -le 1024 ]] || die "CONCURRENCY must be 1..1024"
[[ "$D" =~ ^[0-9]+$ && "$D" -ge 1 && "$D" -le 20 ]] || die "DURATION_S must be 1..20 (runs are kept short)"
[[ "$WARMUP_S" =~ ^[0-9]+$ && "$WARMUP_S" -ge 1 && "$WARMUP_S" -le 20 ]] || die "WARMUP_S must be 1..20"
[[ "$WARMUP_ROUNDS" =~ ^[0-9]+$ && "$WARMUP_ROUNDS" -le 4 ]] || die "WARMUP_ROUNDS must be 0..4"
[[ "$DATABASE" == sqlite || "$DATABASE" == postgresql ]] || die "DATABASE must be sqlite or postgresql"

# ---- 1. peers, wrk, curl -------------------------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  say "installing wrk and curl (apt-get)"
  apt-get update >/dev/null && apt-get install -y wrk curl >/dev/null
fi
[[ -n "$PEERS_SRC" && -f "$PEERS_SRC/load/run.sh" ]] || die "peers not found at $REPO/../shared/peers"
if [[ ! -f "$PEERS/load/run.sh" ]] || ! diff -rq -x node_modules -x results "$PEERS_SRC" "$PEERS" >/dev/null 2>&1; then
  say "copying $PEERS_SRC to $PEERS"
  rm -rf "$PEERS"
  cp -r "$PEERS_SRC" "$PEERS"
  chmod -R u+w "$PEERS"
fi
if [[ ! -d "$PEERS/jsbot/node_modules/botbuilder" ]]; then
  say "npm ci in $PEERS/jsbot"
  (cd "$PEERS/jsbot" && npm ci >/dev/null 2>&1) || die "npm ci failed in $PEERS/jsbot"
fi
for port in "$TIPBOT_PORT" "$SINK_PORT" 3978; do
  if curl -s -o /dev/null --max-time 1 "http://$HOST:$port/"; then die "port $port is already in use"; fi
done

# ---- cleanup: only what this script started ------------------------------------------------------------
WORK="$(mktemp -d /tmp/tipbot-bench.XXXXXX)"
STARTED=""
stop_pid() {
  local pid="$1"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
}
cleanup() {
  for pid in $STARTED; do stop_pid "$pid"; done
  if [[ "$DATABASE" == postgresql ]]; then "$REPO/eng/postgres/throwaway.sh" stop "$POSTGRES_DIR" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 2. build ------------------------------------------------------------------------------------------
if [[ -z "${SKIP_BUILD:-}" ]]; then
  say "building TipBot (Release)"
  dotnet build -c Release "$REPO/bot/TipBot.Web" -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "build failed"; }
fi
BIN_SRC="$REPO/bot/TipBot.Web/bin/Release/net10.0"
[[ -f "$BIN_SRC/TipBot.Web.dll" ]] || die "no Release build at $BIN_SRC"
cp -r "$BIN_SRC" "$WORK/bin"

# ---- 3. start TipBot -----------------------------------------------------------------------------------
mkdir -p "$OUT_DIR"
DATA="$WORK/data"
DATABASE_ENV=()
if [[ "$DATABASE" == postgresql ]]; then
  say "starting a throwaway PostgreSQL server"
  POSTGRES="$("$REPO/eng/postgres/throwaway.sh" start "$POSTGRES_DIR")"
  psql -h "$HOST" -p "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$POSTGRES")" -U tipbot -d postgres -qc "CREATE DATABASE tipbot_bench"
  DATABASE_ENV=(TipBot__Database__Provider=PostgreSql "ConnectionStrings__TipBot=${POSTGRES/Database=postgres/Database=tipbot_bench}")
fi
say "starting TipBot on $HOST:$TIPBOT_PORT (data: $DATA, database: $DATABASE)"
# From the repository root, so TipBot finds knowledge/ there.
(cd "$REPO" && exec env Logging__LogLevel__Default=Warning "${DATABASE_ENV[@]}" dotnet "$WORK/bin/TipBot.Web.dll" \
  --urls "http://$HOST:$TIPBOT_PORT" --TipBot:DataDirectory="$DATA") >"$WORK/tipbot.log" 2>&1 &
TIPBOT_PID=$!
STARTED="$TIPBOT_PID"
for _ in $(seq 1 120); do
  if curl -s -o /dev/null --max-time 1 "http://$HOST:$TIPBOT_PORT/healthz"; then break; fi
  kill -0 "$TIPBOT_PID" 2>/dev/null || { cat "$WORK/tipbot.log" >&2; die "TipBot exited"; }
  sleep 0.25
done
HEALTH="$(curl -s --max-time 2 "http://$HOST:$TIPBOT_PORT/healthz" || true)"
say "TipBot health: $HEALTH"
RSS_IDLE_KB="$(awk '/^VmRSS/ {print $2}' "/proc/$TIPBOT_PID/status")"

# ---- 4. warm-up (own ids, own sink) ----------------------------------------------------------------------
if [[ "$WARMUP_ROUNDS" -gt 0 ]]; then
  SINK_PORT="$SINK_PORT" node "$PEERS/jsbot/sink.js" >"$WORK/warmup-sink.log" 2>&1 &
  WSINK_PID=$!
  STARTED="$STARTED $WSINK_PID"
  for _ in $(seq 1 50); do curl -sf -o /dev/null --max-time 1 "http://$HOST:$SINK_PORT/stats" && break; sleep 0.1; done
  for r in $(seq 1 "$WARMUP_ROUNDS"); do
    sed "s/\"act-'/\"warmup$r-act-'/" "$PEERS/load/turns.lua" >"$WORK/warmup.lua"
    grep -q "warmup$r-act-" "$WORK/warmup.lua" || die "could not rewrite activity ids in turns.lua"
    say "warm-up $r/$WARMUP_ROUNDS: ${WARMUP_S}s at $C connections"
    timeout $((WARMUP_S + 15)) wrk -t1 -c"$C" -d"${WARMUP_S}s" --timeout 10s -s "$WORK/warmup.lua" \
      "http://$HOST:$TIPBOT_PORT/api/messages" -- "http://$HOST:$SINK_PORT" 256 >"$WORK/warmup$r.txt" 2>&1 || true
    say "  $(grep -E 'Requests/sec' "$WORK/warmup$r.txt" | tr -s ' ')"
    # Kept: a warm-up that answers nothing (as on 2026-11-30, a start-up stall) must be visible afterwards.
    cp "$WORK/warmup$r.txt" "$OUT_DIR/warmup$r.txt"
  done
  stop_pid "$WSINK_PID"
  for _ in $(seq 1 50); do curl -s -o /dev/null --max-time 1 "http://$HOST:$SINK_PORT/" || break; sleep 0.1; done
fi

# ---- 5. measure TipBot ---------------------------------------------------------------------------------
COUNTERS="$(command -v dotnet-counters || true)"
[[ -z "$COUNTERS" && -x "$HOME/.dotnet/tools/dotnet-counters" ]] && COUNTERS="$HOME/.dotnet/tools/dotnet-counters"
COUNTERS_PID=""
if [[ -n "$COUNTERS" ]]; then
  "$COUNTERS" collect -p "$TIPBOT_PID" --refresh-interval 1 --format csv -o "$WORK/counters.csv" \
    --counters System.Runtime >/dev/null 2>&1 &
  COUNTERS_PID=$!
  STARTED="$STARTED $COUNTERS_PID"
  sleep 1
fi
say "measuring TipBot: ${D}s at $C connections (load average $(cut -d' ' -f1-3 /proc/loadavg))"
TIPBOT_JSON="$(BOT=external BOT_PORT="$TIPBOT_PORT" BOT_PID="$TIPBOT_PID" WARMUP_S=0 bash "$PEERS/load/run.sh" "$C" "$D" 2>"$WORK/tipbot-run.err")" \
  || { cat "$WORK/tipbot-run.err" >&2; die "load run against TipBot failed"; }
RSS_HWM_KB="$(awk '/^VmHWM/ {print $2}' "/proc/$TIPBOT_PID/status")"
RSS_KB="$(awk '/^VmRSS/ {print $2}' "/proc/$TIPBOT_PID/status")"
stop_pid "$COUNTERS_PID"
JIT_SUMMARY="n/a (dotnet-counters not installed: dotnet tool install -g dotnet-counters)"
if [[ -s "$WORK/counters.csv" ]]; then
  JIT_SUMMARY="$(awk -F, '$3 ~ /^dotnet.jit.compiled_methods/ {print $5}' "$WORK/counters.csv" | sort -n | awk '
    { v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } printf "median %d, max %d methods/s over %d one-second samples", v[int((NR + 1) / 2)], v[NR], NR }')"
fi
stop_pid "$TIPBOT_PID"
TURN_ERRORS="$(grep -c 'Turn failed' "$WORK/tipbot.log" || true)"

# ---- 6. measure the JavaScript peer ----------------------------------------------------------------------
say "measuring the JavaScript peer (jsbot, BOT_MODE=dialog): ${D}s at $C connections (load average $(cut -d' ' -f1-3 /proc/loadavg))"
JS_JSON="$(WARMUP_S="$JS_WARMUP_S" bash "$PEERS/load/run.sh" "$C" "$D" 2>"$WORK/js-run.err")" \
  || { cat "$WORK/js-run.err" >&2; die "load run against the JavaScript peer failed"; }

# ---- 7. report -----------------------------------------------------------------------------------------
echo "$TIPBOT_JSON" >"$OUT_DIR/tipbot.json"
echo "$JS_JSON" >"$OUT_DIR/jsbot.json"
echo "== TipBot (BOT=external, after ${WARMUP_ROUNDS}x${WARMUP_S}s warm-up with distinct activity ids) =="
echo "$TIPBOT_JSON"
echo "== JavaScript peer (jsbot, BOT_MODE=dialog) =="
echo "$JS_JSON"
echo "== TipBot process =="
echo "RSS: VmHWM $((RSS_HWM_KB / 1024)) MB (peak), VmRSS $((RSS_KB / 1024)) MB after the run, $((RSS_IDLE_KB / 1024)) MB idle after start"
echo "JIT-compiled methods during the measured run: $JIT_SUMMARY"
echo "turn errors logged by TipBot during the whole session: $TURN_ERRORS (the end of each wrk run aborts in-flight requests; a few are expected)"
node -e '
const [t, j, hwm] = [JSON.parse(process.argv[1]), JSON.parse(process.argv[2]), Number(process.argv[3])];
const ratio = t.throughputRps / j.throughputRps;
console.log(`ratio: TipBot ${t.throughputRps} turns/s vs jsbot ${j.throughputRps} turns/s = ${ratio.toFixed(2)}x (target >= 2)` +
  ` | TipBot p50/p99 ${t.latencyMs.p50.toFixed(1)}/${t.latencyMs.p99.toFixed(1)} ms (target p99 <= 30), jsbot ${j.latencyMs.p50.toFixed(1)}/${j.latencyMs.p99.toFixed(1)} ms` +
  ` | TipBot CPU ${t.bot.cpuPercentOfOneCore}% vs jsbot ${j.bot.cpuPercentOfOneCore}% of one core` +
  ` | TipBot peak RSS ${Math.round(hwm / 1024)} MB (target <= 250)` +
  ` | errors ${t.errors.total}/${j.errors.total}; sink got ${t.sink.replies} TipBot replies for ${t.requests} requests (some answers are two messages; fewer replies than requests would mean skipped turns)`);
' "$TIPBOT_JSON" "$JS_JSON" "$RSS_HWM_KB" | tee "$OUT_DIR/ratio.txt"
say "saved in $OUT_DIR"
