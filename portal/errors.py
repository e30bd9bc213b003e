"""The application's errors, by what the caller should do with them (STYLE.md).

- django.core.exceptions.PermissionDenied: the actor lacks the right (403, or 404 where the
  object's existence is itself confidential); nothing was changed.
- django.core.exceptions.ValidationError (portal.workflow.WorkflowError among them): a rule
  is broken; the message is for the person, keyed by the field to blame; nothing was changed.
- PortalError: everything else the application raises on purpose (a file that cannot be
  read, an upload with bad rows, a delivery to try again later). Catch the subclass you
  handle; an uncaught PortalError is a bug.
"""


class PortalError(Exception):
    """The base of the application's own errors that are neither a right nor a rule."""
