# qabot as a webhook server: `docker build -t qabot .` then
#   docker run -p 8080:8080 -e QABOT_TELEGRAM_TOKEN=... -e QABOT_WEBHOOK_URL=https://... \
#              -e QABOT_WEBHOOK_SECRET=... qabot
# Another corpus: `docker build --build-arg CORPUS=path/to/docs -t qabot .` (a folder of the
# build context, but not docs/, tests/ or benchmarks/, which .dockerignore leaves out of it:
# the build would stop at COPY, "not found"). See docs/deploy.md.
# tests/test_webhook_dockerfile.py replays these steps.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies in a layer of their own, rebuilt only when pyproject.toml changes: install the
# project from empty packages, then remove it and keep what it pulled in.
COPY pyproject.toml ./
RUN mkdir bot retrieval && touch README.md bot/__init__.py retrieval/__init__.py \
    && pip install . \
    && pip uninstall --yes qabot \
    && rm -rf bot retrieval README.md build *.egg-info

COPY README.md ./
COPY bot/ bot/
COPY retrieval/ retrieval/
RUN pip install --no-deps . && rm -rf build *.egg-info

# The corpus, and its index built now, at image build time: a replica only loads it.
ARG CORPUS=seeds
COPY ${CORPUS}/ corpus/
ENV QABOT_CORPUS_DIR=/app/corpus \
    QABOT_INDEX_DIR=/app/index \
    QABOT_LOG_FORMAT=json \
    NUMBA_CACHE_DIR=/app/numba-cache
RUN qabot index
# From 20,000 passages on, search runs a numba kernel, compiled on first use and cached. Compile
# it now, into NUMBA_CACHE_DIR: numba will not load a cached kernel without a cache folder it
# can write to, and the code's own folder is read-only at run time (qabot would then search
# with numpy, about 10x slower, and log search_kernel_unavailable).
RUN python -c "from retrieval import QAEngine; from retrieval.analyzer import analyze; \
e = QAEngine.from_directory('/app/corpus', index_dir='/app/index'); \
e.index.search_compiled(analyze(e.passage(0)))"

# Serve as an unprivileged user; the code, the corpus and the index stay read-only to it (the
# kernel cache stays writable, the folder numba made in it at the step above too: numba takes
# no cache folder it cannot write, compiled kernel or not, and a new numba or CPU may need a
# recompile).
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin qabot \
    && mkdir -p /app/numba-cache && chown -R qabot /app/numba-cache
USER qabot

# QABOT_PORT is left unset, so that a platform's PORT is honoured; 8080 otherwise.
EXPOSE 8080
# The slim image has no curl: the standard library asks /healthz, on the port qabot listens on.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + (os.environ.get('QABOT_PORT') or os.environ.get('PORT') or '8080') + '/healthz', timeout=4)"]
CMD ["qabot", "webhook"]
