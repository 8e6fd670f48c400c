"""msgspec types for the record, built from schemas/record.schema.json.

msgspec's own code generation cannot express the schema's one-key unions
({"person": id} | {"party": id}), since its Structs must be tagged in a
union. So the types are built here, rule by rule from the schema:

- strings keep their pattern, minLength and maxLength (Date's four
  patterns joined into one), code lists become Literal types, and open code
  lists a Literal or a Struct `{"other": text}`;
- objects become Structs that refuse unknown fields, with required fields
  required; unions tagged by a `const` property (PartyKind's "type",
  Count's "kind") become tagged Structs;
- one-key unions become a dict of exactly one entry whose key is one of
  the union's keys (its value is then checked as a string of the widest of
  the branches' patterns, not per key: the one thing looser than the schema);
- arrays keep maxItems; numbers keep their bounds; extension values are any
  JSON.

`record_type(schema)` returns the Record type, for msgspec.json.Decoder.
"""

from typing import Annotated, Any, Literal, Union

import msgspec


def record_type(schema):
    defs = schema["$defs"]
    built = {}

    def ref_name(node):
        return node["$ref"].rsplit("/", 1)[-1]

    def string(node):
        meta = {}
        if "pattern" in node:
            meta["pattern"] = node["pattern"]
        if "anyOf" in node:
            meta["pattern"] = "|".join(branch["pattern"] for branch in node["anyOf"])
        if "minLength" in node:
            meta["min_length"] = node["minLength"]
        if "maxLength" in node:
            meta["max_length"] = node["maxLength"]
        return Annotated[str, msgspec.Meta(**meta)] if meta else str

    def one_key(branches):
        keys = tuple(next(iter(branch["properties"])) for branch in branches)
        return Annotated[dict[Literal[keys], str], msgspec.Meta(min_length=1, max_length=1)]

    def struct(name, node, tag=None):
        required = set(node.get("required", []))
        fields = []
        optional = []
        for field, sub in node.get("properties", {}).items():
            if tag and field == tag[0]:
                continue
            if field in required:
                fields.append((field, convert(sub, f"{name}_{field}")))
            else:
                optional.append((field, convert(sub, f"{name}_{field}"), msgspec.UNSET))
        options = {"forbid_unknown_fields": True, "module": __name__}
        if tag:
            options["tag_field"], options["tag"] = tag
        return msgspec.defstruct(name, fields + optional, **options)

    def convert(node, name):
        if "$ref" in node:
            target = ref_name(node)
            if target not in built:
                built[target] = None  # being built: refer to it by name
                built[target] = convert(defs[target], target)
            return built[target] if built[target] is not None else target
        if "enum" in node:
            return Literal[tuple(node["enum"])]
        if "oneOf" in node:
            branches = node["oneOf"]
            consts = tuple(b["const"] for b in branches if "const" in b)
            objects = [b for b in branches if b.get("type") == "object"]
            if consts and not objects:
                return Literal[consts]
            if consts:
                assert len(objects) == 1, name
                return Union[Literal[consts], struct(f"{name}Other", objects[0])]
            tags = [
                next((f for f, s in b["properties"].items() if "const" in s), None) for b in objects
            ]
            if all(tags) and len(set(tags)) == 1:
                return Union[tuple(
                    struct(f"{name}_{b['properties'][t]['const']}", b, (t, b["properties"][t]["const"]))
                    for b, t in zip(objects, tags)
                )]
            return one_key(objects)
        kind = node.get("type")
        if kind == "string" or "anyOf" in node:
            return string(node)
        if kind == "integer":
            return Annotated[int, msgspec.Meta(ge=node["minimum"])] if "minimum" in node else int
        if kind == "number":
            return Annotated[float, msgspec.Meta(ge=node.get("minimum"), le=node.get("maximum"))]
        if kind == "boolean":
            return bool
        if kind == "array":
            item = convert(node["items"], f"{name}Item")
            return Annotated[list[item], msgspec.Meta(max_length=node["maxItems"])] if "maxItems" in node else list[item]
        if kind == "object":
            if "properties" in node:
                return struct(name, node)
            if "patternProperties" in node:
                ((pattern, value),) = node["patternProperties"].items()
                key = Annotated[str, msgspec.Meta(pattern=pattern)]
                return dict[key, convert(value, f"{name}Value")]
            key = convert(node["propertyNames"], f"{name}Key") if "propertyNames" in node else str
            value = convert(node["additionalProperties"], f"{name}Value")
            if "maxProperties" in node:
                return Annotated[dict[key, value], msgspec.Meta(max_length=node["maxProperties"])]
            return dict[key, value]
        if not node or set(node) <= {"description", "title", "examples"}:
            return Any
        raise ValueError(f"{name}: no rule for {sorted(node)}")

    record = struct("Record", schema)
    # Recursive references (an event's parts) were left as names; msgspec
    # resolves them from this module's globals.
    globals().update({name: value for name, value in built.items() if value is not None})
    return record
