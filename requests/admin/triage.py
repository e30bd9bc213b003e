"""The staff triage desk in the Django admin: the same scopes and services as the site."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from portal.admin_development import development_status_filter
from portal.roles import is_triage
from requests import services
from requests.admin.activity_inline import RequestActivityInline
from requests.admin.forms import AssignForm, GrantForm, TransitionForm
from requests.admin.inlines import DocumentInline, MessageInline, StatusChangeInline
from requests.forms import add_service_errors
from requests.models import OPEN_STATUSES, AccessGrant, AssistanceRequest, Message, Status
from requests.permissions import (
    can_grant_access,
    can_view,
    can_work_on,
    is_request_staff,
    visible_requests,
)


class OverdueFilter(admin.SimpleListFilter):
    title = _("time frame")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("On time"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        late = Q(status__in=OPEN_STATUSES) & (
            Q(due_date__lt=today) | Q(due_date__isnull=True, wished_by__lt=today)
        )
        if self.value() == "yes":
            return queryset.filter(late)
        if self.value() == "no":
            return queryset.exclude(late)
        return queryset


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(SimpleHistoryAdmin):
    list_display = [
        "reference",
        "party",
        "region",
        "kind",
        "status",
        "age",
        "time_frame",
        "assigned_officer",
        "overdue",
    ]
    list_filter = [
        "status",
        "kind",
        "party__region",
        development_status_filter("party"),
        "assigned_officer",
        OverdueFilter,
    ]
    search_fields = ["reference", "title", "party__name", "party__code"]
    date_hierarchy = "submitted_at"
    list_select_related = ["party", "assigned_officer"]
    list_per_page = 50
    # One COUNT over the visible scope is enough; a second over "all" would repeat it.
    show_full_result_count = False
    ordering = ["-submitted_at", "-pk"]
    actions = ["acknowledge", "start_review"]
    inlines = [StatusChangeInline, MessageInline, DocumentInline, RequestActivityInline]
    change_form_template = "admin/requests/assistancerequest/change_form.html"
    view_on_site = False  # the site's page is the party's; staff work here
    fields = [
        "reference",
        "party",
        "beneficiaries",
        "kind",
        "purpose",
        "legal_areas",
        "policy_format",
        "venue",
        "treaties",
        "title",
        "description",
        "wished_by",
        "due_date",
        "status",
        "assigned_officer",
        "decline_reason",
        "consent_general",
        "consent_details",
        "submitted_by",
        "submitted_at",
        "last_activity_at",
    ]
    readonly_fields = fields

    # Scope and rights: the same decisions as the site (requests.permissions).
    def get_queryset(self, request):
        return visible_requests(request.user).select_related("party", "assigned_officer")

    def has_module_permission(self, request):
        return is_request_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return is_request_staff(request.user) and (obj is None or can_view(request.user, obj))

    def _in_scope_or_404(self, request, object_id) -> None:
        if not str(object_id).isdigit() or not self.get_queryset(request).filter(pk=object_id):
            raise Http404

    # simple-history's pages fetch historical rows themselves: scope them like the rest.
    def history_view(self, request, object_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._in_scope_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_change_permission(self, request, obj=None):
        # "Change" here means writing messages; the record itself is read-only.
        return is_request_staff(request.user) and (obj is None or can_work_on(request.user, obj))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("region"), ordering="party__region")
    def region(self, obj):
        return obj.party.get_region_display()

    @admin.display(description=_("age"), ordering="submitted_at")
    def age(self, obj):
        if not obj.submitted_at:
            return "—"
        days = (timezone.now() - obj.submitted_at).days
        return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}

    @admin.display(description=_("time frame"), ordering="due_date")
    def time_frame(self, obj):
        return obj.time_frame or "—"

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, obj):
        return obj.is_overdue

    # Bulk actions: each request goes through the workflow service; refusals are reported.
    def _bulk_move(self, request, queryset, to_status):
        moved, refused = 0, []
        for assistance_request in queryset:
            try:
                services.transition(assistance_request, to_status, actor=request.user)
                moved += 1
            except ValidationError as error:
                refused.append(f"{assistance_request.reference}: {' '.join(error.messages)}")
        if moved:
            self.message_user(request, _("%(n)d request(s) moved.") % {"n": moved})
        for line in refused:
            self.message_user(request, line, level=messages.ERROR)

    @admin.action(description=_("Acknowledge the selected requests"))
    def acknowledge(self, request, queryset):
        self._bulk_move(request, queryset, Status.ACKNOWLEDGED)

    @admin.action(description=_("Start reviewing the selected requests"))
    def start_review(self, request, queryset):
        self._bulk_move(request, queryset, Status.UNDER_REVIEW)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        assistance_request = self.get_object(request, object_id)
        if assistance_request is None:
            raise Http404
        if request.method == "GET":
            services.record_access(assistance_request, user=request.user, what=_("admin page"))
        extra_context = {
            **(extra_context or {}),
            **self._workflow_context(request, assistance_request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _workflow_context(self, request, assistance_request, **bound):
        may_work = can_work_on(request.user, assistance_request)
        return {
            "may_work": may_work,
            "may_assign": is_triage(request.user) and assistance_request.status != Status.DRAFT,
            "transition_form": bound.get("transition_form")
            or TransitionForm(assistance_request=assistance_request, user=request.user),
            "assign_form": bound.get("assign_form")
            or AssignForm(initial={"officer": assistance_request.assigned_officer}),
            "grant_form": bound.get("grant_form") or GrantForm(),
            "grants": assistance_request.access_grants.filter(revoked_at=None).select_related(
                "party", "user"
            ),
        }

    def save_formset(self, request, form, formset, change):
        # New messages go through the service (author, notification); nothing else is editable.
        if formset.model is not Message:
            return
        for inline_form in formset.forms:
            if inline_form.has_changed() and not inline_form.instance.pk:
                try:
                    services.post_message(
                        form.instance,
                        actor=request.user,
                        body=inline_form.cleaned_data["body"],
                        internal=inline_form.cleaned_data.get("internal", False),
                    )
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), level=messages.ERROR)

    def save_model(self, request, obj, form, change):
        """The request's own fields are read-only: the workflow panel changes them."""

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/transition/",
                self.admin_site.admin_view(self.transition_view),
                name="requests_assistancerequest_transition",
            ),
            path(
                "<path:object_id>/assign/",
                self.admin_site.admin_view(self.assign_view),
                name="requests_assistancerequest_assign",
            ),
            path(
                "<path:object_id>/grant/",
                self.admin_site.admin_view(self.grant_view),
                name="requests_assistancerequest_grant",
            ),
            path(
                "<path:object_id>/revoke/<int:grant_id>/",
                self.admin_site.admin_view(self.revoke_view),
                name="requests_assistancerequest_revoke",
            ),
        ]
        return own + super().get_urls()

    def _fetch(self, request, object_id):
        assistance_request = self.get_object(request, object_id)
        if assistance_request is None:
            raise Http404
        if request.method != "POST":
            raise PermissionDenied
        return assistance_request

    def _done(self, request, assistance_request, message):
        self.message_user(request, message, level=messages.SUCCESS)
        return redirect(
            reverse("admin:requests_assistancerequest_change", args=[assistance_request.pk])
        )

    def _invalid(self, request, assistance_request, **bound):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": assistance_request,
            "title": _("Correct the workflow form"),
            **self._workflow_context(request, assistance_request, **bound),
        }
        return TemplateResponse(
            request, "admin/requests/assistancerequest/workflow.html", context, status=400
        )

    def transition_view(self, request, object_id):
        assistance_request = self._fetch(request, object_id)
        form = TransitionForm(
            request.POST, request.FILES, assistance_request=assistance_request, user=request.user
        )
        if form.is_valid():
            # expected_status is the status the staff member saw: if it changed meanwhile,
            # the service refuses.
            data = {k: v for k, v in form.cleaned_data.items() if k != "to_status"}
            try:
                services.transition(
                    assistance_request, form.cleaned_data["to_status"], actor=request.user, **data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return self._done(request, assistance_request, _("The request has moved."))
        return self._invalid(request, assistance_request, transition_form=form)

    def assign_view(self, request, object_id):
        assistance_request = self._fetch(request, object_id)
        form = AssignForm(request.POST)
        if form.is_valid():
            try:
                services.assign_officer(
                    assistance_request, form.cleaned_data["officer"], actor=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return self._done(request, assistance_request, _("Officer assigned."))
        return self._invalid(request, assistance_request, assign_form=form)

    def grant_view(self, request, object_id):
        assistance_request = self._fetch(request, object_id)
        if not can_grant_access(request.user, assistance_request):
            raise PermissionDenied
        form = GrantForm(request.POST)
        if form.is_valid():
            try:
                services.grant_access(assistance_request, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return self._done(request, assistance_request, _("Access granted."))
        return self._invalid(request, assistance_request, grant_form=form)

    def revoke_view(self, request, object_id, grant_id):
        assistance_request = self._fetch(request, object_id)
        if not can_grant_access(request.user, assistance_request):
            raise PermissionDenied
        grant = AccessGrant.objects.filter(
            pk=grant_id, assistance_request=assistance_request
        ).first()
        if grant is None:
            raise Http404
        services.revoke_access(grant, actor=request.user)
        return self._done(request, assistance_request, _("Access revoked."))
