"""The folder tree is the architecture: layers that import only downwards, no import cycles, small modules.

Every import counts: at module level, inside functions and under ``TYPE_CHECKING``. A lazy import
keeps `zoek` fast, but for whoever reads the code it is a dependency like any other, so a cycle
through a function is still a cycle. docs/architecture.md explains the layers in Dutch.

The checks are functions over a package folder, so the tests at the bottom can show on a small
made-up package that each of them fails when its rule is broken.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

import partnerbeeld
from partnerbeeld.cli import COMMANDS

PACKAGE = Path(partnerbeeld.__file__).resolve().parent
MAX_LINES = 450

# Bottom to top. A module may import modules of its own layer and of the layers below it, never above.
# checks and answers share a layer: both work on a loaded dataset, and the contact checks ask `roles`
# who alerts for what while `signals` reuses the contact checks (no cycle, see test_no_import_cycles).
# sheets (importeer/exporteer) build on answers: validation, scaffold, the contact list.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("infra",),
    ("model",),
    ("reading",),
    ("checks", "answers"),
    ("sheets",),
    ("views",),
    ("site",),
    ("cli",),
)
# the package itself (only __version__) is the bottom; `python -m partnerbeeld` is the command line
ROOT_LAYERS = {"": 0, "__main__": len(LAYERS) - 1}


def modules(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package in ``package``."""
    found: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = [package.name, *path.relative_to(package).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imported(module: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """The modules of ours that ``module`` imports anywhere in its file."""
    top = module.split(".")[0]

    def ours(name: str) -> str:
        while name and name not in known:  # `from x.y import Class` depends on module x.y
            name = name.rpartition(".")[0]
        return name

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(ours(alias.name) for alias in node.names if alias.name.split(".")[0] == top)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the package of this module
                package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
                base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
            if base.split(".")[0] != top:
                continue
            for alias in node.names:  # `from pkg import module` imports the module, not just pkg
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else ours(base))
    found.discard(module)
    found.discard("")
    return found


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the modules of ours it imports."""
    known = modules(package)
    return {name: _imported(name, path, known) for name, path in known.items()}


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round about (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def layer_of(module: str) -> int:
    """The layer number of a dotted module name (0 is the bottom)."""
    inside = module.split(".")[1:]
    if not inside or inside[0] in ROOT_LAYERS:
        return ROOT_LAYERS["" if not inside else inside[0]]
    for number, packages in enumerate(LAYERS):
        if inside[0] in packages:
            return number
    raise AssertionError(f"{module} is in no layer: put it in one of the packages of LAYERS")


def upward_imports(graph: Mapping[str, Iterable[str]]) -> list[str]:
    """Every import that goes up a layer (or reaches a module that is in no layer)."""
    return [
        f"{module} -> {target}"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]


def commands_importing_commands(graph: Mapping[str, Iterable[str]], commands: Iterable[str]) -> list[str]:
    """Command modules of cli/ that import another command module: what they share belongs in a shared module."""
    command_modules = {f"partnerbeeld.cli.{name}" for name in commands}
    return [
        f"{module} -> {target}"
        for module in sorted(command_modules)
        for target in sorted(graph.get(module, ()))
        if target in command_modules
    ]


def long_modules(package: Path, limit: int = MAX_LINES) -> list[str]:
    """Modules over ``limit`` lines."""
    long = []
    for name, path in modules(package).items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            long.append(f"{name}: {lines} regels")
    return long


# --- the rules, on partnerbeeld itself ---------------------------------------------------------


def outside_imports(package: Path) -> dict[str, set[str]]:
    """Top-level names of the outside modules each module imports (not the standard library, not ours)."""
    import sys

    found: dict[str, set[str]] = {}
    for module, path in modules(package).items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            tops = {name.split(".")[0] for name in names} - set(sys.stdlib_module_names) - {package.name}
            found.setdefault(module, set()).update(tops)
    return found


def undeclared(imports: Mapping[str, Iterable[str]], declared: Iterable[str]) -> list[str]:
    """'module: name' for each imported outside module that no declared distribution provides."""
    import importlib.metadata

    from packaging.utils import canonicalize_name

    providers = importlib.metadata.packages_distributions()
    allowed = {canonicalize_name(name) for name in declared}
    return sorted(
        f"{module}: {name}"
        for module, names in imports.items()
        for name in names
        if not any(canonicalize_name(dist) in allowed for dist in providers.get(name, [name]))
    )


def declared_dependencies() -> list[str]:
    """The names in [project].dependencies of pyproject.toml (what `pip install partnerbeeld` brings)."""
    import tomllib

    from packaging.requirements import Requirement

    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    return [Requirement(text).name for text in pyproject["project"]["dependencies"]]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(PACKAGE)


def test_no_import_cycles(graph: dict[str, set[str]]) -> None:
    assert cycles(graph) == []


def test_layers_import_only_downwards(graph: dict[str, set[str]]) -> None:
    # the model knows no reading, reading knows only the model, answers know no views or cli,
    # views know no cli, and nothing but cli imports cli
    assert upward_imports(graph) == []


def test_every_module_is_in_a_layer(graph: dict[str, set[str]]) -> None:
    for module in graph:
        layer_of(module)  # raises for a module outside the layers, e.g. a new flat module


def test_command_modules_do_not_import_each_other(graph: dict[str, set[str]]) -> None:
    assert commands_importing_commands(graph, {module for module, _ in COMMANDS.values()}) == []


def test_schema_has_a_command_module_of_its_own() -> None:
    module, _ = COMMANDS["schema"]
    assert [name for name, (other, _) in COMMANDS.items() if other == module] == ["schema"]


def test_every_outside_package_we_import_is_declared() -> None:
    """Installed from its wheel, partnerbeeld gets [project].dependencies and nothing else: a package
    that is only here because a test or a build tool needs it (packaging, pluggy, hatchling's other
    dependencies) would be missing for a user. The pre-commit test relies on this too (tests/tryrepo.py)."""
    imports = outside_imports(PACKAGE)
    assert any("yaml" in names for names in imports.values())  # the check sees outside imports
    assert undeclared(imports, declared_dependencies()) == []


def test_no_module_is_too_long() -> None:
    assert long_modules(PACKAGE) == []


def test_the_graph_sees_our_imports(graph: dict[str, set[str]]) -> None:
    # the checks above are only as good as the graph: module-level, function-level and
    # `from package import module` imports must all be in it
    assert "partnerbeeld.reading.loading" in graph["partnerbeeld.cli.zoek"] | graph["partnerbeeld.cli.common"]
    assert "partnerbeeld.reading.fielderrors" in graph["partnerbeeld.reading.loading"]  # inside a function
    assert "partnerbeeld.infra.limits" in graph["partnerbeeld.reading.loading"]  # from partnerbeeld.infra import limits


# --- each rule can fail: the same checks on a small made-up package ----------------------------


def _package(root: Path, files: Mapping[str, str]) -> Path:
    package = root / "partnerbeeld"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in (package, *path.relative_to(package).parents):
            (package / folder / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return package


def test_a_cycle_through_a_function_import_is_found(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "reading/dataset.py": "def open_dataset():\n    from partnerbeeld.checks import integrity\n",
            "checks/integrity.py": "from partnerbeeld.reading.dataset import open_dataset\n",
        },
    )
    assert cycles(import_graph(package)) == [["partnerbeeld.checks.integrity", "partnerbeeld.reading.dataset"]]


def test_a_cycle_under_type_checking_is_found(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "reading/loading.py": "from partnerbeeld.reading import fielderrors\n",
            "reading/fielderrors.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from partnerbeeld.reading.loading import Source\n",
        },
    )
    assert cycles(import_graph(package)) == [["partnerbeeld.reading.fielderrors", "partnerbeeld.reading.loading"]]


@pytest.mark.parametrize(
    ("module", "imports", "target"),
    [
        ("model/records.py", "from partnerbeeld.reading.loading import Source", "reading/loading.py"),
        ("reading/loading.py", "from partnerbeeld.checks import integrity", "checks/integrity.py"),
        ("answers/query.py", "def f():\n    from partnerbeeld.views import hits", "views/hits.py"),
        ("views/hits.py", "from partnerbeeld.cli.common import say", "cli/common.py"),
        ("site/build.py", "from partnerbeeld.cli import common", "cli/common.py"),
        ("infra/outputs.py", "from partnerbeeld.model.findings import located", "model/findings.py"),
    ],
)
def test_an_upward_import_is_found(tmp_path: Path, module: str, imports: str, target: str) -> None:
    package = _package(tmp_path, {module: imports + "\n", target: ""})
    dotted = "partnerbeeld." + module.removesuffix(".py").replace("/", ".")
    assert upward_imports(import_graph(package)) == [f"{dotted} -> partnerbeeld.{target[:-3].replace('/', '.')}"]
    (package / module).write_text("from partnerbeeld.infra import errors\n", encoding="utf-8")  # downwards
    (package / "infra").mkdir(exist_ok=True)
    (package / "infra" / "__init__.py").touch()
    (package / "infra" / "errors.py").touch()
    assert upward_imports(import_graph(package)) == []


def test_a_module_outside_the_layers_is_found(tmp_path: Path) -> None:
    package = _package(tmp_path, {"flat.py": ""})
    with pytest.raises(AssertionError, match=r"partnerbeeld\.flat is in no layer"):
        for module in import_graph(package):
            layer_of(module)


def test_a_command_importing_a_command_is_found(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {"cli/toon.py": "from partnerbeeld.cli.zoek import shown\n", "cli/zoek.py": "", "cli/common.py": ""},
    )
    graph = import_graph(package)
    assert commands_importing_commands(graph, ["toon", "zoek"]) == ["partnerbeeld.cli.toon -> partnerbeeld.cli.zoek"]
    assert commands_importing_commands(graph, ["toon"]) == []  # zoek as a shared module would be fine


def test_an_undeclared_outside_package_is_found(tmp_path: Path) -> None:
    package = _package(tmp_path, {"infra/a.py": "import yaml\nfrom packaging import version\nimport json\n"})
    assert undeclared(outside_imports(package), ["pyyaml"]) == ["partnerbeeld.infra.a: packaging"]


def test_a_long_module_is_found(tmp_path: Path) -> None:
    package = _package(tmp_path, {"answers/long.py": "x = 1\n" * (MAX_LINES + 1), "answers/ok.py": "x = 1\n" * 450})
    assert long_modules(package) == [f"partnerbeeld.answers.long: {MAX_LINES + 1} regels"]
