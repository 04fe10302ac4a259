"""The product runs without the demo app: nothing in it imports `demo`."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCT = ["config", "home", "modules", "learning"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def test_no_product_module_imports_the_demo_app():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for package in PRODUCT
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in imported_modules(path)
        if name == "demo" or name.startswith("demo.")
    ]
    assert offenders == []
