#!/bin/sh
# Runs the outbox benchmark (commit latency vs the raw fsync floor, sync throughput to the sandbox).
# Usage: offline-cache/bench.sh [--commits N] [--backlog N] [--dir DIR] [--keep]     (from the repository root)
# --backlog 0 skips the drain (quick commit-only runs); the default is the 10,000-package backlog.
# The reactor's own modules are taken from their target/classes, never from ~/.m2 (shared, maybe stale).
set -e
cd "$(dirname "$0")/.."
mvn -o -q -pl offline-cache -am test-compile
mvn -o -q -pl offline-cache dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$(pwd)/offline-cache/target/bench.cp" >/dev/null
CP=$(tr ':' '\n' < offline-cache/target/bench.cp \
  | sed -E "s#.*/org/onewindow/([a-z-]+)/[^/]+/[^/]+\.jar\$#$(pwd)/\1/target/classes#" | paste -sd: -)
exec java -Xmx1g -cp "offline-cache/target/test-classes:offline-cache/target/classes:$CP" \
  -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider \
  org.onewindow.cache.bench.OutboxBenchmark "$@"
