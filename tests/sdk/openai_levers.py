"""OpenAI's official Python SDK against llmcost's fake OpenAI levers (tests/cli/fake_levers.rs,
`serve_openai_levers_for_sdk`): the project model permissions `brake --rung deny-models` sets
(`admin.organization.projects.model_permissions`), the hard spend limits `limits` sets (`admin.organization.spend_limit`
and `admin.organization.projects.spend_limit`: retrieve, update in cents, delete) and the project
rate limits `brake` lowers (`admin.organization.projects.rate_limits`), each parsed into the SDK's
typed objects; a read-only key is refused a write.

    pip install openai==3.63.0 && python3 tests/sdk/openai_levers.py
"""
import sys, os

sys.path.insert(0, os.path.dirname(__file__))
from fake_server import start
import openai

server, url = start("serve_openai_levers_for_sdk", 60)
try:
    key = "write-key-0123456789"
    client = openai.OpenAI(api_key=key, admin_api_key=key, base_url=url)
    org = client.admin.organization
    project = org.projects.spend_limit.retrieve("proj_b")
    print(f"project limit: {type(project).__name__} {project.threshold_amount} cents {project.currency}/{project.interval}, {project.enforcement.status}")
    assert project.threshold_amount == 30000 and project.object == "project.spend_limit", project
    try:
        org.spend_limit.retrieve()
        raise SystemExit("the organization had no limit: expected 404")
    except openai.NotFoundError as e:
        print(f"organization limit before: none ({e.status_code})")
    set_ = org.spend_limit.update(threshold_amount=10000, currency="USD", interval="month")
    again = org.spend_limit.retrieve()
    assert (set_.threshold_amount, again.threshold_amount, again.object) == (10000, 10000, "organization.spend_limit"), again
    print(f"organization limit: update to {set_.threshold_amount} cents, read back {again.threshold_amount}")
    deleted = org.spend_limit.delete()
    assert deleted.deleted and deleted.object == "organization.spend_limit.deleted", deleted
    print(f"delete: {type(deleted).__name__} deleted={deleted.deleted}")
    policy = org.projects.model_permissions.retrieve("proj_b")
    assert (policy.mode, policy.api_model_ids, policy.object) == ("deny_list", ["o1-pro"], "project.model_permissions"), policy
    grown = org.projects.model_permissions.update("proj_b", mode="deny_list", model_ids=["o1-pro", "o3-pro"])
    assert grown.api_model_ids == ["o1-pro", "o3-pro"], grown
    try:
        org.projects.model_permissions.retrieve("proj_a")
        raise SystemExit("proj_a had no policy: expected 404")
    except openai.NotFoundError:
        pass
    org.projects.model_permissions.update("proj_a", mode="deny_list", model_ids=["o1-pro"])
    gone = org.projects.model_permissions.delete("proj_a")
    assert gone.deleted and gone.object == "project.model_permissions.deleted", gone
    print(f"model permissions: proj_b {policy.mode} {policy.api_model_ids} grown to {grown.api_model_ids}; proj_a none (404), set, deleted ({type(gone).__name__})")
    limits = list(org.projects.rate_limits.list_rate_limits("proj_a"))
    print(f"rate limits of proj_a: {[(l.id, l.model, l.max_requests_per_1_minute) for l in limits]}")
    assert [l.id for l in limits] == ["rl-gpt-4o", "rl-dall-e-3"], limits
    lowered = org.projects.rate_limits.update_rate_limit("rl-dall-e-3", project_id="proj_a", max_requests_per_1_minute=1)
    assert lowered.max_requests_per_1_minute == 1, lowered
    print("rate limit update: typed, lowered to 1")
    reader = openai.OpenAI(api_key="read-key-0123456789", admin_api_key="read-key-0123456789", base_url=url)
    try:
        reader.admin.organization.spend_limit.update(threshold_amount=1, currency="USD", interval="month")
        raise SystemExit("a read key was allowed to write")
    except openai.PermissionDeniedError as e:
        print(f"a read key's write: refused with {e.status_code}")
finally:
    server.terminate()
