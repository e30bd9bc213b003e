"""A request before the organisation sees it: drafting, the hand-over to the focal point,
sending back, discarding, submitting and the confirmation that follows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.forms import Confirm, submitted
from portal.security.kept_forms import given_back_with_a_note
from requests import permissions, progress, selectors, services
from requests.forms import KindForm, RequestForm, SendBackForm
from requests.models import Status
from requests.permissions import get_request_for_user
from requests.services.drafting import discard_draft


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    party = request.user.party
    if party is None:
        raise PermissionDenied
    data = request.POST if request.method == "POST" else given_back_with_a_note(request)
    if data is None:  # the first step: the kind, so only its questions follow
        chooser = KindForm(_kind_step_sent(request), party=party)
        if not chooser.is_valid():
            return render(request, "requests/choose_kind.html", {"form": chooser, "party": party})
        kind = chooser.cleaned_data["kind"]
    else:
        kind = data.get("kind")
    form = RequestForm(data, request.FILES or None, party=party, kind=kind)
    outcome = request.method == "POST" and submitted(
        request,
        form,
        lambda data: services.create_draft(
            actor=request.user,
            data=data,
            attachments=data.get("attachments", []),
            form_token=data["form_token"],
        ),
        lambda draft: _("Draft %(ref)s saved.") % {"ref": draft.reference},
    )
    if outcome:
        return _after_save(request, form, outcome.result)
    return render(request, "requests/form.html", {"form": form, "party": party})


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, reference):
    assistance_request = get_request_for_user(request.user, reference, for_edit=True)
    party = assistance_request.party
    data = request.POST if request.method == "POST" else given_back_with_a_note(request)
    if data is None:  # another kind may be chosen: ?choose, then ?kind=...
        chooser = KindForm(
            _kind_step_sent(request),
            party=party,
            initial={"kind": assistance_request.kind},
        )
        if "choose" in request.GET or (chooser.is_bound and not chooser.is_valid()):
            context = {"form": chooser, "party": party, "assistance_request": assistance_request}
            return render(request, "requests/choose_kind.html", context)
        kind = chooser.cleaned_data["kind"] if chooser.is_bound else assistance_request.kind
    else:
        kind = data.get("kind")
    form = RequestForm(
        data,
        request.FILES or None,
        instance=assistance_request,
        party=party,
        kind=kind,
    )
    outcome = request.method == "POST" and submitted(
        request,
        form,
        lambda data: services.update_draft(
            assistance_request,
            actor=request.user,
            data=data,
            attachments=data.get("attachments", []),
        ),
        _("Draft saved."),
    )
    if outcome:
        return _after_save(request, form, outcome.result)
    return render(
        request,
        "requests/form.html",
        {"form": form, "party": assistance_request.party, "assistance_request": assistance_request},
    )


def _kind_step_sent(request):
    """The first step's answer once its form was sent, even with no kind chosen (an unchecked
    radio sends nothing, and the step must then say so rather than show itself again)."""
    return request.GET if "kind" in request.GET or "step" in request.GET else None


def _after_save(request, form, assistance_request):
    if "check" in request.POST and permissions.can_move(
        request.user, assistance_request, Status.SUBMITTED
    ):
        return redirect("requests:submit", assistance_request.reference)
    return redirect(assistance_request)


@login_required
@require_POST
def request_ready(request, reference):
    """An official hands the draft to the party's focal points."""
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_move(request.user, assistance_request, Status.READY):
        raise PermissionDenied
    form = Confirm(request.POST)
    if not submitted(
        request,
        form,
        lambda _data: services.transition(
            assistance_request, Status.READY, actor=request.user, expected_status=Status.DRAFT
        ),
        _("The draft is with your focal point, who has been told."),
    ):
        messages.error(request, " ".join(form.non_field_errors()))
    return redirect(assistance_request)


@login_required
@require_http_methods(["GET", "POST"])
def request_send_back(request, reference):
    """The focal point returns a draft to the officials, saying what should change."""
    assistance_request = get_request_for_user(request.user, reference)
    # The table lists "back to draft" only from ready for the focal point, and for them alone.
    if not permissions.can_move(request.user, assistance_request, Status.DRAFT):
        raise PermissionDenied
    form = SendBackForm(request.POST or None)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda data: services.transition(
            assistance_request,
            Status.DRAFT,
            actor=request.user,
            note=data["note"],
            expected_status=Status.READY,
        ),
        _("The draft was sent back with your comment."),
    ):
        return redirect(assistance_request)
    return render(
        request, "requests/send_back.html", {"assistance_request": assistance_request, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_discard(request, reference):
    """Delete a draft the organisation never saw (not a withdrawal: nothing was sent)."""
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_discard_draft(request.user, assistance_request):
        raise PermissionDenied
    if request.method == "POST":
        discarded = discard_draft(assistance_request, actor=request.user)
        messages.success(request, _("Draft %(ref)s discarded.") % {"ref": discarded})
        return redirect("requests:list")
    return render(request, "requests/discard.html", {"assistance_request": assistance_request})


@login_required
@require_http_methods(["GET", "POST"])
def request_submit(request, reference):
    """The focal point's "check your answers" page, then the submission."""
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.can_move(request.user, assistance_request, Status.SUBMITTED):
        raise PermissionDenied
    form = Confirm(request.POST)  # no fields: bound, so an empty POST is valid
    if request.method == "POST" and submitted(
        request,
        form,
        lambda _data: services.transition(assistance_request, Status.SUBMITTED, actor=request.user),
        None,  # the next page says it is submitted
    ):
        return redirect("requests:submitted", assistance_request.reference)
    return render(
        request,
        "requests/check_answers.html",
        {
            "assistance_request": assistance_request,
            "documents": selectors.documents(assistance_request),
            "beneficiaries": assistance_request.beneficiaries.all(),
            "errors": form.non_field_errors(),
        },
    )


@login_required
def request_submitted(request, reference):
    """The confirmation: the reference, what happens next and by when."""
    assistance_request = get_request_for_user(request.user, reference)
    if not permissions.is_requesting_member(request.user, assistance_request):
        raise PermissionDenied
    if assistance_request.status in (Status.DRAFT, Status.READY):
        return redirect(assistance_request)
    return render(
        request,
        "requests/submitted.html",
        {
            "assistance_request": assistance_request,
            "acknowledge_by": progress.acknowledge_by(assistance_request),
        },
    )
