"""The value lists of the enforcement app, in the words of seeds/002 and DESIGN.md s.3."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    """How much of a stored date the source actually gives; the rest is never shown."""

    DAY = "day", _("Exact dates")
    MONTH = "month", _("Month only")
    YEAR = "year", _("Year only")


class AgencyType(models.TextChoices):
    IP_OFFICE = "ip_office", _("IP office")
    POLICE = "police", _("Police")
    CUSTOMS = "customs", _("Customs")
    JUDICIARY = "judiciary", _("Judiciary (court)")
    PROSECUTION = "prosecution", _("Prosecution")
    OTHER = "other", _("Other agency")


# The seeds/002 attendance rule counts these as "enforcement agencies and/or the court".
ENFORCEMENT_OR_COURT = frozenset(
    {
        AgencyType.POLICE,
        AgencyType.CUSTOMS,
        AgencyType.JUDICIARY,
        AgencyType.PROSECUTION,
        AgencyType.OTHER,
    }
)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    UNDER_NATIONAL_REVIEW = "under_national_review", _("Under national review")
    APPROVED = "approved", _("Approved")


class ReviewAction(models.TextChoices):
    SENT_FOR_REVIEW = "sent_for_review", _("Sent to the party for national review")
    RETURNED = "returned", _("Returned with comments")
    APPROVED = "approved", _("Approved by the party")
    NEW_VERSION = "new_version", _("New version uploaded")


class PracticeArea(models.TextChoices):
    INTERAGENCY = "interagency", _("Interagency cooperation")
    INTELLIGENCE = "intelligence", _("Intelligence")
    OPERATIONS = "operations", _("Enforcement operations")
    COURTS = "courts", _("Courts")
    CUSTOMS = "customs", _("Customs")
    STATISTICS = "statistics", _("Statistics")
    RIGHT_HOLDERS = "right_holders", _("Right holders, including SMEs and GI producers")
    AWARENESS = "awareness", _("Awareness raising")


class PracticeScope(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")


class PracticeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ADOPTED = "adopted", _("Adopted by the meeting")


class Metric(models.TextChoices):
    CASES = "cases", _("Cases")
    ARTICLES_SEIZED = "articles_seized", _("Articles seized")
    RETAIL_VALUE = "retail_value", _("Retail value")
    RAIDS = "raids", _("Raids")
    PROSECUTIONS = "prosecutions", _("Prosecutions")
    CONVICTIONS = "convictions", _("Convictions")
    ONLINE_TAKEDOWNS = "online_takedowns", _("Online takedowns")


# Every metric but retail value counts things, so its figures are whole numbers.
MONETARY_METRICS = frozenset({Metric.RETAIL_VALUE})


class IPRight(models.TextChoices):
    ALL = "all", _("All IP rights (total)")
    COPYRIGHT = "copyright", _("Copyright and related rights")
    TRADEMARK = "trademark", _("Trademarks")
    PATENT = "patent", _("Patents")
    INDUSTRIAL_DESIGN = "industrial_design", _("Industrial designs")
    GEOGRAPHICAL_INDICATION = "geographical_indication", _("Geographical indications")
    OTHER = "other", _("Other")


class ProductCategory(models.TextChoices):
    ALL = "all", _("All products (total)")
    CLOTHING = "clothing", _("Clothing, footwear and accessories")
    PHARMACEUTICALS = "pharmaceuticals", _("Pharmaceuticals")
    ELECTRONICS = "electronics", _("Electronics")
    COSMETICS = "cosmetics", _("Cosmetics and personal care")
    FOOD = "food", _("Food and beverages")
    TOBACCO = "tobacco", _("Tobacco products")
    VEHICLE_PARTS = "vehicle_parts", _("Vehicle parts")
    TOYS = "toys", _("Toys")
    MEDIA = "media", _("Optical media and software")
    DIGITAL = "digital", _("Digital content online")
    OTHER = "other", _("Other products")
