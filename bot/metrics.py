"""Prometheus metrics of the webhook server, in a registry of their own (not the global one), so
that every server, and every test, counts apart.

    metrics = Metrics()
    engine = MeteredEngine(engine, metrics)      # counts answers, abstentions and their latency
    metrics.rejected.labels("secret").inc()
    body, content_type = metrics.exposition()    # GET /metrics

What is counted (``qabot_`` prefix):
- ``updates_received_total``: updates accepted on the webhook route and queued for the handlers;
- ``updates_rejected_total{reason}``: webhook requests refused (``REJECTIONS``);
- ``answers_total{outcome}``: questions the engine answered or abstained on;
- ``answer_seconds``: histogram of the engine's time per question (in its worker thread);
- ``index_documents``, ``index_passages``, ``index_terms``: the size of the loaded index;
- ``redis_up``: 1 while the Redis the replicas share answers, 0 while the process goes on
  without it (only with ``QABOT_REDIS_URL``: ``watch_redis``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

from retrieval import Answer

from .intro import Corpus

# Why the webhook route refused a request, as the ``reason`` label says it.
REJECTIONS = ("secret", "too_large", "not_json", "not_update", "not_ready", "busy", "aborted",
              "too_slow", "duplicate")
# Seconds: an answer takes about a millisecond on a small corpus, tens on a large one.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """The server's counters, histogram and gauges, registered in ``self.registry``."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.received = Counter("qabot_updates_received", "Updates accepted and queued",
                                registry=r)
        self.rejected = Counter("qabot_updates_rejected", "Webhook requests refused, by reason",
                                ["reason"], registry=r)
        self.answers = Counter("qabot_answers", "Questions answered or abstained on",
                               ["outcome"], registry=r)
        self.answer_seconds = Histogram("qabot_answer_seconds", "Engine time per question",
                                        buckets=LATENCY_BUCKETS, registry=r)
        self.index_documents = Gauge("qabot_index_documents", "Documents in the loaded index",
                                     registry=r)
        self.index_passages = Gauge("qabot_index_passages", "Passages in the loaded index",
                                    registry=r)
        self.index_terms = Gauge("qabot_index_terms", "Vocabulary of the loaded index",
                                 registry=r)
        for reason in REJECTIONS:  # every series from the start, at zero
            self.rejected.labels(reason)
        for outcome in ("answered", "abstained"):
            self.answers.labels(outcome)

    def index_loaded(self, engine: Corpus) -> None:
        self.index_documents.set(engine.n_documents)
        self.index_passages.set(engine.n_passages)
        self.index_terms.set(getattr(engine, "n_terms", 0))

    def watch_redis(self, up: Callable[[], bool]) -> None:
        """Export ``redis_up``, read from ``up()`` at each scrape."""
        gauge = Gauge("qabot_redis_up", "1 while the shared state's Redis answers, else 0",
                      registry=self.registry)
        gauge.set_function(lambda: 1.0 if up() else 0.0)

    def exposition(self) -> tuple[bytes, str]:
        """The Prometheus text format of every metric, and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class MeteredEngine:
    """An engine (``Corpus``) whose ``ask`` is counted and timed in ``metrics``; everything
    else goes to the engine it wraps."""

    def __init__(self, engine: Corpus, metrics: Metrics) -> None:
        self.engine = engine
        self.metrics = metrics

    def ask(self, question: str, *, top_k: int | None = None) -> Answer:
        started = time.perf_counter()
        answer = self.engine.ask(question, top_k=top_k)
        self.metrics.answer_seconds.observe(time.perf_counter() - started)
        self.metrics.answers.labels("answered" if answer.answered else "abstained").inc()
        return answer

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)
