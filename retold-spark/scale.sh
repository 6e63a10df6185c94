#!/usr/bin/env bash
# Scans one input with `retold scan` and with retold-spark in local[2], and compares the two JSON
# reports byte for byte. Prints wall time and peak RSS of each run, and retold-spark's stage log.
# Both JVMs get what ./retold gives its own: three quarters of the memory, the throughput collector.
# Usage: retold-spark/scale.sh INPUT [OUTDIR]   (after ./mvnw -q -B package -DskipTests)
# SEMANTIC="off" runs only the lexical scan (default: "off on").
set -euo pipefail
cd "$(dirname "$0")/.."
input=$1
out=${2:-$(mktemp -d)}
mkdir -p "$out"
export SPARK_LOCAL_IP=127.0.0.1
for semantic in ${SEMANTIC:-off on}; do
  /usr/bin/time -f "retold scan, semantic $semantic: %e s, peak RSS %M KB" \
    ./retold scan "$input" --semantic "$semantic" --format json -o "$out/single-$semantic.json"
  /usr/bin/time -f "retold-spark local[2], semantic $semantic: %e s, peak RSS %M KB" \
    java -XX:MaxRAMPercentage=75 -XX:+UseParallelGC -jar retold-spark/target/retold-spark.jar \
    scan "$input" --master 'local[2]' --semantic "$semantic" --format json \
    -o "$out/spark-$semantic.json" 2> >(grep -v ' WARN ' >&2)
  cmp "$out/single-$semantic.json" "$out/spark-$semantic.json" && echo "semantic $semantic: the same report"
done
