"""The migrations alone define the database.

A migration that imports application code (to run it, say, or to take SQL
from it) builds whatever that code says on the day it runs, so the same
migration could give two databases two schemas. Ours import none, apart
from callables Django names as field defaults and validators (`default=...`,
`validators=[...]`), which are only referred to, never run by `migrate`. And every migration has a name
that says what it does, not one made up from a date.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The checkout's own packages: its apps, and the tests.
OURS = {path.parent.name for path in ROOT.glob("*/__init__.py")}
MIGRATIONS = sorted(ROOT.glob("*/migrations/[0-9]*.py"))


def _is_ours(module: str) -> bool:
    return module.split(".")[0] in OURS


def _application_imports(tree: ast.Module) -> tuple[set[str], list[tuple[int, str]]]:
    """Names bound to our modules, and imports that may not be there at all."""
    bound: set[str] = set()
    refused: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _is_ours(alias.name):
                    if alias.asname is None and node in tree.body:
                        bound.add(alias.name.split(".")[0])
                    else:
                        refused.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and _is_ours(node.module or ""):
            refused.append((node.lineno, f"from {node.module} import ..."))
    return bound, refused


def _uses_outside_defaults(tree: ast.Module, names: set[str]) -> list[tuple[int, str]]:
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in ("default", "validators"):
            allowed.update(id(n) for n in ast.walk(node.value))
    return [
        (node.lineno, node.id)
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id in names and id(node) not in allowed
    ]


def test_there_are_migrations_to_check():
    assert any(path.parent.parent.name == "learning" for path in MIGRATIONS)


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_migration_imports_no_application_code(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    bound, refused = _application_imports(tree)
    refused += _uses_outside_defaults(tree, bound)
    assert not refused, f"{path.relative_to(ROOT)} uses application code: {sorted(refused)}"


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_migration_name_says_what_it_does(path: Path):
    assert not re.search(r"_auto_\d{8}_\d{4}$", path.stem), path.name
