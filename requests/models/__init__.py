from requests.models.activities import RequestActivity
from requests.models.assistance import (
    DRAFT_FIELDS,
    AssistanceRequest,
    AssistanceRequestGroupObjectPermission,
    AssistanceRequestUserObjectPermission,
    ReferenceCounter,
)
from requests.models.choices import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    PARTY_ONLY_STATUSES,
    PAUSED_STATUSES,
    WORKING_STATUSES,
    EnforcementAgency,
    EnforcementArea,
    EnforcementHelp,
    Kind,
    LegalArea,
    LegislativePurpose,
    PolicyFormat,
    Status,
    Venue,
)
from requests.models.needs import NeedRequest
from requests.models.records import (
    AccessGrant,
    AccessRecord,
    ConsentChange,
    Document,
    Feedback,
    Message,
    StatusChange,
)
from requests.models.replies import SavedReply
from requests.models.review import ReviewReport

__all__ = [
    "CLOSED_STATUSES",
    "DRAFT_FIELDS",
    "OPEN_STATUSES",
    "PARTY_ONLY_STATUSES",
    "PAUSED_STATUSES",
    "WORKING_STATUSES",
    "AccessGrant",
    "AccessRecord",
    "AssistanceRequest",
    "AssistanceRequestGroupObjectPermission",
    "AssistanceRequestUserObjectPermission",
    "ConsentChange",
    "Document",
    "EnforcementAgency",
    "EnforcementArea",
    "EnforcementHelp",
    "Feedback",
    "Kind",
    "LegalArea",
    "LegislativePurpose",
    "Message",
    "NeedRequest",
    "PolicyFormat",
    "ReferenceCounter",
    "RequestActivity",
    "ReviewReport",
    "SavedReply",
    "Status",
    "StatusChange",
    "Venue",
]
