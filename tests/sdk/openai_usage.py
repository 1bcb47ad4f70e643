"""OpenAI's official Python SDK against llmcost's fake OpenAI Admin API (tests/cli/fake_openai.rs,
`serve_openai_usage_for_sdk`): `admin.organization.usage.completions` with `bucket_width="1h"`
(what today's estimates ask) and `"1d"`, and `admin.organization.usage.costs` paged by
`next_page`, each parsed into the SDK's typed responses.

    pip install openai==3.63.0 && python3 tests/sdk/openai_usage.py
"""
import sys, os
from decimal import Decimal
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(__file__))
from fake_server import start
import openai

server, url = start("serve_openai_usage_for_sdk", 60)
try:
    client = openai.OpenAI(api_key="sk-admin-sdk-0123456789", admin_api_key="sk-admin-sdk-0123456789", base_url=url)
    usage = client.admin.organization.usage
    day = int(datetime(2026, 11, 22, tzinfo=timezone.utc).timestamp())
    hourly = usage.completions(start_time=day, end_time=day + 14 * 3600 + 1800, bucket_width="1h",
                               group_by=["model", "project_id", "batch"], limit=168)
    buckets = hourly.data
    tokens = sum(r.input_tokens for b in buckets for r in b.results)
    print(f"hourly: {len(buckets)} buckets from {buckets[0].start_time} (typed {type(buckets[0].results[0]).__name__ if buckets[0].results else 'empty'}), {tokens} input tokens, has_more={hourly.has_more}")
    assert len(buckets) == 15, len(buckets)
    assert all(b.end_time - b.start_time == 3600 for b in buckets)
    daily = usage.completions(start_time=day - 6 * 86400, end_time=day + 86400, bucket_width="1d",
                              group_by=["model", "project_id"], limit=31)
    print(f"daily: {len(daily.data)} buckets, {sum(len(b.results) for b in daily.data)} results")
    total, pages, page = Decimal(0), 0, None
    while True:
        costs = usage.costs(start_time=day - 21 * 86400, end_time=day + 86400, bucket_width="1d",
                            group_by=["project_id", "line_item"], limit=7, **({"page": page} if page else {}))
        pages += 1
        for b in costs.data:
            for r in b.results:
                total += Decimal(str(r.amount.value))
        if not costs.has_more:
            break
        page = costs.next_page
    print(f"costs: {pages} pages, {total} USD (as floats, summed exactly from their text)")
    try:
        openai.OpenAI(api_key="x", admin_api_key="sk-admin-wrong-0123456789", base_url=url).admin.organization.usage.completions(start_time=day)
        raise SystemExit("a wrong key was accepted")
    except openai.AuthenticationError as e:
        print(f"a wrong key: refused with {e.status_code}")
finally:
    server.terminate()
