"""What is public of the activities delivered on a request, and since when.

Consent is recorded in one place: the activity's consent rows (portal.activities), one per
beneficiary party and change. A consent given on the request is copied there for each of its
activities (requests.services.activities.propagate_consent), and a consent given on an
activity's own page changes that activity only. The request page reads the same rows the
activity page and the public pages read, so they cannot disagree.
"""

import datetime
from dataclasses import dataclass, field

from portal.activities.services import publication_state
from portal.models import Activity, Party
from requests.models import AssistanceRequest

PUBLIC_DETAILS, PUBLIC_GENERAL, PENDING, UNPUBLISHED = (
    "public_details",
    "public_general",
    "pending",
    "unpublished",
)


@dataclass(frozen=True)
class ActivityPublication:
    activity: Activity
    state: str  # PUBLIC_DETAILS, PUBLIC_GENERAL, PENDING or UNPUBLISHED
    general_since: datetime.datetime | None
    details_since: datetime.datetime | None
    waiting_for: list[Party] = field(default_factory=list)  # beneficiaries yet to consent


def publication_of(assistance_request: AssistanceRequest) -> list[ActivityPublication]:
    """Each activity of the request with what is public of it now, since when, and who has not
    consented yet (three queries whatever the number of activities)."""
    links = (
        assistance_request.activity_links.select_related("activity")
        .prefetch_related("activity__beneficiaries", "activity__consents")
        .order_by("linked_at", "pk")
    )
    return [_publication(link.activity) for link in links]


def _publication(activity: Activity) -> ActivityPublication:
    beneficiaries = list(activity.beneficiaries.all())
    beneficiary_ids = [party.pk for party in beneficiaries]
    latest: dict = {}
    general_since = details_since = None
    for consent in sorted(activity.consents.all(), key=lambda c: (c.at, c.pk)):
        latest[consent.party_id] = consent
        general, details = publication_state(beneficiary_ids, latest)
        general_since = (general_since or consent.at) if general else None
        details_since = (details_since or consent.at) if details else None
    # The flags on the activity are what the public pages obey; the history only dates them.
    if activity.general_info_public:
        state = PUBLIC_DETAILS if activity.details_public else PUBLIC_GENERAL
        waiting: list[Party] = []
    else:
        waiting = [
            party
            for party in beneficiaries
            if party.pk not in latest or not latest[party.pk].general
        ]
        state = PENDING if len(waiting) < len(beneficiaries) else UNPUBLISHED
        general_since = details_since = None
    return ActivityPublication(
        activity=activity,
        state=state,
        general_since=general_since if activity.general_info_public else None,
        details_since=details_since if activity.details_public else None,
        waiting_for=waiting,
    )
