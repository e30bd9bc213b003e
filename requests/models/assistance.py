from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from portal.models.parties import Region
from requests.models.choices import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    PARTY_ONLY_STATUSES,
    PAUSED_STATUSES,
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

# A request says what is needed in a few pages at most; the drafts and laws are attachments.
DESCRIPTION_MAX_LENGTH = 10_000


# The answers a party gives on its request, as the form asks them and the drafting service
# saves them (beneficiaries, a many-to-many, are set apart).
DRAFT_FIELDS = (
    "kind",
    "purpose",
    "legal_areas",
    "policy_format",
    "venue",
    "enforcement_agencies",
    "enforcement_areas",
    "enforcement_help",
    "treaties",
    "title",
    "description",
    "wished_by",
)


def _statuses(statuses) -> list[str]:
    return sorted(str(status) for status in statuses)  # a stable order for the migrations


# The desk's queues as far as they depend neither on who looks nor on the day
# (requests.selectors adds those parts). Each has a partial index of its own in the desk's
# order (newest submission first), the region after it: a queue's page is its first entries
# (a bureau's: the first of its region), its count those entries up to the count's limit, read
# from the index alone. The running requests have a second, by time frame, for the overdue
# and due-soon counts.
QUEUE_PREDICATES = {
    "unassigned": Q(assigned_officer__isnull=True, status__in=_statuses(OPEN_STATUSES)),
    "waiting": Q(status=Status.INFORMATION_REQUESTED),
    "on_hold": Q(status=Status.ON_HOLD),
    "running": Q(status__in=_statuses(OPEN_STATUSES - PAUSED_STATUSES)),
    "current": ~Q(status__in=_statuses(CLOSED_STATUSES | PARTY_ONLY_STATUSES)),
    "closed": Q(status__in=_statuses(CLOSED_STATUSES)),
}
QUEUE_INDEXES = [
    *(
        models.Index(
            fields=["-submitted_at", "-id", "region"],
            condition=predicate,
            name=f"request_queue_{key}",
        )
        for key, predicate in QUEUE_PREDICATES.items()
    ),
    models.Index(
        fields=["region", "due_date", "wished_by"],
        condition=QUEUE_PREDICATES["running"],
        name="request_queue_time_frame",
    ),
]


