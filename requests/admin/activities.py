"""Staff record the activities an accepted request leads to (recommendation 1: time frames).

The request's case page lists its activities (requests.admin.case); its "Record an
activity" link opens this form, which creates the activity and its link in one step through
requests.services.activities.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.activities.permissions import records_activities
from portal.forms import submitted
from portal.models import Activity, Consultant, Party, Recommendation
from requests.models import AssistanceRequest, RequestActivity
from requests.permissions import (
    is_request_staff,
    requests_open_to_activities,
    visible_requests,
)
from requests.services import activities as services

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def linkable_requests(user) -> QuerySet[AssistanceRequest]:
    return requests_open_to_activities(user, services.LEADS_TO_ACTIVITIES)


class ActivityFromRequestForm(forms.ModelForm):
    """The activity's own fields plus the accepted request it is delivered on."""

    assistance_request = forms.ModelChoiceField(label=_("Assistance request"), queryset=None)

    class Meta:
        model = Activity
        fields = [
            "type",
            "title",
            "description",
            "status",
            "planned_start",
            "planned_end",
            "due_date",
            "beneficiaries",
            "venue",
            "online",
            "recommendations",
            "consultants",
        ]
        widgets = {
            "planned_start": _DATE,
            "planned_end": _DATE,
            "due_date": _DATE,
            "beneficiaries": forms.SelectMultiple(attrs={"size": 8}),
            "recommendations": forms.SelectMultiple(attrs={"size": 10}),
            "consultants": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assistance_request"].queryset = linkable_requests(user).select_related("party")
        self.fields["beneficiaries"].queryset = Party.objects.order_by("name")
        self.fields["recommendations"].queryset = Recommendation.objects.order_by("number")
        self.fields["consultants"].queryset = Consultant.objects.order_by("name")
        self.fields["beneficiaries"].help_text = _(
            "The requesting party by default; each beneficiary must consent before publication."
        )


@admin.register(RequestActivity)
class RequestActivityAdmin(admin.ModelAdmin):
    list_display = ["assistance_request", "activity", "activity_status", "linked_by", "linked_at"]
    list_select_related = ["assistance_request", "activity", "linked_by"]
    search_fields = ["assistance_request__reference", "activity__title"]

    def get_queryset(self, request):
        scope = visible_requests(request.user).values("pk")
        return super().get_queryset(request).filter(assistance_request__in=scope)

    @admin.display(description=_("status of the activity"))
    def activity_status(self, link):
        return link.activity.get_status_display()

    def has_module_permission(self, request):
        return is_request_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return is_request_staff(request.user)

    def has_add_permission(self, request):
        return is_request_staff(request.user) and records_activities(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        """One form: the activity and the request it is delivered on, saved together."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        initial = {}
        chosen = request.GET.get("assistance_request")
        if chosen and chosen.isdigit():
            assistance_request = visible_requests(request.user).filter(pk=chosen).first()
            if assistance_request is not None:
                initial = {
                    "assistance_request": assistance_request,
                    "beneficiaries": [assistance_request.party],
                    "due_date": assistance_request.due_date,
                }
        form = ActivityFromRequestForm(request.POST or None, initial=initial, user=request.user)

        def record(data):
            fields = dict(data)
            assistance_request = fields.pop("assistance_request")
            services.create_activity_for_request(assistance_request, actor=request.user, **fields)
            return assistance_request

        outcome = request.method == "POST" and submitted(
            request, form, record, _("Activity recorded.")
        )
        if outcome:
            return redirect(
                reverse("admin:requests_assistancerequest_change", args=[outcome.result.pk])
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Record an activity delivered on a request"),
            "form": form,
        }
        return TemplateResponse(
            request,
            "admin/requests/requestactivity/add_form.html",
            context,
            status=400 if form.is_bound and form.errors else 200,
        )
