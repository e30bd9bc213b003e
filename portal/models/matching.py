"""Recommendation 9: parties' development needs, providers' resources, and the matches between.

The vocabulary (legal areas, kinds of assistance) repeats the requests app's values so a need
becomes a request without translation; portal imports no feature app (DESIGN.md s.2), so the
values are spelt here, and tests/portal/test_matching_vocabulary.py keeps them identical.
A need's link to the request it became lives on the requests side (requests.NeedRequest).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models.parties import Region


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


class AssistanceKind(models.TextChoices):
    """The kinds of assistance of a request (requests.models.choices.Kind), same values."""

    POLICY = "policy", _("Policy assistance")
    LEGISLATIVE = "legislative", _("Legislative advice")
    STRATEGY = "strategy", _("National IP strategy")
    ENFORCEMENT = "enforcement", _("Enforcement assistance")


class OfferType(models.TextChoices):
    """What a provider gives; a need says which of these would help."""

    EXPERTISE = "expertise", _("Expertise")
    FUNDING = "funding", _("Funding")
    TRAINING_PLACES = "training_places", _("Training places")
    TOOLS = "tools", _("Tools")
    PRO_BONO_HOURS = "pro_bono_hours", _("Pro-bono hours")


class Visibility(models.TextChoices):
    """Who may see a need or a resource besides its owners and the staff (consented)."""

    PRIVATE = "private", _("Only our party and the staff")
    PROVIDERS = "providers", _("Also registered providers (without naming our party)")
    PUBLIC = "public", _("Also the public (without naming our party)")


class ResourceVisibility(models.TextChoices):
    """Who may see an offer besides its provider and the staff (same values as Visibility)."""

    PROVIDERS = "providers", _("Signed-in parties and providers")
    PUBLIC = "public", _("Everyone")


def _labels(values, choices) -> list[str]:
    names = dict(choices)
    return [str(names[value]) for value in values if value in names]


class _Vocabulary:
    """Labels of the value lists a need and a resource share, for pages and e-mails."""

    legal_areas: list[str]
    kinds: list[str]
    languages: list[str]

    @property
    def legal_area_labels(self) -> list[str]:
        return _labels(self.legal_areas, LegalArea.choices)

    @property
    def kind_labels(self) -> list[str]:
        return _labels(self.kinds, AssistanceKind.choices)

    @property
    def language_labels(self) -> list[str]:
        return _labels(self.languages, [(c.split("-")[0], n) for c, n in settings.LANGUAGES])


class Provider(models.Model):
    """An account that offers resources; it offers nothing until the staff approve it."""

    class Kind(models.TextChoices):
        MEMBER_STATE = "member_state", _("Member state")
        ORGANISATION = "organisation", _("Organisation")
        COMPANY = "company", _("Company")
        INSTITUTION = "institution", _("Institution")
        PROGRAMME = "programme", _("The organisation's own programme")
        CONSULTANT = "consultant", _("Roster consultant")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        SUSPENDED = "suspended", _("Suspended")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    description = models.TextField(_("public description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    consultant = models.OneToOneField(
        "portal.Consultant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provider",
        verbose_name=_("roster consultant"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="providers",
        blank=True,
        verbose_name=_("accounts acting for it"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


# The staff approve a provider's account, and may suspend it and approve it again.
PROVIDER_TRANSITIONS: dict[str, dict[str, str]] = {
    Provider.Status.PENDING: {Provider.Status.APPROVED: "staff"},
    Provider.Status.APPROVED: {Provider.Status.SUSPENDED: "staff"},
    Provider.Status.SUSPENDED: {Provider.Status.APPROVED: "staff"},
}


class NeedStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


# {from: {to: who}} (portal.workflow). The focal point publishes (consenting to who sees it);
# the focal point or the brokers close.
NEED_TRANSITIONS: dict[str, dict[str, str]] = {
    NeedStatus.DRAFT: {NeedStatus.PUBLISHED: "focal_point", NeedStatus.CLOSED: "closer"},
    NeedStatus.PUBLISHED: {NeedStatus.CLOSED: "closer"},
}


class Need(_Vocabulary, models.Model):
    """A party's development need; confidential to the party and staff unless consented."""

    party = models.ForeignKey(
        "portal.Party", on_delete=models.PROTECT, related_name="needs", verbose_name=_("party")
    )
    title = models.CharField(_("what is needed"), max_length=200)
    description = models.TextField(_("description"))
    legal_areas = models.JSONField(_("legal areas"), default=list)
    kinds = models.JSONField(_("kinds of assistance"), default=list, blank=True)
    offer_types = models.JSONField(_("help that would serve"), default=list, blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    expected_outcome = models.TextField(_("expected outcome"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=NeedStatus.choices,
        default=NeedStatus.DRAFT,
        db_index=True,
    )
    # Consent of the party's focal point (recommendation 5's rule): set only by a service.
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        editable=False,
    )
    visibility_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("drafted"), default=timezone.now, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("development need")
        verbose_name_plural = _("development needs")
        indexes = [models.Index(fields=["status", "visibility", "-published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="need_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("matching:need_detail", args=[self.pk])

    @property
    def offer_type_labels(self) -> list[str]:
        return _labels(self.offer_types, OfferType.choices)


class ResourceStatus(models.TextChoices):
    ACTIVE = "active", _("Offered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The provider's members withdraw an offer.
RESOURCE_TRANSITIONS: dict[str, dict[str, str]] = {
    ResourceStatus.ACTIVE: {ResourceStatus.WITHDRAWN: "provider"},
}


class Resource(_Vocabulary, models.Model):
    """What a provider offers, to whom, how much and when."""

    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="resources", verbose_name=_("provider")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    offer_type = models.CharField(_("what is offered"), max_length=16, choices=OfferType.choices)
    legal_areas = models.JSONField(_("legal areas"), default=list)
    kinds = models.JSONField(_("kinds of assistance"), default=list, blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    # Eligibility: empty regions means every region.
    regions = models.JSONField(_("regions served"), default=list, blank=True)
    ldc_only = models.BooleanField(_("for least-developed countries only"), default=False)
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("How many needs it can serve (places, hours, grants).")
    )
    available_from = models.DateField(_("available from"))
    available_until = models.DateField(_("available until"))
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=ResourceVisibility.choices,
        default=ResourceVisibility.PUBLIC,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ResourceStatus.choices,
        default=ResourceStatus.ACTIVE,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("offered"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(available_until__gte=models.F("available_from")),
                name="resource_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("matching:resource_detail", args=[self.pk])

    @property
    def region_labels(self) -> list[str]:
        return _labels(self.regions, Region.choices)


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed to the party")
    PARTY_ACCEPTED = "party_accepted", _("Accepted by the party, proposed to the provider")
    ACCEPTED = "accepted", _("Accepted by both")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by the staff")


# {from: {to: who}} (portal.workflow). The party answers first: the provider learns of the
# need's party only once the party has accepted.
MATCH_TRANSITIONS: dict[str, dict[str, str]] = {
    MatchStatus.PROPOSED: {
        MatchStatus.PARTY_ACCEPTED: "party",
        MatchStatus.DECLINED: "party",
        MatchStatus.WITHDRAWN: "staff",
    },
    MatchStatus.PARTY_ACCEPTED: {
        MatchStatus.ACCEPTED: "provider",
        MatchStatus.DECLINED: "provider",
        MatchStatus.WITHDRAWN: "staff",
    },
}


class Match(models.Model):
    """A resource the staff propose for a need; an accepted one became an activity."""

    need = models.ForeignKey(
        Need, on_delete=models.PROTECT, related_name="matches", verbose_name=_("need")
    )
    resource = models.ForeignKey(
        Resource, on_delete=models.PROTECT, related_name="matches", verbose_name=_("resource")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MatchStatus.choices,
        default=MatchStatus.PROPOSED,
        db_index=True,
    )
    score = models.PositiveSmallIntegerField(_("score when proposed"), default=0)
    reasons = models.JSONField(_("reasons when proposed"), default=list, blank=True)
    note = models.TextField(_("note from the staff"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    party_accepted_at = models.DateTimeField(_("party accepted"), null=True, blank=True)
    concluded_at = models.DateTimeField(_("concluded"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    activity = models.OneToOneField(
        "portal.Activity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="match",
        verbose_name=_("activity"),
    )
    # The party's focal point consents to the match being told as a success story.
    story_public = models.BooleanField(_("success story may be published"), default=False)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(
                fields=["need", "resource"],
                condition=models.Q(status__in=["proposed", "party_accepted", "accepted"]),
                name="match_one_open_per_pair",
            )
        ]

    def __str__(self) -> str:
        return f"{self.need} ← {self.resource}"

    def get_absolute_url(self) -> str:
        return reverse("matching:match_detail", args=[self.pk])
