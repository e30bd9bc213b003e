"""The value lists of a request, in the words of seeds/000 (policy and legislative assistance)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models.matching import LegalArea as _LegalArea


class Kind(models.TextChoices):
    POLICY = "policy", _("Policy assistance")
    LEGISLATIVE = "legislative", _("Legislative advice")
    STRATEGY = "strategy", _("National IP strategy")
    ENFORCEMENT = "enforcement", _("Enforcement assistance")


class LegislativePurpose(models.TextChoices):
    REVISE = "revise", _("Revision or update of an existing law or regulation")
    DRAFT = "draft", _("Drafting of a new law or regulation")
    ACCESSION = "accession", _("Ratification of or accession to an existing treaty")
    IMPLEMENT = "implement", _("Implementation and enforcement of a new law, regulation or treaty")
    COMPLIANCE = (
        "compliance",
        _("National compliance with international treaty obligations or negotiated agreements"),
    )
    FLEXIBILITIES = "flexibilities", _("Implementation of flexibilities in international treaties")


# The legal areas are the core's vocabulary (needs and resources use them too); one list.
LegalArea = _LegalArea


class PolicyFormat(models.TextChoices):
    MEETING = "meeting", _("A meeting of government officials and heads of IP offices")
    CONSULTATION = "consultation", _("A tailor-made consultation")


class Venue(models.TextChoices):
    HEADQUARTERS = "headquarters", _("At the organisation's headquarters in Geneva")
    MEMBER_STATE = "member_state", _("In the member state")
    ONLINE = "online", _("Online")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    READY = "ready", _("Ready for the focal point")
    SUBMITTED = "submitted", _("Submitted")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    UNDER_REVIEW = "under_review", _("Under review")
    INFORMATION_REQUESTED = "information_requested", _("Information requested")
    ON_HOLD = "on_hold", _("Paused")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# States in which the request is still the party's own: the organisation does not see it yet.
PARTY_ONLY_STATUSES = frozenset({Status.DRAFT, Status.READY})

# States in which the request is still open (its time frame can be missed).
OPEN_STATUSES = frozenset(
    {
        Status.SUBMITTED,
        Status.ACKNOWLEDGED,
        Status.UNDER_REVIEW,
        Status.INFORMATION_REQUESTED,
        Status.ON_HOLD,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
    }
)

# The working stages a request can be paused at (asked for information, or put on hold), and
# the pauses themselves: the clock of the time frame stops while a request is paused.
WORKING_STATUSES = (Status.UNDER_REVIEW, Status.ACCEPTED, Status.IN_PROGRESS)
PAUSED_STATUSES = frozenset({Status.INFORMATION_REQUESTED, Status.ON_HOLD})
# Finished: kept apart from the live requests in the desk's queues.
CLOSED_STATUSES = frozenset({Status.CLOSED, Status.WITHDRAWN, Status.DECLINED})


# What an enforcement request needs. The agency vocabulary is the enforcement app's
# (enforcement.models.choices.AgencyType), repeated here because requests does not import it.
class EnforcementAgency(models.TextChoices):
    IP_OFFICE = "ip_office", _("IP office")
    POLICE = "police", _("Police")
    CUSTOMS = "customs", _("Customs")
    JUDICIARY = "judiciary", _("Judiciary (courts)")
    PROSECUTION = "prosecution", _("Prosecution")
    OTHER = "other", _("Other agency")


class EnforcementArea(models.TextChoices):
    """The areas of the enforcement best practices (seeds/002)."""

    INTERAGENCY = "interagency", _("Interagency coordination")
    INTELLIGENCE = "intelligence", _("Intelligence")
    CUSTOMS = "customs", _("Customs")
    COURTS = "courts", _("Courts")
    STATISTICS = "statistics", _("Statistics")
    RIGHT_HOLDERS = "right_holders", _("Right holders, including SMEs and GI producers")
    AWARENESS = "awareness", _("Awareness raising")


class EnforcementHelp(models.TextChoices):
    EXPERT_MISSION = "expert_mission", _("An expert mission")
    CONSULTATION = "consultation", _("A consultation")
    TRAINING = "training", _("Training")
    PROVISIONS_REVIEW = "provisions_review", _("A review of the enforcement provisions")
