"""The Rust half of `diplomatic_events` (PyO3): every function below runs the
crate's own code with the GIL released."""

import os
from typing import Any, BinaryIO, Final, Iterator, Optional, Union, final

__all__ = [
    "DEFAULT_MAX_PROBLEMS",
    "DiplomaticEventsError",
    "FORMAT_VERSION",
    "JsonLinesIterator",
    "Problem",
    "canonical",
    "iter_jsonl",
    "parse",
    "schema",
    "validate",
    "validate_file",
]

FORMAT_VERSION: Final[str]
"""The record format version this package reads and writes: ``"0.2"``."""

DEFAULT_MAX_PROBLEMS: Final[int]
"""The most problems reported for one record by default (100); one more
problem, code ``too-many-problems``, then says how many were left out."""

class DiplomaticEventsError(ValueError):
    """A text that is not a record. ``str(error)`` is the crate's message:
    the one problem, or ``"N problems, the first: ..."``."""

    problems: list[Problem]
    """Every problem found, in the order of the text."""

@final
class Problem:
    """One problem of a record. Frozen; equal when every field is."""

    path: str
    """JSON Pointer (RFC 6901) to the offending value; empty for the whole record."""
    code: str
    """The rule's stable kebab-case code, such as ``"unresolved-reference"``."""
    severity: str
    """``"error"`` (the record is not valid) or ``"warning"``."""
    message: str
    """What is wrong, naming the offending value."""
    line: Optional[int]
    """The line in the record's text, from 1 (in the line's, for JSON Lines:
    always 1); ``None`` when the problem has no place in the text (a record
    rule's, on a record that was read)."""
    column: Optional[int]
    """The column in that line, from 1, counted in bytes; ``None`` as ``line``."""

@final
class JsonLinesIterator(Iterator[tuple[int, Optional[dict[str, Any]], list[Problem]]]):
    """What :func:`iter_jsonl` returns."""

    def __iter__(self) -> JsonLinesIterator: ...
    def __next__(self) -> tuple[int, Optional[dict[str, Any]], list[Problem]]: ...

def validate(text: Union[str, bytes], *, max_problems: int = 100) -> list[Problem]:
    """Every problem of one record's JSON text; empty when it is valid.

    A text that is JSON but not a record gets every problem at once: unknown,
    missing and repeated fields, wrong types, each value's own rule, and the
    rules across fields on what could be read. A syntax error is the one
    problem of a text that is not JSON; ``bytes`` that are not UTF-8 give an
    ``invalid-utf8`` problem. At most ``max_problems`` are reported, then one
    more says how many were left out.
    """

def validate_file(
    path: Union[str, os.PathLike[str]], *, max_problems: int = 100
) -> list[Problem]:
    """:func:`validate` of a file's bytes (one record), decompressed first
    when they are gzip or zstd. Raises ``OSError`` when the file cannot be
    read."""

def parse(text: Union[str, bytes], *, max_problems: int = 100) -> dict[str, Any]:
    """The record in its canonical form, as Python objects (``json.loads`` of
    its canonical JSON). Raises :class:`DiplomaticEventsError` when the text
    is not a record; the rules across fields are :func:`validate`'s."""

def canonical(text: Union[str, bytes], *, max_problems: int = 100) -> str:
    """The record's canonical JSON text: indented by two spaces, fields in
    the order of the model, empty values left out, a final newline. Raises
    :class:`DiplomaticEventsError` when the text is not a record."""

def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of records, as committed in
    ``schemas/record.schema.json``."""

def iter_jsonl(
    source: Union[str, os.PathLike[str], BinaryIO],
    threads: Optional[int] = None,
    *,
    max_problems: int = 100,
    records: bool = True,
) -> JsonLinesIterator:
    """For each non-blank line of a JSON Lines input, in line order:
    ``(line_number, record_dict_or_None, problems)``.

    ``source`` is a path or a file object (read from a Rust thread, taking
    the GIL for each read); gzip and zstd input, told by its first bytes, is
    decompressed as it streams. Lines are read and checked on ``threads``
    Rust threads (one per core by default); at most 1,024 lines wait for
    Python, so memory stays bounded whatever the input. A line that is not a
    record gives ``None`` and its problems; a record gives its canonical form
    and the problems of the rules across fields. A line over 1 MiB gives a
    ``line-too-long`` problem. With ``records=False`` no record is made into
    a dict (the second item is always ``None``): checking a file is then
    several times as fast (``python/bench/bench.py``). Raises ``OSError`` when reading fails.
    """
