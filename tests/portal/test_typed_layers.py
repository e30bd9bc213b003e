"""The README's claim about types, checked: every layer module refuses untyped definitions.

mypy only reports what pyproject's [tool.mypy] lists, so a new services, selectors or
permissions module would slip through unchecked unless it is named there; this test names
what the README promises and reads the configuration, no database.
"""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("portal", "requests", "flexibilities", "enforcement")
LAYERS = ("services", "selectors", "permissions")
ALSO = ("portal.workflow", "portal.forms", "portal.decorators")


def _mypy() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]


def _strict_patterns() -> set[str]:
    return {
        module
        for override in _mypy()["overrides"]
        if override.get("disallow_untyped_defs")
        for module in override["module"]
    }


def _is_strict(module: str, patterns: set[str]) -> bool:
    parts = module.split(".")
    return module in patterns or any(
        ".".join(parts[:i]) + ".*" in patterns for i in range(1, len(parts) + 1)
    )


def _layer_modules() -> list[str]:
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            if "migrations" in relative.parts:
                continue
            if any(part in LAYERS for part in relative.parts):
                parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
                found.append(".".join(parts))
    return found


def test_every_services_selectors_and_permissions_module_is_strict():
    patterns = _strict_patterns()
    modules = _layer_modules()
    assert "requests.permissions" in modules and "requests.services.drafting" in modules
    loose = [m for m in [*modules, *ALSO] if not _is_strict(m, patterns)]
    assert loose == [], f"add to the disallow_untyped_defs override in pyproject.toml: {loose}"


def test_every_checked_file_is_strict():
    """A file mypy reads but allows untyped definitions in is a rule with an exception."""
    patterns = _strict_patterns()
    loose = []
    for entry in _mypy()["files"]:
        # "requests/services" is a package: the pattern requests.services.* covers it
        if not _is_strict(entry.removesuffix(".py").replace("/", "."), patterns):
            loose.append(entry)
    assert loose == []
