"""The desk's composer: a reply, and the move that goes with it, in one submit."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import User
from requests.models import AssistanceRequest, Message, Status, StatusChange
from requests.services.conversation import post_message, upload_document
from requests.services.workflow import assign_officer, transition

# Moves whose text the party must read (the question, the reason for a pause or a refusal).
PARTY_READS = frozenset({Status.INFORMATION_REQUESTED, Status.ON_HOLD, Status.DECLINED})
# A move's refusal names its own fields; the composer has a text and a file.
_COMPOSER_FIELDS = {"note": "body", "reason": "body", "deliverable": "attachment"}


@transaction.atomic
def reply(
    assistance_request: AssistanceRequest,
    *,
    actor: User,
    body: str,
    internal: bool,
    attachment: UploadedFile | None = None,
    to_status: str = "",
    due_date: datetime.date | None = None,
    expected_status: str | None = None,
    assignee: User | None = None,
) -> Message | StatusChange | None:
    """Staff write to the party (with a file, if any) or leave an internal note, and with
    `to_status` move the request in the same transaction: all of it or nothing.

    With a move, the text is the move's note (the question, the reason, the words sent with
    the acceptance or the deliverable), so the case has one entry and the party one e-mail;
    a file sent on delivery is the deliverable. With `assignee` (a saved reply's, or chosen
    in the composer) the triage desk also assigns the request.
    """
    if assignee is not None and assignee != assistance_request.assigned_officer:
        assign_officer(assistance_request, assignee, actor=actor)
    if attachment is not None and internal:
        raise ValidationError(
            {"attachment": _("Files are shared with the party: send them in a reply.")}
        )
    if not to_status:
        message = post_message(assistance_request, actor=actor, body=body, internal=internal)
        if attachment is not None:
            upload_document(assistance_request, attachment, actor=actor)
        return message
    if internal and to_status in PARTY_READS:
        raise ValidationError({"audience": _("The party reads this text: send it to the party.")})
    if not body.strip():
        raise ValidationError({"body": _("Write the reply.")})
    delivering = to_status == Status.DELIVERED
    if attachment is not None and not delivering:
        upload_document(assistance_request, attachment, actor=actor)
    try:
        moved = transition(
            assistance_request,
            to_status,
            actor=actor,
            note=body,
            note_visible_to_party=not internal,
            reason=body if to_status == Status.DECLINED else "",
            due_date=due_date,
            deliverable=attachment if delivering else None,
            expected_status=expected_status,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(
                {_COMPOSER_FIELDS.get(k, k): v for k, v in error.error_dict.items()}
            ) from error
        raise
    return moved.status_changes.last()
