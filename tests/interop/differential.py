"""The differential test: the crate, Python `jsonschema` and Ajv on the same mutants.

Makes at least 5,000 mutants of the valid records (tests/fixtures/valid and
examples/records) with a fixed seed, one JSON text a line in
target/interop/mutants.jsonl, and asks each judge whether a mutant is a
valid record:
- the crate, through `diplomatic-events validate --format json` (a record
  with a problem of severity error is refused);
- Python `jsonschema` (draft 2020-12, format checking on), in this process;
- Ajv 2020 (strict, ajv-formats), through differential_ajv.mjs.

The crate must be at least as strict as the schema, and stricter only by a
rule the schema cannot say: a mutant the crate refuses and a schema
validator accepts must have only problems of the committed list of Rust-only
rules, tests/interop/rust-only.json. Any other disagreement fails the test,
which prints the confusion table either way.

Usage: python differential.py DIPLOMATIC_EVENTS_BINARY NODE_MODULES_DIR
"""

import json
import multiprocessing
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORK = ROOT / "target/interop"
SEED = 20261202
MUTANTS = 5200

# Values to put in place of strings, by what the string is (the key it sits under).
DATES = ["2024-02-30", "2023-02-29", "2024-02-29", "2024-13", "2024-00", "2024", "0000", "9999-12-31",
         "24", "2024-4-2", "2024-04-02T10:00:00", "2024-04-02T10:00:00Z", "2024-04-02T10:00:00+24:00",
         "2024-04-02T10:00:00-00:00", "2024-04-02T10:00:00+05:45", "2016-12-31T23:59:60Z",
         "2024-04-02T10:00:00.1234567890Z", "2024-04-02T10:00:00.123456789+01:00", "2024-04-02t10:00:00z",
         "2024-04-02 10:00:00Z", "2024\n", "2024-04-02\n", " 2024", "2024-04-02T25:00:00Z"]
COUNTRIES = ["XX", "az", "AZE", "SU", "XK", "YU", "", "A", "AZ\n", "ZZ", "EU", "DD", "CS", "AN"]
LANGUAGES = ["en\n", "en_US", "zh-Hant-TW", "x-private", "en-a", "i-klingon", "EN", "en-US-GB", "az-Latn",
             "", "e", "en-x", "sl-rozaj-biske", "de-CH-1901", "qaa", "en-a-bbb-x-a-ccc", "en-US-u-ca-gregory"]
URLS = ["https://example.com/a[1]", "https://example.com/#a#b", "https://example.com/?q=[x]",
        "https://[1.2.3.4]/", "https://[abc]/", "https://[::1]/", "https://[2001:db8::1]:8443/x",
        "https://[::ffff:1.2.3.4]/", "https://[v1.fe:x]/", "https://a:/", "https://u:p@h/p?q#f",
        "https://[1::2::3]/", "https://[::1.02.3.4]/", "https://[fe80::1%25eth0]/", "http://example.org",
        "HTTP://example.org", "ftp://example.org/", "https:///x", "https://exa mple.org", "https://example.org/\n",
        "https://example.org/%2", "https://example.org/%C3%BC", "https://example.org/Баку",
        "https://a@b@c/", "https://example.org:80a/", "https://example.org/a\\b", "javascript:alert(1)",
        "https://example.org/a:b@c/d?e/f?g#h/i?j", "https://example.org/" + "a" * 4100, "//example.org/"]
IDS = ["a b", "", "-a", ".a", "a" * 129, "a" * 128, "é", "a\n", "A.b:c-d_e", "a/b", "0", "a\u200bb", "a~b"]
WIKIDATA = ["Q42", "Q0", "Q01", "q42", "Q", "Q1234567890123456789", "Q123456789012345678", "Q42\n", "P42"]
EXTENSION_KEYS = ["org.example:x", "X:y", "a:", ":b", "a.b-c:D_e.f", "a..b:c", "a:b c", "a:b\n", "1a:b",
                  "a:" + "b" * 130]
ODD_NUMBERS = ["18446744073709551615", "18446744073709551616", "1e2", "-0", "1.0", "-1", "1e400", "0.5",
               "9007199254740993", "0", "1E2", "100000000000000000000000", "-1e400"]
