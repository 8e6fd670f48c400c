"""Records of diplomatic events, validated by every rule of the Rust crate.

Read and check records (visits, meetings, summits, calls, the delegations
and people in them, what they said and the agreements they signed) with the
``diplomatic-events`` crate's own code: every field-level rule of the JSON
Schema and every rule across fields (ids, references, counts, date order,
likely mistakes), with each problem's JSON Pointer, line and column.

    >>> import diplomatic_events as de
    >>> [p.code for p in de.validate('{"format_version": "0.2", "id": "r", "event": {"id": "e", "kind": "visti"}}')]
    ['unknown-variant']
"""

from ._native import *  # noqa: F403 (the names of __all__, which the module sets)
from ._native import __all__
