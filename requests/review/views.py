"""Staff pages of the yearly review: the page, a printable report and the CSV."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from portal.csv_export import csv_writer
from portal.decorators import only_for
from requests.models import ReviewReport
from requests.permissions import can_open_review
from requests.review import presentation, services
from requests.review.exports import write_csv


def _year_or_404(year: int) -> int:
    try:
        services.check_year(year)
    except ValidationError as error:
        raise Http404 from error
    return year


def _latest(year: int, *states) -> ReviewReport | None:
    reports = ReviewReport.objects.filter(year=year).select_related("requested_by")
    if states:
        reports = reports.filter(state__in=states)
    return reports.order_by("-requested_at", "-pk").first()


def _context(report: ReviewReport | None) -> dict:
    if report is None:
        return {"report": None}
    figures = report.figures
    return {
        "report": report,
        "figures": figures,
        "tables": presentation.tables(figures),
        "activity_types": presentation.activity_types(figures),
        "request_kinds": presentation.request_kinds(figures),
        "without_activity": presentation.recommendations_without_activity(figures),
    }


@only_for(can_open_review)
@require_GET
def review_index(request):
    year = request.GET.get("year", "")
    if year.isdigit():
        return redirect("review:year", int(year))
    this_year = timezone.localdate().year
    years = range(this_year, services.FIRST_YEAR - 1, -1)
    return render(request, "requests/review/index.html", {"years": years})


@only_for(can_open_review)
@require_http_methods(["GET", "POST"])
def review_year(request, year: int):
    _year_or_404(year)
    if request.method == "POST":
        report = services.request_report(year, actor=request.user)
        report.refresh_from_db()  # without a broker the task has already run
        if report.state == ReviewReport.State.DONE:
            messages.success(request, _("The report has been generated."))
        else:
            messages.info(request, _("The report is being generated; reload this page shortly."))
        return redirect("review:year", year)
    latest = _latest(year)
    context = {
        "year": year,
        "latest": latest,
        **_context(_latest(year, ReviewReport.State.DONE)),
    }
    return render(request, "requests/review/year.html", context)


@only_for(can_open_review)
@require_GET
def review_print(request, year: int):
    report = _latest(_year_or_404(year), ReviewReport.State.DONE)
    if report is None:
        raise Http404
    return render(request, "requests/review/print.html", {"year": year, **_context(report)})


@only_for(can_open_review)
@require_GET
def review_csv(request, year: int):
    report = _latest(_year_or_404(year), ReviewReport.State.DONE)
    if report is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="yearly-review-{year}.csv"'
    write_csv(csv_writer(response), report.figures, presentation.tables(report.figures))
    return response
