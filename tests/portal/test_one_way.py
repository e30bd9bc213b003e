"""The house rules a tool can check, checked: one status writer, no hidden import cycles.

Read from the source (ast), not by running it: a rule broken in a branch the tests never
reach is still caught.
"""

import ast
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("portal", "requests", "flexibilities", "enforcement", "scripts")
APPS = ("portal", "requests", "flexibilities", "enforcement")
# portal.workflow.move is the one writer of a status; migrations describe the past.
STATUS_WRITERS = {Path("portal/workflow.py")}
# The outbox's delivery state is the queue's bookkeeping, claimed and released by guarded
# UPDATEs of many rows at once (portal/workflow.py's docstring names this exception).
OUTBOX = {Path("portal/notifications/services.py")}


def project_files(packages=PACKAGES):
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" not in relative.parts:
                yield relative, ast.parse(path.read_text(), filename=str(path))


def _targets(node):
    if isinstance(node, ast.Assign):
        for target in node.targets:
            yield from _flatten(target)
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        yield from _flatten(node.target)


def _flatten(target):
    if isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from _flatten(element)
    else:
        yield target


def status_writes(tree):
    """Lines that assign `.status`, setattr(..., "status", ...) or update(status=...)."""
    for node in ast.walk(tree):
        for target in _targets(node):
            if isinstance(target, ast.Attribute) and target.attr == "status":
                yield node.lineno
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name == "update" and any(k.arg == "status" for k in node.keywords):
                yield node.lineno
            if (
                name == "setattr"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value == "status"
            ):
                yield node.lineno


def test_only_the_workflow_writes_a_status():
    found = [
        f"{path}:{line}"
        for path, tree in project_files()
        if path not in STATUS_WRITERS | OUTBOX
        for line in status_writes(tree)
    ]
    assert found == [], "write statuses through portal.workflow.move: " + ", ".join(found)


def test_the_check_sees_each_way_of_writing_a_status():
    source = (
        "a.status = 1\n"
        "a.status, b = 1, 2\n"
        "Model.objects.filter(pk=1).update(status='x')\n"
        "setattr(a, 'status', 1)\n"
        "a.status == 1\n"  # a comparison is no write
    )
    assert list(status_writes(ast.parse(source))) == [1, 2, 3, 4]


def function_imports(tree):
    """(line, function, module) of each import of a project module inside a function body."""
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                if module.split(".")[0] in APPS:
                    yield node.lineno, function.name, module


def test_no_import_cycle_hides_in_a_function():
    """An import inside a function body is how a cycle hides from the import graph. The one
    place for one is AppConfig.ready (apps.py), which runs once the modules are all loaded and
    tells the lower modules about the higher ones (portal.queue, portal.demo_loaders, the
    notification and reminder registries). scripts/ run django.setup() before importing."""
    found = [
        f"{path}:{line} {function}() imports {module}"
        for path, tree in project_files(APPS)
        for line, function, module in function_imports(tree)
        if not (path.name == "apps.py" and function == "ready")
    ]
    assert found == [], "import at the top, or register in AppConfig.ready: " + ", ".join(found)


def test_the_import_check_sees_a_hidden_import():
    source = (
        "import os\n"
        "def f():\n"
        "    from portal.models import Party\n"
        "    import requests.services\n"
        "    from django.db import models\n"  # not a project module
        "    from . import sibling\n"  # relative imports are not used in the project
    )
    assert list(function_imports(ast.parse(source))) == [
        (3, "f", "portal.models"),
        (4, "f", "requests.services"),
    ]


def cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another, directly or not (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in imports.get(module, ()):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while (member := stack.pop()) != module:
                group.append(member)
            if group:
                found.append(sorted([module, *group]))

    for module in sorted(imports):
        if module not in index:
            visit(module)
    return found


def test_the_import_graph_has_no_cycle():
    """grimp (import-linter's graph) reads every import, at the top or in a function."""
    graph = grimp.build_graph(*APPS, cache_dir=None)
    imports = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    assert cycles(imports) == []


def test_the_cycle_check_sees_a_loop_of_three():
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert cycles(imports) == [["a", "b", "c"]]