EXTENSION_VALUES = ["1e400", "-0", "12345678901234567890123", '{"a":1,"a":2}', '{"a":{"b":[1,{"b":1,"b":2}]}}',
                    '"\\ud800"', '"\\ud83d\\ude00"', '[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]', "null",
                    '{"\\u0061":1,"a":2}', '"\\u0000"', '{"nested":{"deep":[true,false,null,1.5e-300]}}',
                    "[" * 129 + "]" * 129]

DATE_KEYS = {"start", "end", "date", "published_at", "retrieved_at", "as_of", "born", "died"}
REFERENCE_KEYS = {"person", "party", "delegation", "acting_for", "represents", "speaker", "source", "agreement",
                  "event", "head", "member", "meeting"}


def odd_texts(value):
    """Strings in place of a text."""
    nfd = unicodedata.normalize("NFD", value)
    return [
        "", " ", "\t", "\u3000", value + "\n", value + " ", " " + value, "a\nb", "a\u202eb", "a\u200bb",
        "a\u200db", "a\u200cb", "\u0085", "\u2028", "a\u2066b", "\ufeffa", "x\u00a0", "😀", "\u0301",
        nfd if nfd != value else "Go\u0308rgu\u0308n", "a" * 10000, "a" * 10001, "u\u0308" * 5000,
        "u\u0308" * 5001, "\u0958" * 5000, "\u0958" * 5001, "\ufb2c" * 3334, value.upper(), "\x7f", "\x00",
    ]


