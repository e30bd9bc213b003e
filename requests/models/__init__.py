from requests.models.activities import RequestActivity
from requests.models.assistance import (
    AssistanceRequest,
    AssistanceRequestGroupObjectPermission,
    AssistanceRequestUserObjectPermission,
    ReferenceCounter,
)
from requests.models.choices import (
    OPEN_STATUSES,
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
from requests.models.review import ReviewReport

__all__ = [
    "OPEN_STATUSES",
    "AccessGrant",
    "AccessRecord",
    "AssistanceRequest",
    "AssistanceRequestGroupObjectPermission",
    "AssistanceRequestUserObjectPermission",
    "ConsentChange",
    "Document",
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
    "Status",
    "StatusChange",
    "Venue",
]
