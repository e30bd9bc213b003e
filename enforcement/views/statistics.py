import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from enforcement import charts, permissions, selectors, services
from enforcement.filters import StatisticFilter
from enforcement.forms import ReleaseForm, StatisticForm, StatisticsUploadForm
from enforcement.models import MONETARY_METRICS
from enforcement.statistics_csv import TEMPLATE_ROWS
from portal.forms import submitted
from portal.models import Party

PAGE_SIZE = 50


@require_GET
def statistics(request):
    """Figures by year and agency for one metric: two charts and the table behind them."""
    statistic_list = selectors.statistic_list(request.user)
    filterset = StatisticFilter(request.GET, queryset=statistic_list, user=request.user)
    rows = filterset.qs if filterset.is_valid() else statistic_list.none()
    valid = filterset.is_valid()
    chart_data = _charts(rows, filterset.form.cleaned_data.get("metric")) if valid else {}
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filter": filterset, "page_obj": page, **chart_data}
    return render(request, "enforcement/statistics.html", context)


def _charts(rows, metric: str) -> dict:
    unit = ""
    if metric in MONETARY_METRICS:
        currencies = selectors.currencies(rows)
        if len(currencies) > 1:
            # Adding up amounts in different currencies would draw a meaningless total.
            return {"mixed_currencies": currencies}
        unit = currencies[0] if currencies else ""
    by_year = selectors.totals_by_year(rows)
    by_agency = selectors.totals_by_agency_and_year(rows)
    return {"unit": unit, **charts.statistics_charts(by_year, by_agency)}


# The figures behind the charts, downloaded with the same filters (and the same visibility).
DOWNLOAD_FIELDS = [
    "party", "year", "agency_type", "agency_name", "metric", "ip_right", "product_category",
    "value", "currency", "note",
]  # fmt: skip


@require_GET
def statistics_download(request, suffix: str):
    filterset = StatisticFilter(
        request.GET, queryset=selectors.statistic_list(request.user), user=request.user
    )
    if not filterset.is_valid():
        text = filterset.errors.as_text()
        return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")
    records = [
        {**{name: getattr(row, name) for name in DOWNLOAD_FIELDS}, "party": row.party.code}
        for row in filterset.qs.order_by("party__code", "year", "agency_type", "pk")
    ]
    if suffix == "json":
        response = JsonResponse(records, safe=False, json_dumps_params={"ensure_ascii": False})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.DictWriter(response, fieldnames=DOWNLOAD_FIELDS)
        writer.writeheader()
        writer.writerows(records)
    response["Content-Disposition"] = f'attachment; filename="statistics.{suffix}"'
    return response


@require_GET
def statistics_csv_template(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="statistics-template.csv"'
    csv.writer(response).writerows(TEMPLATE_ROWS)
    return response


@login_required
@require_GET
def statistics_manage(request):
    """Members go to their party's figures; staff choose a party."""
    if request.user.party is not None:
        return redirect("enforcement:statistics_party", code=request.user.party.code)
    if not permissions.is_staff(request.user):
        raise Http404
    if "party" in request.GET:
        # Looked up, not passed on: a code that is no party's ("a/b") would not even reverse.
        party = get_object_or_404(Party, code=request.GET["party"].strip().upper())
        return redirect("enforcement:statistics_party", code=party.code)
    parties = selectors.member_states()
    return render(request, "enforcement/statistics_choose_party.html", {"parties": parties})


@login_required
@require_GET
def statistics_party(request, code: str):
    party = permissions.get_statistics_party_for_user(request.user, code)
    return _render_party(request, party)


def _render_party(request, party, release_form=None, status=200):
    """The party's figures; after a refused release, with its errors and the ticks kept."""
    page = Paginator(selectors.party_statistics(party), PAGE_SIZE).get_page(request.GET.get("page"))
    ticked = release_form.data.getlist("statistics") if release_form is not None else []
    context = {
        "party": party,
        "page_obj": page,
        "can_release": permissions.can_release_statistics(request.user, party),
        "form": release_form,
        "ticked": {int(pk) for pk in ticked if pk.isdigit()},
    }
    return render(request, "enforcement/statistics_party.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def statistics_add(request, code: str):
    party = permissions.get_statistics_party_for_user(request.user, code)
    form = StatisticForm(request.POST or None)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda data: services.record_statistic(party, request.user, **data),
        _("The figure was recorded; it is not public until released."),
    ):
        return redirect("enforcement:statistics_party", code=party.code)
    return render(request, "enforcement/statistics_add.html", {"party": party, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def statistics_upload(request, code: str):
    """A CSV upload, all or nothing: every bad row is listed with its line number."""
    party = permissions.get_statistics_party_for_user(request.user, code)
    form = StatisticsUploadForm(request.POST or None, request.FILES or None)
    row_errors = []
    if request.method == "POST" and form.is_valid():
        try:
            created = services.import_statistics(party, request.user, form.cleaned_data["file"])
        except services.UploadRejected as rejected:
            row_errors = rejected.errors
        else:
            messages.success(
                request,
                _("%(count)s figures recorded; none is public until released.")
                % {"count": len(created)},
            )
            return redirect("enforcement:statistics_party", code=party.code)
    context = {"party": party, "form": form, "row_errors": row_errors}
    return render(request, "enforcement/statistics_upload.html", context)


@login_required
@require_POST
def statistics_release(request, code: str):
    """The focal point releases figures to the public, or withdraws them."""
    party = permissions.get_statistics_party_for_user(request.user, code, for_release=True)
    form = ReleaseForm(request.POST, party=party)
    if not form.is_valid():
        return _render_party(request, party, form, status=400)
    back = reverse("enforcement:statistics_party", kwargs={"code": party.code})
    pks = [statistic.pk for statistic in form.cleaned_data["statistics"]]
    if form.cleaned_data["action"] == "release":
        count = services.release_statistics(party, request.user, pks)
        messages.success(request, _("%(count)s figures released.") % {"count": count})
    else:
        count = services.withdraw_statistics(party, request.user, pks)
        messages.success(request, _("%(count)s figures withdrawn.") % {"count": count})
    return redirect(back)
