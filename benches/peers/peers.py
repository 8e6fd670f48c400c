"""The same JSON Lines file through what a Python user would pick instead.

Usage: peers.py MODELS_DIR CORPUS.jsonl [--only NAME]

Each peer parses every line and checks it as far as it can:
- pydantic v2 models generated from schemas/record.schema.json, plus the
  crate's cross-reference checks (unique ids, references that resolve) in a
  function run on each model;
- msgspec decoding into types built from the same schema
  (record_msgspec.py: patterns, lengths, code lists, unknown fields
  refused), plus the same cross-reference checks; and, for reference,
  msgspec decoding without types plus the same checks;
- Python jsonschema (Draft 2020-12, format-nongpl);
- fastjsonschema (compiled; it knows drafts 4-7 only, so `$schema` is
  dropped and the schema read as draft 7).
Prints records/s and MB/s for each, in process (parsing and checking only).
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def references(record):
    """The crate's cross-reference checks, on the plain JSON of one record:
    ids unique within their kind, every reference resolving to its kind."""
    problems = 0
    ids = {}

    def declare(kind, items):
        nonlocal problems
        seen = ids.setdefault(kind, set())
        for item in items:
            if item["id"] in seen:
                problems += 1
            seen.add(item["id"])

    events = []
    stack = [record["event"]]
    while stack:
        event = stack.pop()
        events.append(event)
        stack.extend(event.get("parts", []))
    declare("party", record.get("parties", []))
    declare("person", record.get("people", []))
    declare("delegation", record.get("delegations", []))
    declare("event", events)
    declare("statement", record.get("statements", []))
    declare("agreement", record.get("agreements", []))
    declare("source", record.get("sources", []))

    def need(kind, value):
        nonlocal problems
        if value not in ids.get(kind, ()):
            problems += 1

    def actor(a):
        for kind in ("person", "party", "delegation"):
            if kind in a:
                need(kind, a[kind])

    for event in events:
        for p in event.get("participants", []):
            actor(p["participant"])
            if "acting_for" in p:
                need("party", p["acting_for"])
        for a in event.get("mentioned", []):
            actor(a)
    for person in record.get("people", []):
        for position in person.get("positions", []):
            if "organisation" in position:
                need("party", position["organisation"])
    for d in record.get("delegations", []):
        need("party", d["represents"])
        for m in ([d["head"]] if "head" in d else []) + d.get("members", []):
            actor(m["member"])
            if "affiliation" in m:
                need("party", m["affiliation"])
    for s in record.get("statements", []):
        for a in s["speakers"]:
            actor(a)
        if "event" in s:
            need("event", s["event"])
    for a in record.get("agreements", []):
        for p in a.get("parties", []):
            need("party", p)
        for s in a.get("signatories", []):
            need("person", s["person"])
            need("party", s["acting_for"])
            if s["acting_for"] not in a.get("parties", []):
                problems += 1
        for step in a.get("steps", []):
            if "event" in step:
                need("event", step["event"])
    return problems


def main():
    models_dir, corpus = sys.argv[1], Path(sys.argv[2])
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    sys.path.insert(0, models_dir)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    lines = corpus.read_bytes().splitlines()
    size = sum(len(line) + 1 for line in lines)
    schema = json.loads((ROOT / "schemas/record.schema.json").read_text(encoding="utf-8"))

    def pydantic_peer():
        from pydantic_models import Record

        for line in lines:
            record = Record.model_validate_json(line)
            references(record.model_dump(mode="json", exclude_unset=True))

    def msgspec_peer():
        import msgspec
        from record_msgspec import record_type

        decoder = msgspec.json.Decoder(record_type(schema))
        for line in lines:
            references(msgspec.to_builtins(decoder.decode(line)))

    def msgspec_untyped_peer():
        import msgspec

        # Checks less than the others: only JSON syntax and the references.
        decoder = msgspec.json.Decoder()
        for line in lines:
            references(decoder.decode(line))

    def jsonschema_peer():
        import jsonschema

        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        for line in lines:
            validator.is_valid(json.loads(line))

    def fastjsonschema_peer():
        import fastjsonschema

        draft7 = {k: v for k, v in schema.items() if k != "$schema"}
        validate = fastjsonschema.compile(draft7)
        for line in lines:
            validate(json.loads(line))

    peers = [("pydantic", pydantic_peer), ("msgspec", msgspec_peer),
             ("msgspec-untyped", msgspec_untyped_peer),
             ("jsonschema", jsonschema_peer), ("fastjsonschema", fastjsonschema_peer)]
    for name, peer in peers:
        if only and name != only:
            continue
        start = time.perf_counter()
        try:
            peer()
        except Exception as error:  # a peer that cannot run at all is reported as such
            print(f"{name:<16} cannot run: {type(error).__name__}: {str(error).splitlines()[0]}")
            continue
        elapsed = time.perf_counter() - start
        print(f"{name:<16} {size / 1e6 / elapsed:8.1f} MB/s {len(lines) / elapsed:10.0f} records/s")


if __name__ == "__main__":
    main()
