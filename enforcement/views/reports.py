from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from enforcement import permissions, selectors, services
from enforcement.forms import ReportReviewForm, ReportVersionForm
from enforcement.models import ReviewAction
from portal.downloads import stored_file_response
from portal.forms import submitted

PAGE_SIZE = 25
DONE = {
    ReviewAction.SENT_FOR_REVIEW: _("The report was sent to the party for national review."),
    ReviewAction.APPROVED: _("You approved the report: it is now public."),
    ReviewAction.RETURNED: _("You returned the report with your comments."),
}


@require_GET
def report_list(request):
    """Approved reports for everyone; the party and the staff who handle them see the rest."""
    page = Paginator(selectors.report_list(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "enforcement/report_list.html", {"page_obj": page})


def _render_report(request, report, form=None, upload_form=None, status=200):
    user = request.user
    context = {
        "report": report,
        "form": form or ReportReviewForm(),
        "upload_form": upload_form or ReportVersionForm(),
        **selectors.report_page(report, user),
        "can_send": permissions.can_send_report_for_review(user, report),
        "can_review": permissions.can_review_report(user, report),
        "can_upload": permissions.can_upload_report_version(user, report),
        "is_insider": permissions.is_report_insider(user, report),
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
    if _approval_unconfirmed(request, report, form) and (
        facts := selectors.approval_in_question(report, form.cleaned_data["version"])
    ):  # say what is approved, then ask again
        context = {"report": report, "form": form, **facts}
        return render(request, "enforcement/report_approve.html", context)
    if submitted(
        request,
        form,
        lambda data: services.review_report(
            report.pk, request.user, data["action"], data["comment"], version_number=data["version"]
        ),
        lambda moved: DONE[form.cleaned_data["action"]],
    ):
        return redirect(report)
    return _render_report(request, report, form, status=400)


def _approval_unconfirmed(request, report, form) -> bool:
    """An approval publishes a confidential report: it goes through a page naming the version."""
    return (
        form.is_valid()
        and form.cleaned_data["action"] == ReviewAction.APPROVED
        and "confirmed" not in request.POST
        and permissions.can_review_report(request.user, report)
    )


@login_required
@require_POST
def report_upload(request, pk: int):
    """Staff who handle the report add a version of its document."""
    report = permissions.get_report_for_user(request.user, pk, for_edit=True)
    if not permissions.can_upload_report_version(request.user, report):
        raise PermissionDenied
    form = ReportVersionForm(request.POST, request.FILES)
    if submitted(
        request,
        form,
        lambda data: services.add_report_version(report.pk, request.user, data["file"]),
        lambda version: _("Version %(number)s was added.") % {"number": version.number},
    ):
        return redirect(report)
    return _render_report(request, report, upload_form=form, status=400)


@never_cache
@require_GET
def report_file(request, pk: int, number: int):
    """One version of the report's file, through the same checks as its page (stored privately)."""
    version = permissions.get_version_for_user(request.user, pk, number)
    response = stored_file_response(
        request,
        version.file,
        filename=version.file_name,
        back_url=version.report.get_absolute_url(),
    )
    if not version.report.is_public:
        response["Cache-Control"] = "private, no-store"
    return response
