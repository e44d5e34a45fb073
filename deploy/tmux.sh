#!/usr/bin/env bash
# Training, TensorBoard and the tutor server in one tmux session with named windows, so an SSH drop on an EC2
# instance stops nothing; reattach to see them again.
#
#   deploy/tmux.sh start     create the session (windows: train, tensorboard, serve) and attach when on a terminal;
#                            if it already runs, just reattach
#   deploy/tmux.sh attach    reattach (Ctrl-b d detaches again; Ctrl-b n / p moves between windows)
#   deploy/tmux.sh status    list the windows and what runs in them
#   deploy/tmux.sh stop      Ctrl-C each window (train.py saves nothing half-written: checkpoints are atomic), then
#                            kill the session
#
# What runs is set by the environment (defaults: continued pretraining of SmolLM2-135M on `make data`'s shards):
#   TRAIN_CMD  default: .venv/bin/python train.py configs/smollm2-135m.py --data_dir=out/data/default --init_from=auto
#              --run_name=tmux --save_every=200   (init_from=auto resumes after a restart)
#   TB_CMD     default: .venv/bin/tensorboard --logdir out --host 127.0.0.1 --port 6006
#   SERVE_CMD  default: .venv/bin/python serve.py --tokens_file=out/token
#   NANOTUTOR_TMUX_SESSION (default nanotutor), NANOTUTOR_TMUX_SOCKET (a separate tmux server, used by the tests)
# Windows stay open after their command exits (remain-on-exit) so its last error can still be read.
# From a laptop: ssh -L 6006:127.0.0.1:6006 -L 8000:127.0.0.1:8000 ec2-user@HOST, then deploy/tmux.sh attach.
set -euo pipefail
cd "$(dirname "$0")/.."

SESSION=${NANOTUTOR_TMUX_SESSION:-nanotutor}
TRAIN_CMD=${TRAIN_CMD:-.venv/bin/python train.py configs/smollm2-135m.py --data_dir=out/data/default --init_from=auto --run_name=tmux --save_every=200}
TB_CMD=${TB_CMD:-.venv/bin/tensorboard --logdir out --host 127.0.0.1 --port 6006}
DEFAULT_SERVE=0
[ -n "${SERVE_CMD:-}" ] || { DEFAULT_SERVE=1; SERVE_CMD=".venv/bin/python serve.py --tokens_file=out/token"; }

tm() {  # tmux on our socket when one is named
  if [ -n "${NANOTUTOR_TMUX_SOCKET:-}" ]; then tmux -L "$NANOTUTOR_TMUX_SOCKET" "$@"; else tmux "$@"; fi
}

running() { tm has-session -t "=$SESSION" 2>/dev/null; }

attach() {
  running || { echo "tmux.sh: no session '$SESSION' (deploy/tmux.sh start)" >&2; exit 1; }
  if [ -t 0 ] && [ -t 1 ]; then
    if [ -n "${TMUX:-}" ]; then tm switch-client -t "=$SESSION"; else tm attach-session -t "=$SESSION"; fi
  else
    echo "session '$SESSION' is running; attach from a terminal with: deploy/tmux.sh attach"
  fi
}

start() {
  command -v tmux >/dev/null || { echo "tmux.sh: tmux is not installed (apt-get install -y tmux)" >&2; exit 1; }
  if running; then
    echo "session '$SESSION' already running: reattaching"
    attach
    return
  fi
  if [ "$DEFAULT_SERVE" = 1 ] && [ ! -s out/token ]; then
    mkdir -p out
    .venv/bin/python -c "import secrets; print(secrets.token_urlsafe(24), 'student')" > out/token
  fi
  tm new-session -d -s "$SESSION" -n train -c "$PWD"
  tm set-option -t "=$SESSION:" remain-on-exit on
  tm new-window -d -t "=$SESSION:" -n tensorboard -c "$PWD"
  tm new-window -d -t "=$SESSION:" -n serve -c "$PWD"
  # send-keys rather than a window command: the shell stays, so Ctrl-C leaves a prompt to rerun from.
  tm send-keys -t "=$SESSION:train" "$TRAIN_CMD" Enter
  tm send-keys -t "=$SESSION:tensorboard" "$TB_CMD" Enter
  tm send-keys -t "=$SESSION:serve" "$SERVE_CMD" Enter
  echo "started session '$SESSION': windows train, tensorboard (http://127.0.0.1:6006), serve (http://127.0.0.1:8000)"
  attach
}

stop() {
  running || { echo "session '$SESSION' is not running"; return; }
  for window in train tensorboard serve; do
    tm send-keys -t "=$SESSION:$window" C-c 2>/dev/null || true
  done
  sleep "${NANOTUTOR_TMUX_GRACE:-3}"  # let train.py and serve.py handle SIGINT before the session goes
  tm kill-session -t "=$SESSION"
  echo "stopped session '$SESSION'"
}

status() {
  running || { echo "session '$SESSION' is not running"; exit 1; }
  tm list-windows -t "=$SESSION" -F '#{window_name} #{pane_current_command} #{?pane_dead,dead,alive}'
}

case "${1:-}" in
  start) start ;;
  attach) attach ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: deploy/tmux.sh start|attach|status|stop" >&2; exit 2 ;;
esac
