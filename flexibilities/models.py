"""The flexibilities database: categories (reference data), legal provisions, import jobs."""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from portal.models import Party


def language_name(code: str) -> str:
    """The name of an ISO 639-1 language code in the reader's language (Django's catalogue)."""
    info = LANG_INFO.get(code, {})
    return gettext(info["name"]) if "name" in info else code


class FlexibilityCategory(models.Model):
    """One flexibility studied by the committee (reference data, loaded by migration)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Article references as printed in the TRIPS Agreement, e.g. "31" or "27.3(b)".
    trips_articles = models.JSONField(_("TRIPS articles"), default=list, blank=True)
    # The closed list of ways a law may implement the flexibility, when there is one:
    # [{"code": "...", "label": {"en": "...", "fr": "...", "es": "..."}}].
    implementation_options = models.JSONField(_("implementation options"), default=list, blank=True)
    ip_area = models.CharField(_("IP area"), max_length=40, default="patents")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("flexibility category")
        verbose_name_plural = _("flexibility categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("flexibilities:category_detail", args=[self.slug])

    @property
    def option_codes(self) -> set[str]:
        return {option["code"] for option in self.implementation_options}

    def option_error(self, code: str) -> str:
        """Why `code` cannot be a provision's option in this category ("" when it can)."""
        if not code or code in self.option_codes:
            return ""
        allowed = ", ".join(sorted(self.option_codes)) or gettext("none (leave it empty)")
        return gettext("Not an option of this category: %(allowed)s.") % {"allowed": allowed}

    def option_label(self, code: str) -> str:
        """The label of an implementation option in the reader's language (English fallback)."""
        language = (get_language() or "en").split("-")[0]
        for option in self.implementation_options:
            if option["code"] == code:
                labels = option.get("label", {})
                return labels.get(language) or labels.get("en") or code
        return code


def verification(source_url: str, last_verified, is_sample: bool) -> str:
    """ "verified" only with both a source link and a date of last verification; otherwise
    "unverified-sample" (demo text, shown as such) or "unverified"."""
    if source_url and last_verified:
        return "verified"
    return "unverified-sample" if is_sample else "unverified"


