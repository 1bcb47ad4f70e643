"""LiteLLM's own response type against llmcost's fake LiteLLM proxy (tests/cli/gateway.rs,
`serve_litellm_for_sdk`). LiteLLM has no client SDK for its management endpoints; the proxy
serializes `/user/daily/activity` with `SpendAnalyticsPaginatedResponse`
(litellm.types.proxy.management_endpoints.common_daily_activity), so every page the fake serves
is validated with that pydantic model, and a wrong key must be refused.

    pip install litellm==1.110.2 && python3 tests/sdk/litellm_daily_activity.py
"""
import json, os, sys, urllib.error, urllib.request
from decimal import Decimal

sys.path.insert(0, os.path.dirname(__file__))
from fake_server import start
from litellm.types.proxy.management_endpoints.common_daily_activity import SpendAnalyticsPaginatedResponse

server, url = start("serve_litellm_for_sdk", 60)
MASTER = "sk-litellm-master-0123456789"


def get(page, key):
    req = urllib.request.Request(
        f"{url}/user/daily/activity?start_date=2026-11-01&end_date=2026-11-30&page={page}&page_size=100",
        headers={"Authorization": f"Bearer {key}"})
    return json.load(urllib.request.urlopen(req))


try:
    page, total, models = 1, Decimal(0), set()
    while True:
        answer = SpendAnalyticsPaginatedResponse.model_validate(get(page, MASTER))
        for day in answer.results:
            for name, m in day.breakdown.models.items():
                models.add(name)
                total += Decimal(repr(m.metrics.spend))
        if not answer.metadata.has_more:
            break
        page += 1
    print(f"litellm types: {page} page(s) validated, models {sorted(models)}, spend {total} USD")
    assert total == Decimal("31.5"), total
    try:
        get(1, "sk-wrong")
        raise SystemExit("a wrong key was accepted")
    except urllib.error.HTTPError as e:
        assert e.code == 401, e.code
        print("a wrong key: refused with 401")
finally:
    server.terminate()
