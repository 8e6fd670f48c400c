"""Records per second from Python: the package against pydantic v2 and msgspec.

Each contender reads the same lines (the 3,264 imported Office of the
Historian visits, and the committed valid records in their one-line form)
and must say whether each is a valid record:

- `diplomatic_events.validate(line)`: every rule of the crate, one call a
  line, on one Python thread and on two; and `iter_jsonl` over the lines
  written to a file, on one and on
  two Rust threads, which also gives each record as a dict;
- pydantic v2: the models datamodel-code-generator makes from the schema,
  `Record.model_validate_json(line)`, then the same cross-reference checks
  written in Python (ids unique within their kind, every reference naming
  an item of its kind); and the models alone, for what the checks cost;
- msgspec: `msgspec.json.decode(line)` to plain Python objects, then the same
  checks. (datamodel-code-generator's msgspec.Struct models of the schema
  do not load: msgspec takes no union of untagged structs, and the one-key
  objects, `{"person": ...}` or `{"party": ...}`, are one. So this
  contender checks no field at all: it is the floor of reading JSON in
  Python, not a validator.)

The Python checks find each field that holds an id, and its kind, in the
schema (`$ref` to `PartyId`, `PersonId`, ...): an item's `id` is an id of
its kind, any other such field a reference.

Usage (by hand, not in CI): python bench.py [ROUNDS]; see BENCHMARKS.md.
Needs the package installed, and pydantic, msgspec and
datamodel-code-generator (python/bench/requirements.txt).
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
SCHEMA = json.loads((ROOT / "schemas/record.schema.json").read_text(encoding="utf-8"))
KINDS = {"PartyId", "PersonId", "DelegationId", "EventId", "StatementId", "AgreementId", "SourceId", "OutcomeId"}


def id_fields():
    """{(struct name, field name): id kind} from the schema."""
    out = {}

    def kind_of(schema):
        ref = schema.get("$ref", "")
        name = ref.rsplit("/", 1)[-1]
        if name in KINDS:
            return name
        for key in ("items", "additionalProperties"):
            if isinstance(schema.get(key), dict):
                found = kind_of(schema[key])
                if found:
                    return found
        for key in ("anyOf", "oneOf"):
            for option in schema.get(key, []):
                found = kind_of(option)
                if found:
                    return found
        return None

    def visit(name, schema):
        for field, sub in schema.get("properties", {}).items():
            kind = kind_of(sub)
            if kind:
                out[(name, field)] = kind
        for key in ("oneOf", "anyOf"):
            for option in schema.get(key, []):
                visit(name, option)

    for name, schema in SCHEMA["$defs"].items():
        visit(name, schema)
    visit("Record", SCHEMA)
    return out


ID_FIELDS = id_fields()


def check_references(record):
    """Problems of ids and references on a record of model objects:
    repeated ids and unresolved references, as the crate's rules say."""
    ids = {kind: set() for kind in KINDS}
    references = []
    problems = []

    def value(obj):
        return getattr(obj, "root", obj)

    def walk(obj, owner):
        if isinstance(obj, list):
            for item in obj:
                walk(item, owner)
            return
        fields = getattr(obj, "__struct_fields__", None)
        if fields is None:
            fields = getattr(type(obj), "model_fields", None)
        if fields is None:
            return
        name = type(obj).__name__
        for field in fields:
            child = getattr(obj, field, None)
            if child is None:
                continue
            kind = ID_FIELDS.get((name, field))
            if kind and field == "id" and name != "Record":
                text = value(child)
                if text in ids[kind]:
                    problems.append(("duplicate-id", text))
                ids[kind].add(text)
            elif kind:
                for item in child if isinstance(child, list) else [child]:
                    references.append((kind, value(item)))
            else:
                walk(child, name)

    walk(record, "Record")
    for kind, text in references:
        if text not in ids[kind]:
            problems.append(("unresolved-reference", text))
    return problems


