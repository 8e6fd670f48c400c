#!/usr/bin/env python3
"""Generates the country table from its sources.

Reads:
- pycountry (ISO 3166-1 codes, alpha-3, numeric and names; ISO 3166-3
  former codes and their withdrawal dates),
- country_converter (which states are members of the United Nations),
- data/countries/periods.csv (lifetimes that differ from the default, cited
  row by row), successions.csv, sovereigns.csv, cow-codes.csv and the
  Correlates of War state system list cow-states2016.csv.

Writes:
- src/scalars/country_table.rs, the table the crate compiles in;
- data/countries/countries.csv, the same table for readers in any language.

The default lifetime of a current code not listed in periods.csv: a state
from its first entry in the COW state system list (open when that is
1816-01-01, the list's first day), a dependent territory before; a code that
is neither a UN member nor listed is a dependent territory throughout.

Usage: python3 scripts/countries.py [--check]
With --check, exits 1 if either output differs from what is committed.
"""

import csv
import datetime
import json
import pathlib
import sys

import country_converter  # the package; only its data file is read
import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "countries"
RUST = ROOT / "src" / "scalars" / "country_table.rs"
TABLE = DATA / "countries.csv"

# Today's English short names where ISO 3166's is a long or inverted form.
SHORT_NAMES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "NL": "Netherlands",
    "PS": "Palestine",
    "RU": "Russia",
    "US": "United States",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
    "BQ": "Caribbean Netherlands",
    "MF": "Saint Martin",
    "SX": "Sint Maarten",
    "SH": "Saint Helena, Ascension and Tristan da Cunha",
}

# States outside the UN: the Holy See, Palestine (observers), Taiwan, Kosovo.
STATES_OUTSIDE_UN = {"VA", "PS", "TW", "XK"}

# Former codes' names, as a reader knows them (ISO 3166-3's are inverted).
FORMER_NAMES = {
    "AIDJ": "French Afars and Issas",
    "ANHH": "Netherlands Antilles",
    "BQAQ": "British Antarctic Territory",
    "BUMM": "Burma",
    "BYAA": "Byelorussian SSR",
    "CSHH": "Czechoslovakia",
    "CSXX": "Serbia and Montenegro",
    "CTKI": "Canton and Enderbury Islands",
    "DDDE": "German Democratic Republic",
    "DYBJ": "Dahomey",
    "FQHH": "French Southern and Antarctic Territories",
    "FXFR": "Metropolitan France",
    "GEHH": "Gilbert and Ellice Islands",
    "HVBF": "Upper Volta",
    "JTUM": "Johnston Island",
    "MIUM": "Midway Islands",
    "NHVU": "New Hebrides",
    "NQAQ": "Dronning Maud Land",
    "NTHH": "Neutral Zone",
    "PCHH": "Trust Territory of the Pacific Islands",
    "PUUM": "United States Miscellaneous Pacific Islands",
    "PZPA": "Panama Canal Zone",
    "RHZW": "Southern Rhodesia",
    "SKIN": "Sikkim",
    "SUHH": "Soviet Union",
    "TPTL": "East Timor",
    "VDVN": "North Vietnam",
    "WKUM": "Wake Island",
    "YDYE": "South Yemen",
    "YUCS": "Yugoslavia",
    "ZRCD": "Zaire",
}


def read(name):
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def day(text):
    return datetime.date.fromisoformat(text) if text else None


