#!/usr/bin/env bash
# Proves the committed schema in other languages, with pinned tools that this
# script installs itself into target/interop (nothing is committed from there):
#   1. Python jsonschema[format-nongpl] and Ajv (strict, ajv-formats) accept every
#      valid fixture and reject every invalid one whose rule the schema can say;
#   2. datamodel-code-generator's pydantic v2 models load every valid fixture
#      and dump it back equal to the input;
#   3. json-schema-to-typescript's types type-check (tsc --strict) a program that
#      reads the fixtures, which then runs;
#   4. quicktype's Go types load every valid fixture and marshal it back equal
#      (installs Debian's golang-go when go is missing and the user is root);
#   5. the differential test (differential.py): 5,200 seeded mutants of the
#      valid records judged by the crate, Python jsonschema and Ajv, which
#      disagree only by the Rust-only rules of rust-only.json;
#   6. the event-data export (check_event_data.py): CAMEO rows read by pandas
#      under GDELT's column names, PLOVER events valid in Python jsonschema;
#   7. every problem at once (check_locations.py): on every invalid fixture
#      and 3,000 seeded mutants with 1 to 8 problems each, the places of the
#      crate's field-level problems are those of Python jsonschema's
#      iter_errors, up to the Rust-only rules of rust-only.json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$root/target/interop"
mkdir -p "$work"
passed=0
failed=0
check() {
  local name=$1
  shift
  printf '\n--- %s\n' "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

# Python
if [ ! -x "$work/venv/bin/python" ]; then python3 -m venv "$work/venv"; fi
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
check "python jsonschema" "$work/venv/bin/python" "$here/check_schema.py"
check "the country table is generated from its sources (scripts/countries.py --check)" \
  "$work/venv/bin/python" "$root/scripts/countries.py" --check
pydantic() {
  mkdir -p "$work/py"
  "$work/venv/bin/datamodel-codegen" --input "$root/schemas/record.schema.json" \
    --input-file-type jsonschema --output-model-type pydantic_v2.BaseModel \
    --output "$work/py/record_models.py" --target-python-version 3.11 --class-name Record \
    --field-constraints --use-annotated --disable-timestamp --formatters builtin \
    --type-mappings "string+date=string" "string+date-time=string" "string+uri=string" \
    2>"$work/py/codegen.log" || { cat "$work/py/codegen.log"; return 1; }
  "$work/venv/bin/python" "$here/check_pydantic.py" "$work/py"
}
check "pydantic v2 (datamodel-code-generator)" pydantic

# Node: Ajv, json-schema-to-typescript, TypeScript, quicktype
mkdir -p "$work/node"
cp "$here/package.json" "$here/package-lock.json" "$work/node/"
(cd "$work/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
bin="$work/node/node_modules/.bin"
check "ajv" node "$here/check_ajv.mjs" "$work/node/node_modules"
typescript() {
  mkdir -p "$work/ts"
  "$bin/json2ts" --input "$root/schemas/record.schema.json" --output "$work/ts/record.ts"
  cp "$here/read_fixtures.ts" "$work/ts/"
  local tsc=("$bin/tsc" --strict --target es2022 --module nodenext --moduleResolution nodenext
    --types node --typeRoots "$work/node/node_modules/@types")
  (cd "$work/ts" && "${tsc[@]}" --noEmit read_fixtures.ts record.ts \
    && "${tsc[@]}" --outDir out read_fixtures.ts record.ts \
    && echo '{"type": "commonjs"}' >out/package.json \
    && node out/read_fixtures.js "$root" | tail -n 1)
}
check "typescript (json-schema-to-typescript, tsc --strict)" typescript

# Go
golang() {
  if ! command -v go >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && apt-get install -y -qq golang-go) >/dev/null
    else
      echo "go is not installed, and only root may apt-get install golang-go"
      return 1
    fi
  fi
  mkdir -p "$work/go"
  "$bin/quicktype" --src-lang schema --lang go --package main --top-level Record \
    --out "$work/go/record.go" "$root/schemas/record.schema.json" 2>"$work/go/quicktype.log"
  cp "$here/go_main.go" "$work/go/main.go"
  (cd "$work/go" && { [ -f go.mod ] || go mod init interop >/dev/null 2>&1; } \
    && GOFLAGS=-mod=mod go vet . && go run . "$root")
}
check "go (quicktype)" golang

# The crate's command, built with the features the tests and the main job use.
differential() {
  (cd "$root" && cargo build --quiet --all-features --bin diplomatic-events)
  "$work/venv/bin/python" "$here/differential.py" "$root/target/debug/diplomatic-events" "$work/node/node_modules"
}
check "differential: the crate, python jsonschema and ajv on 5,200 mutants" differential
locations() {
  (cd "$root" && cargo build --quiet --all-features --bin diplomatic-events)
  "$work/venv/bin/python" "$here/check_locations.py" "$root/target/debug/diplomatic-events"
}
check "every problem at once: the crate's places are python jsonschema's, on the invalid fixtures and 3,000 mutants with 1 to 8 problems" locations
event_data() {
  (cd "$root" && cargo build --quiet --all-features --bin diplomatic-events)
  "$work/venv/bin/python" "$here/check_event_data.py" "$root" "$root/target/debug/diplomatic-events"
}
check "event data: CAMEO rows in pandas, PLOVER events in python jsonschema" event_data

echo
echo "interop: $passed passed, $failed failed"
[ "$failed" = 0 ]
