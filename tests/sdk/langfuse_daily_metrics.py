"""Langfuse's official Python SDK (langfuse 2.x, its Fern-generated API client) against
llmcost's fake Langfuse (tests/cli/gateway.rs, `serve_langfuse_for_sdk`): the SDK pages
/api/public/metrics/daily with Basic auth and parses every page into its typed `DailyMetrics`
(so the fake's shape is the real one); a wrong secret is refused with 401.

    pip install langfuse==2.60.5 && python3 tests/sdk/langfuse_daily_metrics.py
"""
import datetime, sys, os
from decimal import Decimal

sys.path.insert(0, os.path.dirname(__file__))
from fake_server import start
from langfuse.api.client import FernLangfuse
from langfuse.api.core.api_error import ApiError

server, url = start("serve_langfuse_for_sdk", 60)
try:
    client = FernLangfuse(base_url=url, username="pk-lf-test", password="sk-lf-test")
    since = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
    until = datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc)
    page, total, days, models = 1, Decimal(0), 0, set()
    while True:
        answer = client.metrics.daily(page=page, limit=1, from_timestamp=since, to_timestamp=until)
        for day in answer.data:
            days += 1
            total += Decimal(repr(day.total_cost))
            models.update(u.model for u in day.usage)
        if answer.meta.page >= answer.meta.total_pages:
            break
        page += 1
    print(f"langfuse SDK: {page} page(s), {days} day(s), total cost {total} USD, models {sorted(models, key=str)}")
    assert days == 3 and total == Decimal("12.250015"), total
    try:
        FernLangfuse(base_url=url, username="pk-lf-test", password="wrong").metrics.daily(page=1)
        raise SystemExit("a wrong secret was accepted")
    except ApiError as e:
        assert e.status_code == 401, e.status_code
        print("a wrong secret: refused with 401")
finally:
    server.terminate()
