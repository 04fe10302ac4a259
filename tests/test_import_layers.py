"""Imports between the project's apps point one way, and never in a circle.

The apps form layers (docs/architecture.md, "Apps and the direction of
imports"): each may import the apps below it and none above it, so no cycle
can form. Every import statement counts, wherever it is (inside a function,
under `TYPE_CHECKING`), and so does `importlib.import_module()` with a
literal name. Template tag libraries are looked up by name when a template
is rendered and are not imports; the templates that cross layers on
purpose are documented there too.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Top to bottom: an app may import the apps after it, never those before it.
# `demo` sits on top: its URLconf extends the site's (config) for the benchmark.
# `caching` and `admin_reports` import none of ours; their order is arbitrary.
LAYERS = (
    "demo",
    "config",
    "xapi",
    "lti",
    "reporting",
    "impact",
    "organisations",
    "learning",
    "home",
    "packages",
    "modules",
    "caching",
    "admin_reports",
)
# Packages at the top of the checkout that are not apps.
NOT_APPS = {"tests"}
# (file, app it may import although its layer may not): none today. An entry
# must name why; the test below fails once an entry is no longer needed.
EXCEPTIONS: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Import:
    path: str  # relative to the checkout
    line: int
    statement: str  # as written
    source_app: str
    target_app: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.statement}"


def packages(root: Path) -> list[str]:
    """The top-level packages of the checkout."""
    return sorted(
        entry.name
        for entry in root.iterdir()
        if entry.is_dir() and (entry / "__init__.py").exists() and entry.name not in NOT_APPS
    )


def _module_parts(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imported_names(node: ast.AST, path: Path, root: Path) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if not node.level:
            return [node.module or ""]
        package = _module_parts(path, root)
        if path.name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - (node.level - 1)]
        return [".".join([*package, *([node.module] if node.module else [])])]
    if (
        isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return [node.args[0].value]
    return []


def cross_app_imports(root: Path, apps: list[str]) -> list[Import]:
    """Every import in an app's source files of another of `apps`."""
    found = []
    for app in apps:
        for path in sorted((root / app).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            for node in ast.walk(ast.parse(source, filename=str(path))):
                for name in _imported_names(node, path, root):
                    target = name.split(".")[0]
                    if target in apps and target != app:
                        statement = ast.get_source_segment(source, node) or name
                        found.append(
                            Import(
                                path=path.relative_to(root).as_posix(),
                                line=node.lineno,
                                statement=" ".join(statement.split()),
                                source_app=app,
                                target_app=target,
                            )
                        )
    return found


def without_exceptions(imports: list[Import]) -> list[Import]:
    return [found for found in imports if (found.path, found.target_app) not in EXCEPTIONS]


def upward_imports(imports: list[Import], layers: tuple[str, ...]) -> list[Import]:
    """The imports of an app in the same layer or above.

    Apps without a layer are left to `test_every_app_has_a_layer`, and to
    the cycle check, which needs no layers.
    """
    return [
        found
        for found in imports
        if {found.source_app, found.target_app} <= set(layers)
        and layers.index(found.target_app) <= layers.index(found.source_app)
    ]


def import_cycles(imports: list[Import]) -> list[list[str]]:
    """The groups of apps that import each other, directly or through others."""
    graph: dict[str, set[str]] = {}
    for found in imports:
        graph.setdefault(found.source_app, set()).add(found.target_app)
        graph.setdefault(found.target_app, set())

    def reachable(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for target in graph[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    reach = {app: reachable(app) for app in graph}
    cycles = {
        frozenset(other for other in graph if other in reach[app] and app in reach[other])
        for app in graph
        if app in reach[app]
    }
    return sorted(sorted(cycle) for cycle in cycles)


def describe(imports: list[Import], layers: tuple[str, ...]) -> str:
    return "\n".join(
        f"  {found}  ({found.source_app} may import only: "
        f"{', '.join(layers[layers.index(found.source_app) + 1 :]) or 'nothing of ours'})"
        for found in imports
    )


def unplaced(root: Path, layers: tuple[str, ...]) -> list[str]:
    return [name for name in packages(root) if name not in layers]


def test_every_app_has_a_layer():
    unplaced_apps = unplaced(ROOT, LAYERS)
    assert not unplaced_apps, (
        f"{', '.join(unplaced_apps)}: not in LAYERS. Place each new app in the map here and in "
        "docs/architecture.md, below every app that imports it."
    )


def test_apps_import_only_the_apps_below_them():
    imports = without_exceptions(cross_app_imports(ROOT, packages(ROOT)))
    wrong_way = upward_imports(imports, LAYERS)
    assert not wrong_way, "Imports against the layers:\n" + describe(wrong_way, LAYERS)


def test_no_import_cycle_between_apps():
    imports = without_exceptions(cross_app_imports(ROOT, packages(ROOT)))
    cycles = import_cycles(imports)
    lines = [
        f"{' <-> '.join(cycle)}:\n"
        + "\n".join(
            f"  {found}" for found in imports if {found.source_app, found.target_app} <= set(cycle)
        )
        for cycle in cycles
    ]
    assert not cycles, "Apps importing each other:\n" + "\n".join(lines)


def test_every_exception_is_still_needed():
    imports = cross_app_imports(ROOT, packages(ROOT))
    used = {(found.path, found.target_app) for found in imports}
    stale = sorted(EXCEPTIONS - used)
    assert not stale, f"No longer needed, remove from EXCEPTIONS: {stale}"


# The checker itself, on a small tree of its own.


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_check_finds_imports_inside_functions_and_by_name(tmp_path):
    root = write(
        tmp_path,
        {
            "modules/__init__.py": "",
            "modules/models/__init__.py": "from .pages import Page\n",
            "modules/models/pages.py": (
                "def progress(page):\n    from learning.progress import module_status\n"
            ),
            "home/__init__.py": "",
            "home/tags.py": "import importlib\n\nviews = importlib.import_module('learning.views')\n",
            "learning/__init__.py": "from home import tags\nimport modules.models\n",
        },
    )
    layers = ("learning", "home", "modules")
    wrong_way = upward_imports(cross_app_imports(root, packages(root)), layers)
    assert [str(found) for found in wrong_way] == [
        "home/tags.py:3: importlib.import_module('learning.views')",
        "modules/models/pages.py:2: from learning.progress import module_status",
    ]
    assert "(modules may import only: nothing of ours)" in describe(wrong_way, layers)
    assert unplaced(root, layers) == []
    assert unplaced(root, ("learning", "home")) == ["modules"]


def test_the_check_finds_a_cycle_and_keeps_relative_imports_in_their_app(tmp_path):
    root = write(
        tmp_path,
        {
            "home/__init__.py": "",
            "home/models.py": "from modules.models import Programme\n",
            "modules/__init__.py": "",
            "modules/models.py": "from . import cache\n",
            "modules/cache.py": "def urls():\n    from home.models import HomePage\n",
            "caching/__init__.py": "",
            "caching/lookups.py": "from .generation import key\n",
        },
    )
    imports = cross_app_imports(root, packages(root))
    assert import_cycles(imports) == [["home", "modules"]]
    assert [str(found) for found in imports] == [
        "home/models.py:1: from modules.models import Programme",
        "modules/cache.py:2: from home.models import HomePage",
    ]
