"""Messages, documents and the record of who opened a request."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.actors import Actor
from portal.models import User
from portal.uploads import CheckedUpload, check_upload
from requests import notifications
from requests.models import AccessRecord, AssistanceRequest, Document, Message, SavedReply
from requests.permissions import (
    can_manage_saved_replies,
    can_upload,
    can_work_on,
    can_write_message,
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
    assistance_request: AssistanceRequest, *, user: Actor, kind: str = AccessRecord.Kind.PORTAL_PAGE
) -> None:
    """Staff opened the request (or one of its documents): the party may see that they did.

    One row per person, day and kind, counted: an upsert, so two openings at once both count.
    """
    if not user.is_staff or getattr(user, "membership", None):
        return
    now = timezone.now()
    key = {
        "assistance_request": assistance_request,
        "user": user,
        "day": timezone.localdate(now),
        "kind": kind,
    }
    if AccessRecord.objects.filter(**key).update(count=F("count") + 1, at=now):
        return
    try:
        with transaction.atomic():
            AccessRecord.objects.create(**key, at=now)
    except IntegrityError:  # someone else's opening created the row meanwhile
        AccessRecord.objects.filter(**key).update(count=F("count") + 1, at=now)


@transaction.atomic
def reply(
    assistance_request: AssistanceRequest,
    *,
    actor: User,
    body: str,
    internal: bool,
    attachment: UploadedFile | None = None,
) -> Message:
    """Staff write to the party (with a file, if any) or leave an internal note: both or
    nothing is saved."""
    if attachment is not None and internal:
        raise ValidationError(
            {"attachment": _("Files are shared with the party: send them in a reply.")}
        )
    message = post_message(assistance_request, actor=actor, body=body, internal=internal)
    if attachment is not None:
        upload_document(assistance_request, attachment, actor=actor)
    return message


def save_saved_reply(saved_reply: SavedReply, *, actor: User) -> SavedReply:
    """The triage desk adds or changes a saved reply; who changed it last is kept."""
    if not can_manage_saved_replies(actor):
        raise PermissionDenied
    saved_reply.updated_by, saved_reply.updated_at = actor, timezone.now()
    saved_reply.save()
    return saved_reply
