"""Python `jsonschema` against the committed schema, with format checking on.

Every valid fixture must pass; every invalid fixture must be rejected exactly
when one of its expected codes is checked by the schema (the "JSON Schema"
column of the code table in src/validation/mod.rs); fixtures that are not JSON
at all are skipped, as no schema validator sees them.
"""

import json
import re
import sys
from pathlib import Path

from importlib.metadata import version
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]


def schema_checked_codes():
    table = (ROOT / "src/validation/mod.rs").read_text(encoding="utf-8")
    rows = re.findall(r"^//! \| `([a-z0-9-]+)` \| \w+ \| \w+ \| (yes|no) \|", table, re.M)
    if len(rows) < 30:
        sys.exit(f"could not read the code table: {len(rows)} rows")
    return {code for code, verdict in rows if verdict == "yes"}


def main():
    schema = json.loads((ROOT / "schemas/record.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    checker = Draft202012Validator.FORMAT_CHECKER
    for needed in ("date", "date-time", "uri"):
        if needed not in checker.checkers:
            sys.exit(f"format {needed!r} is not checked: install jsonschema[format-nongpl]")
    validator = Draft202012Validator(schema, format_checker=checker)
    checked = schema_checked_codes()
    failures = []
    valid = sorted((ROOT / "tests/fixtures/valid").glob("*.json")) + sorted((ROOT / "examples/records").glob("*.json"))
    for path in valid:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
        if errors:
            failures.append(f"{path.name}: valid fixture rejected: {errors[:3]}")
    rejected = accepted = 0
    for path in sorted((ROOT / "tests/fixtures/invalid").glob("*.json")):
        try:
            instance = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        codes = {line.split("\t")[2] for line in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()}
        expect_rejected = bool(codes & checked)
        is_valid = validator.is_valid(instance)
        if is_valid == expect_rejected:
            failures.append(f"{path.name}: codes {sorted(codes)}: schema {'accepts' if is_valid else 'rejects'} it")
        if expect_rejected:
            rejected += 1
        else:
            accepted += 1
    for failure in failures:
        print(f"FAIL python-jsonschema {failure}")
    print(f"python jsonschema {version('jsonschema')}: {len(valid)} valid accepted, "
          f"{rejected} field-level invalid rejected, {accepted} Rust-only invalid accepted, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
