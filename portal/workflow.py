"""One idiom for every model with a status (STYLE.md, after django-oscar's order pipeline).

Each model keeps its transitions as data beside it: `{from_status: {to_status: who}}`, where
`who` names a role its app's permissions module understands. `move()` is the only code that
writes such a status: it locks the row, refuses a move the table does not list (a broken rule:
WorkflowError) or an actor without the right (PermissionDenied), lets the app check the move's
own requirements and set its fields, saves, and lets the app write its history row and queue
its notifications, all in the caller's transaction. Each move leaves a history row: a
portal.StatusHistory row, unless the app keeps its own richer history (history=False: the
requests' StatusChange, the country reports' ReportReview, written by their `record`).

The one exception to "every status moves here" is the outbox's delivery state
(portal.notifications.services): a delivery attempt is claimed, sent, failed or retried by
a guarded UPDATE, many rows at once, by the workers themselves; that is the queue's
bookkeeping, not a decision anyone takes, and its attempts and last error are its history.
"""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from portal.models.workflow import StatusHistory

# {from_status: {to_status: who}}; statuses are TextChoices (str) members.
Table = Mapping[Any, Mapping[Any, Any]]
M = TypeVar("M", bound=models.Model)


class WorkflowError(ValidationError):
    """A move the workflow does not allow now; nothing was changed."""


def targets(table: Table, status: str) -> Mapping[str, str]:
    """{to_status: who} of the moves the table lists from `status`."""
    return table.get(status, {})


def route(table: Table, start: str, status: str) -> list[str]:
    """The shortest sequence of moves from `start` to `status` (demo data and tests)."""
    routes: dict[str, list[str]] = {start: []}
    frontier = [start]
    while frontier:
        current = frontier.pop(0)
        for target in table.get(current, {}):
            if target not in routes:
                routes[target] = [*routes[current], target]
                frontier.append(target)
    return routes[status]


def move(
    obj: M,
    to_status: str,
    *,
    actor: Any,
    table: Table,
    may: Callable[[Any, M, str, str], bool],
    expected_status: str | None = None,
    prepare: Callable[[M, str], None] | None = None,
    record: Callable[[M, str], None] | None = None,
    field: str = "status",
    history: bool = True,
) -> M:
    """Move `obj` to `to_status` along `table`; returns the locked, saved row.

    may(actor, locked, who, to_status) answers for the role the table names. prepare(locked,
    to_status) checks the move's requirements (raising ValidationError) and sets the fields
    that go with it; record(locked, from_status) writes the history row and queues
    notifications. Call inside a transaction (move opens one if the caller has none).
    """
    with transaction.atomic():
        locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        current = getattr(locked, field)
        # The status the actor saw (a form's hidden field, or the object they hold).
        if current != (expected_status or getattr(obj, field)):
            raise WorkflowError(
                _("Someone else changed this meanwhile: it is now “%(status)s”.")
                % {"status": _label(locked, field)}
            )
        who = targets(table, current).get(to_status)
        if who is None:
            raise WorkflowError(
                _("This cannot be moved from “%(status)s” to “%(target)s”.")
                % {"status": _label(locked, field), "target": _label(locked, field, to_status)}
            )
        if not may(actor, locked, who, to_status):
            raise PermissionDenied
        if prepare is not None:
            prepare(locked, to_status)
        setattr(locked, field, to_status)
        locked.save()
        if history:
            StatusHistory.objects.create(
                content_type=ContentType.objects.get_for_model(locked),
                object_id=locked.pk,
                field=field,
                from_status=current,
                to_status=to_status,
                actor=actor if getattr(actor, "pk", None) else None,
            )
        if record is not None:
            record(locked, current)
    return locked


def moves_of(obj: models.Model) -> models.QuerySet[StatusHistory]:
    """The moves of `obj`, oldest first (for the workflows move() keeps the history of)."""
    return StatusHistory.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("actor")


def _label(obj: models.Model, field: str, value: str | None = None) -> str:
    choices = dict(obj._meta.get_field(field).flatchoices)  # type: ignore[union-attr]
    value = getattr(obj, field) if value is None else value
    return str(choices.get(value, value))
