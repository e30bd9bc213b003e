"""The staff triage desk in the Django admin: the same scopes and services as the site.

The list opens on the user's queue (requests.selectors.QUEUES); a request opens on its case
page (requests.admin.case).
"""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from portal.admin_development import development_status_filter
from portal.pagination import EstimatedCountPaginator
from portal.roles import is_triage
from requests import selectors, services
from requests.admin.case import CaseAdminMixin
from requests.admin.display import countdown, is_late
from requests.models import AssistanceRequest, SavedReply, Status
from requests.permissions import (
    can_change_saved_reply,
    can_manage_saved_replies,
    can_move_in_bulk,
    can_take,
    can_view,
    is_request_staff,
    visible_requests,
)


def _counts(request) -> dict[str, int]:
    """The queues' counts, once per page (the filter and the tabs both show them)."""
    if not hasattr(request, "_desk_queue_counts"):
        request._desk_queue_counts = selectors.queue_counts(request.user)
    return request._desk_queue_counts


class QueueFilter(admin.SimpleListFilter):
    """?queue=...: every queue a URL to share; without one, the user's own queue."""

    title = _("queue")
    parameter_name = "queue"
    template = "admin/requests/assistancerequest/_queue_filter.html"  # the tabs show it

    def value(self):
        return selectors.queue_or_default(self.request.user, super().value())

    def __init__(self, request, params, model, model_admin):
        self.request = request
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return selectors.QUEUES

    def queryset(self, request, queryset):
        return selectors.in_queue(queryset, request.user, self.value())


def _take_it_for(user):
    """A row's "Take it" for this person: it posts the list's own form (and its CSRF token)
    to the take URL, so it works without JavaScript."""

    @admin.display(description=_("action"))
    def take_it(obj):
        if not can_take(user, obj):
            return ""
        # The name starts with the visible words, then the reference (WCAG 2.5.3, label in
        # name). No hidden span: an absolute one escapes the list's scrolling box at 390 px.
        return format_html(
            '<button type="submit" class="button" formaction="{}" formnovalidate '
            'aria-label="{} ({})">{}</button>',
            reverse("admin:requests_assistancerequest_take", args=[obj.pk]),
            _("Take it"),
            obj.reference,
            _("Take it"),
        )

    return take_it


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(CaseAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "reference",
        "title_short",
        "party",
        "status",
        "time_frame",
        "assigned_officer",
    ]
    list_filter = [
        QueueFilter,
        "status",
        "kind",
        "region",  # the request's own column, not a join to its party
        development_status_filter("party"),
    ]
    show_facets = admin.ShowFacets.NEVER  # a count per choice over the scope on every page
    search_fields = ["reference", "title", "party__name", "party__code"]
    date_hierarchy = "submitted_at"
    list_select_related = ["party", "assigned_officer"]
    list_per_page = 50
    # One count, of the queue shown, exact up to what one pages through, else estimated: no
    # second count over the whole scope, no exact count of a bureau's tens of thousands.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    # Read in the order of an index: the queues' partial indexes are by newest submission,
    # the references unique; the other columns would sort the whole queue on every page.
    ordering = ["-submitted_at", "-pk"]
    sortable_by = ["reference"]
    actions = ["acknowledge", "start_review"]
    view_on_site = False  # the site's page is the party's; staff work here

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
        # Nothing is edited through a generic form: the case page's actions change a request.
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        """Bulk moves only for those who may make them (the bureau reads, it does not move)."""
        if not can_move_in_bulk(request.user):
            return {}
        return super().get_actions(request)

    def changelist_view(self, request, extra_context=None):
        current = selectors.queue_or_default(request.user, request.GET.get("queue"))
        counts = _counts(request)
        queues = [
            {
                "key": key,
                "label": label,
                "count": selectors.queue_count_label(counts[key]),
                "current": key == current,
            }
            for key, label in selectors.QUEUES
        ]
        label = dict(selectors.QUEUES)[current]
        extra_context = {**(extra_context or {}), "queues": queues, "title": label}
        return super().changelist_view(request, extra_context)

    def action_checkbox(self, obj):
        """Django's checkbox, written here rather than through a widget template per row
        (the same markup; tests/requests/test_request_rights.py compares them)."""
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )

    @admin.display(description=_("title"), ordering="title")
    def title_short(self, obj):
        return obj.title if len(obj.title) <= 60 else obj.title[:57] + "…"

    @admin.display(description=_("time frame"), ordering="due_date")
    def time_frame(self, obj):
        if obj.time_frame is None:
            return "—"
        text = countdown(obj)
        if is_late(obj):
            return format_html('<strong class="desk-late">{}</strong>', text)
        return text or obj.time_frame

    def get_list_display(self, request):
        return [*super().get_list_display(request), _take_it_for(request.user)]

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


@admin.register(SavedReply)
class SavedReplyAdmin(TranslationAdmin):
    """Texts the desk inserts into replies, in six languages, which may also move the request
    and assign it: the triage desk keeps the shared ones, each member of request staff their
    own."""

    list_display = ["title", "shared", "to_status", "assignee", "updated_by", "updated_at"]
    list_filter = ["shared"]
    search_fields = ["title", "body"]
    fields = ["title", "body", "to_status", "assignee", "shared"]

    def get_queryset(self, request):
        return selectors.saved_replies(request.user).select_related("assignee", "updated_by")

    def has_module_permission(self, request):
        return is_request_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return is_request_staff(request.user)

    def has_add_permission(self, request):
        return can_manage_saved_replies(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return can_manage_saved_replies(request.user)
        return can_change_saved_reply(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def get_changeform_initial_data(self, request):
        # Only the triage desk shares; the others' new replies are their own.
        return {"shared": is_triage(request.user)}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        triage = is_triage(request.user)

        class SavedReplyForm(form_class):  # type: ignore[valid-type,misc]
            def clean_shared(self):
                shared = self.cleaned_data.get("shared")
                if shared and not triage:
                    raise ValidationError(_("Only the triage desk shares saved replies."))
                return shared

        return SavedReplyForm

    def save_model(self, request, obj, form, change):
        services.save_saved_reply(obj, actor=request.user)