class AssistanceRequest(models.Model):
    """A party's request for assistance; confidential to that party and the staff handling it."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    party = models.ForeignKey(
        "portal.Party",
        on_delete=models.PROTECT,
        related_name="assistance_requests",
        verbose_name=_("requesting party"),
    )
    # A regional organisation's request may name member states it benefits; they see it too.
    beneficiaries = models.ManyToManyField(
        "portal.Party",
        blank=True,
        related_name="benefiting_requests",
        verbose_name=_("beneficiary member states"),
    )
    kind = models.CharField(_("kind of assistance"), max_length=16, choices=Kind.choices)
    purpose = models.CharField(
        _("purpose of the legislative advice"),
        max_length=16,
        choices=LegislativePurpose.choices,
        blank=True,
    )
    legal_areas = models.JSONField(_("legal areas"), default=list, blank=True)
    policy_format = models.CharField(
        _("format"), max_length=16, choices=PolicyFormat.choices, blank=True
    )
    venue = models.CharField(_("where"), max_length=16, choices=Venue.choices, blank=True)
    # For enforcement assistance: lists of EnforcementAgency, EnforcementArea and
    # EnforcementHelp values.
    enforcement_agencies = models.JSONField(_("agencies concerned"), default=list, blank=True)
    enforcement_areas = models.JSONField(_("areas of enforcement"), default=list, blank=True)
    enforcement_help = models.JSONField(_("kind of help wanted"), default=list, blank=True)
    treaties = models.CharField(_("treaties concerned"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    wished_by = models.DateField(_("time frame wished"), null=True, blank=True)
    # Set when the request is accepted (recommendation 1: activities have time frames); moved
    # forward by the days the request then waits on the party.
    due_date = models.DateField(_("agreed time frame"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_requests",
        limit_choices_to={"is_staff": True},
        verbose_name=_("assigned officer"),
    )
    # The requesting party's region, stamped when the request is made and kept in step when the
    # party changes region (requests.services.drafting.restamp_region): a bureau's requests are
    # a plain filter on it (DESIGN.md s.4), not a join or an object permission per request.
    region = models.CharField(
        _("regional bureau"), max_length=32, choices=Region.choices, blank=True, editable=False
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    consent_general = models.BooleanField(
        _("consent to publish general information"), default=False
    )
    consent_details = models.BooleanField(_("consent to share details"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)
    # A pause (information requested, or on hold) remembers where it was taken, so resuming
    # returns there, and when, so the time frame moves by the days waited; paused_days adds up
    # every pause (the yearly review counts them apart).
    waiting_since = models.DateTimeField(_("paused since"), null=True, blank=True)
    paused_from = models.CharField(
        _("paused at"), max_length=24, choices=Status.choices, blank=True
    )
    paused_days = models.PositiveIntegerField(_("days paused"), default=0)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # The one-time token of the "new request" form that created it: the same form posted twice
    # (a double click, a retry) finds this request instead of creating another.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    # The audit trail: every change of status, assignment, consent or answers, with
    # who and when; append-only, shown to staff in the admin's history.
    history = HistoricalRecords(excluded_fields=["last_activity_at", "form_token"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")
        indexes = [
            # A party's requests in list order, the id included: the page is read in index
            # order and a party's request ids from the index alone.
            models.Index(fields=["party", "-created_at", "-id"], name="request_party_newest"),
            models.Index(fields=["status", "due_date"]),
            # An officer's requests, newest submission first: the "mine" queue's page in index
            # order; its counts (by status and time frame) from the index alone.
            models.Index(
                fields=["assigned_officer", "-submitted_at", "-id"],
                include=["status", "due_date", "wished_by"],
                name="request_queue_officer",
            ),
            # A bureau's requests: its region's, newest submission first (the desk's order).
            models.Index(fields=["region", "-submitted_at", "-id"], name="request_region_newest"),
            *QUEUE_INDEXES,
        ]

    def __str__(self) -> str:
        return f"{self.reference} · {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("requests:detail", args=[self.reference])

    def changed_by(self, user) -> None:
        """Name who makes the next save in the audit trail (django-simple-history's hook)."""
        self._history_user = user

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def legal_area_labels(self) -> list[str]:
        return [LegalArea(value).label for value in self.legal_areas if value in LegalArea.values]

    @property
    def enforcement_agency_labels(self) -> list[str]:
        return _labels(EnforcementAgency, self.enforcement_agencies)

    @property
    def enforcement_area_labels(self) -> list[str]:
        return _labels(EnforcementArea, self.enforcement_areas)

    @property
    def enforcement_help_labels(self) -> list[str]:
        return _labels(EnforcementHelp, self.enforcement_help)

    @property
    def time_frame(self):
        """The agreed time frame once there is one, else the one the party wished."""
        return self.due_date or self.wished_by

    @property
    def is_overdue(self) -> bool:
        time_frame = self.time_frame
        return bool(self.is_open and time_frame and time_frame < timezone.localdate())


def _labels(choices, values) -> list[str]:
    return [choices(value).label for value in values or () if value in choices.values]


class AssistanceRequestUserObjectPermission(UserObjectPermissionBase):
    """guardian's direct foreign-key table: object permissions of users on requests."""

    content_object = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE)
    history = HistoricalRecords()  # every grant and revocation, with who and when


class AssistanceRequestGroupObjectPermission(GroupObjectPermissionBase):
    """guardian's direct foreign-key table: object permissions of groups on requests."""

    content_object = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE)
    history = HistoricalRecords()


class ReferenceCounter(models.Model):
    """The last reference number handed out in a year; references are never reused."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"
