"""Reads of the flexibilities database, shaped for the pages, downloads and API that show them.

Every public read starts from `published_provisions()`: an unpublished provision never
reaches a page, a download or the API.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from flexibilities import counts_cache
from flexibilities.filters import STATUS_CHOICES, ProvisionFilter, party_status_matches
from flexibilities.models import FlexibilityCategory, Provision
from portal.models import Party, Region

STATUSES = [value for value, _label in STATUS_CHOICES]


def published_provisions() -> QuerySet[Provision]:
    """Every provision the public may see, and only those."""
    return Provision.objects.filter(is_published=True)


def with_relations(queryset: QuerySet[Provision]) -> QuerySet[Provision]:
    """Provisions with their party and category joined (lists, downloads, API)."""
    return queryset.select_related("party", "category")


def public_provision(pk: int) -> Provision | None:
    return with_relations(published_provisions()).filter(pk=pk).first()


def provision_filter(data: Mapping[str, Any], **reference: Any) -> ProvisionFilter:
    """The filter set of the public search over published provisions."""
    return ProvisionFilter(data, queryset=with_relations(published_provisions()), **reference)


def all_categories() -> list[FlexibilityCategory]:
    return list(FlexibilityCategory.objects.all())


def all_parties() -> list[Party]:
    """Every party with its development status today (read by the status filter)."""
    return list(Party.objects.with_status(timezone.localdate()))


# Facets ------------------------------------------------------------------------------------


@dataclass
class Facets:
    """Counts of the current result set by each filter, that filter itself left out."""

    category: dict[int, int] = field(default_factory=dict)
    trips_article: dict[str, int] = field(default_factory=dict)
    party: dict[int, int] = field(default_factory=dict)
    region: dict[str, int] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    language: dict[str, int] = field(default_factory=dict)


# facet -> (grouping column, the filters it leaves out so its other values stay visible)
_FACETS = {
    "category": ("category_id", {"category"}),
    "trips_article": ("category_id", {"trips_article"}),
    "party": ("party_id", {"party"}),
    "region": ("party_id", {"region"}),
    "status": ("party_id", {"status"}),
    "language": ("language", {"language"}),
}


def facet_counts(filterset: ProvisionFilter) -> Facets:
    """Facet counts in at most six grouped queries, whatever the size of the data.

    Facets that group by the same column and leave out no active filter share one query,
    so a page without filters costs three; none while the counts are cached (counts_cache).
    """
    return counts_cache.cached("facets", filterset, lambda: _facet_counts(filterset))


def _facet_counts(filterset: ProvisionFilter) -> Facets:
    grouped: dict[tuple, dict] = {}
    raw = {}
    for name, (column, excluded) in _FACETS.items():
        left_out = frozenset(excluded & filterset.active)
        key = (column, left_out)
        if key not in grouped:
            queryset = filterset.filter_queryset_except(published_provisions(), left_out)
            rows = queryset.order_by().values_list(column).annotate(n=Count("id"))
            grouped[key] = dict(rows)
        raw[name] = grouped[key]
    return _shape_facets(filterset, raw)


def _shape_facets(filterset: ProvisionFilter, raw: dict) -> Facets:
    facets = Facets(category=raw["category"], party=raw["party"], language=raw["language"])
    for category in filterset.categories:
        for article in category.trips_articles:
            count = raw["trips_article"].get(category.pk, 0)
            facets.trips_article[article] = facets.trips_article.get(article, 0) + count
    for party in filterset.parties:
        region_count = raw["region"].get(party.pk, 0)
        if region_count and party.region:
            facets.region[party.region] = facets.region.get(party.region, 0) + region_count
        status_count = raw["status"].get(party.pk, 0)
        for status in STATUSES:
            if status_count and party_status_matches(party, {status}):
                facets.status[status] = facets.status.get(status, 0) + status_count
    return facets


# Browse pages -----------------------------------------------------------------------------


def categories_with_counts() -> QuerySet[FlexibilityCategory]:
    """Every category with its number of published provisions and of parties using it."""
    published = Q(provisions__is_published=True)
    return FlexibilityCategory.objects.annotate(
        provision_count=Count("provisions", filter=published),
        party_count=Count("provisions__party", filter=published, distinct=True),
    )


def category_by_slug(slug: str) -> FlexibilityCategory | None:
    return FlexibilityCategory.objects.filter(slug=slug).first()


@dataclass
class PartyUsage:
    party: Party
    count: int = 0
    options: dict[str, int] = field(default_factory=dict)


def category_usage(category: FlexibilityCategory) -> list[PartyUsage]:
    """The parties with a published provision in the category, with the options they chose."""
    rows = list(
        published_provisions()
        .filter(category=category)
        .order_by()
        .values_list("party_id", "implementation_option")
        .annotate(n=Count("id"))
    )
    usage: dict[int, PartyUsage] = {}
    parties = {}
    if rows:
        parties = Party.objects.in_bulk({party_id for party_id, _option, _n in rows})
    for party_id, option, count in rows:
        entry = usage.setdefault(party_id, PartyUsage(parties[party_id]))
        entry.count += count
        if option:
            entry.options[option] = entry.options.get(option, 0) + count
    return sorted(usage.values(), key=lambda entry: entry.party.name)


def parties_with_counts() -> QuerySet[Party]:
    """Parties with at least one published provision, with how many, by name."""
    return (
        Party.objects.annotate(
            provision_count=Count(
                "flexibility_provisions", filter=Q(flexibility_provisions__is_published=True)
            )
        )
        .filter(provision_count__gt=0)
        .order_by("name")
    )


def party_by_code(code: str) -> Party | None:
    return Party.objects.filter(code=code.upper()).first()


@dataclass
class CategorySection:
    category: FlexibilityCategory
    count: int
    provisions: Sequence[Provision]

    @property
    def more(self) -> int:
        return self.count - len(self.provisions)


def party_provisions_by_category(party: Party, per_category: int = 10) -> list[CategorySection]:
    """The party's published provisions grouped by category, the newest few of each (3 queries)."""
    published = published_provisions().filter(party=party)
    counts = dict(published.order_by().values_list("category_id").annotate(n=Count("id")))
    newest = (
        published.select_related("category")
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=[F("category_id")],
                order_by=[F("law_date").desc(nulls_last=True), F("id").desc()],
            )
        )
        .filter(position__lte=per_category)
        .order_by("category_id", "position")
    )
    by_category = defaultdict(list)
    for provision in newest:
        by_category[provision.category_id].append(provision)
    return [
        CategorySection(category, counts[category.pk], by_category[category.pk])
        for category in FlexibilityCategory.objects.all()
        if category.pk in counts
    ]


# Compare ----------------------------------------------------------------------------------


@dataclass
class Cell:
    count: int = 0
    options: list[str] = field(default_factory=list)


def compare_matrix(parties: list[Party], categories: list[FlexibilityCategory]) -> dict:
    """{(party_id, category_id): Cell} of published provisions, in one grouped query."""
    rows = (
        published_provisions()
        .filter(party__in=parties, category__in=categories)
        .order_by()
        .values_list("party_id", "category_id", "implementation_option")
        .annotate(n=Count("id"))
    )
    by_pk = {category.pk: category for category in categories}
    cells: dict[tuple[int, int], Cell] = {}
    for party_id, category_id, option, count in rows:
        cell = cells.setdefault((party_id, category_id), Cell())
        cell.count += count
        if option:
            cell.options.append(by_pk[category_id].option_label(option))
    return cells


def organisation_members(codes: set[str]) -> set[int]:
    """The ids of the member states of the given regional organisations (one query)."""
    through = Party.members.through
    rows = through.objects.filter(from_party__code__in=codes).values_list("to_party_id", flat=True)
    return set(rows)


def region_label(code: str) -> str:
    return str(Region(code).label) if code in Region.values else code
