"""GitHub's official throttling plugin for Octokit, @octokit/plugin-throttling, against llmcost's
fake GitHub (tests/cli/fake_github.rs, `serve_github_limited_for_sdk`): the fake's first answer
to the premium request report is GitHub's spent primary rate limit (403, `x-ratelimit-remaining:
0`, `x-ratelimit-reset` a second later, GitHub's message). The plugin must read it as the primary
limit (`onRateLimit`, not a permission error), with the wait the reset header gives, and its
retry must get the report. This is the answer llmcost's GitHub client waits out (a reset within
the minute) or reports with its end time.

    (cd /tmp/octo && npm install @octokit/rest @octokit/plugin-throttling) && python3 tests/sdk/octokit_throttling.py
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(__file__))
from fake_server import run_node, start

SCRIPT = r"""
const { Octokit } = require("@octokit/rest");
const { throttling } = require("@octokit/plugin-throttling");
(async () => {
  const url = process.argv[1];
  const seen = [];
  const Throttled = Octokit.plugin(throttling);
  const octokit = new Throttled({ auth: "github_pat_11AAAAAA0billing0123456789", baseUrl: url, throttle: {
    onRateLimit: (retryAfter, options, o, retryCount) => { seen.push({ limit: "primary", retryAfter, retryCount }); return retryCount < 1; },
    onSecondaryRateLimit: (retryAfter) => { seen.push({ limit: "secondary", retryAfter }); return false; },
  } });
  const r = await octokit.rest.billing.getGithubBillingPremiumRequestUsageReportOrg({ org: "acme-labs", year: 2026, month: 11, day: 3, user: "octocat" });
  const net = r.data.usageItems.reduce((s, i) => s + Math.round(i.netAmount * 1e6), 0);
  console.log(JSON.stringify({ seen, status: r.status, net_micro_usd: net }));
})().catch(e => { console.log(JSON.stringify({ error: String(e), status: e.status })); process.exit(1); });
"""

server, url = start("serve_github_limited_for_sdk", 60)
try:
    stdout = run_node(SCRIPT, url)
    result = json.loads(stdout.splitlines()[-1])
    assert result["seen"][0]["limit"] == "primary", result
    assert result["seen"][0]["retryAfter"] <= 2, result
    assert result["status"] == 200 and result["net_micro_usd"] == 320000, result
finally:
    server.terminate()
