"""Pages of the requests app for members of a party (staff work in the admin)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from requests import permissions, selectors, services
from requests.filters import RequestFilter
from requests.forms import (
    ConsentForm,
    DocumentForm,
    FeedbackForm,
    MessageForm,
    NoteForm,
    RequestForm,
    StaffMessageForm,
    add_service_errors,
)
from requests.models import AccessRecord, Status
from requests.permissions import get_request_for_user
from requests.services import activities as request_activities
from requests.services.conversation import upload_document


@login_required
def request_list(request):
    filterset = RequestFilter(request.GET, queryset=selectors.requests_for_list(request.user))
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "requests/list.html",
        {"filter": filterset, "page_obj": page, "can_create": request.user.party is not None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    party = request.user.party
    if party is None:
        raise PermissionDenied
    form = RequestForm(request.POST or None, request.FILES or None, party=party)
    if request.method == "POST" and form.is_valid():
        try:
            assistance_request = services.create_draft(
                actor=request.user,
                data=form.cleaned_data,
                attachments=form.cleaned_data.get("attachments", []),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Draft %(ref)s saved.") % {"ref": assistance_request.reference}
            )
            return _after_save(request, assistance_request)
    return render(request, "requests/form.html", {"form": form, "party": party})


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, reference):
    assistance_request = get_request_for_user(request.user, reference, for_edit=True)
    form = RequestForm(
        request.POST or None,
        request.FILES or None,
        instance=assistance_request,
        party=assistance_request.party,
    )
    if request.method == "POST" and form.is_valid():
        try:
            assistance_request = services.update_draft(
                assistance_request,
                actor=request.user,
                data=form.cleaned_data,
                attachments=form.cleaned_data.get("attachments", []),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Draft saved."))
            return _after_save(request, assistance_request)
    return render(
        request,
        "requests/form.html",
        {"form": form, "party": assistance_request.party, "assistance_request": assistance_request},
    )


def _after_save(request, assistance_request):
    if "check" in request.POST and permissions.can_move(
        request.user, assistance_request, Status.SUBMITTED
    ):
        return redirect("requests:submit", assistance_request.reference)
    return redirect(assistance_request)


@login_required
def request_detail(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    services.record_access(assistance_request, user=request.user)
    return _render_detail(request, assistance_request)


def _render_detail(request, assistance_request, status=200, **forms):
    user = request.user
    can = {
        "edit": permissions.can_edit_draft(user, assistance_request),
        "submit": permissions.can_move(user, assistance_request, Status.SUBMITTED),
        "withdraw": permissions.can_move(user, assistance_request, Status.WITHDRAWN),
        "respond": assistance_request.status == Status.INFORMATION_REQUESTED
        and permissions.is_requesting_member(user, assistance_request),
        "message": permissions.can_write_message(user, assistance_request),
        "upload": permissions.can_upload(user, assistance_request),
        "consent": permissions.can_consent(user, assistance_request),
        "rate": permissions.can_rate(user, assistance_request),
        "access_log": permissions.can_see_access_log(user, assistance_request),
    }
    message_form_class = StaffMessageForm if user.is_staff else MessageForm
    activities = request_activities.activities_of(assistance_request)
    context = {
        "assistance_request": assistance_request,
        "can": can,
        "timeline": selectors.timeline(user, assistance_request),
        "documents": selectors.documents(assistance_request),
        "access_log": selectors.access_log(assistance_request) if can["access_log"] else (),
        "message_form": forms.get("message_form") or message_form_class(),
        "document_form": forms.get("document_form") or DocumentForm(),
        "consent_form": forms.get("consent_form")
        or ConsentForm(
            initial={
                "general": assistance_request.consent_general,
                "details": assistance_request.consent_details,
            }
        ),
        "beneficiaries": assistance_request.beneficiaries.all(),
        "activities": activities,
        "activities_completed": request_activities.all_activities_completed(activities),
    }
    return render(request, "requests/detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def request_submit(request, reference):
    """The focal point's "check your answers" page, then the submission."""
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_move(request.user, assistance_request, Status.SUBMITTED):
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            services.transition(assistance_request, Status.SUBMITTED, actor=request.user)
        except ValidationError as exc:
            error = exc
        else:
            messages.success(request, _("Request submitted. The organisation has been told."))
            return redirect(assistance_request)
    return render(
        request,
        "requests/check_answers.html",
        {
            "assistance_request": assistance_request,
            "documents": selectors.documents(assistance_request),
            "beneficiaries": assistance_request.beneficiaries.all(),
            "error": error,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_withdraw(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_move(request.user, assistance_request, Status.WITHDRAWN):
        raise PermissionDenied
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(
                assistance_request,
                Status.WITHDRAWN,
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Request withdrawn."))
            return redirect(assistance_request)
    return render(
        request, "requests/withdraw.html", {"assistance_request": assistance_request, "form": form}
    )


@login_required
@require_POST
def message_create(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_write_message(request.user, assistance_request):
        raise PermissionDenied
    form_class = StaffMessageForm if request.user.is_staff else MessageForm
    form = form_class(request.POST)
    responding = "respond" in request.POST
    if form.is_valid():
        body = form.cleaned_data["body"]
        try:
            if responding:
                services.send_information(assistance_request, actor=request.user, body=body)
            else:
                services.post_message(
                    assistance_request,
                    actor=request.user,
                    body=body,
                    internal=form.cleaned_data.get("internal", False),
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Information sent; the request is back under review.")
                if responding
                else _("Message sent."),
            )
            return redirect(assistance_request)
    return _render_detail(request, assistance_request, status=400, message_form=form)


@login_required
@require_POST
def document_upload(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_upload(request.user, assistance_request):
        raise PermissionDenied
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            upload_document(
                assistance_request,
                form.cleaned_data["file"],
                actor=request.user,
                kind=form.cleaned_data["kind"],
            )
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, _("Document added."))
            return redirect(assistance_request)
    return _render_detail(request, assistance_request, status=400, document_form=form)


@login_required
def document_download(request, reference, pk):
    assistance_request = get_request_for_user(request.user, reference)
    document = assistance_request.documents.filter(pk=pk).first()
    if document is None:
        raise Http404
    services.record_access(assistance_request, user=request.user, kind=AccessRecord.Kind.DOCUMENT)
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.original_name
    )
    response["Content-Type"] = document.content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def consent(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_consent(request.user, assistance_request):
        raise PermissionDenied
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            services.set_consent(assistance_request, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your consent has been recorded."))
            return redirect(assistance_request)
    return _render_detail(request, assistance_request, status=400, consent_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_rate(request.user, assistance_request):
        raise PermissionDenied
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_feedback(assistance_request, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: your rating has been recorded."))
            return redirect(assistance_request)
    return render(
        request, "requests/feedback.html", {"assistance_request": assistance_request, "form": form}
    )
