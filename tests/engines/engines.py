"""Runs the committed SQL (queries.sql) on the Parquet tables with one
engine, DuckDB, Polars or Spark, and holds each result to its expected
file.

    python engines.py --engine duckdb --tables DIR --expected expected/fixtures [--update]

Every folder of DIR is a table; a table written with --partition year has
year=YYYY folders, which each engine reads as a `year` column. Results are
compared as text: NULL for a missing value, dates in ISO form, whole
numbers without a fraction.
"""

import argparse
import datetime
import decimal
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def queries():
    """The named queries of queries.sql, in order."""
    text = (HERE / "queries.sql").read_text(encoding="utf-8")
    named = re.split(r"^-- name: (\S+)\n", text, flags=re.M)
    out = []
    for name, body in zip(named[1::2], named[2::2]):
        sql = "\n".join(line for line in body.splitlines() if not line.startswith("--"))
        out.append((name, sql.strip().rstrip(";")))
    return out


def cell(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (float, decimal.Decimal)) and value == int(value):
        return str(int(value))
    return str(value)


def tables(root):
    return sorted(p.name for p in Path(root).iterdir() if p.is_dir())


def partitioned(root, table):
    return any(p.name.startswith("year=") for p in (Path(root) / table).iterdir())


def run_duckdb(root):
    import duckdb

    con = duckdb.connect()
    for table in tables(root):
        hive = "true" if partitioned(root, table) else "false"
        con.execute(
            f"CREATE VIEW {table} AS SELECT * FROM "
            f"read_parquet('{root}/{table}/**/*.parquet', hive_partitioning = {hive})"
        )
    for name, sql in queries():
        result = con.execute(sql)
        header = [d[0] for d in result.description]
        yield name, header, result.fetchall()


def run_polars(root):
    import polars as pl

    ctx = pl.SQLContext()
    for table in tables(root):
        frame = pl.scan_parquet(
            f"{root}/{table}/**/*.parquet", hive_partitioning=partitioned(root, table)
        )
        ctx.register(table, frame)
    for name, sql in queries():
        frame = ctx.execute(sql).collect()
        yield name, frame.columns, frame.rows()


def run_spark(root):
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("diplomatic-events-tables")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        for table in tables(root):
            spark.read.parquet(f"{root}/{table}").createOrReplaceTempView(table)
        for name, sql in queries():
            frame = spark.sql(sql)
            rows = [tuple(row) for row in frame.collect()]
            yield name, frame.columns, rows
    finally:
        spark.stop()


ENGINES = {"duckdb": run_duckdb, "polars": run_polars, "spark": run_spark}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=sorted(ENGINES), required=True)
    parser.add_argument("--tables", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    expected_dir = Path(args.expected)
    failures = 0
    for name, header, rows in ENGINES[args.engine](os.path.abspath(args.tables)):
        text = "\t".join(header) + "\n" + "".join(
            "\t".join(cell(v) for v in row) + "\n" for row in rows
        )
        path = expected_dir / f"{name}.tsv"
        if args.update:
            expected_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        expected = path.read_text(encoding="utf-8") if path.exists() else None
        if text == expected:
            print(f"{args.engine}: {name}: {len(rows)} rows as expected")
        else:
            failures += 1
            print(f"{args.engine}: {name}: differs from {path}", file=sys.stderr)
            sys.stderr.write(text[:2000])
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
