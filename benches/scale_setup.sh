# Sourced by the whole-command benchmarks (`compare.sh`, `keys.sh`, `activity.sh`): hyperfine and
# sqlite3 (Debian packages, installed if missing, with any extra tools named), a release build,
# and a cache and config of their own in $LLMCOST_BENCH_DIR (kept between runs) or a fresh
# temporary directory.
#   bench_setup NAME CONFIG_LINE [TOOL...]   sets BIN, WORK, DB and CONFIG, and exports llmcost's variables.
bench_setup() {
  local name="$1" config_line="$2"
  shift 2
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  local missing=() tool
  for tool in hyperfine sqlite3 "$@"; do
    # `time` is a shell keyword too: its package is the one with /usr/bin/time.
    if [ "$tool" = time ]; then [ -x /usr/bin/time ] || missing+=(time)
    else command -v "$tool" >/dev/null || missing+=("$tool"); fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} (Debian packages)" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  cargo build --release --locked --quiet
  BIN="$PWD/target/release/llmcost"
  WORK="${LLMCOST_BENCH_DIR:-$(mktemp -d)}"
  mkdir -p "$WORK"
  DB="$WORK/$name.sqlite"
  CONFIG="$WORK/$name.toml"
  printf '%s\n' "$config_line" > "$CONFIG"
  export LLMCOST_NOW=2026-11-22T10:00:00Z LLMCOST_NO_KEYRING=1 LLMCOST_CONFIG="$CONFIG" LLMCOST_DB="$DB"
}
