from portal.models.activities import Activity, ActivityConsent, ActivityStatus, ActivityType
from portal.models.development import DevelopmentStatus, StatusKind
from portal.models.notifications import (
    Notification,
    NotificationLevel,
    NotificationPreference,
)
from portal.models.parties import Membership, Party, Region
from portal.models.registry import Cluster, Recommendation
from portal.models.roster import Consultant
from portal.models.users import User

__all__ = [
    "Activity",
    "ActivityConsent",
    "ActivityStatus",
    "ActivityType",
    "Cluster",
    "Consultant",
    "DevelopmentStatus",
    "Membership",
    "Notification",
    "NotificationLevel",
    "NotificationPreference",
    "Party",
    "Recommendation",
    "Region",
    "StatusKind",
    "User",
]