def paths(value, path=()):
    """Every (path, value) pair of a JSON tree."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, path + (index,))


def put(tree, path, value):
    """`tree` with the value at `path` replaced (or removed, for value `...`)."""
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    if value is Ellipsis:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return tree


def mutate(rng, record):
    """One mutant of `record`: (kind, JSON text on one line)."""
    tree = json.loads(json.dumps(record))
    spots = list(paths(tree))[1:]
    path, value = rng.choice(spots)
    key = next((step for step in reversed(path) if isinstance(step, str)), "")
    kind = rng.choice(["type", "missing", "unknown", "null", "string", "number", "one-key", "variant",
                       "reference", "extension", "duplicate-key", "escape", "white-space", "list"])
    text = None
    if kind == "type":
        put(tree, path, rng.choice([0, 1.5, -3, True, "x", None, [], {}, [1], {"a": 1}]))
    elif kind == "missing" and isinstance(path[-1], str):
        put(tree, path, ...)
    elif kind == "unknown":
        objects = [(p, v) for p, v in paths(tree) if isinstance(v, dict)]
        p, v = rng.choice(objects)
        v[rng.choice(["x_unknown", "Id", "extension", "org.example:x", "id ", "kind"])] = rng.choice([1, "x", None])
    elif kind == "null":
        put(tree, path, None)
    elif kind == "string" and isinstance(value, str):
        if key in DATE_KEYS:
            choices = DATES
        elif key == "country":
            choices = COUNTRIES
        elif key == "language":
            choices = LANGUAGES
        elif key == "url":
            choices = URLS
        elif key == "wikidata":
            choices = WIKIDATA
        elif key == "id" or key in REFERENCE_KEYS:
            choices = IDS
        else:
            choices = odd_texts(value)
        put(tree, path, rng.choice(choices))
    elif kind == "number":
        numbers = [p for p, v in paths(tree) if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if numbers:
            target = rng.choice(numbers)
            marker = "__NUMBER__"
            put(tree, target, marker)
            text = json.dumps(tree, ensure_ascii=False).replace(f'"{marker}"', rng.choice(ODD_NUMBERS))
        else:
            kind = "type"
            put(tree, path, rng.choice(ODD_NUMBERS))
    elif kind == "one-key":
        if isinstance(value, str):
            put(tree, path, {value: None} if rng.random() < 0.5 else {value: {}})
        elif isinstance(value, dict) and len(value) == 1:
            (only, inner), = value.items()
            value["party" if only != "party" else "person"] = inner
        else:
            put(tree, path, {})
    elif kind == "variant" and isinstance(value, str):
        put(tree, path, rng.choice([value.upper(), value + " ", value.replace("_", " "), "other", "visitt", ""]))
    elif kind == "reference":
        references = [p for p, v in paths(tree) if isinstance(v, str) and p and p[-1] in REFERENCE_KEYS]
        if references:
            put(tree, rng.choice(references), rng.choice(["nobody", "gorgun", "az", "tr", "visit"]))
    elif kind == "extension":
        objects = [(p, v) for p, v in paths(tree) if isinstance(v, dict) and "id" in v]
        p, v = rng.choice(objects)
        marker = "__EXTENSION__"
        v["extensions"] = {rng.choice(EXTENSION_KEYS): marker}
        text = json.dumps(tree, ensure_ascii=False).replace(f'"{marker}"', rng.choice(EXTENSION_VALUES))
    elif kind == "duplicate-key":
        objects = [v for p, v in paths(tree) if isinstance(v, dict) and v]
        v = rng.choice(objects)
        repeated = rng.choice(list(v))
        marker = "__DUPLICATE__"
        v[marker] = v[repeated]
        text = json.dumps(tree, ensure_ascii=False).replace(f'"{marker}"', json.dumps(repeated, ensure_ascii=False))
    elif kind == "escape":
        strings = [p for p, v in paths(tree) if isinstance(v, str) and v]
        target = rng.choice(strings)
        marker = "__ESCAPE__"
        original = dict(paths(tree))[target]
        put(tree, target, marker)
        escape = rng.choice(["\\u0041", "\\/", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\ud800\\u0041", "\\u00e9",
                             "\\u0065\\u0301", "\\n", "\\t", "\\u202e", "\\u0000", "\\\\", "\\\""])
        cut = rng.randrange(len(original) + 1)
        body = json.dumps(original[:cut], ensure_ascii=False)[1:-1] + escape + json.dumps(original[cut:], ensure_ascii=False)[1:-1]
        text = json.dumps(tree, ensure_ascii=False).replace(f'"{marker}"', f'"{body}"')
    elif kind == "white-space":
        compact = json.dumps(tree, ensure_ascii=False, separators=(",", ":"))
        tokens = re.split(r'("(?:[^"\\]|\\.)*")', compact)
        text = "".join(t if i % 2 else re.sub(r"([,:\[\]{}])", lambda m: rng.choice(["", " ", "\t", "  "]) + m.group(1) + rng.choice(["", " ", "\t"]), t) for i, t in enumerate(tokens))
    elif kind == "list":
        lists = [p for p, v in paths(tree) if isinstance(v, list) and v]
        if lists:
            target = rng.choice(lists)
            items = dict(paths(tree))[target]
            # 10,001 entries of a small item: over the limit, under the crate's 1 MiB line.
            small = len(json.dumps(items[0])) < 64
            put(tree, target, rng.choice([[], items * 2, [items[0]] * (10001 if small else 2), items + [None]]))
    else:
        kind = "type"
        put(tree, path, rng.choice([0, "x", None, {}]))
    if text is None:
        text = json.dumps(tree, ensure_ascii=False)
    assert "\n" not in text
    return kind, text


def valid_records():
    """The valid records the mutants are made from: the valid fixtures and
    the bundled examples."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in
            sorted((ROOT / "tests/fixtures/valid").glob("*.json")) + sorted((ROOT / "examples/records").glob("*.json"))]


def write_lines(name, texts):
    """`texts` one a line in target/interop/NAME; its path."""
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / name
    path.write_text("".join(text + "\n" for text in texts), encoding="utf-8")
    return path


def rust_verdicts(binary, mutants_file, count):
    """For each line, the crate's error problems: [(code, message)]; empty when valid."""
    out = subprocess.run([binary, "validate", "--format", "json", str(mutants_file)],
                         capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"diplomatic-events validate failed ({out.returncode}): {out.stderr[:2000]}")
    problems = [[] for _ in range(count)]
    for line in filter(None, out.stdout.split("\n")):
        problem = json.loads(line)
        if problem["severity"] == "error":
            problems[problem["line"] - 1].append((problem["code"], problem["message"]))
    return problems


