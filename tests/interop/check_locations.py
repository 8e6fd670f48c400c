"""Every problem at once, held to Python `jsonschema`: the same places.

For every invalid fixture, and for mutants of the valid records with 1 to 8
problems planted at once (a fixed seed), the crate's field-level problems
(`diplomatic-events validate --format json`) must sit where Python
`jsonschema` (draft 2020-12, `iter_errors`, format checking on) reports its
errors, up to the Rust-only rules of rust-only.json:

- each of the crate's problems whose code the schema checks has a schema
  error at its place, or at the value it is in when the schema's error is
  a `oneOf` or `anyOf` (a count of the wrong shape); the place of a key's
  problem (an unknown field, a bad extension key) is the object the key is
  in, where the schema reports it (`additionalProperties`,
  `propertyNames`);
- each schema error has one of the crate's problems at its place, or
  inside it for `oneOf` and `anyOf`;
- the record rules' problems are not compared (no schema can say them);
- a place where the crate reports a Rust-only problem (a repeated key, an
  unknown time zone...) is left out on both sides: the schema sees the
  value its parser kept, or checks only the form.

Usage: python check_locations.py DIPLOMATIC_EVENTS_BINARY
"""

import json
import random
import re
import subprocess
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

sys.path.insert(0, str(Path(__file__).resolve().parent))
import differential  # noqa: E402  (the odd values, and the schema's validator)

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SEED = 20261203
MUTANTS = 3000
# Schema keywords whose error stands for problems inside the value.
GROUPING = {"oneOf", "anyOf"}
# The crate's codes for a key: the schema reports them at the object.
KEY_CODES = {"unknown-field", "invalid-extension-key"}

RUST_ONLY = json.loads((HERE / "rust-only.json").read_text(encoding="utf-8"))
# Each code's layer, from the code table: `parsing` (field-level) or `record`.
LAYERS = dict(re.findall(r"^//! \| `([a-z0-9-]+)` \| \w+ \| (\w+) \|",
                         (ROOT / "src/validation/mod.rs").read_text(encoding="utf-8"), re.M))
VALIDATOR: Draft202012Validator = differential.VALIDATOR


def pointer(path):
    return "".join("/" + str(step).replace("~", "~0").replace("/", "~1") for step in path)


def within(inner, outer):
    return inner == outer or inner.startswith(outer + "/")


def rust_only(problem):
    return problem["code"] in RUST_ONLY["codes"] or any(
        problem["code"] == rule["code"] and rule["contains"] in problem["message"]
        and "python jsonschema" in rule.get("judges", ["python jsonschema"])
        for rule in RUST_ONLY["messages"])


def compare(problems, instance):
    """The disagreements between the crate's problems and the schema's
    errors on one document, as lines of text; none when they agree."""
    if any(p["code"] == "too-many-problems" for p in problems):
        return ["the crate left problems out: the comparison needs them all"]
    problems = [p for p in problems if LAYERS.get(p["code"]) == "parsing" and p["code"] != "too-many-problems"]
    excluded = [p["path"] for p in problems if rust_only(p)]
    ours = [p for p in problems if not rust_only(p) and not any(within(p["path"], x) for x in excluded)]
    theirs = [(pointer(e.absolute_path), e.validator, e.message) for e in VALIDATOR.iter_errors(instance)]
    theirs = [t for t in theirs if not any(within(t[0], x) or within(x, t[0]) for x in excluded)]
    places = [(place(p), p) for p in ours]
    out = []
    for at_ours, p in places:
        if not any(at == at_ours or (keyword in GROUPING and within(at_ours, at)) for at, keyword, _ in theirs):
            out.append(f"crate only: {p['path']} {p['code']}: {p['message'][:120]}")
    for at, keyword, message in theirs:
        if not any(at_ours == at or (keyword in GROUPING and within(at_ours, at)) for at_ours, _ in places):
            out.append(f"schema only: {at} {keyword}: {message[:120]}")
    return out


def place(problem):
    """Where the schema reports the crate's problem: a key's problem at the
    object the key is in (`additionalProperties`, `propertyNames`)."""
    if problem["code"] in KEY_CODES:
        return problem["path"].rsplit("/", 1)[0]
    return problem["path"]


