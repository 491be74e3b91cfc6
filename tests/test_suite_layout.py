"""The test suite's own layout: what test modules share lives in helper modules, never in another test module.

A test module imported by another one runs its module-level code twice under two names and
ties the two together; builders.py, goldenfiles.py, gitrepo.py, corpus_cases.py and
conftest.py hold what is shared.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent


def imports_of_test_modules(folder: Path) -> list[str]:
    """'importer -> imported' for every import of a test_*.py module by a module in ``folder``."""
    found = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue
            found += [f"{path.name} -> {name}" for name in names if name.split(".")[0].startswith("test_")]
    return found


def test_no_test_module_imports_another() -> None:
    assert imports_of_test_modules(TESTS) == []


def test_an_import_of_a_test_module_is_found(tmp_path: Path) -> None:
    (tmp_path / "test_a.py").write_text("from test_b import shared\nimport conftest\n", encoding="utf-8")
    (tmp_path / "test_b.py").write_text("def f():\n    import test_c.x\n", encoding="utf-8")
    (tmp_path / "helper.py").write_text("from builders import DatasetBuilder\n", encoding="utf-8")
    assert imports_of_test_modules(tmp_path) == ["test_a.py -> test_b", "test_b.py -> test_c.x"]


def test_the_files_started_first_exist() -> None:
    """conftest starts these first (the longest); a renamed file would silently lose its place."""
    from conftest import LONGEST_FIRST

    assert [name for name in LONGEST_FIRST if not (TESTS / name).is_file()] == []
