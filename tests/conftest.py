"""Shared fixtures: the bundled corpus and a built engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import QAEngine

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_engine() -> QAEngine:
    """An in-memory engine over the bundled seeds (nothing written to the corpus folder)."""
    return QAEngine.from_directory(SEEDS, save=False)
