from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.development import annotate_status


class Region(models.TextChoices):
    """The organisation's regional bureaus; developed states belong to none."""

    AFRICA = "africa", _("Africa")
    ARAB = "arab", _("Arab region")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    LATIN_AMERICA_CARIBBEAN = "latin_america_caribbean", _("Latin America and the Caribbean")
    EUROPE_ASIA = "europe_asia", _("Certain countries in Europe and Asia")


class PartyQuerySet(models.QuerySet):
    def with_status(self, day):
        """Each party with status_ldc, status_lldc, status_sids, status_grouping for the day."""
        return annotate_status(self, day)


class Party(models.Model):
    """A member state or a regional intergovernmental organisation that can request assistance."""

    class Kind(models.TextChoices):
        STATE = "state", _("Member state")
        ORGANISATION = "organisation", _("Regional organisation")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # ISO 3166-1 alpha-2 for states; the organisation's own code (AP, OA, EA, GC, EM, BX) else.
    code = models.CharField(_("code"), max_length=8, unique=True)
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, blank=True)
    name = models.CharField(_("name"), max_length=200)
    region = models.CharField(
        _("regional bureau"), max_length=32, choices=Region.choices, blank=True
    )
    # Development status (LDC, LLDC, SIDS, developing/transition/developed) is not a flag
    # here: it is dated records (portal.models.development), read through portal.development.
    is_asean = models.BooleanField(_("ASEAN member"), default=False)
    # Non-empty where the party's membership is an assumption, not a sourced fact (shown).
    membership_note = models.CharField(_("membership note"), max_length=300, blank=True)
    # Set by the party's focal point: its officials then need a second factor to sign in.
    requires_second_factor = models.BooleanField(
        _("officials must use a second factor"), default=False
    )
    members = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="organisations",
        blank=True,
        verbose_name=_("member parties"),
        limit_choices_to={"kind": "state"},
    )

    objects = PartyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        indexes = [models.Index(fields=["kind", "region"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_state(self) -> bool:
        return self.kind == self.Kind.STATE


class Membership(models.Model):
    """A user's place in a party; a user belongs to at most one."""

    class Role(models.TextChoices):
        FOCAL_POINT = "focal_point", _("Focal point")
        OFFICIAL = "official", _("Official")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("user"),
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("party")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    history = HistoricalRecords()  # role changes, with who and when

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.party} ({self.get_role_display()})"

    @property
    def is_focal_point(self) -> bool:
        return self.role == self.Role.FOCAL_POINT
