"""The tasks a service queues, found by name.

A tasks module imports its app's services (a task runs a service), so a service cannot import
its tasks module back without a cycle. Each app hands its tasks over at start-up instead
(`provide` in AppConfig.ready, which runs in the web processes and in the workers alike), and
a service asks for one by its Celery name (`task`).
"""

from typing import Any

_tasks: dict[str, Any] = {}


def provide(*tasks: Any) -> None:
    """Make Celery tasks available to the services by their names (`task.name`)."""
    for task in tasks:
        _tasks[task.name] = task


def task(name: str) -> Any:
    """The task of that Celery name; a missing one is a start-up bug, said plainly."""
    try:
        return _tasks[name]
    except KeyError:
        raise LookupError(f"No task {name!r}: its app provides it in AppConfig.ready.") from None
