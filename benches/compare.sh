#!/usr/bin/env bash
# Whole commands on a cache of about a million cost rows, timed with hyperfine side by side:
# llmcost against the sqlite3 shell running the same aggregate on the same file (the floor set by
# SQLite itself), a year-long grouping, and process start-up; then peak memory.
#
#   bash benches/compare.sh            # builds release, makes the cache once, prints the tables
#   LLMCOST_BENCH_DIR=/tmp/llmcost-bench bash benches/compare.sh   # keep the cache between runs
set -euo pipefail
source "$(dirname "$0")/scale_setup.sh"
bench_setup big "" time
for i in 1 2 3 4 5 6; do printf '[workspaces.openai.bench-%s]\n' "$i" >> "$CONFIG"; done

if [ ! -s "$DB" ]; then
  echo "making the cache (about 1,051,200 cost rows)..." >&2
  "$BIN" generate-cache
fi
echo "cache: $(du -h "$DB" | cut -f1), $(sqlite3 "$DB" 'SELECT count(*) FROM cost_buckets') cost rows" >&2

# Today's estimates, as a live refresh at 10:00 leaves them: ten hours of 16 models for each
# account, standing in for today's partial bill (idempotent).
sqlite3 "$DB" "INSERT OR REPLACE INTO estimate_days SELECT 'openai', 'bench-' || a.value, '2026-11-22', '2026-11-22T10:00:00Z', '2026-11-22T10:00:00Z', '', 0 FROM generate_series(1, 6) a;
INSERT OR REPLACE INTO estimates SELECT 'openai', 'bench-' || a.value, '2026-11-22', printf('%02d:00', h.value), '', 'model-' || m.value, '0.123456', 'USD', 'priced' FROM generate_series(1, 6) a, generate_series(0, 9) h, generate_series(0, 15) m;" 2>/dev/null || echo "(sqlite3 without generate_series: the estimates rows are not seeded)" >&2

# The aggregate `costs --month` answers, as SQLite alone runs it (floats, one query).
WS="'bench-1','bench-2','bench-3','bench-4','bench-5','bench-6'"
SQL="SELECT model, sum(CAST(amount AS REAL)) FROM cost_buckets WHERE provider = 'openai' AND workspace IN ($WS) AND day BETWEEN '2026-11-01' AND '2026-11-22' GROUP BY model"

# The aggregate `costs --year --by model,project` answers, as SQLite alone runs it.
YEAR_SQL="SELECT model, project_id, provider, workspace, sum(CAST(amount AS REAL)) FROM cost_buckets WHERE provider = 'openai' AND workspace IN ($WS) AND day BETWEEN '2026-01-01' AND '2026-11-22' GROUP BY model, project_id, provider, workspace"
YEAR_DAY_SQL="SELECT day, sum(CAST(amount AS REAL)) FROM cost_buckets WHERE provider = 'openai' AND workspace IN ($WS) AND day BETWEEN '2026-01-01' AND '2026-11-22' GROUP BY day"

# The month with estimates (`--include-estimate`): billed rows of days without a standing
# estimate, and the estimates, by model and basis.
OPEN="SELECT 1 FROM estimate_days e WHERE e.provider = t.provider AND e.workspace = t.workspace AND e.day = t.day AND e.bill_arrived = 0"
EST_SQL="SELECT model, basis, sum(CAST(amount AS REAL)) FROM (SELECT provider, workspace, day, model, amount, 'billed' AS basis FROM cost_buckets t WHERE NOT EXISTS (${OPEN}) UNION ALL SELECT provider, workspace, day, model, amount, 'estimate' FROM estimates t WHERE EXISTS (${OPEN})) WHERE provider = 'openai' AND workspace IN ($WS) AND day BETWEEN '2026-11-01' AND '2026-11-22' GROUP BY model, basis"

hyperfine -N --warmup 3 --min-runs 20 --export-markdown "$WORK/hyperfine.md" \
  -n 'llmcost costs --offline --month --format json' "$BIN costs --offline --month --format json" \
  -n 'sqlite3 shell, same aggregate' "sqlite3 $DB \"$SQL\"" \
  -n 'llmcost costs --offline --year --by model,project' "$BIN costs --offline --year --by model,project" \
  -n 'sqlite3 shell, the year by model and project' "sqlite3 $DB \"$YEAR_SQL\"" \
  -n 'llmcost costs --offline --year --by day' "$BIN costs --offline --year --by day" \
  -n 'sqlite3 shell, the year by day' "sqlite3 $DB \"$YEAR_DAY_SQL\"" \
  -n 'llmcost costs --offline --month --include-estimate --format json' "$BIN costs --offline --month --include-estimate --format json" \
  -n 'sqlite3 shell, the same with estimates' "sqlite3 $DB \"$EST_SQL\"" \
  -n 'llmcost --version' "$BIN --version"

echo
echo "peak memory (maximum resident set size):"
for args in "costs --offline --month --format json" "costs --offline --year --by model,project" "--version"; do
  # shellcheck disable=SC2086
  kb=$(/usr/bin/time -v "$BIN" $args 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')
  printf '  llmcost %-45s %6.1f MB\n' "$args" "$(echo "$kb / 1024" | bc -l)"
done
kb=$(/usr/bin/time -v sqlite3 "$DB" "$SQL" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')
printf '  %-53s %6.1f MB\n' "sqlite3 shell, same aggregate" "$(echo "$kb / 1024" | bc -l)"
echo
echo "query plan of the month aggregate:"
sqlite3 "$DB" "EXPLAIN QUERY PLAN $SQL"
echo "markdown table: $WORK/hyperfine.md"
