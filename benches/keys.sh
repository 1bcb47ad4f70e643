#!/usr/bin/env bash
# `costs --by key` at scale: an organization with 500 API keys over 3 years (175,200 cost rows,
# 1,095,000 usage rows by key), next to the sqlite3 shell running the same allocation (floats,
# window function) and the year by project. Needs hyperfine and sqlite3 (Debian packages).
set -euo pipefail
source "$(dirname "$0")/scale_setup.sh"
bench_setup keys '[workspaces.openai.bench-1]'
[ -s "$DB" ] || "$BIN" generate-cache --accounts 1 --keys 500
echo "cache: $(du -h "$DB" | cut -f1), $(sqlite3 "$DB" 'SELECT count(*) FROM key_usage') key usage rows" >&2

F="provider = 'openai' AND workspace = 'bench-1' AND day BETWEEN '2026-11-01' AND '2026-11-22'"
# Each line's cost split by its keys' tokens, summed per key: the allocation, in floats.
KEYS_SQL="SELECT key_id, sum(cost * t / total) FROM (SELECT k.key_id, k.input_tokens + k.output_tokens AS t, sum(k.input_tokens + k.output_tokens) OVER (PARTITION BY k.day, k.project_id, k.model) AS total, l.cost FROM key_usage k JOIN (SELECT day, project_id, model, sum(CAST(amount AS REAL)) AS cost FROM cost_buckets WHERE $F GROUP BY day, project_id, model) l ON l.day = k.day AND l.project_id = k.project_id AND l.model = k.model WHERE k.provider = 'openai' AND k.workspace = 'bench-1' AND k.day BETWEEN '2026-11-01' AND '2026-11-22') GROUP BY key_id"
Y="provider = 'openai' AND workspace = 'bench-1' AND day BETWEEN '2026-01-01' AND '2026-11-22'"
YEAR_SQL="SELECT project_id, provider, workspace, sum(CAST(amount AS REAL)) FROM cost_buckets WHERE $Y GROUP BY project_id, provider, workspace"
USAGE_SQL="SELECT project_id, provider, workspace, sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(requests) FROM usage_buckets WHERE $Y GROUP BY project_id, provider, workspace"

hyperfine -N --warmup 3 --min-runs 15 \
  -n 'llmcost costs --offline --month --by key --format json' "$BIN costs --offline --month --by key --format json" \
  -n 'sqlite3 shell, the allocation by key' "sqlite3 $DB \"$KEYS_SQL\"" \
  -n 'llmcost costs --offline --month --by person --format json' "$BIN costs --offline --month --by person --format json" \
  -n 'llmcost costs --offline --year --by project --format json' "$BIN costs --offline --year --by project --format json" \
  -n 'sqlite3 shell, the year by project (cost)' "sqlite3 $DB \"$YEAR_SQL\"" \
  -n 'sqlite3 shell, the year by project (tokens)' "sqlite3 $DB \"$USAGE_SQL\""