def no_constants(name):
    raise ValueError(f"{name} is not JSON")


VALIDATOR = Draft202012Validator(
    json.loads((ROOT / "schemas/record.schema.json").read_text(encoding="utf-8")),
    format_checker=Draft202012Validator.FORMAT_CHECKER)


def python_verdict(text):
    """Python jsonschema's verdict on one line: False also when it is not JSON."""
    try:
        instance = json.loads(text, parse_constant=no_constants)
    except ValueError:
        return False
    return VALIDATOR.is_valid(instance)


def main():
    binary, node_modules = sys.argv[1], sys.argv[2]
    rust_only = json.loads((HERE / "rust-only.json").read_text(encoding="utf-8"))
    table = (ROOT / "src/validation/mod.rs").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^//! \| `([a-z0-9-]+)` \| \w+ \| \w+ \| (yes|no) \|", table, re.M))
    unlisted = sorted(code for code, verdict in rows.items() if verdict == "no" and code not in rust_only["codes"])
    checked = sorted(code for code in rust_only["codes"] if rows.get(code) != "no")
    if unlisted or checked:
        sys.exit(f"rust-only.json and the code table disagree: not listed {unlisted}, checked by the schema {checked}")

    records = valid_records()
    rng = random.Random(SEED)
    mutants = [mutate(rng, records[i % len(records)]) for i in range(MUTANTS)]
    mutants_file = write_lines("mutants.jsonl", (text for _, text in mutants))

    rust = rust_verdicts(binary, mutants_file, len(mutants))
    with multiprocessing.Pool() as pool:
        python = pool.map(python_verdict, (text for _, text in mutants), chunksize=50)
    ajv_out = subprocess.run(["node", str(HERE / "differential_ajv.mjs"), node_modules, str(mutants_file)],
                             capture_output=True, text=True, check=True).stdout.strip()
    ajv = [c == "1" for c in ajv_out]
    if len(ajv) != len(mutants):
        sys.exit(f"ajv judged {len(ajv)} of {len(mutants)} mutants")

    def justified(problems, judge):
        return problems and all(
            code in rust_only["codes"]
            or any(code == rule["code"] and rule["contains"] in message and judge in rule.get("judges", [judge])
                   for rule in rust_only["messages"])
            for code, message in problems)

    failures = []
    tables = {"python jsonschema": Counter(), "ajv": Counter()}
    rust_only_codes = {judge: Counter() for judge in tables}
    kinds = Counter(kind for kind, _ in mutants)
    for index, (kind, text) in enumerate(mutants):
        rust_ok = not rust[index]
        for judge, ok in (("python jsonschema", python[index]), ("ajv", ajv[index])):
            if rust_ok == ok:
                cell = "both accept" if ok else "both refuse"
            elif ok and justified(rust[index], judge):
                cell = "crate refuses by a Rust-only rule"
                rust_only_codes[judge].update(code for code, _ in rust[index])
            else:
                cell = "crate accepts, schema refuses" if rust_ok else "crate refuses, schema accepts"
                failures.append(f"line {index + 1} ({kind}): {cell} ({judge}): {rust[index][:3]}: {text[:300]}")
            tables[judge][cell] += 1

    print(f"{len(mutants)} mutants (seed {SEED}) of {len(records)} records: " +
          ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())))
    cells = ["both accept", "both refuse", "crate refuses by a Rust-only rule",
             "crate refuses, schema accepts", "crate accepts, schema refuses"]
    print(f"{'':36}" + "".join(f"{judge:>20}" for judge in tables))
    for cell in cells:
        print(f"{cell:36}" + "".join(f"{tables[judge][cell]:>20}" for judge in tables))
    for judge, codes in rust_only_codes.items():
        print(f"Rust-only problems, where {judge} accepts: " + ", ".join(f"{c} {n}" for c, n in codes.most_common()))
    for failure in failures[:40]:
        print(f"FAIL {failure}")
    print(f"differential: {len(failures)} unexplained disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
