"""Imports point one way: bot -> retrieval, never back."""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

FORBIDDEN = ("bot", "telegram", "starlette", "uvicorn", "pydantic_settings", "httpx")


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
