"""The Python package against the repository's fixtures: the crate's rules,
the same problems, from Python."""

import io
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import diplomatic_events as de

ROOT = Path(__file__).resolve().parents[2]
VALID = sorted((ROOT / "tests/fixtures/valid").glob("*.json")) + sorted(
    (ROOT / "examples/records").glob("*.json")
)
INVALID = sorted((ROOT / "tests/fixtures/invalid").glob("*.json"))
VISITS = ROOT / "examples/records/history-state-visits.jsonl"
MIXED = ROOT / "tests/fixtures/jsonl/mixed.jsonl"


def expected(path):
    """The (path, line, column, code) of each problem of an invalid fixture,
    from its `.expected` file (`path TAB line:column TAB code TAB message`)."""
    rows = []
    for line in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        pointer, place, code, _message = line.split("\t", 3)
        line_number, column = (int(n) for n in place.split(":"))
        rows.append((pointer, line_number or None, column or None, code))
    return rows


def test_the_module_says_its_version():
    assert de.FORMAT_VERSION == "0.2"
    assert de.DEFAULT_MAX_PROBLEMS == 100
    assert de.schema()["$id"] == "urn:diplomatic-events:schema:record:0.2"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_every_valid_fixture_is_valid(path):
    text = path.read_text(encoding="utf-8")
    assert de.validate(text) == []
    assert de.validate(text.encode()) == []
    assert de.validate_file(path) == []
    assert de.validate_file(str(path)) == []
    # The canonical form is the committed text, and parse gives its objects.
    assert de.canonical(text) == text
    assert de.parse(text) == json.loads(text)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_every_invalid_fixture_gives_exactly_its_expected_problems(path):
    problems = de.validate_file(path)
    assert [(p.path, p.line, p.column, p.code) for p in problems] == expected(path)
    for problem in problems:
        assert problem.severity in ("error", "warning")
        assert problem.message


def test_problems_are_values():
    problem = de.validate('{"format_version": "0.2", "id": "r 1", "event": {"id": "e", "kind": "visit"}}')[0]
    assert (problem.path, problem.code, problem.severity) == ("/id", "invalid-id", "error")
    assert (problem.line, problem.column) == (1, 37)
    assert str(problem).startswith("error[invalid-id] /id (line 1, column 37): id \"r 1\" has ' '")
    assert repr(problem).startswith('Problem(path="/id", code="invalid-id"')
    assert problem == de.validate('{"format_version": "0.2", "id": "r 1", "event": {"id": "e", "kind": "visit"}}')[0]
    with pytest.raises(AttributeError):
        problem.code = "x"


def test_a_text_that_is_not_a_record_raises_with_every_problem():
    text = (ROOT / "tests/fixtures/invalid/many-problems.json").read_text(encoding="utf-8")
    with pytest.raises(de.DiplomaticEventsError) as raised:
        de.parse(text)
    assert isinstance(raised.value, ValueError)
    assert str(raised.value).startswith("11 problems, the first: /event/title (line 7, column 17): text is blank")
    assert [p.code for p in raised.value.problems] == [p.code for p in de.validate(text)]
    with pytest.raises(de.DiplomaticEventsError, match="EOF while parsing"):
        de.canonical("{")
    with pytest.raises(FileNotFoundError):
        de.validate_file(ROOT / "no-such-file.json")
    with pytest.raises(TypeError):
        de.validate(42)


def test_the_cap_counts_the_rest():
    text = (ROOT / "tests/fixtures/invalid/too-many-problems.json").read_text(encoding="utf-8")
    problems = de.validate(text, max_problems=3)
    assert [p.code for p in problems] == ["invalid-id"] * 3 + ["too-many-problems"]
    assert problems[-1].message == "102 more problems are left out: at most 3 are reported"


def test_json_lines_with_bad_lines():
    lines = list(de.iter_jsonl(MIXED))
    assert [(n, record is not None, [p.code for p in problems]) for n, record, problems in lines] == [
        (1, True, []),
        (2, False, ["json-syntax"]),
        (4, True, ["signatory-not-party"]),
        (6, True, []),
        (7, False, ["unknown-field"]),
        (8, True, ["source-before-event"]),
        (9, False, ["invalid-type"]),
    ]
    assert lines[1][2][0].column == 70
    # A binary file object, a path as str, and one thread give the same.
    with open(MIXED, "rb") as file:
        assert [n for n, _, _ in de.iter_jsonl(file)] == [n for n, _, _ in lines]
    assert [n for n, _, _ in de.iter_jsonl(str(MIXED), threads=1)] == [n for n, _, _ in lines]
    assert [n for n, _, _ in de.iter_jsonl(io.BytesIO(MIXED.read_bytes()), 3)] == [n for n, _, _ in lines]
    # A text file too, whose read(n) counts characters, not bytes.
    with open(MIXED, encoding="utf-8") as file:
        assert [(n, p) for n, _, p in de.iter_jsonl(file)] == [(n, p) for n, _, p in lines]
    text = "\n".join([(ROOT / "tests/fixtures/valid/partial-dates-polity-1874.json").read_text(encoding="utf-8").replace("\n", "")] * 50)
    assert "ü" in text or "é" in text or any(ord(c) > 127 for c in text)
    assert len(list(de.iter_jsonl(io.StringIO(text)))) == 50


