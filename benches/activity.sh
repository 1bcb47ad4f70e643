#!/usr/bin/env bash
# `llmcost activity` at scale: Claude Code's analytics of an organization of 300 people over a
# year (73,350 daily records, 220,050 model rows), next to the sqlite3 shell summing the
# same year per person (floats). The rows are written with sqlite3 into a cache llmcost created
# (its own schema), so nothing but the read is timed. Needs hyperfine and sqlite3.
set -euo pipefail
source "$(dirname "$0")/scale_setup.sh"
bench_setup activity '[workspaces.claude-code.bench]'
if [ ! -s "$DB" ]; then
  "$BIN" activity --offline >/dev/null   # creates the cache with llmcost's schema
  sqlite3 "$DB" <<'SQL'
BEGIN;
WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 325),
     p(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM p WHERE i < 300)
INSERT INTO activity
SELECT 'claude-code', 'bench', date('2026-01-01', '+' || n || ' days'), i, 'dev' || i || '@acme.dev', 'user',
       CASE WHEN i % 5 = 0 THEN 'subscription' ELSE 'api' END, '', 'vscode',
       1 + (i * 7 + n) % 9, 40 + (i * 13 + n) % 400, 10 + (i + n) % 90, (i + n) % 4, (i + n) % 2, 20, 3,
       '2026-11-22T10:00:00Z'
FROM d, p WHERE (i + n) % 4 <> 0;
INSERT INTO activity_models
SELECT provider, workspace, day, seq, m.model, 40000 + seq, 12000, 300000, 20000,
       printf('%d.%04d', (seq * 3 + length(day)) % 7, seq % 10000), 'USD'
FROM activity, (SELECT 'claude-sonnet-4-5' AS model UNION ALL SELECT 'claude-opus-4-1' UNION ALL SELECT 'claude-haiku-4-5') m;
INSERT INTO synced_days (provider, workspace, day, fetched_at)
WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 325)
SELECT 'claude-code', 'bench', date('2026-01-01', '+' || n || ' days'), '2026-11-22T10:00:00Z' FROM d;
COMMIT;
SQL
fi
echo "cache: $(du -h "$DB" | cut -f1), $(sqlite3 "$DB" 'SELECT count(*) FROM activity') records, $(sqlite3 "$DB" 'SELECT count(*) FROM activity_models') model rows" >&2

Y="provider = 'claude-code' AND workspace = 'bench' AND day BETWEEN '2026-01-01' AND '2026-11-22'"
FLAT_SQL="SELECT a.actor, sum(CAST(m.estimated AS REAL)), sum(m.input_tokens) FROM activity a JOIN activity_models m USING (provider, workspace, day, seq) WHERE a.provider = 'claude-code' AND a.workspace = 'bench' AND a.day BETWEEN '2026-01-01' AND '2026-11-22' GROUP BY a.actor"

hyperfine -N --warmup 3 --min-runs 10 \
  -n 'llmcost activity --offline --year --format json' "$BIN activity --offline --year --format json" \
  -n 'sqlite3 shell, the year per person (join, floats)' "sqlite3 $DB \"$FLAT_SQL\""
