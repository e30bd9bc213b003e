"""Every state change of a request goes through these functions (STYLE.md convention 1)."""

from requests.services.access import grant_access, revoke_access
from requests.services.conversation import (
    add_document,
    post_message,
    record_access,
    save_saved_reply,
)
from requests.services.desk import reply
from requests.services.drafting import create_draft, update_draft
from requests.services.feedback import give_feedback, set_consent
from requests.services.workflow import assign_officer, send_information, take, transition

__all__ = [
    "add_document",
    "assign_officer",
    "create_draft",
    "give_feedback",
    "grant_access",
    "post_message",
    "record_access",
    "reply",
    "revoke_access",
    "save_saved_reply",
    "send_information",
    "set_consent",
    "take",
    "transition",
    "update_draft",
]
