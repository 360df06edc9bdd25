#!/usr/bin/env bash
# Start-up to ready of the packaged application: starts target/quarkus-app/quarkus-run.jar on a fresh H2 file
# database (no bot token, price APIs pointed at a closed local port: nothing leaves the machine) and times
# `java -jar` until GET /q/health/ready answers 200. Prints every run and the median.
#
#   bench/startup.sh [runs] [open positions]      e.g. bench/startup.sh 5 0   or   bench/startup.sh 3 100000
#
# BENCH_JAVA_OPTS adds JVM options or -D settings to every timed start (to compare flags); BENCH_JAVA names the
# java binary (default: java on the PATH). BENCH_AOT=1 first trains the JVM with one start to ready, as README's
# "Faster start-up" says: an AOT cache on JDK 25 or newer (-XX:AOTCacheOutput), a dynamic CDS archive of every class
# loaded before (-XX:ArchiveClassesAtExit), and times the starts that use it. Next to the wall time
# each run prints the CPU time the JVM had used when it became ready: on a shared machine wall time follows the
# load, CPU time much less so.
#
# Build the jar first: ./mvnw -B package -DskipTests (add -Dquarkus.package.jar.appcds.enabled=true for an
# AppCDS archive, which this script then uses). With open positions > 0 the database is migrated by
# a first start, filled with that many isolated positions (4 per account, SQL over SYSTEM_RANGE), and every
# timed start loads them into the risk index before it is ready. See docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
positions=${2:-0}
app=target/quarkus-app
jar=$app/quarkus-run.jar
port=${BENCH_PORT:-18080}
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
h2=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)
# A class-data archive, when the jar was built with -Dquarkus.package.jar.appcds.enabled=true, is used. The JVM
# accepts it only when the jar is started from its own directory (the class path must match the archive's),
# so every start runs in target/quarkus-app.
cds=()
if [ "${BENCH_AOT:-0}" = 1 ]; then
  : # the AOT cache is made below, once the functions exist; it replaces an AppCDS archive
elif [ -f $app/app-cds.jsa ]; then
  cds=(-XX:SharedArchiveFile=app-cds.jsa -Xlog:cds=warning)
  echo "using the AppCDS archive target/quarkus-app/app-cds.jsa"
fi
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

# $1: database file prefix; waits for readiness, prints milliseconds from `java -jar` to ready
start_once() {
  local started ready ticks
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$app" && exec "${BENCH_JAVA:-java}" "${cds[@]}" ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$1;DB_CLOSE_ON_EXIT=FALSE" \
       -Dsentinel.prices.binance-url=http://127.0.0.1:9 -Dsentinel.prices.bybit-url=http://127.0.0.1:9 \
       -jar quarkus-run.jar) >"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the application stopped; log:" >&2; cat "$work/app.log" >&2; exit 1; }
    # Not ready after two minutes (e.g. the price feed's readiness gave up on the closed price port): say so.
    if (( $(date +%s%N) - started > 120000000000 )); then
      echo "not ready after 120 s; log:" >&2; tail -20 "$work/app.log" >&2; kill "$pid"; exit 1
    fi
    sleep 0.02
  done
  ready=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo "$(( (ready - started) / 1000000 )) $(( ticks * 1000 / $(getconf CLK_TCK) ))"
}

template="$work/template"
if [ "${BENCH_AOT:-0}" = 1 ]; then
  major=$("${BENCH_JAVA:-java}" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [ "$major" -ge 25 ]; then
    cache=app.aot; cds=(-XX:AOTCacheOutput=$cache); use=(-XX:AOTCache=$cache)
  else
    cache=app-trained.jsa; cds=(-XX:ArchiveClassesAtExit=$cache -Xlog:cds=off); use=(-XX:SharedArchiveFile=$cache)
  fi
  rm -f "$app/$cache"
  echo "training start (JDK $major): $(start_once "$work/training") (ms to ready, ms CPU)"
  [ -f "$app/$cache" ] || { echo "the training start wrote no $cache" >&2; exit 1; }
  cds=("${use[@]}")
  echo "using target/quarkus-app/$cache ($(du -m "$app/$cache" | cut -f1) MB)"
fi
if [ "$positions" -gt 0 ]; then
  start_once "$template" >/dev/null   # Flyway creates the schema
  users=$(( positions / 4 ))
  java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$template" -user sentinel -password sentinel -script /dev/stdin <<SQL
INSERT INTO account (user_id, display_name, wallet_balance, next_position_number, created_at, version)
  SELECT X, 'Bench ' || X, 100000, 5, CURRENT_TIMESTAMP, 0 FROM SYSTEM_RANGE(1, $users);
INSERT INTO paper_position (id, user_id, number, symbol, side, margin_mode, quantity, entry_price, leverage,
    isolated_margin, status, realized_pnl, opened_at, version)
  SELECT 50000000 + X, 1 + (X - 1) / 4, 1 + MOD(X - 1, 4), 'S' || MOD(X, 200) || 'USDT',
         CASE WHEN MOD(X, 2) = 0 THEN 'LONG' ELSE 'SHORT' END, 'ISOLATED', 0.5, 100 + MOD(X, 97),
         1 + MOD(X, 20), 0.5 * (100 + MOD(X, 97)) / (1 + MOD(X, 20)), 'OPEN', 0, CURRENT_TIMESTAMP, 0
  FROM SYSTEM_RANGE(1, $positions);
SQL
fi

times=()
cpus=()
for run in $(seq 1 "$runs"); do
  db="$work/run$run/sentinel"
  mkdir -p "$work/run$run"
  [ "$positions" -gt 0 ] && cp "$template.mv.db" "$db.mv.db"
  read -r ms cpu < <(start_once "$db")
  loaded=$(grep -o 'Risk index loaded: [0-9]* open positions of [0-9]* users in [0-9]* ms' "$work/app.log" | head -1 || true)
  quarkus=$(grep -o 'started in [0-9.]*s' "$work/app.log" | head -1 || true)
  echo "run $run: ready after $ms ms, $cpu ms CPU (Quarkus: $quarkus; $loaded; load average $(cut -d' ' -f1 /proc/loadavg))"
  times+=("$ms")
  cpus+=("$cpu")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median start-up to ready over $runs runs with $positions open positions: $median ms, $cpu_median ms CPU (target <= 3000 ms)"
