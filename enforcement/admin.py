"""Staff manage the enforcement records here; workflow moves go through enforcement.services."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from enforcement import permissions, services
from enforcement.models import (
    Attendee,
    BestPractice,
    ConsultationMeeting,
    CountryReport,
    ExpertMission,
    InfringementStatistic,
    MissionMeeting,
    NationalCoordinator,
    Programme,
    ReportReview,
    ReportStatus,
    ReportVersion,
    ReviewAction,
)


def _every_field(admin_class) -> list[str]:
    """All the model's editable fields plus the admin's own read-only ones: nothing to change."""
    model = admin_class.model
    editable = [
        field.name
        for field in [*model._meta.fields, *model._meta.many_to_many]
        if field.editable and not field.auto_created
    ]
    return [*editable, *(name for name in admin_class.readonly_fields if name not in editable)]


class NationalCoordinatorInline(admin.TabularInline):
    model = NationalCoordinator
    autocomplete_fields = ["party"]
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "funder", "implementing_agency", "period_display", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["name", "funder", "implementing_agency", "description"]
    filter_horizontal = ["participating_parties", "team"]
    readonly_fields = ["key"]
    inlines = [NationalCoordinatorInline]

    @admin.display(description=_("period"))
    def period_display(self, programme):
        return programme.period_display


class MissionMeetingInline(admin.TabularInline):
    model = MissionMeeting
    autocomplete_fields = ["party"]
    extra = 0


@admin.register(ExpertMission)
class ExpertMissionAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "period_display", "assistance_request"]
    list_filter = ["programme"]
    list_select_related = ["programme", "assistance_request"]
    search_fields = ["title", "purpose", "findings", "other_experts", "parties__name"]
    filter_horizontal = ["parties", "experts"]
    raw_id_fields = ["assistance_request"]
    inlines = [MissionMeetingInline]

    @admin.display(description=_("dates"))
    def period_display(self, mission):
        return mission.period_display


class ReportVersionInline(admin.TabularInline):
    """Versions are added on the report's page (a service checks the file and the workflow)."""

    model = ReportVersion
    fields = ["number", "file_name", "size", "prepared_by", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReportReviewInline(admin.TabularInline):
    model = ReportReview
    fields = ["created_at", "action", "version", "from_status", "to_status", "actor", "comment"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CountryReport)
class CountryReportAdmin(admin.ModelAdmin):
    list_display = ["title", "party", "mission", "status", "approved_at"]
    list_filter = ["status", "party"]
    list_select_related = ["party", "mission"]
    search_fields = ["title", "summary", "party__name", "mission__title"]
    autocomplete_fields = ["party"]
    raw_id_fields = ["mission"]
    readonly_fields = ["status", "approved_at", "approved_version"]
    inlines = [ReportVersionInline, ReportReviewInline]
    actions = ["send_for_review"]

    # Scope: the staff who handle a report, as on the site (enforcement.permissions); anyone
    # else gets 404 on its change, history and delete pages, not a "does not exist" redirect.
    def get_queryset(self, request):
        return permissions.handled_reports(request.user).select_related("party", "mission")

    def _in_scope_or_404(self, request, object_id) -> None:
        if not str(object_id).isdigit() or not self.get_queryset(request).filter(pk=object_id):
            raise Http404

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    # Staff read the reports they handle here without a model permission (as in the triage
    # admin); changing one stays with the permissions Django grants.
    def has_module_permission(self, request):
        return permissions.is_staff(request.user)

    def has_view_permission(self, request, obj=None):
        if obj is not None and not permissions.handles_report(request.user, obj):
            return False
        return permissions.is_staff(request.user)

    def view_on_site(self, report):
        # The page itself, which checks who asks (the admin's generic redirect would not).
        return report.get_absolute_url()

    def get_readonly_fields(self, request, obj=None):
        # Past draft the report is the text the party reviews or approved: changing it here
        # would publish words the party never saw, or hand an approved report to another party.
        if obj is not None and obj.status != ReportStatus.DRAFT:
            return _every_field(self)
        return super().get_readonly_fields(request, obj)

    @admin.action(description=_("Send to the party for national review"))
    def send_for_review(self, request, queryset):
        sent = 0
        for report in queryset:
            try:
                services.review_report(report.pk, request.user, ReviewAction.SENT_FOR_REVIEW)
                sent += 1
            except ValidationError as error:
                reason = " ".join(error.messages)
                self.message_user(request, f"{report}: {reason}", messages.WARNING)
            except PermissionDenied:
                self.message_user(
                    request,
                    _("%(report)s: you may not send this report for review.") % {"report": report},
                    messages.WARNING,
                )
        self.message_user(request, _("%(count)s report(s) sent.") % {"count": sent})


class AttendeeInline(admin.TabularInline):
    model = Attendee
    autocomplete_fields = ["party"]
    extra = 0


@admin.register(ConsultationMeeting)
class ConsultationMeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "venue", "period_display", "programme"]
    list_select_related = ["programme", "host_party"]
    search_fields = ["title", "venue", "description"]
    autocomplete_fields = ["host_party"]
    filter_horizontal = ["invited_parties"]
    inlines = [AttendeeInline]

    @admin.display(description=_("dates"))
    def period_display(self, meeting):
        return meeting.period_display


@admin.register(BestPractice)
class BestPracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "scope", "party", "source_report", "source_meeting", "status"]
    list_filter = ["area", "scope", "status"]
    list_select_related = ["party", "source_report", "source_meeting"]
    search_fields = ["title", "description", "party__name"]
    autocomplete_fields = ["party"]
    raw_id_fields = ["source_report", "source_meeting"]
    # Adoption moves the status (services.adopt_best_practices), never the form.
    readonly_fields = ["status"]
    actions = ["adopt"]

    @admin.action(description=_("Record as adopted by the meeting (makes them public)"))
    def adopt(self, request, queryset):
        count = services.adopt_best_practices(queryset.values_list("pk", flat=True), request.user)
        self.message_user(request, _("%(count)s practice(s) adopted.") % {"count": count})


@admin.register(InfringementStatistic)
class InfringementStatisticAdmin(admin.ModelAdmin):
    list_display = [
        "party",
        "year",
        "agency_type",
        "agency_name",
        "metric",
        "ip_right",
        "product_category",
        "value",
        "currency",
        "released_at",
    ]
    list_filter = ["metric", "agency_type", "year", "is_demo"]
    list_select_related = ["party"]
    search_fields = ["party__name", "party__code", "agency_name", "note"]
    autocomplete_fields = ["party"]
    # Release stays the party's decision: staff see it here but cannot set it.
    readonly_fields = ["released_at", "released_by", "created_by", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        # A released figure is the party's published figure: only the party withdraws it,
        # and it must be withdrawn before staff correct it.
        if obj is not None and obj.is_released:
            return _every_field(self)
        return super().get_readonly_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