class Provision(models.Model):
    """One jurisdiction x one flexibility x one legal provision."""

    party = models.ForeignKey(
        Party,
        on_delete=models.PROTECT,
        related_name="flexibility_provisions",
        verbose_name=_("party"),
    )
    category = models.ForeignKey(
        FlexibilityCategory,
        on_delete=models.PROTECT,
        related_name="provisions",
        verbose_name=_("category"),
    )
    law_title = models.CharField(_("law title"), max_length=500)
    law_number = models.CharField(_("law number"), max_length=200, blank=True)
    law_date = models.DateField(_("date of the law"), null=True, blank=True)
    last_amended = models.DateField(_("last amended"), null=True, blank=True)
    article = models.CharField(_("article"), max_length=200)
    text = models.TextField(_("provision text"))
    text_is_excerpt = models.BooleanField(_("text is an excerpt"), default=False)
    language = models.CharField(_("language of the text"), max_length=8)
    implementation_option = models.CharField(_("implementation option"), max_length=80, blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    # What a reader should know about the text: an omission, a paraphrase, a translation.
    note = models.TextField(_("editor's note"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    # Demo rows are shown with a "sample data: verify against the official text" note.
    is_sample = models.BooleanField(_("sample data"), default=False)
    # The natural key's law part: the law number when there is one, else the title. Written
    # by services.save_provision and the import, never by hand.
    law_key = models.CharField(max_length=500, editable=False)
    # Its own words: law title, number, article and text, stemmed in its language (search_index);
    # what its flexibility and party add is in SearchTarget. Kept by the services.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = [F("law_date").desc(nulls_last=True), "-id"]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        constraints = [
            models.UniqueConstraint(
                fields=["party", "category", "law_key", "article"],
                name="flexibilities_provision_natural_key",
            )
        ]
        indexes = [
            # The default order of the public list: newest law first, published rows only.
            models.Index(
                F("law_date").desc(nulls_last=True),
                F("id").desc(),
                name="flex_prov_published_recent",
                condition=Q(is_published=True),
            ),
            models.Index(fields=["is_published", "category"], name="flex_prov_pub_category"),
            # The comparison's cells (party x category x option) from the index alone: 10
            # parties took 184 ms from the table at 250,000 provisions, 4 ms from this index.
            models.Index(
                fields=["party", "category", "implementation_option"],
                include=["id"],
                name="flex_prov_published_cell",
                condition=Q(is_published=True),
            ),
            models.Index(fields=["language"], name="flex_prov_language"),
            models.Index(fields=["law_date"], name="flex_prov_law_date"),
            GinIndex(fields=["search_vector"], name="flex_prov_search_gin"),
        ]

    def __str__(self) -> str:
        return f"{self.party.code} · {self.law_title}, {self.article}"

    def get_absolute_url(self) -> str:
        return reverse("flexibilities:provision_detail", args=[self.pk])

    @property
    def verification(self) -> str:
        return verification(self.source_url, self.last_verified, self.is_sample)

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def implementation_option_label(self) -> str:
        if not self.implementation_option:
            return ""
        return self.category.option_label(self.implementation_option)


class ImportJob(models.Model):
    """An uploaded CSV or JSON file of provisions and the progress and report of its import."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to start")
        VALIDATING = "validating", _("Checking rows")
        WRITING = "writing", _("Writing provisions")
        FINISHED = "finished", _("Finished")
        REJECTED = "rejected", _("Rejected: nothing imported")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSON = "json", "JSON"

    file = models.FileField(_("file"), upload_to="flexibilities/imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    partial = models.BooleanField(_("import the good rows even if some are bad"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("bad rows"), default=0)
    # [{"line": 12, "field": "party", "message": "..."}], capped (see imports.MAX_STORED_ERRORS).
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def is_done(self) -> bool:
        return self.status not in IMPORT_TRANSITIONS


# The life of an import job ({from: {to: who}}); the import task is its only mover
# (services.run_import_job, through portal.workflow.move). A rejected file or a failure may
# come while checking or writing; a finished, rejected or failed job moves no more.
_S = ImportJob.Status
IMPORT_TASK = "import_task"
IMPORT_TRANSITIONS: dict[str, dict[str, str]] = {
    _S.PENDING: {_S.VALIDATING: IMPORT_TASK},
    _S.VALIDATING: {_S.WRITING: IMPORT_TASK, _S.REJECTED: IMPORT_TASK, _S.FAILED: IMPORT_TASK},
    _S.WRITING: {_S.FINISHED: IMPORT_TASK, _S.REJECTED: IMPORT_TASK, _S.FAILED: IMPORT_TASK},
}


class SearchTarget(models.Model):
    """The search vector of one flexibility or one party: what every provision of it may be
    found by (names, descriptions, treaty articles, codes, region and organisations in six
    languages), stored once here rather than copied into each provision's vector (search_index,
    search). Kept by refresh_targets: the signals on saving a flexibility or a party, the
    provision services and the rebuild."""

    category = models.OneToOneField(
        FlexibilityCategory, null=True, on_delete=models.CASCADE, related_name="+"
    )
    party = models.OneToOneField(Party, null=True, on_delete=models.CASCADE, related_name="+")
    vector = SearchVectorField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(category__isnull=True) ^ Q(party__isnull=True),
                name="flex_searchtarget_one_kind",
            )
        ]

    def __str__(self) -> str:
        return f"search target {self.category_id or self.party_id}"


class SearchWord(models.Model):
    """A word of a published provision, a flexibility or a party name, unaccented and
    lowercased, with its language: the vocabulary that the search's typo correction and "did
    you mean" pick from (written by search_index; a GiST trigram index finds the nearest word
    directly, where GIN had to rank every similar word: 88 ms to 9 ms on 9,000 words)."""

    word = models.CharField(max_length=60)
    language = models.CharField(max_length=8)

    class Meta:
        indexes = [GistIndex(fields=["word"], opclasses=["gist_trgm_ops"], name="flex_word_trgm")]
        constraints = [
            models.UniqueConstraint(fields=["word", "language"], name="flex_searchword_unique")
        ]

    def __str__(self) -> str:
        return f"{self.word} ({self.language})"


class ProvisionChange(models.Model):
    """A public change of the database: a provision published (added), a published provision's
    content changed (amended) or withdrawn from publication. Written by the services only."""

    class Kind(models.TextChoices):
        ADDED = "added", _("Added")
        AMENDED = "amended", _("Amended")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    provision = models.ForeignKey(
        Provision, on_delete=models.CASCADE, related_name="changes", verbose_name=_("provision")
    )
    # Copied from the provision so the log and its feed filter without a join.
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(FlexibilityCategory, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("change"), max_length=10, choices=Kind.choices)
    # The public fields an amendment changed (names of Provision fields).
    fields = models.JSONField(_("fields changed"), default=list, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("provision change")
        verbose_name_plural = _("provision changes")
        indexes = [
            models.Index(fields=["-at", "-id"], name="flex_change_recent"),
            models.Index(fields=["party", "-at"], name="flex_change_party"),
            models.Index(fields=["category", "-at"], name="flex_change_category"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.provision_id} ({self.at:%Y-%m-%d})"


class FlexibilityAlert(models.Model):
    """A person's wish to be e-mailed when provisions of a party and/or a flexibility change."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="flexibility_alerts",
        verbose_name=_("user"),
    )
    party = models.ForeignKey(
        Party, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    category = models.ForeignKey(
        FlexibilityCategory, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("flexibilities alert")
        verbose_name_plural = _("flexibilities alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "party", "category"],
                name="flexibilities_alert_unique",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=Q(party__isnull=False) | Q(category__isnull=False),
                name="flexibilities_alert_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return " · ".join(str(part) for part in (self.party, self.category) if part)

    def matches(self, change: "ProvisionChange") -> bool:
        return (self.party_id is None or self.party_id == change.party_id) and (
            self.category_id is None or self.category_id == change.category_id
        )
