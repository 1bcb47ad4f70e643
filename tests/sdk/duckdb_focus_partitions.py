"""DuckDB (its official Python package) reading llmcost's partitioned FOCUS export (CSV and Parquet) the way a
warehouse load does: every partition with hive partitioning, the sum of BilledCost per billing
currency compared with what `llmcost costs --by currency` says was billed, on the demo.

    pip install duckdb && python3 tests/sdk/duckdb_focus_partitions.py
"""
import json, os, subprocess, tempfile
from decimal import Decimal

import duckdb

env = dict(os.environ, LLMCOST_NOW="2026-12-06T10:00:00Z")
run = lambda *args: subprocess.run(["cargo", "run", "--quiet", "--", "--demo", *args], env=env, check=True,
                                   capture_output=True, text=True)
with tempfile.TemporaryDirectory() as d:
    out = run("export", "--format", "focus", "--last", "14", "--partitioned", d)
    print(out.stderr.strip())
    rows = duckdb.sql(f"""
        SELECT BillingCurrency, provider, count(DISTINCT day) AS days, sum(CAST(BilledCost AS DECIMAL(38, 10))) AS billed
        FROM read_csv('{d}/**/*.csv', hive_partitioning = true, all_varchar = true)
        GROUP BY ALL ORDER BY ALL""").fetchall()
    by_currency = {}
    for currency, provider, days, billed in rows:
        by_currency[currency] = by_currency.get(currency, Decimal(0)) + Decimal(billed)
    costs = json.loads(run("costs", "--last", "14", "--by", "currency", "--format", "json").stdout)
    expected = {r["currency"]: Decimal(r["billed"]) for r in costs["rows"]}
    print("duckdb:", {c: str(v) for c, v in by_currency.items()})
    print("costs: ", {c: str(v) for c, v in expected.items()})
    assert by_currency == expected, (by_currency, expected)
    print(f"DuckDB read {len(rows)} provider/currency groups over the partitions; sums equal costs to the cent and beyond")
with tempfile.TemporaryDirectory() as d:
    # The same as Parquet: typed columns, read without any cast.
    out = run("export", "--format", "focus-parquet", "--last", "14", "--partitioned", d)
    print(out.stderr.strip())
    rows = duckdb.sql(f"""
        SELECT BillingCurrency, sum(BilledCost) AS billed, any_value(typeof(BilledCost)), any_value(typeof(ChargePeriodStart))
        FROM read_parquet('{d}/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL""").fetchall()
    by_currency = {currency: Decimal(billed) for currency, billed, _, _ in rows}
    print("duckdb parquet:", {c: str(v) for c, v in by_currency.items()}, "types:", rows[0][2], rows[0][3])
    assert by_currency == expected, (by_currency, expected)
    print("Parquet partitions: the same sums, typed DECIMAL and TIMESTAMP WITH TIME ZONE")
