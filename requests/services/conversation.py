"""Messages, documents and the record of who opened a request."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.actors import Actor
from portal.models import User
from portal.uploads import CheckedUpload, check_upload
from requests import notifications
from requests.models import AccessRecord, AssistanceRequest, Document, Message, SavedReply
from requests.permissions import (
    can_change_saved_reply,
    can_take_part,
    can_upload,
    can_work_on,
    can_write_message,
    is_request_staff,
)


def validate_upload(upload: UploadedFile) -> CheckedUpload:
    """Check an upload before anything is written; raises ValidationError."""
    return check_upload(upload)


def _touch(assistance_request: AssistanceRequest) -> None:
    AssistanceRequest.objects.filter(pk=assistance_request.pk).update(
        last_activity_at=timezone.now()
    )


@transaction.atomic
def add_document(
    assistance_request: AssistanceRequest,
    upload: UploadedFile,
    *,
    actor: User,
    kind: str | None = None,
    message: Message | None = None,
) -> Document:
    """Store an upload privately with its checksum; the caller has checked the right to upload."""
    checked = check_upload(upload)
    kind = kind or Document.Kind.SUPPORTING
    if kind == Document.Kind.DELIVERABLE and not can_work_on(actor, assistance_request):
        raise PermissionDenied
    upload.name = checked.name
    document = Document.objects.create(
        assistance_request=assistance_request,
        kind=kind,
        file=upload,
        original_name=checked.name,
        size=checked.size,
        sha256=checked.sha256,
        content_type=checked.content_type,
        uploaded_by=actor,
        message=message,
    )
    _touch(assistance_request)
    return document


@transaction.atomic
def upload_document(
    assistance_request: AssistanceRequest,
    upload: UploadedFile,
    *,
    actor: User,
    kind: str | None = None,
) -> Document:
    """A document added from the request page, by someone allowed to upload now."""
    if not can_take_part(actor, assistance_request):
        raise PermissionDenied
    if not can_upload(actor, assistance_request):
        raise ValidationError(_("Documents can no longer be added to this request."))
    return add_document(assistance_request, upload, actor=actor, kind=kind)


def validate_attachments(
    attachments: Iterable[UploadedFile], *, field: str = "attachments"
) -> None:
    """Check every file before anything is written, so a bad one leaves no trace."""
    errors = []
    for upload in attachments:
        try:
            check_upload(upload)
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({field: errors})


@transaction.atomic
def post_message(
    assistance_request: AssistanceRequest,
    *,
    actor: User,
    body: str,
    internal: bool = False,
    attachments: Iterable[UploadedFile] = (),
) -> Message:
    """Add to the bilateral thread (or, for staff, an internal note), with any files, and tell
    the other side; a file refused leaves neither the message nor any file behind."""
    if not can_take_part(actor, assistance_request):
        raise PermissionDenied
    if not can_write_message(actor, assistance_request):
        raise ValidationError(_("You cannot write on this request now."))
    if internal and not actor.is_staff:
        raise PermissionDenied
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    if attachments and internal:
        # Documents are the party's to see: a file on a note for staff only would leak.
        raise ValidationError({"attachments": _("Internal notes carry no files.")})
    if attachments and not can_upload(actor, assistance_request):
        raise ValidationError({"attachments": _("Files can no longer be added to this request.")})
    validate_attachments(attachments)
    message = Message.objects.create(
        assistance_request=assistance_request, author=actor, body=body, internal=internal
    )
    for upload in attachments:
        add_document(assistance_request, upload, actor=actor, message=message)
    _touch(assistance_request)
    if not internal:
        notifications.message_posted(assistance_request, message)
    return message


def record_access(
    assistance_request: AssistanceRequest,
    *,
    user: Actor,
    kind: str = AccessRecord.Kind.PORTAL_PAGE,
    document: Document | None = None,
) -> None:
    """Staff opened the request (or one of its documents, named): the party may see it.

    Once per person, day and thing opened: reloading a page, or reading a document again the
    same day, adds nothing. One statement that ignores the row if it is there, so two openings
    at once leave one row.
    """
    if not user.is_staff or getattr(user, "membership", None):
        return
    now = timezone.now()
    AccessRecord.objects.bulk_create(
        [
            AccessRecord(
                assistance_request=assistance_request,
                user=user,
                day=timezone.localdate(now),
                kind=kind,
                document=document,
                at=now,
            )
        ],
        ignore_conflicts=True,
    )


def save_saved_reply(saved_reply: SavedReply, *, actor: User) -> SavedReply:
    """Add or change a saved reply: a shared one by the triage desk, a personal one by its
    owner (who it is made for); who changed it last is kept."""
    if saved_reply.pk is not None:
        stored = SavedReply.objects.get(pk=saved_reply.pk)
        if not can_change_saved_reply(actor, stored):
            raise PermissionDenied
    if not is_request_staff(actor):
        raise PermissionDenied
    if saved_reply.owner_id is None:
        saved_reply.owner = actor
    if not can_change_saved_reply(actor, saved_reply):
        raise ValidationError({"shared": _("Only the triage desk shares saved replies.")})
    saved_reply.updated_by, saved_reply.updated_at = actor, timezone.now()
    saved_reply.save()
    return saved_reply
