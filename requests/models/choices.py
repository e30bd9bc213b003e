"""The value lists of a request, in the words of seeds/000 (policy and legislative assistance)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class LegalArea(models.TextChoices):
    COPYRIGHT = "copyright", _("Copyright")
    PATENTS = "patents", _("Patents")
    TRADEMARKS = "trademarks", _("Trademarks")
    INDUSTRIAL_DESIGNS = "industrial_designs", _("Industrial designs")
    GEOGRAPHICAL_INDICATIONS = "geographical_indications", _("Geographical indications")
    GENETIC_RESOURCES = "genetic_resources", _("Genetic resources")
    TRADITIONAL_KNOWLEDGE = "traditional_knowledge", _("Traditional knowledge")
    TRADITIONAL_CULTURAL_EXPRESSIONS = (
        "traditional_cultural_expressions",
        _("Traditional cultural expressions"),
    )
    BUILDING_RESPECT = "building_respect", _("Building respect for IP")


class PolicyFormat(models.TextChoices):
    MEETING = "meeting", _("A meeting of government officials and heads of IP offices")
    CONSULTATION = "consultation", _("A tailor-made consultation")


class Venue(models.TextChoices):
    HEADQUARTERS = "headquarters", _("At the organisation's headquarters in Geneva")
    MEMBER_STATE = "member_state", _("In the member state")
    ONLINE = "online", _("Online")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
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