def sites(value, path=()):
    """Where a problem can be planted: each value but the root and those in
    extension values, which take any JSON."""
    if path:
        yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            if key != "extensions":
                yield from sites(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from sites(child, path + (index,))


def odd_string(rng, key, value):
    if key in differential.DATE_KEYS:
        return rng.choice(differential.DATES)
    choices = {"country": differential.COUNTRIES, "language": differential.LANGUAGES,
               "url": differential.URLS, "wikidata": differential.WIKIDATA}.get(key)
    if choices is None and (key == "id" or key in differential.REFERENCE_KEYS):
        choices = differential.IDS
    return rng.choice(choices or differential.odd_texts(value))


def plant(rng, tree, path, value):
    """Plants one problem at `path`; returns the place it is at."""
    key = next((step for step in reversed(path) if isinstance(step, str)), "")
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    kind = rng.choice(["type", "string", "unknown", "missing", "null", "variant"])
    if kind == "string" and isinstance(value, str):
        parent[path[-1]] = odd_string(rng, key, value)
    elif kind == "unknown" and isinstance(value, dict):
        value[rng.choice(["x_unknown", "Id", "colour"])] = rng.choice([1, "x", None])
    elif kind == "missing" and isinstance(value, dict) and value:
        del value[rng.choice(list(value))]
    elif kind == "null":
        parent[path[-1]] = None
    elif kind == "variant" and isinstance(value, str):
        parent[path[-1]] = rng.choice([value.upper(), value + " ", value.replace("_", " "), ""])
    else:
        parent[path[-1]] = rng.choice([7, -1, 1.5, True, "x", [], {}, [1]])
    return path


def mutant(rng, record):
    """A record with 1 to 8 problems planted at places none of which is
    inside another."""
    tree = json.loads(json.dumps(record))
    chosen = []
    for _ in range(rng.randint(1, 8)):
        path, value = rng.choice(list(sites(tree)))
        if all(path[:len(c)] != c and c[:len(path)] != path for c in chosen):
            chosen.append(plant(rng, tree, path, value))
    return json.dumps(tree, ensure_ascii=False)


def run(binary, files):
    """The crate's problems by file and line: {(file, line): [problem]}."""
    out = subprocess.run([binary, "validate", "--format", "json", "--max-problems", "100000", *map(str, files)],
                         capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"diplomatic-events validate failed ({out.returncode}): {out.stderr[:2000]}")
    problems = {}
    for line in filter(None, out.stdout.split("\n")):
        problem = json.loads(line)
        problems.setdefault((problem["file"], problem["line"]), []).append(problem)
    return problems


def main():
    binary = sys.argv[1]
    failures = []
    compared = 0

    fixtures = sorted((ROOT / "tests/fixtures/invalid").glob("*.json"))
    found = run(binary, fixtures)
    for path in fixtures:
        try:
            instance = json.loads(path.read_text(encoding="utf-8"), parse_constant=differential.no_constants)
        except ValueError:
            continue  # not JSON: the crate's one syntax error, which no schema sees
        compared += 1
        for line in compare(found.get((str(path), None), []), instance):
            failures.append(f"{path.name}: {line}")

    records = differential.valid_records()
    rng = random.Random(SEED)
    mutants = [mutant(rng, records[i % len(records)]) for i in range(MUTANTS)]
    mutants_file = differential.write_lines("location-mutants.jsonl", mutants)
    found = run(binary, [mutants_file])
    problems = 0
    for index, text in enumerate(mutants):
        ours = found.get((str(mutants_file), index + 1), [])
        problems += len(ours)
        compared += 1
        for line in compare(ours, json.loads(text)):
            failures.append(f"mutant {index + 1}: {line}: {text[:200]}")

    print(f"{len(fixtures)} invalid fixtures and {MUTANTS} mutants with 1 to 8 problems each (seed {SEED}):"
          f" {compared} documents, {problems} problems from the crate on the mutants")
    for failure in failures[:40]:
        print(f"FAIL {failure}")
    print(f"locations: {len(failures)} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
