"""The core stays below every app: nothing in citynet/ imports the search app (it reaches
it through hooks, citynet.search_hooks), and the hooks do reach it."""

import ast
from pathlib import Path

import pytest

from citynet import search_hooks

CORE = Path(__file__).resolve().parents[2] / "citynet"


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_the_core_never_imports_the_search_app():
    offenders = [
        f"{path.relative_to(CORE.parent)}: {module}"
        for path in CORE.rglob("*.py")
        for module in imported_modules(path)
        if module == "search" or module.startswith("search.")
    ]
    assert offenders == []


def test_the_scan_would_see_an_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from search import service\n")
    assert list(imported_modules(sample)) == ["search"]


@pytest.mark.django_db
def test_the_hooks_reach_the_search_app():
    assert search_hooks.health_checks()["search"][1] is False  # reported, never required
    assert search_hooks.keyword_search("izin", "id") == []  # an empty index matches nothing
    from search.limits import SearchTooSlow

    assert issubclass(SearchTooSlow, search_hooks.KeywordSearchTooSlow)
