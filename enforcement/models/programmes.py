from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from enforcement.models.choices import AgencyType
from enforcement.models.dates import Period

PUBLIC_SOURCE_HELP = _("Where this record comes from, in words for the public (shown on the page).")
STAFF_NOTES_HELP = _(
    "Working notes: what the source leaves open, doubts, file names. Never shown on public pages."
)


class Programme(Period):
    """An enforcement programme: its missions, meetings and outputs hang from it."""

    # Natural key of shipped reference data, so the loader can refresh the same row.
    key = models.SlugField(_("reference key"), max_length=80, unique=True, null=True, blank=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    implementing_agency = models.CharField(_("implementing agency"), max_length=200, blank=True)
    participating_parties = models.ManyToManyField(
        "portal.Party",
        related_name="enforcement_programmes",
        blank=True,
        verbose_name=_("participating parties"),
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="enforcement_teams",
        blank=True,
        limit_choices_to={"is_staff": True},
        verbose_name=_("staff team"),
        help_text=_("Staff who handle the programme: they see its confidential country reports."),
    )
    source = models.TextField(_("source"), blank=True, help_text=PUBLIC_SOURCE_HELP)
    staff_notes = models.TextField(_("notes (staff only)"), blank=True, help_text=STAFF_NOTES_HELP)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("enforcement programme")
        verbose_name_plural = _("enforcement programmes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("enforcement:programme_detail", args=[self.pk])


class NationalCoordinator(models.Model):
    """A party's coordinator for a programme; the contact is for staff and that party only."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="coordinators",
        verbose_name=_("programme"),
    )
    party = models.ForeignKey(
        "portal.Party", on_delete=models.PROTECT, related_name="+", verbose_name=_("party")
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail (staff and the party only)"), blank=True)
    phone = models.CharField(_("telephone (staff and the party only)"), max_length=50, blank=True)

    class Meta:
        ordering = ["party__name"]
        verbose_name = _("national coordinator")
        verbose_name_plural = _("national coordinators")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "party"], name="enforcement_one_coordinator_per_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.party})"


class ExpertMission(Period):
    """Field work by experts in one or more parties, on a programme the coordinator prepared."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="missions", verbose_name=_("programme")
    )
    title = models.CharField(_("title"), max_length=300)
    parties = models.ManyToManyField(
        "portal.Party", related_name="enforcement_missions", verbose_name=_("parties visited")
    )
    experts = models.ManyToManyField(
        "portal.Consultant",
        related_name="enforcement_missions",
        blank=True,
        verbose_name=_("experts from the roster"),
    )
    other_experts = models.TextField(
        _("other experts"), blank=True, help_text=_("Experts who are not on the roster.")
    )
    purpose = models.TextField(_("purpose"), blank=True)
    coordinator_programme = models.TextField(
        _("programme of meetings"),
        blank=True,
        help_text=_("The programme the national coordinator prepared for the mission."),
    )
    # What was gathered feeds the confidential country report, so it is not public either.
    findings = models.TextField(
        _("information gathered (staff and visited parties only)"), blank=True
    )
    # An enforcement-assistance request can lead to a mission; never shown to the public.
    assistance_request = models.ForeignKey(
        "requests.AssistanceRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="missions",
        verbose_name=_("assistance request"),
    )
    source = models.TextField(_("source"), blank=True, help_text=PUBLIC_SOURCE_HELP)
    staff_notes = models.TextField(_("notes (staff only)"), blank=True, help_text=STAFF_NOTES_HELP)

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("expert mission")
        verbose_name_plural = _("expert missions")

    def __str__(self) -> str:
        return self.title


class MissionMeeting(models.Model):
    """A meeting held during a mission with one agency of a visited party."""

    mission = models.ForeignKey(
        ExpertMission, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("mission")
    )
    party = models.ForeignKey(
        "portal.Party", on_delete=models.PROTECT, related_name="+", verbose_name=_("party")
    )
    agency_type = models.CharField(_("agency type"), max_length=16, choices=AgencyType.choices)
    agency_name = models.CharField(_("agency"), max_length=200, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        ordering = ["party__name", "date", "pk"]
        verbose_name = _("meeting with an agency")
        verbose_name_plural = _("meetings with agencies")

    def __str__(self) -> str:
        return f"{self.party} · {self.agency_name or self.get_agency_type_display()}"


DEFAULT_ATTENDANCE_RULE = _(
    "Three representatives from each participating state: one official from the national "
    "IP office and two from national law-enforcement agencies and/or the national court."
)


class ConsultationMeeting(Period):
    """A meeting of the parties' agencies that discusses and adopts best practices."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("programme")
    )
    title = models.CharField(_("title"), max_length=300)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    host_party = models.ForeignKey(
        "portal.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("host party"),
    )
    invited_parties = models.ManyToManyField(
        "portal.Party",
        related_name="enforcement_meetings",
        blank=True,
        verbose_name=_("participating parties"),
    )
    description = models.TextField(_("description"), blank=True)
    attendance_rule = models.TextField(
        _("attendance rule"),
        blank=True,
        help_text=_("The default the attendee form helps with; not a hard limit."),
    )
    source = models.TextField(_("source"), blank=True, help_text=PUBLIC_SOURCE_HELP)
    staff_notes = models.TextField(_("notes (staff only)"), blank=True, help_text=STAFF_NOTES_HELP)

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("consultation meeting")
        verbose_name_plural = _("consultation meetings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("enforcement:meeting_detail", args=[self.pk])


class Attendee(models.Model):
    """One representative of a party at a consultation meeting; names are for staff only."""

    meeting = models.ForeignKey(
        ConsultationMeeting,
        on_delete=models.CASCADE,
        related_name="attendees",
        verbose_name=_("meeting"),
    )
    party = models.ForeignKey(
        "portal.Party", on_delete=models.PROTECT, related_name="+", verbose_name=_("party")
    )
    agency_type = models.CharField(_("agency type"), max_length=16, choices=AgencyType.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)

    class Meta:
        ordering = ["party__name", "agency_type", "name"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")

    def __str__(self) -> str:
        return f"{self.name} ({self.party})"
