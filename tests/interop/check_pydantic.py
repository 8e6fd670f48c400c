"""Pydantic v2 models generated from the schema by datamodel-code-generator
load every valid fixture and dump it back to JSON equal to the input.

Usage: check_pydantic.py MODELS_DIR (the folder holding record_models.py).
"""

import json
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main():
    sys.path.insert(0, sys.argv[1])
    from record_models import Record  # noqa: E402 (generated at run time)

    files = sorted((ROOT / "tests/fixtures/valid").glob("*.json")) + sorted((ROOT / "examples/records").glob("*.json"))
    failures = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            record = Record.model_validate_json(text)
        except Exception as error:  # a validation error is the failure to report
            failures.append(f"{path.name}: does not load: {error}")
            continue
        dumped = json.loads(record.model_dump_json(by_alias=True, exclude_unset=True))
        if dumped != json.loads(text):
            failures.append(f"{path.name}: dumps back differently")
    # The models keep the schema's constraints: a bad country code is refused.
    bad = json.loads((ROOT / "examples/records/baku-2024-04-02.json").read_text(encoding="utf-8"))
    bad["parties"][0]["kind"]["country"] = "tr"
    try:
        Record.model_validate(bad)
        failures.append("a lower-case country code was accepted")
    except Exception:
        pass
    for failure in failures:
        print(f"FAIL pydantic {failure}")
    print(f"pydantic {version('pydantic')} models from datamodel-code-generator {version('datamodel-code-generator')}: "
          f"{len(files) - len(failures)} of {len(files)} fixtures round-trip, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
