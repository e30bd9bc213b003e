"""Who may change the flexibilities database (DESIGN.md s.4: the public reads, staff curate)."""

from django.core.exceptions import PermissionDenied

from portal.actors import Actor

CURATE = "flexibilities.change_provision"


def can_curate(user: Actor | None) -> bool:
    """Staff with the curation permission; None is the server itself (a command or a task run
    by an operator), which acts for whoever started it."""
    if user is None:
        return True
    return bool(user.is_authenticated and user.is_active and user.is_staff) and user.has_perm(
        CURATE
    )


def check_curator(user: Actor | None) -> None:
    if not can_curate(user):
        raise PermissionDenied
