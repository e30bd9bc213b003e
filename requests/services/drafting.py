"""Drafting a request: officials and focal points write it; nothing is saved half-way."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.development import status_as_of
from portal.localisation import join_list
from portal.models import Party, User
from requests import permissions
from requests.models import DRAFT_FIELDS, PARTY_ONLY_STATUSES, AssistanceRequest, Kind, Status
from requests.services import access
from requests.services.conversation import add_document, validate_attachments
from requests.services.references import next_reference

# A file to attach, with its kind (Document.Kind) when the form asked for one.
Attachment = UploadedFile | tuple[str | None, UploadedFile]


def check_request_rules(party: Party, data: dict) -> None:
    """The rules of seeds/000 that depend on the party and the kind; raises per field."""
    errors = {}
    kind = data.get("kind")
    if kind == Kind.LEGISLATIVE:
        if not data.get("purpose"):
            errors["purpose"] = _("Say what the legislative advice is for.")
        if not data.get("legal_areas"):
            errors["legal_areas"] = _("Choose at least one legal area.")
    if kind == Kind.STRATEGY and not (
        party.is_state and status_as_of(party, timezone.localdate()).eligible_as_developing
    ):
        errors["kind"] = _(
            "National IP strategy assistance is open to developing and least-developed "
            "countries; %(party)s is not classified as either. Policy assistance may help instead."
        ) % {"party": party.name}
    if kind == Kind.ENFORCEMENT:
        errors |= _check_enforcement(data)
    if kind == Kind.POLICY:
        if not data.get("policy_format"):
            errors["policy_format"] = _("Choose a meeting of IP actors or a consultation.")
        if not data.get("venue"):
            errors["venue"] = _("Say where the assistance should take place.")
    beneficiaries = data.get("beneficiaries") or []
    if beneficiaries:
        if party.is_state:
            errors["beneficiaries"] = _("Only a regional organisation names beneficiary states.")
        else:
            members = set(party.members.values_list("pk", flat=True))
            outsiders = [b.name for b in beneficiaries if b.pk not in members]
            if outsiders:
                errors["beneficiaries"] = _("Not members of %(org)s: %(names)s.") % {
                    "org": party.name,
                    "names": join_list(outsiders),
                }
    if errors:
        raise ValidationError(errors)


def _check_enforcement(data: dict) -> dict:
    """An enforcement request says which agencies, which areas and which kind of help."""
    errors = {}
    if not data.get("enforcement_agencies"):
        errors["enforcement_agencies"] = _("Choose at least one agency concerned.")
    if not data.get("enforcement_areas"):
        errors["enforcement_areas"] = _("Choose at least one area of enforcement.")
    if not data.get("enforcement_help"):
        errors["enforcement_help"] = _("Choose at least one kind of help.")
    return errors


def answers_of(assistance_request: AssistanceRequest) -> dict:
    """The saved answers in the shape check_request_rules reads, beneficiaries included."""
    answers = {field: getattr(assistance_request, field) for field in DRAFT_FIELDS}
    return {**answers, "beneficiaries": list(assistance_request.beneficiaries.all())}


# The answers only one kind asks for; "where" (venue) is kept for every kind that gives it.
KIND_FIELDS = {
    "purpose": Kind.LEGISLATIVE,
    "policy_format": Kind.POLICY,
    "enforcement_agencies": Kind.ENFORCEMENT,
    "enforcement_areas": Kind.ENFORCEMENT,
    "enforcement_help": Kind.ENFORCEMENT,
}
_LISTS = ("legal_areas", "enforcement_agencies", "enforcement_areas", "enforcement_help")


def answers_for_another_kind(data: dict) -> list[str]:
    """The fields answered that the chosen kind does not use: the form says they were not kept."""
    return [
        field for field, kind in KIND_FIELDS.items() if data.get(field) and data.get("kind") != kind
    ]


def _clean_for_kind(data: dict) -> dict:
    """Drop answers that belong to another kind, so a changed kind leaves nothing stale."""
    data = {field: data.get(field) for field in DRAFT_FIELDS}
    for field in answers_for_another_kind(data):
        data[field] = [] if field in _LISTS else ""
    for field in _LISTS:
        data[field] = list(data[field] or [])
    for text in ("purpose", "policy_format", "venue", "treaties"):
        data[text] = data[text] or ""
    return data


@transaction.atomic
def create_draft(
    *,
    actor: User,
    data: dict,
    attachments: Iterable[Attachment] = (),
    form_token: str | None = None,
) -> AssistanceRequest:
    """A new draft for the actor's party, with its attachments; all or nothing.

    Given the token of the form it comes from, a second call with the same token (the form
    posted twice, even at the same moment) returns the first draft and creates nothing.
    """
    party = actor.party
    if party is None:
        raise PermissionDenied
    if form_token and (earlier := _created_from_form(actor, form_token)):
        return earlier
    check_request_rules(party, data)
    validate_attachments([upload for _kind, upload in _with_kinds(attachments)])
    try:
        with transaction.atomic():  # a twin posted at the same moment may insert first
            assistance_request = AssistanceRequest.objects.create(
                reference=next_reference(),
                party=party,
                region=party.region,  # the bureau's scope (restamp_region keeps it in step)
                created_by=actor,
                status=Status.DRAFT,
                form_token=form_token,
                **_clean_for_kind(data),
            )
    except IntegrityError:
        if not form_token:
            raise
        if earlier := _created_from_form(actor, form_token):
            return earlier
        raise ValidationError(
            _("This form has already been used. Open a new one to request assistance.")
        ) from None
    assistance_request.beneficiaries.set(data.get("beneficiaries") or [])
    access.refresh_view_access(assistance_request)
    for kind, upload in _with_kinds(attachments):
        add_document(assistance_request, upload, actor=actor, kind=kind)
    return assistance_request


def _with_kinds(attachments: Iterable[Attachment]) -> list[tuple[str | None, UploadedFile]]:
    """Attachments as (kind, file): the form gives pairs; a bare file is supporting material."""
    return [item if isinstance(item, tuple) else (None, item) for item in attachments]


def _created_from_form(actor: User, form_token: str | None) -> AssistanceRequest | None:
    return AssistanceRequest.objects.filter(form_token=form_token, created_by=actor).first()


@transaction.atomic
def update_draft(
    assistance_request: AssistanceRequest,
    *,
    actor: User,
    data: dict,
    attachments: Iterable[Attachment] = (),
) -> AssistanceRequest:
    """Change a draft's answers (and add attachments); only while it is a draft."""
    locked = AssistanceRequest.objects.select_for_update().get(pk=assistance_request.pk)
    if locked.status not in PARTY_ONLY_STATUSES:
        raise ValidationError(_("This request has been submitted and can no longer be edited."))
    if not permissions.can_edit_draft(actor, locked):
        raise PermissionDenied
    check_request_rules(locked.party, data)
    validate_attachments([upload for _kind, upload in _with_kinds(attachments)])
    for field, value in _clean_for_kind(data).items():
        setattr(locked, field, value)
    locked.last_activity_at = timezone.now()
    locked.save()
    locked.beneficiaries.set(data.get("beneficiaries") or [])
    access.refresh_view_access(locked)
    for kind, upload in _with_kinds(attachments):
        add_document(locked, upload, actor=actor, kind=kind)
    return locked


@transaction.atomic
def discard_draft(assistance_request: AssistanceRequest, *, actor: User) -> str:
    """Delete a draft the organisation never saw, with its files; returns its reference.

    The reference is not reused (the counter keeps it) and the audit trail keeps the deletion.
    """
    locked = AssistanceRequest.objects.select_for_update().get(pk=assistance_request.pk)
    if not permissions.can_discard_draft(actor, locked):
        raise PermissionDenied
    files = [document.file for document in locked.documents.all()]
    locked.changed_by(actor)
    reference = locked.reference
    locked.delete()
    transaction.on_commit(lambda: _delete_files(files))
    return reference


def _delete_files(files: Iterable[FieldFile]) -> None:
    """The stored files of a discarded draft, once its deletion is committed."""
    for file in files:
        if file.name:
            file.storage.delete(file.name)


def restamp_region(party: Party) -> None:
    """The party's requests take its region (registered with portal.services.save_party):
    the bureau that sees them is the one of the party's region now."""
    AssistanceRequest.objects.filter(party=party).exclude(region=party.region).update(
        region=party.region
    )
