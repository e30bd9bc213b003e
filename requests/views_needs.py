"""A development need (recommendation 9) made into an assistance request in one step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.forms import submitted
from portal.matching.permissions import get_need_for_user
from requests.forms import RequestForm
from requests.services import needs


@login_required
@require_http_methods(["GET", "POST"])
def request_from_need(request, pk: int):
    need = get_need_for_user(request.user, pk)
    try:
        needs.check_may_request(request.user, need)  # 403 to all but the need's party
    except ValidationError as error:
        existing = needs.request_of_need(need)
        if existing is not None:
            return redirect(existing)
        messages.error(request, " ".join(error.messages))
        return redirect(need)
    initial = needs.initial_answers(need)
    form = RequestForm(
        request.POST or None,
        request.FILES or None,
        party=need.party,
        initial=initial,
        kind=request.POST.get("kind") if request.method == "POST" else initial.get("kind"),
    )
    outcome = request.method == "POST" and submitted(
        request,
        form,
        lambda data: needs.request_from_need(
            need, actor=request.user, data=data, attachments=data.get("attachments", [])
        ),
        lambda draft: _("Draft %(ref)s saved.") % {"ref": draft.reference},
    )
    if outcome:
        return redirect(outcome.result)
    status = 400 if form.is_bound else 200
    return render(request, "requests/from_need.html", {"form": form, "need": need}, status=status)
