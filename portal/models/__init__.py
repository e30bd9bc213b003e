from portal.models.activities import Activity, ActivityConsent, ActivityStatus, ActivityType
from portal.models.development import DevelopmentStatus, StatusKind
from portal.models.kept_forms import KeptForm
from portal.models.matching import (
    AssistanceKind,
    LegalArea,
    Match,
    MatchStatus,
    Need,
    NeedStatus,
    OfferType,
    Provider,
    Resource,
    ResourceStatus,
    Visibility,
)
from portal.models.notifications import (
    Notification,
    NotificationLevel,
    NotificationPreference,
)
from portal.models.parties import Membership, Party, Region
from portal.models.provider_applications import ApplicationStatus, ProviderApplication
from portal.models.registry import Cluster, Recommendation
from portal.models.roster import Consultant
from portal.models.users import User
from portal.models.workflow import StatusHistory

__all__ = [
    "Activity",
    "ActivityConsent",
    "ActivityStatus",
    "ActivityType",
    "ApplicationStatus",
    "AssistanceKind",
    "Cluster",
    "Consultant",
    "DevelopmentStatus",
    "KeptForm",
    "LegalArea",
    "Match",
    "MatchStatus",
    "Membership",
    "Need",
    "NeedStatus",
    "Notification",
    "NotificationLevel",
    "NotificationPreference",
    "OfferType",
    "Party",
    "Provider",
    "ProviderApplication",
    "Recommendation",
    "Region",
    "Resource",
    "ResourceStatus",
    "StatusHistory",
    "StatusKind",
    "User",
    "Visibility",
]
