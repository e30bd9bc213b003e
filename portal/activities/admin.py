"""Staff record activities in the admin; publication is never edited here, only consented to."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.activities import permissions, services
from portal.models import Activity, ActivityConsent, ActivityStatus
from portal.timeframes import LABELS


class ActivityConsentInline(admin.TabularInline):
    """The consent history, read-only: only a party's focal point writes it."""

    model = ActivityConsent
    extra = 0
    can_delete = False
    fields = ["party", "general", "details", "by", "at", "source"]
    readonly_fields = fields
    verbose_name_plural = _("consent history (recommendation 5)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "type",
        "status",
        "planned_start",
        "due_date",
        "time_frame",
        "general_info_public",
        "details_public",
    ]
    list_filter = [
        "type",
        "status",
        "general_info_public",
        "details_public",
        "beneficiaries__region",
    ]
    search_fields = ["title", "description", "beneficiaries__name"]
    date_hierarchy = "planned_start"
    autocomplete_fields = ["beneficiaries", "recommendations", "consultants"]
    # The status moves only through the workflow (portal.workflow.move): the actions below.
    readonly_fields = [
        "status",
        "general_info_public",
        "details_public",
        "created_by",
        "created_at",
    ]
    actions = ["start", "complete", "cancel"]
    inlines = [ActivityConsentInline]
    fieldsets = [
        (None, {"fields": ["type", "title", "description", "status"]}),
        (
            _("Dates and time frame"),
            {"fields": ["planned_start", "planned_end", "actual_start", "actual_end", "due_date"]},
        ),
        (
            _("Who, where, what"),
            {"fields": ["beneficiaries", "venue", "online", "recommendations", "consultants"]},
        ),
        (
            _("Publication (set only by the beneficiaries' consent)"),
            {"fields": ["general_info_public", "details_public", "created_by", "created_at"]},
        ),
    ]

    @admin.display(description=_("on time?"))
    def time_frame(self, activity):
        return LABELS.get(activity.timeliness(), "—")

    def get_queryset(self, request):
        # The one rule (permissions.staff_activities): an activity on a request another
        # region's bureau or an unassigned officer cannot see is not in their list, and its
        # change form (GET or POST) answers as for a missing object.
        return permissions.staff_activities(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        if obj is not None:
            return permissions.can_edit(request.user, obj)
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return permissions.records_activities(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is not None and not permissions.can_edit(request.user, obj):
            return False
        return permissions.records_activities(request.user)

    def has_delete_permission(self, request, obj=None):
        # The consent history goes with an activity: only a superuser removes one.
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        # Through the services, which set the related parties with the row and recompute the
        # publication flags from the consents (a new beneficiary who has not consented
        # unpublishes the activity).
        related = {name: form.cleaned_data[name] for name in services.RELATED}
        if change:
            services.update_activity(obj, actor=request.user, **related)
        else:
            services.add_activity(obj, actor=request.user, **related)

    def _move(self, request, queryset, to_status) -> None:
        moved = refused = 0
        for activity in queryset:
            try:
                services.move_activity(activity, to_status, actor=request.user)
            except (ValidationError, PermissionDenied):
                refused += 1
            else:
                moved += 1
        if moved:
            self.message_user(
                request,
                ngettext("%(count)d activity moved.", "%(count)d activities moved.", moved)
                % {"count": moved},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d activity could not be moved from its status, or is not yours to"
                    " move.",
                    "%(count)d activities could not be moved from their status, or are not yours"
                    " to move.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )

    @admin.action(description=_("Mark the selected activities as in progress"))
    def start(self, request, queryset):
        self._move(request, queryset, ActivityStatus.IN_PROGRESS)

    @admin.action(description=_("Mark the selected activities as completed"))
    def complete(self, request, queryset):
        self._move(request, queryset, ActivityStatus.COMPLETED)

    @admin.action(description=_("Cancel the selected activities"))
    def cancel(self, request, queryset):
        self._move(request, queryset, ActivityStatus.CANCELLED)

    def save_related(self, request, form, formsets, change):
        # The many-to-many fields were set by the service in save_model: only the inlines.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
