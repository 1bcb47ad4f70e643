"""Anthropic's official Python SDK against llmcost's fake Anthropic API keys
(tests/cli/fake_levers.rs, `serve_anthropic_levers_for_sdk`): the SDK pages
`organization.api_keys.list(status="active")` by `after_id` into its typed keys, `update`s one
to inactive and back, and a read-only key is refused a write, as `brake` needs; the beta spend
limits `set` (an upsert on scope and period) and `list` (with its beta header), as `limits` needs.

    pip install anthropic==2.17.0 && python3 tests/sdk/anthropic_api_keys.py
"""
import sys, os

sys.path.insert(0, os.path.dirname(__file__))
from fake_server import start
import anthropic

server, url = start("serve_anthropic_levers_for_sdk", 60)
try:
    client = anthropic.Anthropic(api_key="write-key-0123456789", base_url=url)
    keys = list(client.organization.api_keys.list(status="active", limit=100))
    print(f"anthropic SDK: {len(keys)} active key(s) over pages: {[(k.id, k.status, k.partial_key_hint) for k in keys]}")
    assert [k.id for k in keys] == ["apikey_01", "apikey_03"], keys
    updated = client.organization.api_keys.update("apikey_01", status="inactive")
    assert updated.status == "inactive", updated
    again = client.organization.api_keys.retrieve("apikey_01")
    assert again.status == "inactive", again
    restored = client.organization.api_keys.update("apikey_01", status="active")
    assert restored.status == "active", restored
    print("update: active -> inactive -> active, each read back by retrieve")
    limit = client.beta.organization.spend_limits.set(amount="50000", scope={"type": "organization"}, period="monthly")
    again = client.beta.organization.spend_limits.set(amount="40000", scope={"type": "organization"}, period="monthly")
    listed = list(client.beta.organization.spend_limits.list(scope_type=["organization"]))
    assert limit.id == again.id and [l.amount for l in listed] == ["40000"], listed
    print(f"spend limits: set twice upserts one {listed[0].id} ({listed[0].amount} {listed[0].currency}, {listed[0].period}); list sends the beta header")
    reader = anthropic.Anthropic(api_key="read-key-0123456789", base_url=url)
    try:
        reader.organization.api_keys.update("apikey_01", status="inactive")
        raise SystemExit("a read key was allowed to write")
    except anthropic.PermissionDeniedError as e:
        print(f"a read key's write: refused with {e.status_code}")
finally:
    server.terminate()
