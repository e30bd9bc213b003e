"""Pages of the requests app for members of a party (staff work in the admin)."""

import zipfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.downloads import stored_file_response
from portal.forms import submitted
from portal.security.kept_forms import given_back_with_a_note
from portal.uploads import ALLOWED
from requests import permissions, progress, selectors, services
from requests.filters import RequestFilter
from requests.forms import (
    ConsentForm,
    DocumentForm,
    FeedbackForm,
    MessageForm,
    NoteForm,
    StaffMessageForm,
)
from requests.models import AccessRecord, Status
from requests.permissions import get_request_for_user
from requests.publication import publication_of
from requests.reading import docx_as_html
from requests.services import activities as request_activities
from requests.services.conversation import upload_document

DOCX = ALLOWED["docx"]


@login_required
def request_list(request):
    filterset = RequestFilter(request.GET, queryset=selectors.requests_for_list(request.user))
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    party = request.user.party
    return render(
        request,
        "requests/list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "rows": selectors.request_rows(page.object_list, getattr(party, "pk", None)),
            "can_create": party is not None,
        },
    )


@login_required
def request_detail(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    services.record_access(assistance_request, user=request.user)
    kept = given_back_with_a_note(request)  # a reply posted after the session ended
    if kept is not None:
        form_class = StaffMessageForm if request.user.is_staff else MessageForm
        return _render_detail(request, assistance_request, message_form=form_class(kept))
    return _render_detail(request, assistance_request)


def _render_detail(request, assistance_request, status=200, **forms):
    user = request.user
    can = permissions.rights_on(user, assistance_request)
    message_form_class = StaffMessageForm if user.is_staff else MessageForm
    activities = request_activities.activities_of(assistance_request)
    changes = list(assistance_request.status_changes.select_related("actor"))
    context = {
        "assistance_request": assistance_request,
        "can": can,
        "changes": changes,
        "tracker": progress.tracker(assistance_request, changes),
        "time_frame": progress.time_frame_of(assistance_request, changes),
        "timeline": selectors.timeline(assistance_request, changes, internal=can.sees_internal),
        "documents": selectors.documents(assistance_request),
        "access_log": selectors.access_log(assistance_request) if can.access_log else (),
        "message_form": forms.get("message_form") or message_form_class(),
        "document_form": forms.get("document_form") or DocumentForm(),
        "consent_form": forms.get("consent_form")
        or ConsentForm(
            initial={
                "general": assistance_request.consent_general,
                "details": assistance_request.consent_details,
            }
        ),
        "request_consent": assistance_request.consent_changes.select_related("by")
        .order_by("-at", "-pk")
        .first(),
        "beneficiaries": assistance_request.beneficiaries.all(),
        "activities": activities,
        "publication": publication_of(assistance_request),
        "activities_completed": request_activities.all_activities_completed(activities),
    }
    return render(request, "requests/detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def request_withdraw(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.rights_on(request.user, assistance_request).withdraw:
        raise PermissionDenied
    form = NoteForm(request.POST or None)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda data: services.transition(
            assistance_request, Status.WITHDRAWN, actor=request.user, note=data["note"]
        ),
        _("Request withdrawn."),
    ):
        return redirect(assistance_request)
    return render(
        request, "requests/withdraw.html", {"assistance_request": assistance_request, "form": form}
    )


@login_required
@require_POST
def message_create(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.rights_on(request.user, assistance_request).message:
        raise PermissionDenied
    form_class = StaffMessageForm if request.user.is_staff else MessageForm
    form = form_class(request.POST, request.FILES)
    responding = "respond" in request.POST

    def send(data):
        if responding:
            return services.send_information(
                assistance_request,
                actor=request.user,
                body=data["body"],
                attachments=data["attachments"],
            )
        return services.post_message(
            assistance_request,
            actor=request.user,
            body=data["body"],
            internal=data.get("internal", False),
            attachments=data["attachments"],
        )

    done = _("Information sent; the organisation resumes its work.") if responding else None
    if submitted(request, form, send, done or _("Message sent.")):
        return redirect(assistance_request)
    return _render_detail(request, assistance_request, status=400, message_form=form)


@login_required
@require_POST
def document_upload(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.rights_on(request.user, assistance_request).upload:
        raise PermissionDenied
    form = DocumentForm(request.POST, request.FILES)
    if submitted(
        request,
        form,
        lambda data: upload_document(
            assistance_request, data["file"], actor=request.user, kind=data["kind"]
        ),
        _("Document added."),
        field="file",
    ):
        return redirect(assistance_request)
    return _render_detail(request, assistance_request, status=400, document_form=form)


def _document_for(request, reference, pk):
    assistance_request = get_request_for_user(request.user, reference)
    document = assistance_request.documents.filter(pk=pk).first()
    if document is None:
        raise Http404
    return assistance_request, document


def _file_response(request, assistance_request, document, *, inline: bool):
    """The stored file through the permission check, its opening recorded once a day."""
    response = stored_file_response(
        request,
        document.file,
        filename=document.original_name,
        back_url=assistance_request.get_absolute_url(),
        inline=inline,
    )
    if response.status_code == 404:
        return response
    _opened(request, assistance_request, document)
    response["Content-Type"] = document.content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _opened(request, assistance_request, document) -> None:
    services.record_access(
        assistance_request, user=request.user, kind=AccessRecord.Kind.DOCUMENT, document=document
    )


@login_required
def document_download(request, reference, pk):
    assistance_request, document = _document_for(request, reference, pk)
    return _file_response(request, assistance_request, document, inline=False)


@login_required
def document_read(request, reference, pk):
    """Read in place: a PDF in the browser's own viewer, a Word document as sanitised HTML
    with its download beside it; other kinds are downloaded."""
    assistance_request, document = _document_for(request, reference, pk)
    if document.content_type == "application/pdf":
        return _file_response(request, assistance_request, document, inline=True)
    if document.content_type != DOCX:
        return redirect("requests:document", reference, pk)
    try:
        html = docx_as_html(document.file)
    except FileNotFoundError:
        return _file_response(request, assistance_request, document, inline=False)  # its 404
    except (ValueError, KeyError, zipfile.BadZipFile):
        html = None  # not readable here: the download is still offered
    _opened(request, assistance_request, document)
    response = render(
        request,
        "requests/document_read.html",
        {"assistance_request": assistance_request, "document": document, "html": html},
    )
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_POST
def consent(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.rights_on(request.user, assistance_request).consent:
        raise PermissionDenied
    form = ConsentForm(request.POST)
    if form.is_valid() and "confirmed" not in request.POST:
        withdrawn = _consent_withdrawn(assistance_request, form.cleaned_data)
        if withdrawn:  # taking consent back unpublishes: say what, then ask again
            context = {
                "assistance_request": assistance_request,
                "form": form,
                "withdrawn": withdrawn,
            }
            return render(request, "requests/consent_withdraw.html", context)
    if submitted(
        request,
        form,
        lambda data: services.set_consent(assistance_request, actor=request.user, **data),
        _("Your consent has been recorded."),
    ):
        return redirect(assistance_request)
    return _render_detail(request, assistance_request, status=400, consent_form=form)


def _consent_withdrawn(assistance_request, data) -> list[str]:
    """The labels of the consents given before that this answer takes back."""
    given = {
        "general": assistance_request.consent_general,
        "details": assistance_request.consent_details,
    }
    return [
        str(ConsentForm.base_fields[name].label)
        for name, before in given.items()
        if before and not data[name]
    ]


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request, reference):
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.rights_on(request.user, assistance_request).rate:
        raise PermissionDenied
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda data: services.give_feedback(assistance_request, actor=request.user, **data),
        _("Thank you: your rating has been recorded."),
    ):
        return redirect(assistance_request)
    return render(
        request, "requests/feedback.html", {"assistance_request": assistance_request, "form": form}
    )
