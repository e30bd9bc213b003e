"""The demo world's loaders, in the order the apps start: each app registers its own in
AppConfig.ready, and `manage.py load_demo` runs them (the core names no feature app)."""

from collections.abc import Callable

Loader = Callable[[], str]  # creates what is missing, returns a one-line summary
_loaders: list[tuple[str, Loader]] = []


def register(label: str, load: Loader) -> None:
    """Add an app's loader (`label` names it in load_demo's output); once per loader."""
    if all(existing is not load for _label, existing in _loaders):
        _loaders.append((label, load))


def loaders() -> list[tuple[str, Loader]]:
    return list(_loaders)
