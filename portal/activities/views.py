"""Public pages of the registry: published activities (recommendation 5) and the roster (6).

No page is cached: a withdrawn consent takes an activity off these pages at once.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.activities import exports, permissions, selectors, services
from portal.activities.filters import ActivityFilter
from portal.activities.forms import ActivityConsentForm
from portal.forms import submitted

PAGE_SIZE = 25


@never_cache
@require_GET
def activity_list(request):
    filterset = ActivityFilter(request.GET, queryset=selectors.activities_for_public_list())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    export_query = request.GET.copy()
    export_query.pop("page", None)
    return render(
        request,
        "portal/activities/list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "rows": selectors.summary_rows(page.object_list),
            "export_query": export_query.urlencode(),
        },
    )


@never_cache
@require_GET
def activity_export(request):
    """The filtered list as CSV, streamed row by row (the same filters as the page)."""
    filterset = ActivityFilter(request.GET, queryset=selectors.activities_for_public_list())
    if not filterset.is_valid():
        # Checked before streaming starts: a bad filter cannot fail halfway through the file.
        return HttpResponse(
            filterset.errors.as_text(), status=400, content_type="text/plain; charset=utf-8"
        )
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = StreamingHttpResponse(
        exports.csv_lines(filterset.qs.iterator(chunk_size=500), base_url),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="activities.csv"'
    return response


@never_cache
@require_GET
def activity_detail(request, pk: int):
    activity = permissions.get_activity_for_user(request.user, pk)
    return _render_detail(request, activity)


def _render_detail(request, activity, status=200, consent_form=None):
    user = request.user
    everything = permissions.can_see_everything(user, activity)
    details = permissions.can_see_details(user, activity)
    can_consent = permissions.can_consent(user, activity)
    consents = selectors.consent_overview(activity) if everything else []
    if can_consent and consent_form is None:
        own = next((c.consent for c in consents if c.party.pk == user.party.pk), None)
        consent_form = ActivityConsentForm(
            initial={"general": own.general, "details": own.details} if own else None
        )
    context = {
        "activity": activity,
        "see_everything": everything,
        "see_details": details,
        "can_consent": can_consent,
        "consent_form": consent_form,
        "consents": consents,
        "consultants": selectors.consultants_of(activity) if details else [],
        "timeliness": activity.timeliness() if everything else None,
    }
    return render(request, "portal/activities/detail.html", context, status=status)


@login_required
@require_POST
def activity_consent(request, pk: int):
    activity = permissions.get_activity_for_user(request.user, pk, for_edit=True)
    form = ActivityConsentForm(request.POST)
    if form.is_valid() and "confirmed" not in request.POST:
        withdrawn = _consent_withdrawn(activity, request.user, form.cleaned_data)
        if withdrawn:  # taking consent back unpublishes: say what, then ask again
            context = {"activity": activity, "form": form, "withdrawn": withdrawn}
            return render(request, "portal/activities/consent_withdraw.html", context)
    if submitted(
        request,
        form,
        lambda data: services.record_consent(activity, actor=request.user, **data),
        _("Your party's consent has been recorded."),
    ):
        return redirect(activity)
    return _render_detail(request, activity, status=400, consent_form=form)


def _consent_withdrawn(activity, user, data) -> list[str]:
    """The labels of the consents the user's party gave before that this answer takes back."""
    party = getattr(user, "party", None)
    before = services.latest_consents(activity).get(party.pk) if party else None
    if before is None:
        return []
    given = {"general": before.general, "details": before.details}
    return [
        str(ActivityConsentForm.base_fields[name].label)
        for name, was in given.items()
        if was and not data[name]
    ]


@never_cache
@require_GET
def roster_list(request):
    page = Paginator(selectors.roster(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/roster/list.html", {"page_obj": page})


@never_cache
@require_GET
def roster_detail(request, pk: int):
    consultant = permissions.get_consultant_for_user(request.user, pk)
    return render(
        request,
        "portal/roster/detail.html",
        {
            "consultant": consultant,
            "rows": selectors.summary_rows(selectors.public_activities_of(consultant)),
            "show_contact": permissions.can_see_contact_details(request.user),
        },
    )
