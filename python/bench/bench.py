"""Records per second from Python: the package against pydantic v2 and msgspec.

Each contender reads the same lines (the 3,264 imported Office of the
Historian visits, and the committed valid records in their one-line form)
and checks each as far as it can, as `benches/peers/peers.py` does, whose
checks and types this script uses so that both benchmarks measure one
thing:

- the package: `validate(line)` (every rule of the crate), on one Python
  thread and on two; and `iter_jsonl` over the lines written to a file, on
  one and on two Rust threads, which also gives each record as a dict, and
  with `records=False`, which does not;
- pydantic v2: the models datamodel-code-generator makes from the schema,
  `model_validate_json`, then the crate's cross-reference checks written in
  Python (`peers.references`: unique ids, references that resolve, on the
  model's JSON); and the models alone;
- msgspec: decoding into the types `benches/peers/record_msgspec.py` builds
  from the schema (patterns, lengths, code lists, unknown fields refused),
  then the same checks; and decoding without types, then the checks.

Usage (by hand, not in CI): python bench.py [ROUNDS]; see BENCHMARKS.md.
Needs the package installed, and python/bench/requirements.txt.
"""

import importlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import diplomatic_events as de

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benches/peers"))
from peers import references  # noqa: E402  (the crate's cross-reference checks in Python)
from record_msgspec import record_type  # noqa: E402  (msgspec types from the schema)


def models(kind, folder):
    """The models datamodel-code-generator makes from the schema."""
    module = f"record_{kind.replace('.', '_').lower()}"
    subprocess.run(
        [
            sys.executable, "-m", "datamodel_code_generator",
            "--input", str(ROOT / "schemas/record.schema.json"),
            "--input-file-type", "jsonschema",
            "--output-model-type", kind,
            "--output", str(Path(folder) / f"{module}.py"),
            "--target-python-version", "3.11",
            "--class-name", "Record",
            "--field-constraints", "--use-annotated", "--disable-timestamp", "--formatters", "builtin",
            "--type-mappings", "string+date=string", "string+date-time=string", "string+uri=string",
        ],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, folder)
    return importlib.import_module(module).Record


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    import msgspec

    folder = tempfile.mkdtemp()
    pydantic_record = models("pydantic_v2.BaseModel", folder)

    visits = (ROOT / "examples/records/history-state-visits.jsonl").read_text(encoding="utf-8").splitlines()
    fixtures = [
        json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False, separators=(",", ":"))
        for p in sorted((ROOT / "tests/fixtures/valid").glob("*.json")) + sorted((ROOT / "examples/records").glob("*.json"))
    ]

    def crate(lines):
        return sum(1 for line in lines if not any(p.severity == "error" for p in de.validate(line)))

    def pydantic_checks(lines):
        return sum(
            1 for line in lines
            if not references(pydantic_record.model_validate_json(line).model_dump(mode="json", exclude_unset=True))
        )

    schema = json.loads((ROOT / "schemas/record.schema.json").read_text(encoding="utf-8"))
    typed = msgspec.json.Decoder(record_type(schema))

    def msgspec_checks(lines):
        return sum(1 for line in lines if not references(msgspec.to_builtins(typed.decode(line))))

    untyped = msgspec.json.Decoder()

    def msgspec_untyped(lines):
        return sum(1 for line in lines if not references(untyped.decode(line)))

    def crate_two_threads(lines):
        # Two Python threads, each validating half: the GIL is released
        # while Rust works, so they run at once.
        from concurrent.futures import ThreadPoolExecutor

        half = len(lines) // 2
        with ThreadPoolExecutor(2) as pool:
            return sum(pool.map(crate, [lines[:half], lines[half:]]))

    def pydantic_alone(lines):
        return sum(1 for line in lines if pydantic_record.model_validate_json(line))

    def jsonl(threads, records=True):
        def run(lines):
            path = Path(folder) / f"lines-{len(lines)}.jsonl"
            if not path.exists():
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            verdicts = de.iter_jsonl(path, threads, records=records)
            return sum(1 for _, _, problems in verdicts if not any(p.severity == "error" for p in problems))
        return run

    contenders = [
        ("diplomatic_events.validate", crate),
        ("diplomatic_events.validate, 2 Python threads", crate_two_threads),
        ("diplomatic_events.iter_jsonl, 1 thread", jsonl(1)),
        ("diplomatic_events.iter_jsonl, 2 threads", jsonl(2)),
        ("diplomatic_events.iter_jsonl, records=False", jsonl(2, records=False)),
        ("pydantic v2 + checks in Python", pydantic_checks),
        ("pydantic v2 alone, no cross-field checks", pydantic_alone),
        ("msgspec typed from the schema + checks", msgspec_checks),
        ("msgspec untyped (no field checks) + checks", msgspec_untyped),
    ]
    versions = {name: importlib.metadata.version(name) for name in ("pydantic", "msgspec", "datamodel-code-generator")}
    print(f"Python {sys.version.split()[0]}; " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    for corpus, lines in (("the 3,264 imported visits", visits), (f"the {len(fixtures)} committed records", fixtures)):
        repeat = max(1, 3000 // len(lines))
        lines = lines * repeat
        best = {name: float("inf") for name, _ in contenders}
        valid = {}
        failed = {}
        for _ in range(rounds):
            for name, run in contenders:
                if name in failed:
                    continue
                start = time.perf_counter()
                try:
                    valid[name] = run(lines)
                except Exception as error:  # a contender that cannot read the corpus is reported as such
                    failed[name] = f"{type(error).__name__}: {str(error).splitlines()[0]}"
                    continue
                best[name] = min(best[name], time.perf_counter() - start)
        print(f"\n{corpus} ({len(lines)} lines a round, best of {rounds} interleaved rounds)")
        print(f"{'':46}{'records/s':>12}{'valid':>8}{'x pydantic':>12}")
        for name, _ in contenders:
            if name in failed:
                print(f"{name:46}  cannot read it: {failed[name]}")
                continue
            rate = len(lines) / best[name]
            ratio = best["pydantic v2 + checks in Python"] / best[name]
            print(f"{name:46}{rate:>12,.0f}{valid[name]:>8}{ratio:>12.1f}")


if __name__ == "__main__":
    main()