def main():
    check = "--check" in sys.argv[1:]
    codes = {}
    for c in pycountry.countries:
        codes[c.alpha_2] = {
            "code": c.alpha_2,
            "alpha3": c.alpha_3,
            "numeric": int(c.numeric),
            "name": SHORT_NAMES.get(c.alpha_2, getattr(c, "common_name", None) or c.name),
            "withdrawn": None,
        }
    codes["XK"] = {"code": "XK", "alpha3": "XKX", "numeric": 0, "name": "Kosovo", "withdrawn": None}
    for c in pycountry.historic_countries:
        codes[c.alpha_4] = {
            "code": c.alpha_4,
            "alpha3": c.alpha_3,
            "numeric": int(getattr(c, "numeric", 0) or 0),
            "name": FORMER_NAMES[c.alpha_4],
            "withdrawn": c.withdrawal_date,
        }

    un = set()
    tsv = pathlib.Path(country_converter.__file__).with_name("country_data.tsv")
    with open(tsv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["UNmember"] not in ("", "nan"):
                un.add(pycountry.countries.get(alpha_3=row["ISO3"]).alpha_2)
    states = un | STATES_OUTSIDE_UN

    cow_states = read("cow-states2016.csv")
    first_entry = {}
    for row in cow_states:
        start = datetime.date(int(row["styear"]), int(row["stmonth"]), int(row["stday"]))
        number = int(row["ccode"])
        first_entry[number] = min(first_entry.get(number, start), start)
    cow_names = {int(r["ccode"]): r["statenme"] for r in cow_states}
    cow = {}
    for row in read("cow-codes.csv"):
        number = int(row["cow"])
        if number not in cow_names:
            sys.exit(f"cow-codes.csv: {number} is not in the COW list")
        cow.setdefault(row["code"], []).append(
            (number, row["cow_letters"], day(row["from"]), day(row["until"]))
        )

    listed = {}
    for row in read("periods.csv"):
        listed.setdefault(row["code"], []).append(
            (day(row["from"]), day(row["until"]), row["status"], row["source"])
        )
    sovereigns = {r["code"]: r["sovereign"] for r in read("sovereigns.csv")}
    successions = read("successions.csv")

    for code, info in sorted(codes.items()):
        if code in listed:
            periods = sorted(listed.pop(code), key=lambda p: p[0] or datetime.date.min)
        elif len(code) == 4:
            sys.exit(f"periods.csv: the former code {code} needs its lifetime")
        elif code in states:
            entries = [first_entry[n] for n, *_ in cow.get(code, [])]
            start = min(entries) if entries else None
            if start is None or start <= datetime.date(1816, 1, 1):
                periods = [(None, None, "state", "COW state system from 1816" if start else "")]
            else:
                periods = [
                    (None, start - datetime.timedelta(days=1), "territory", "before COW entry"),
                    (start, None, "state", f"COW state system from {start}"),
                ]
        else:
            periods = [(None, None, "territory", "dependent territory")]
        for (_, until, *_), (start, *_) in zip(periods, periods[1:]):
            if until is None or start is None or until >= start:
                sys.exit(f"periods.csv: the periods of {code} overlap")
        info["periods"] = periods
        info["sovereign"] = sovereigns.get(code)
        info["cow"] = sorted(cow.get(code, []), key=lambda c: c[2] or datetime.date.min)
    if listed:
        sys.exit(f"periods.csv: unknown codes {sorted(listed)}")
    for row in successions:
        for code in (row["from"] + " " + row["to"]).split():
            if code not in codes:
                sys.exit(f"successions.csv: unknown code {code}")

    rust = render_rust(codes, successions)
    table = render_table(codes)
    if check:
        stale = [p for p, text in ((RUST, rust), (TABLE, table)) if p.read_text() != text]
        if stale:
            sys.exit(f"out of date, run python3 scripts/countries.py: {[str(p) for p in stale]}")
        print("the country table is in step with its sources")
        return
    RUST.write_text(rust)
    TABLE.write_text(table)


def rust_day(d):
    return f"Some(ymd({d.year}, {d.month}, {d.day}))" if d else "None"


def rust_str(text):
    return json.dumps(text, ensure_ascii=False)


def render_rust(codes, successions):
    out = [
        "// @generated by scripts/countries.py from data/countries/*.csv, pycountry",
        f"// {pycountry_version()} and country_converter {country_converter.__version__}. Do not",
        "// edit: change the sources and run the script.",
        "",
        "use super::{CodeRow, CowRow, Lifetime, Succession, ymd};",
        "",
        "/// Every accepted code, sorted by wire form.",
        "pub(super) const CODES: &[CodeRow] = &[",
    ]
    for code, info in sorted(codes.items()):
        periods = ", ".join(
            f"Lifetime {{ from: {rust_day(a)}, until: {rust_day(b)}, state: {str(s == 'state').lower()} }}"
            for a, b, s, _ in info["periods"]
        )
        cows = ", ".join(
            f"CowRow {{ number: {n}, letters: {rust_str(l)}, from: {rust_day(a)}, until: {rust_day(b)} }}"
            for n, l, a, b in info["cow"]
        )
        sovereign = f"Some({rust_str(info['sovereign'])})" if info["sovereign"] else "None"
        out += [
            "    CodeRow {",
            f"        code: {rust_str(code)},",
            f"        alpha3: {rust_str(info['alpha3'])},",
            f"        numeric: {info['numeric']},",
            f"        name: {rust_str(info['name'])},",
            f"        sovereign: {sovereign},",
            f"        lifetimes: &[{periods}],",
            f"        cow: &[{cows}],",
            "    },",
        ]
    out += ["];", "", "/// Successions, by date.", "pub(super) const SUCCESSIONS: &[Succession] = &["]
    for row in sorted(successions, key=lambda r: r["date"]):
        words = lambda s: ", ".join(rust_str(c) for c in s.split())
        d = day(row["date"])
        out.append(
            f"    Succession {{ on: ymd({d.year}, {d.month}, {d.day}), from: &[{words(row['from'])}], to: &[{words(row['to'])}] }},"
        )
    out += ["];", ""]
    return "\n".join(out)


def render_table(codes):
    lines = ["code,alpha3,numeric,name,status_today,sovereign,lifetimes,cow,iso_withdrawn,sources"]
    for code, info in sorted(codes.items()):
        last = info["periods"][-1]
        today = "former" if last[1] else last[2]
        lifetimes = " ".join(
            f"{a or ''}/{b or ''}:{s}" for a, b, s, _ in info["periods"]
        )
        cows = " ".join(
            f"{n}:{l}:{a or ''}/{b or ''}" for n, l, a, b in info["cow"]
        )
        sources = " | ".join(src for *_, src in info["periods"] if src)
        row = [
            code,
            info["alpha3"],
            f"{info['numeric']:03d}" if info["numeric"] else "",
            info["name"],
            today,
            info["sovereign"] or "",
            lifetimes,
            cows,
            info["withdrawn"] or "",
            sources,
        ]
        lines.append(",".join(csv_field(v) for v in row))
    return "\n".join(lines) + "\n"


def csv_field(value):
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"') else value


def pycountry_version():
    from importlib.metadata import version

    return version("pycountry")


if __name__ == "__main__":
    main()
