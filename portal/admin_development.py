"""The admin's view of development status: a filter by status today, and the party's records.

The records are loaded from portal/reference/development_status.csv (one source of truth), so
the admin shows them read-only, each with its source, and says where to change them.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.development import has_status
from portal.models import DevelopmentStatus, StatusKind

FILTERABLE = [
    StatusKind.LDC,
    StatusKind.LLDC,
    StatusKind.SIDS,
    StatusKind.DEVELOPING,
    StatusKind.TRANSITION,
    StatusKind.DEVELOPED,
]


def development_status_filter(party_ref: str = "pk") -> type[admin.SimpleListFilter]:
    """A list filter on the party's status today; party_ref leads from the row to the party."""

    class DevelopmentStatusFilter(admin.SimpleListFilter):
        title = _("development status today")
        parameter_name = "development_status"

        def lookups(self, request, model_admin):
            return [(kind.value, kind.label) for kind in FILTERABLE]

        def queryset(self, request, queryset):
            if self.value() not in {kind.value for kind in FILTERABLE}:
                return queryset
            return queryset.filter(has_status(self.value(), timezone.localdate(), party_ref))

    return DevelopmentStatusFilter


class DevelopmentStatusInline(admin.TabularInline):
    model = DevelopmentStatus
    fields = readonly_fields = [
        "kind",
        "starts",
        "ends",
        "basis",
        "source_title",
        "source_url",
        "checked_on",
        "recheck_by",
        "note",
    ]
    extra = 0
    can_delete = False
    verbose_name_plural = _(
        "development status records (from portal/reference/development_status.csv: edit that "
        "file and run manage.py refresh_development_status)"
    )

    def has_add_permission(self, request, obj=None):
        return False
