#!/usr/bin/env bash
# Proof with real engines: the Parquet tables of the valid fixtures (one
# folder per table) and of the 3,264 imported Office of the Historian visits
# (partitioned by year) are read by DuckDB, Polars and Spark (local mode),
# which run queries.sql and must each give the results in expected/.
#
#   bash tests/engines/run.sh            # all three engines
#   ENGINES="duckdb polars" bash tests/engines/run.sh
#   UPDATE_EXPECTED=1 bash tests/engines/run.sh   # rewrite expected/ (DuckDB's results)
set -euo pipefail
cd "$(dirname "$0")/../.."
engines=${ENGINES:-duckdb polars spark}
work=target/engines
rm -rf "$work/fixtures" "$work/visits"
mkdir -p "$work"

# The command as `cargo test --all-features` built it: no second build.
cargo build --quiet --all-features --bin diplomatic-events
bin=target/debug/diplomatic-events
"$bin" export --to parquet --out "$work/fixtures" tests/fixtures/valid/*.json examples/records/*.json
"$bin" export --to parquet --partition year --out "$work/visits" examples/records/history-state-visits.jsonl

if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv"
fi
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r tests/engines/requirements.txt

case " $engines " in
*" spark "*)
    # Spark 4 runs on Java 17 or later, from the system's packages.
    if ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
        apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    fi
    ;;
esac

update=()
if [ -n "${UPDATE_EXPECTED:-}" ]; then update=(--update); fi
for engine in $engines; do
    for collection in fixtures visits; do
        "$work/venv/bin/python" tests/engines/engines.py --engine "$engine" \
            --tables "$work/$collection" --expected "tests/engines/expected/$collection" \
            "${update[@]}" 2> >(grep -v -E 'WARN|log4j|setLogLevel|incubator' >&2)
    done
    update=()
done
echo "engines: $engines agree with tests/engines/expected/"
