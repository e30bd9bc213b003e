"""Form helpers shared by every app (the apps may import portal, not each other)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, field: str | None = None
) -> None:
    """Put a service's ValidationError beside the fields it names (or beside `field`, or at
    the top when it names none)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field, error.messages)


class Outcome:
    """What submitted() reports: true when the service went through, with what it returned."""

    def __init__(self, done: bool, result: Any = None) -> None:
        self.done, self.result = done, result

    def __bool__(self) -> bool:
        return self.done


def submitted(
    request: HttpRequest,
    form: forms.BaseForm,
    call: Callable[[dict[str, Any]], Any],
    done: str | Callable[[Any], str] | None,
    *,
    field: str | None = None,
) -> Outcome:
    """The view skeleton in one place: validate the form, call the service, say it is done.

    `call(cleaned_data)` runs the service; `done` is the success message (or a function of the
    service's result that returns it; None when the next page says it). On a refusal the
    service's ValidationError is put beside the fields it names (a refusal that names none
    goes beside `field`, or at the top) and the view renders the form again; nothing was
    changed. The outcome is true when the service went through and carries its result
    (`outcome.result`), e.g. the object to redirect to.
    """
    if not form.is_valid():
        return Outcome(False)
    try:
        result = call(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error, field)
        return Outcome(False)
    if done is not None:
        messages.success(request, done(result) if callable(done) else done)
    return Outcome(True, result)


class Confirm(forms.Form):
    """The form of a button that only calls a service (a move, a submission): no fields, so
    a refusal goes at the top, `form.non_field_errors()`."""
