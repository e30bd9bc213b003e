"""Signed-in pages of recommendation 9: needs, resources and matches (thin views)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.decorators import only_for
from portal.forms import Confirm, submitted
from portal.matching import permissions, selectors, services
from portal.matching.forms import (
    AnswerForm,
    NeedForm,
    ProposeForm,
    ResourceForm,
    StoryForm,
    VisibilityForm,
)
from portal.matching.services import NEED_FIELDS, RESOURCE_FIELDS
from portal.models import MatchStatus, Resource
from portal.models.matching import MATCH_TRANSITIONS

WORKSPACE_SIZE = 50


@never_cache
@require_GET
@only_for(permissions.uses_matching)
def workspace(request):
    user = request.user
    context = {
        "own_needs": selectors.needs_for_workspace(user)[:WORKSPACE_SIZE],
        "shared_needs": (
            selectors.needs_shared_with(user)[:WORKSPACE_SIZE]
            if permissions.is_provider(user)
            else []
        ),
        "resources": selectors.resources_of(user)[:WORKSPACE_SIZE],
        "matches": selectors.matches_for_workspace(user)[:WORKSPACE_SIZE],
        "is_staff": permissions.brokers_for(user) is not None,
        "can_draft": permissions.party_of(user) is not None,
        "can_offer": bool(permissions.offering_providers(user)),
    }
    return render(request, "portal/matching/workspace.html", context)


def _button(request, call, done):
    """A button that only calls a service: its refusal (already moved meanwhile) is a message."""
    form = Confirm(request.POST)
    if not submitted(request, form, lambda _data: call(), done):
        messages.error(request, " ".join(form.non_field_errors()))


def _values(obj, fields):
    """An edit form starts from the fields the update service saves (services.*_FIELDS)."""
    return {name: getattr(obj, name) for name in fields}


def _save(request, form, save, template, context, success):
    """Validate the form, call the service, redirect; else the form again with its errors."""
    if request.method == "POST" and (outcome := submitted(request, form, save, success)):
        return redirect(outcome.result)
    status = 400 if form.is_bound else 200
    return render(request, template, {**context, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@only_for(lambda user: permissions.party_of(user) is not None)
def need_create(request):
    form = NeedForm(request.POST or None)
    return _save(
        request,
        form,
        lambda data: services.create_need(actor=request.user, data=data),
        "portal/matching/need_form.html",
        {},
        _("The need is saved as a draft. Your focal point publishes it."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def need_edit(request, pk: int):
    need = permissions.get_need_for_user(request.user, pk, for_edit=True)
    form = NeedForm(request.POST or None, initial=_values(need, NEED_FIELDS))
    return _save(
        request,
        form,
        lambda data: services.update_need(need, actor=request.user, data=data),
        "portal/matching/need_form.html",
        {"need": need},
        _("The need is saved."),
    )


@never_cache
@require_GET
def need_detail(request, pk: int):
    need = permissions.get_need_for_user(request.user, pk)
    return _render_need(request, need)


def _render_need(request, need, status=200, **forms):
    user = request.user
    broker = permissions.can_broker(user, need)
    context = {
        "need": need,
        "see_party": permissions.can_see_need_party(user, need),
        "is_member": permissions.is_member_of_need_party(user, need),
        "can_edit": permissions.can_edit_need(user, need),
        "can_consent": permissions.can_consent_need(user, need),
        "can_close": permissions.can_close_need(user, need),
        "visibility_form": forms.get("visibility_form")
        or VisibilityForm(initial={"visibility": need.visibility}),
        "ranked": selectors.ranked_with_resources(need) if broker else [],
        "propose_form": forms.get("propose_form") or ProposeForm(),
        "matches": selectors.matches_of_need(user, need),
    }
    return render(request, "portal/matching/need_detail.html", context, status=status)


@login_required
@require_POST
def need_visibility(request, pk: int):
    need = permissions.get_need_for_user(request.user, pk)
    form = VisibilityForm(request.POST)
    if submitted(
        request,
        form,
        lambda data: services.set_need_visibility(need, actor=request.user, **data),
        _("Your party's choice is recorded."),
    ):
        return redirect(need)
    return _render_need(request, need, status=400, visibility_form=form)


@login_required
@require_POST
def need_close(request, pk: int):
    need = permissions.get_need_for_user(request.user, pk)
    _button(
        request, lambda: services.close_need(need, actor=request.user), _("The need is closed.")
    )
    return redirect(need)


@login_required
@require_POST
def need_propose(request, pk: int):
    need = permissions.get_need_for_user(request.user, pk)
    form = ProposeForm(request.POST)

    def propose(data):
        resource = Resource.objects.filter(pk=data["resource"]).first()
        if resource is None:
            raise ValidationError(_("This resource is no longer offered."))
        return services.propose_match(need, resource, actor=request.user, note=data["note"])

    outcome = submitted(request, form, propose, _("The match is proposed to the party."))
    if outcome:
        return redirect(outcome.result)
    return _render_need(request, need, status=400, propose_form=form)


@require_http_methods(["GET", "POST"])
@only_for(lambda user: bool(permissions.offering_providers(user)))
def resource_create(request):
    providers = permissions.offering_providers(request.user)
    form = ResourceForm(request.POST or None)
    return _save(
        request,
        form,
        lambda data: services.create_resource(actor=request.user, provider=providers[0], data=data),
        "portal/matching/resource_form.html",
        {"provider": providers[0]},
        _("Your offer is saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request, pk: int):
    resource = permissions.get_resource_for_user(request.user, pk, for_edit=True)
    form = ResourceForm(request.POST or None, initial=_values(resource, RESOURCE_FIELDS))
    return _save(
        request,
        form,
        lambda data: services.update_resource(resource, actor=request.user, data=data),
        "portal/matching/resource_form.html",
        {"resource": resource, "provider": resource.provider},
        _("Your offer is saved."),
    )


@never_cache
@require_GET
def resource_detail(request, pk: int):
    resource = permissions.get_resource_for_user(request.user, pk)
    context = {
        "resource": resource,
        "can_edit": permissions.can_edit_resource(request.user, resource),
    }
    return render(request, "portal/matching/resource_detail.html", context)


@login_required
@require_POST
def resource_withdraw(request, pk: int):
    resource = permissions.get_resource_for_user(request.user, pk, for_edit=True)
    _button(
        request,
        lambda: services.withdraw_resource(resource, actor=request.user),
        _("Your offer is withdrawn."),
    )
    return redirect(resource)


@never_cache
@require_GET
@login_required
def match_detail(request, pk: int):
    match = permissions.get_match_for_user(request.user, pk)
    return _render_match(request, match)


def _render_match(request, match, status=200, answer_form=None):
    user = request.user
    moves = [
        (to, label)
        for to, who in MATCH_TRANSITIONS.get(match.status, {}).items()
        if permissions.may_move_match(user, match, who, to)
        for label in [MatchStatus(to).label]
    ]
    context = {
        "match": match,
        "need": match.need,
        "see_party": permissions.can_see_need_party(user, match.need),
        "moves": moves,
        "answer_form": answer_form or AnswerForm(initial={"expected_status": match.status}),
        "can_consent_story": permissions.can_consent_story(user, match),
        "story_form": StoryForm(initial={"public": match.story_public}),
    }
    return render(request, "portal/matching/match_detail.html", context, status=status)


@login_required
@require_POST
def match_answer(request, pk: int):
    match = permissions.get_match_for_user(request.user, pk)
    form = AnswerForm(request.POST)
    if form.is_valid() and form.cleaned_data["to_status"] not in MatchStatus.values:
        raise Http404
    outcome = submitted(
        request,
        form,
        lambda data: services.answer_match(match, actor=request.user, **data),
        _("Your answer is recorded."),
    )
    if outcome:
        return redirect(outcome.result)
    return _render_match(request, match, status=400, answer_form=form)


@login_required
@require_POST
def match_story(request, pk: int):
    match = permissions.get_match_for_user(request.user, pk)
    form = StoryForm(request.POST)
    form.is_valid()
    services.set_story_consent(match, actor=request.user, public=form.cleaned_data["public"])
    messages.success(request, _("Your party's choice is recorded."))
    return redirect(match)
