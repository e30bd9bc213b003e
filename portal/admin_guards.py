"""Every admin page, third-party ones included, answers a bad query value without a 500.

The admin reads its query string in three places that trust it: the changelist's filters and
date drill-down, the changelist's query (run against columns whose type refuses the text:
inet, integers past their range), and an add page's initial values (`?party=3` prefills the
party). Each guard below wraps Django's own method once, for every ModelAdmin at once; a bad
filter then goes back to the list with Django's "bad filter" warning (?e=1), and a bad initial
value is dropped, so the add page opens empty for that field.
"""

import functools

from django.contrib.admin.options import IncorrectLookupParameters, ModelAdmin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import DataError, transaction


def install() -> None:
    if getattr(ChangeList.get_filters, "guarded", False):
        return
    ChangeList.get_filters = _as_bad_lookup(ChangeList.get_filters, ValueError, OverflowError)
    ChangeList.get_results = _in_savepoint(_as_bad_lookup(ChangeList.get_results, DataError))
    ModelAdmin.get_changeform_initial_data = _valid_initial(ModelAdmin.get_changeform_initial_data)


def _as_bad_lookup(method, *errors):
    """The method, with those errors turned into the admin's "bad filter" (IncorrectLookup).

    Django 5.2 catches only ValueError around a drill-down's dates, so ?<field>__year=9999 (its
    following year overflows) escaped as a 500 (fixed upstream after 5.2); and a filter value
    the column's type refuses (?ip_address=abc on inet) fails only when the list is counted.
    """

    @functools.wraps(method)
    def guarded(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except errors as error:
            raise IncorrectLookupParameters(error) from error

    guarded.guarded = True
    return guarded


def _in_savepoint(method):
    """Run in a savepoint, so a refused query leaves any surrounding transaction usable."""

    @functools.wraps(method)
    def guarded(*args, **kwargs):
        with transaction.atomic():
            return method(*args, **kwargs)

    return guarded


def _valid_initial(method):
    """Initial values from the query string, each kept only if its form field accepts it."""

    @functools.wraps(method)
    def guarded(self, request):
        initial = method(self, request)
        if not initial:
            return initial
        fields = self.get_form(request).base_fields
        for name, value in list(initial.items()):
            field = fields.get(name)
            if field is None:
                continue
            try:
                with transaction.atomic():
                    field.clean(value)
            except (ValidationError, ValueError, TypeError, OverflowError, DataError):
                del initial[name]
        return initial

    return guarded
