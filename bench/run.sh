#!/usr/bin/env bash
# The deadline-rush benchmark in one command (docs/performance.md): builds the application, creates a fresh
# PostgreSQL database, seeds it (10,000 organisations and leaders), starts the application with the postgres profile
# and the ceiling endpoint on, runs the Gatling simulation against it (ceiling and autosave capacity phases first,
# then the rush), stops the application and prints where the report is.
#
#   bench/run.sh                          # 1,000 users, ramp 300 s, hold 300 s
#   USERS=2000 RAMP=600 HOLD=300 bench/run.sh
#
# Settings (environment): USERS RAMP HOLD CAPACITY_USERS CAPACITY_SECONDS (the simulation's parameters), PGHOST
# PGPORT PGUSER (PostgreSQL, default 127.0.0.1:5432 postgres, no password), DB (database, dropped and created: default
# silkgrant_bench), PORT (8080), SEED (organisations, 10000), JFR (a file name: record a JFR profile of the server),
# SERVER_OPTS (extra JVM options of the server). Needs java, psql and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-1000} RAMP=${RAMP:-300} HOLD=${HOLD:-300}
CAPACITY_USERS=${CAPACITY_USERS:-40} CAPACITY_SECONDS=${CAPACITY_SECONDS:-30}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${DB:-silkgrant_bench} PORT=${PORT:-8080} SEED=${SEED:-10000}
WORK=bench/target/run
mkdir -p "$WORK"

echo "== build"
./mvnw -B -q -DskipTests package
JAR=$(ls target/silkgrant-*.jar | grep -v plain | head -1)

echo "== database $DB on $PGHOST:$PGPORT"
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -q -v ON_ERROR_STOP=1 -c "drop database if exists $DB" \
  -c "create database $DB" postgres

DB_ARGS=(--spring.profiles.active=postgres
  "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$DB" "--spring.datasource.username=$PGUSER"
  "--silkgrant.data-dir=$WORK/data")
rm -rf "$WORK/data"

echo "== seed $SEED organisations"
java -jar "$JAR" "${DB_ARGS[@]}" --server.port=0 --silkgrant.seed.organizations="$SEED" > "$WORK/seed.log" 2>&1
grep -m1 -i "seeded" "$WORK/seed.log" || true

echo "== start the application on port $PORT"
JVM=(${SERVER_OPTS:-})
if [[ -n "${JFR:-}" ]]; then
  JVM+=("-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true")
fi
java "${JVM[@]}" -jar "$JAR" "${DB_ARGS[@]}" --server.port="$PORT" --silkgrant.bench.enabled=true \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  if curl -fs -o /dev/null "http://localhost:$PORT/login"; then break; fi
  if ! kill -0 $SERVER 2>/dev/null; then echo "the application did not start: $WORK/server.log"; exit 1; fi
  sleep 1
done

echo "== simulation: $USERS users (ramp $RAMP s, hold $HOLD s)"
./mvnw -B -q -f bench/pom.xml gatling:test -Dbase="http://localhost:$PORT" -Dusers="$USERS" -Dramp="$RAMP" \
  -Dhold="$HOLD" -DcapacityUsers="$CAPACITY_USERS" -DcapacitySeconds="$CAPACITY_SECONDS" | tee "$WORK/gatling.log" \
  | grep -E "Global|count of failed|Reports generated|open the following" || true
echo "== server CPU time: $(ps -o time= -p $SERVER) over $(ps -o etime= -p $SERVER)"
echo "report: $(ls -d bench/target/gatling/deadlinerushsimulation-* | tail -1)/index.html"
