"""Imports point one way: bot -> retrieval, never back."""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

FORBIDDEN = ("bot", "telegram", "starlette", "uvicorn", "pydantic_settings", "httpx", "redis")


@pytest.mark.parametrize("path", sorted((ROOT / "retrieval").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT / "retrieval")))
def test_retrieval_never_imports_the_channel_side(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"


def test_every_package_goes_into_the_wheel():
    """An editable install runs from the tree, so a subpackage left out of the wheel passes
    every other test and breaks `pip install .` (the Dockerfile's) with an ImportError."""
    import tomllib

    from setuptools import find_packages

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    found = set(find_packages(str(ROOT), include=include))
    on_disk = {".".join(p.parent.relative_to(ROOT).parts)
               for top in ("bot", "retrieval") for p in (ROOT / top).rglob("__init__.py")}
    assert on_disk <= found, f"left out of the wheel: {sorted(on_disk - found)}"


def test_importing_the_package_imports_its_names_only_when_asked_for():
    """A build's worker imports ``retrieval.workers`` and only what its tasks need; a caller's
    ``from retrieval import QAEngine`` works as before."""
    import os
    import subprocess
    import sys

    code = ("import sys, retrieval; print('retrieval.engine' in sys.modules); "
            "from retrieval import QAEngine, NOT_FOUND; print(QAEngine.__module__)")
    out = subprocess.run([sys.executable, "-P", "-c", code], check=True, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.split()
    assert out == ["False", "retrieval.engine"]
    import retrieval

    with pytest.raises(AttributeError, match="no_such_name"):
        retrieval.no_such_name  # noqa: B018
    assert sorted(retrieval.__all__) == sorted(retrieval._WHERE)
