from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from enforcement import permissions, selectors, services
from enforcement.forms import ReportReviewForm
from enforcement.models import ReviewAction
from portal.downloads import stored_file_response

PAGE_SIZE = 25
DONE = {
    ReviewAction.SENT_FOR_REVIEW: _("The report was sent to the party for national review."),
    ReviewAction.APPROVED: _("You approved the report: it is now public."),
    ReviewAction.RETURNED: _("You returned the report with your comments."),
}


@require_GET
def report_list(request):
    """Approved reports for everyone; staff and the party also see drafts and those in review."""
    page = Paginator(selectors.report_list(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "enforcement/report_list.html", {"page_obj": page})


def _render_report(request, report, form=None, status=200):
    user = request.user
    context = {
        "report": report,
        "form": form or ReportReviewForm(),
        "history": selectors.report_history(report),
        "practices": selectors.best_practice_list(user).filter(source_report=report),
        "can_send": permissions.can_send_report_for_review(user, report),
        "can_review": permissions.can_review_report(user, report),
        "is_insider": permissions.is_insider(user, report.party),
    }
    return render(request, "enforcement/report_detail.html", context, status=status)


@never_cache
@require_GET
def report_detail(request, pk: int):
    report = permissions.get_report_for_user(request.user, pk)
    return _render_report(request, report)


@login_required
@require_POST
def report_review(request, pk: int):
    """Staff send a draft for national review; the party's focal point approves or returns it."""
    report = permissions.get_report_for_user(request.user, pk, for_edit=True)
    form = ReportReviewForm(request.POST)
    if form.is_valid():
        action = form.cleaned_data["action"]
        try:
            services.review_report(report.pk, request.user, action, form.cleaned_data["comment"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, DONE[action])
            return redirect(report)
    return _render_report(request, report, form, status=400)


@never_cache
@require_GET
def report_file(request, pk: int):
    """The report's file, through the same check as its page (files are stored privately)."""
    report = permissions.get_report_for_user(request.user, pk)
    if not report.file:
        raise Http404
    response = stored_file_response(
        request,
        report.file,
        filename=Path(report.file.name).name,
        back_url=report.get_absolute_url(),
    )
    if not report.is_public:
        response["Cache-Control"] = "private, no-store"
    return response