# The same checks on plain JSON data: a field's kind by its name (only `id`
# has several, and an item's list says which).
FIELD_KINDS = {field: kind for (_, field), kind in ID_FIELDS.items() if field != "id"}
LIST_KINDS = {"parties": "PartyId", "people": "PersonId", "delegations": "DelegationId", "statements": "StatementId",
              "agreements": "AgreementId", "sources": "SourceId", "outcomes": "OutcomeId", "parts": "EventId"}


def check_references_json(record):
    """`check_references` on the record as plain JSON data."""
    ids = {kind: set() for kind in KINDS}
    references = []
    problems = []

    def walk(obj, item_kind):
        for field, child in obj.items():
            if field == "extensions":
                continue
            if field == "id":
                if item_kind:
                    if child in ids[item_kind]:
                        problems.append(("duplicate-id", child))
                    ids[item_kind].add(child)
            elif isinstance(child, str):
                if field in FIELD_KINDS:
                    references.append((FIELD_KINDS[field], child))
            elif isinstance(child, list):
                for item in child:
                    if isinstance(item, str):
                        if field in FIELD_KINDS:
                            references.append((FIELD_KINDS[field], item))
                    elif isinstance(item, dict):
                        walk(item, LIST_KINDS.get(field))
            elif isinstance(child, dict):
                walk(child, "EventId" if field == "event" and obj is record else None)

    walk(record, None)
    for kind, text in references:
        if text not in ids[kind]:
            problems.append(("unresolved-reference", text))
    return problems


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
        return sum(1 for line in lines if not check_references(pydantic_record.model_validate_json(line)))

    def msgspec_checks(lines):
        decoder = msgspec.json.Decoder()
        return sum(1 for line in lines if not check_references_json(decoder.decode(line)))

    def crate_two_threads(lines):
        # Two Python threads, each validating half: the GIL is released
        # while Rust works, so they run at once.
        from concurrent.futures import ThreadPoolExecutor

        half = len(lines) // 2
        with ThreadPoolExecutor(2) as pool:
            return sum(pool.map(crate, [lines[:half], lines[half:]]))

    def pydantic_alone(lines):
        return sum(1 for line in lines if pydantic_record.model_validate_json(line))

    def jsonl(threads):
        def run(lines):
            path = Path(folder) / f"lines-{len(lines)}.jsonl"
            if not path.exists():
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return sum(1 for _, record, problems in de.iter_jsonl(path, threads) if record is not None
                       and not any(p.severity == "error" for p in problems))
        return run

    contenders = [
        ("diplomatic_events.validate", crate),
        ("diplomatic_events.validate, 2 Python threads", crate_two_threads),
        ("diplomatic_events.iter_jsonl, 1 thread", jsonl(1)),
        ("diplomatic_events.iter_jsonl, 2 threads", jsonl(2)),
        ("pydantic v2 + checks in Python", pydantic_checks),
        ("pydantic v2 alone, no cross-field checks", pydantic_alone),
        ("msgspec JSON, no field checks, + checks", msgspec_checks),
    ]
    versions = {name: importlib.metadata.version(name) for name in ("pydantic", "msgspec", "datamodel-code-generator")}
    print(f"Python {sys.version.split()[0]}; " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    for corpus, lines in (("the 3,264 imported visits", visits), (f"the {len(fixtures)} committed records", fixtures)):
        repeat = max(1, 3000 // len(lines))
        lines = lines * repeat
        best = {name: float("inf") for name, _ in contenders}
        valid = {}
        for _ in range(rounds):
            for name, run in contenders:
                start = time.perf_counter()
                valid[name] = run(lines)
                best[name] = min(best[name], time.perf_counter() - start)
        print(f"\n{corpus} ({len(lines)} lines a round, best of {rounds} interleaved rounds)")
        print(f"{'':46}{'records/s':>12}{'valid':>8}{'x pydantic':>12}")
        for name, _ in contenders:
            rate = len(lines) / best[name]
            ratio = best["pydantic v2 + checks in Python"] / best[name]
            print(f"{name:46}{rate:>12,.0f}{valid[name]:>8}{ratio:>12.1f}")


if __name__ == "__main__":
    main()
