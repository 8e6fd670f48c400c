#!/usr/bin/env bash
# Runs the Python peers and the crate on the same file (by hand, not in CI).
# Installs pinned tools into target/peers. Prints in-process and
# whole-process figures for each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$root/target/peers"
mkdir -p "$work"
[ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$work/venv/bin/datamodel-codegen" --input "$root/schemas/record.schema.json" --input-file-type jsonschema \
  --output-model-type pydantic_v2.BaseModel --output "$work/pydantic_models.py" --class-name Record \
  --target-python-version 3.11 --field-constraints --use-annotated --disable-timestamp --formatters builtin \
  --type-mappings "string+date=string" "string+date-time=string" "string+uri=string" 2>/dev/null
corpus="$work/typical.jsonl"
(cd "$root" && cargo bench --quiet --bench throughput -- --write-corpus "$corpus" 10000)
(cd "$root" && cargo build --quiet --release --features cli)
echo "in process:"
"$work/venv/bin/python" "$here/peers.py" "$work" "$corpus"
echo "whole process (wall time, parse and check every line):"
for peer in pydantic msgspec msgspec-untyped jsonschema fastjsonschema; do
  /usr/bin/time -f "  $peer: %e s" "$work/venv/bin/python" "$here/peers.py" "$work" "$corpus" --only "$peer" >/dev/null
done
/usr/bin/time -f "  diplomatic-events validate: %e s" "$root/target/release/diplomatic-events" validate "$corpus" >/dev/null