def test_compressed_json_lines_read_as_the_plain_file():
    lines = [(n, r, p) for n, r, p in de.iter_jsonl(MIXED)]
    for name in ("mixed.jsonl.gz", "mixed.jsonl.zst"):
        path = MIXED.parent / name
        assert list(de.iter_jsonl(path)) == lines
        with open(path, "rb") as file:
            assert list(de.iter_jsonl(file, 1)) == lines
    import gzip

    record = (ROOT / "examples/records/baku-2024-04-02.json").read_bytes()
    compressed = Path(__import__("tempfile").mkdtemp()) / "baku.json.gz"
    compressed.write_bytes(gzip.compress(record))
    assert de.validate_file(compressed) == []


def test_records_can_be_left_out_of_json_lines():
    with_records = list(de.iter_jsonl(MIXED))
    without = list(de.iter_jsonl(MIXED, records=False))
    assert [(n, None, p) for n, _, p in with_records] == without


def test_the_imported_visits_read_in_order_as_records():
    count = 0
    for number, record, problems in de.iter_jsonl(VISITS):
        count += 1
        assert number == count
        assert problems == []
        assert record["format_version"] == "0.2"
    assert count == 3264


def test_an_iterator_let_go_early_stops_its_reader():
    # Read 100 lines of a long input, then drop the iterator: the Rust
    # threads stop, and the process is not kept waiting.
    long = io.BytesIO(VISITS.read_bytes() * 20)
    iterator = de.iter_jsonl(long)
    for _ in range(100):
        next(iterator)
    del iterator


def test_hostile_input_gives_problems_not_crashes():
    deep = "[" * 10_000 + "]" * 10_000
    assert [p.code for p in de.validate(deep)] == ["invalid-type"]
    record = '{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","extensions":{"a:b":%s}}}'
    assert [p.code for p in de.validate(record % deep)] == ["json-syntax"]
    assert [p.code for p in de.validate(b'{"id": "\xff"}')] == ["invalid-utf8"]
    huge = '{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","title":"%s"}}' % ("a" * (50 << 20))
    assert [(p.path, p.code) for p in de.validate(huge)] == [("/event/title", "text-too-long")]
    assert [p.code for p in de.validate("")] == ["json-syntax"]
    assert [p.code for p in de.validate("\ud800".encode("utf-8", "surrogatepass"))] == ["invalid-utf8"]
    # As a JSON Lines line it is over the limit, and reading goes on.
    lines = list(de.iter_jsonl(io.BytesIO(huge.encode() + b"\n" + b"[]\n")))
    assert [(n, [p.code for p in problems]) for n, _, problems in lines] == [
        (1, ["line-too-long"]),
        (2, ["invalid-type"]),
    ]


def test_the_gil_is_released_while_rust_works():
    # One long call on another thread: if it held the GIL, this thread could
    # take no step until it returned. Its steps during the call show that
    # it did not. (A behaviour, not a speed: no time is asserted.)
    big = '{"format_version":"0.2","id":"x","event":{"id":"e","kind":"visit","extensions":{"a:b":[%s]}}}' % (
        ",".join([json.dumps({"n": i, "text": "x" * 200}) for i in range(200_000)])
    )
    span = {}

    def work():
        span["start"] = time.perf_counter()
        for _ in range(3):
            de.validate(big)
        span["end"] = time.perf_counter()

    thread = threading.Thread(target=work)
    steps = []
    thread.start()
    while thread.is_alive():
        steps.append(time.perf_counter())
    thread.join()
    inside = [t for t in steps if span["start"] < t < span["end"]]
    assert len(inside) > 1000, f"{len(inside)} steps while Rust worked"


def test_pydantic_models_from_the_schema_load_what_parse_gives(tmp_path):
    pytest.importorskip("pydantic")
    subprocess.run(
        [
            sys.executable, "-m", "datamodel_code_generator",
            "--input", str(ROOT / "schemas/record.schema.json"),
            "--input-file-type", "jsonschema",
            "--output-model-type", "pydantic_v2.BaseModel",
            "--output", str(tmp_path / "record_models.py"),
            "--target-python-version", "3.11",
            "--class-name", "Record",
            "--field-constraints", "--use-annotated", "--disable-timestamp", "--formatters", "builtin",
            "--type-mappings", "string+date=string", "string+date-time=string", "string+uri=string",
        ],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(tmp_path))
    try:
        from record_models import Record
    finally:
        sys.path.remove(str(tmp_path))
    for path in VALID:
        text = path.read_text(encoding="utf-8")
        record = Record.model_validate(de.parse(text))
        assert json.loads(record.model_dump_json(by_alias=True, exclude_unset=True)) == json.loads(text), path.name


def test_the_stub_says_what_the_module_has(tmp_path):
    # mypy's stubtest compares the stub with the module as built: names,
    # signatures, defaults, and which classes are final.
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "diplomatic_events._native"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
