"""GitHub's official JavaScript SDK, Octokit, against llmcost's fake GitHub billing usage
(tests/cli/fake_github.rs, `serve_github_for_sdk`): `rest.billing.getGithubBillingUsageReportOrg`
sends the path, the year and month, the token and the API version GitHub documents, and reads the
fake's `usageItems`; `rest.copilot.listCopilotSeats` (paged with `octokit.paginate`) lists the seat
holders and `rest.billing.getGithubBillingPremiumRequestUsageReportOrg` reads one person's month and
day of premium requests, which add up to the organization's; the budgets routes Octokit types
(`octokit.request("POST|GET|PATCH|DELETE /organizations/{org}/settings/billing/budgets...")`, the
write token) create, list, change and delete the AI-credits budget `limits` sets, and the read
token's write is refused with 403; a bad token is refused with 401. GitHub has no official Python SDK, so the
script runs Node (Octokit from npm) from Python, as the other SDK checks start their fakes.

    (cd /tmp && npm install @octokit/rest) && OCTOKIT=/tmp/node_modules python3 tests/sdk/octokit_billing_usage.py
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(__file__))
from fake_server import run_node, start

SCRIPT = r"""
const { Octokit } = require("@octokit/rest");
(async () => {
  const url = process.argv[1];
  const octokit = new Octokit({ auth: "github_pat_11AAAAAA0billing0123456789", baseUrl: url });
  const r = await octokit.rest.billing.getGithubBillingUsageReportOrg({ org: "acme-labs", year: 2026, month: 11 });
  const ai = r.data.usageItems.filter(i => ["copilot", "models"].includes(i.product.toLowerCase()));
  const cents = ai.reduce((s, i) => s + Math.round(i.netAmount * 1e6), 0);
  console.log(JSON.stringify({ status: r.status, items: r.data.usageItems.length, ai: ai.length, net_micro_usd: cents, api_version: r.headers["x-github-api-version"] || null }));
  const seats = await octokit.paginate(octokit.rest.copilot.listCopilotSeats, { org: "acme-labs", per_page: 2 }, r => r.data.seats);
  const logins = seats.map(s => s.assignee.login);
  let people_day = 0, people_month = 0;
  for (const user of logins) {
    const d = await octokit.rest.billing.getGithubBillingPremiumRequestUsageReportOrg({ org: "acme-labs", year: 2026, month: 11, day: 3, user });
    people_day += d.data.usageItems.reduce((s, i) => s + Math.round(i.netAmount * 1e6), 0);
    const m = await octokit.rest.billing.getGithubBillingPremiumRequestUsageReportOrg({ org: "acme-labs", year: 2026, month: 11, user });
    people_month += m.data.usageItems.reduce((s, i) => s + Math.round(i.netAmount * 1e6), 0);
  }
  const premium_day = r.data.usageItems.filter(i => i.sku === "Copilot Premium Request" && i.date.startsWith("2026-11-03")).reduce((s, i) => s + Math.round(i.netAmount * 1e6), 0);
  console.log(JSON.stringify({ seats: logins, people_day_micro_usd: people_day, org_premium_day_micro_usd: premium_day, people_month_micro_usd: people_month }));
  const writer = new Octokit({ auth: "github_pat_11AAAAAA0write0123456789", baseUrl: url });
  const created = await writer.request("POST /organizations/{org}/settings/billing/budgets", { org: "acme-labs",
    budget_amount: 250, prevent_further_usage: true, budget_alerting: { will_alert: false, alert_recipients: [] },
    budget_scope: "organization", budget_entity_name: "acme-labs", budget_type: "BundlePricing", budget_product_sku: "ai_credits" });
  const id = created.data.budget.id;
  await writer.request("PATCH /organizations/{org}/settings/billing/budgets/{budget_id}", { org: "acme-labs", budget_id: id, budget_amount: 300 });
  const listed = await octokit.request("GET /organizations/{org}/settings/billing/budgets", { org: "acme-labs", scope: "organization" });
  let read_write_status = null;
  try { await octokit.request("DELETE /organizations/{org}/settings/billing/budgets/{budget_id}", { org: "acme-labs", budget_id: id }); }
  catch (e) { read_write_status = e.status; }
  const deleted = await writer.request("DELETE /organizations/{org}/settings/billing/budgets/{budget_id}", { org: "acme-labs", budget_id: id });
  const after = await octokit.request("GET /organizations/{org}/settings/billing/budgets", { org: "acme-labs" });
  console.log(JSON.stringify({ created: created.data.message, amount_after_patch: listed.data.budgets[0].budget_amount,
    read_token_write_status: read_write_status, deleted: deleted.data.message, left: after.data.budgets.length }));
  try {
    await new Octokit({ auth: "ghp_wrong", baseUrl: url }).rest.billing.getGithubBillingUsageReportOrg({ org: "acme-labs" });
    console.log("bad token accepted"); process.exit(1);
  } catch (e) { console.log(JSON.stringify({ bad_token_status: e.status, message: e.response.data.message })); }
})();
"""

server, url = start("serve_github_for_sdk", 60)
try:
    stdout = run_node(SCRIPT, url)
    lines = [json.loads(l) for l in stdout.splitlines() if l.startswith("{")]
    assert lines[0]["status"] == 200 and lines[0]["ai"] > 0, lines
    assert lines[1]["seats"] == ["octocat", "hubot", "mona"], lines
    assert lines[1]["people_day_micro_usd"] == lines[1]["org_premium_day_micro_usd"] == 480000, lines
    assert lines[1]["people_month_micro_usd"] == 22 * 480000, lines
    assert lines[2]["amount_after_patch"] == 300 and lines[2]["read_token_write_status"] == 403, lines
    assert lines[2]["left"] == 0, lines
    assert lines[3]["bad_token_status"] == 401, lines
finally:
    server.terminate()
