"""The event-data export read by the tools researchers use.

Runs `diplomatic-events export` on the committed records and the imported
Office of the Historian visits, then:
  * loads the CAMEO rows into pandas with GDELT 2.0's column names, and
    checks the columns, the codes and the counts;
  * validates every PLOVER event with Python jsonschema against the
    committed schema of PLOVER's data fields.
Usage: check_event_data.py ROOT COMMAND
"""

import io
import json
import pathlib
import subprocess
import sys

import jsonschema
import pandas

root = pathlib.Path(sys.argv[1])
command = sys.argv[2]
records = sorted(str(p) for p in (root / "tests/fixtures/valid").glob("*.json"))
records += sorted(str(p) for p in (root / "examples/records").glob("*.json"))
visits = str(root / "examples/records/history-state-visits.jsonl")

# GDELT 2.0's event table, in order (the GDELT Event Codebook V2.0).
GDELT = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name
Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code
Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode
Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code
Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass
GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type
Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type
Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type
ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()


def export(target, paths):
    done = subprocess.run([command, "export", "--to", target, *paths], capture_output=True, check=True)
    return done.stdout.decode()


cameo = pandas.read_csv(io.StringIO(export("cameo", records)), sep="\t", dtype=str, keep_default_na=False)
assert list(cameo.columns[: len(GDELT)]) == GDELT, list(cameo.columns)
assert cameo["EventCode"].str.fullmatch(r"[0-9]{3,4}").all()
assert (cameo["EventRootCode"] == cameo["EventCode"].str[:2]).all()
goldstein = pandas.to_numeric(cameo["GoldsteinScale"])
assert goldstein.between(-10, 10).all()
assert pandas.to_datetime(cameo["SQLDATE"], format="%Y%m%d").notna().all()
print(f"pandas: {len(cameo)} CAMEO rows of {cameo['RecordId'].nunique()} records, GDELT's {len(GDELT)} columns first")

visit_rows = pandas.read_csv(io.StringIO(export("cameo", [visits])), sep="\t", dtype=str, keep_default_na=False)
counts = visit_rows["EventCode"].value_counts().to_dict()
assert counts == {"042": 3264, "043": 3264}, counts
print(f"pandas: the 3,264 visits give {counts}")

schema = json.loads((root / "schemas/plover/plover-event.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
events = [json.loads(line) for line in export("plover", records).splitlines()]
for event in events:
    errors = list(validator.iter_errors(event))
    assert not errors, (event["id"], [e.message for e in errors])
print(f"python jsonschema: {len(events)} PLOVER events valid against schemas/plover/plover-event.schema.json")
