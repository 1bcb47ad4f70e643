# Sourced by the scale benchmarks (`keys.sh`, `activity.sh`): hyperfine and sqlite3 (Debian
# packages, installed if missing), a release build, and a cache and config of their own in
# $LLMCOST_BENCH_DIR (kept between runs) or a fresh temporary directory.
#   bench_setup NAME CONFIG_LINE   sets BIN, WORK, DB and CONFIG, and exports llmcost's variables.
bench_setup() {
  local name="$1" config_line="$2"
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  for tool in hyperfine sqlite3; do
    command -v "$tool" >/dev/null || { sudo apt-get install -y "$tool" >/dev/null 2>&1 || apt-get install -y "$tool" >/dev/null; }
  done
  cargo build --release --locked --quiet
  BIN="$PWD/target/release/llmcost"
  WORK="${LLMCOST_BENCH_DIR:-$(mktemp -d)}"
  mkdir -p "$WORK"
  DB="$WORK/$name.sqlite"
  CONFIG="$WORK/$name.toml"
  printf '%s\n' "$config_line" > "$CONFIG"
  export LLMCOST_NOW=2026-11-22T10:00:00Z LLMCOST_NO_KEYRING=1 LLMCOST_CONFIG="$CONFIG" LLMCOST_DB="$DB"
}
