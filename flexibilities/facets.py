"""The facet lists beside the search results: each filter's values with their counts."""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from flexibilities.filters import (
    STATUS_CHOICES,
    CommaSeparatedMultiple,
    ProvisionFilter,
    trips_article_choices,
)
from flexibilities.models import language_name
from flexibilities.selectors import Facets, published_provisions
from portal.models import Region


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def facet_groups(filterset: ProvisionFilter, facets: Facets) -> list[FacetGroup]:
    """The groups in page order; parties and languages list only the values in the data."""
    cleaned = filterset.cleaned()

    def group(name, label, items, *, hide_empty=False):
        chosen = set(cleaned.get(name) or [])
        options = [
            FacetOption(value, str(text), count, value in chosen)
            for value, text, count in items
            if count or value in chosen or not hide_empty
        ]
        options.sort(key=lambda option: not option.checked)  # chosen values on top, in order
        return FacetGroup(name, label, options, list(filterset.form.errors.get(name, [])))

    categories = [(c.slug, c.name, facets.category.get(c.pk, 0)) for c in filterset.categories]
    articles = [
        (value, text, facets.trips_article.get(value, 0))
        for value, text in trips_article_choices(filterset.categories)
    ]
    regions = [(value, text, facets.region.get(value, 0)) for value, text in Region.choices]
    statuses = [(value, text, facets.status.get(value, 0)) for value, text in STATUS_CHOICES]
    parties = [(p.code, p.name, facets.party.get(p.pk, 0)) for p in filterset.parties]
    languages = sorted(
        (code, language_name(code), count) for code, count in facets.language.items()
    )
    for code in cleaned.get("language") or []:
        if code not in facets.language:
            languages.append((code, language_name(code), 0))
    return [
        group("category", _("Flexibility"), categories),
        group("party", _("Party"), sorted(parties, key=lambda p: p[1]), hide_empty=True),
        group("region", _("Regional bureau"), regions),
        group("status", _("Development status"), statuses),
        group("trips_article", _("TRIPS article"), articles),
        group("language", _("Language of the text"), languages, hide_empty=True),
    ]


# Applied filters and ways out of an empty result --------------------------------------------


@dataclass
class Chip:
    """One applied filter value, with the search's query string without it."""

    name: str
    label: str
    value: str
    remove_query: str


@dataclass
class Relaxation:
    """The search without one of its filters, when that finds something."""

    name: str
    label: str
    count: int
    query: str


def without(query: QueryDict, name: str, value: str | None = None) -> str:
    """The query string without the filter (or one of its values), back to the first page."""
    query = query.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        values = CommaSeparatedMultiple().value_from_datadict(query, None, name)
        query.setlist(name, [chosen for chosen in values if chosen != value])
    return query.urlencode()


def _single_labels(filterset: ProvisionFilter) -> dict[str, str]:
    return {name: str(filterset.filters[name].label) for name in ("q", "date_from", "date_to")}


def chips(filterset: ProvisionFilter, groups: list[FacetGroup], query: QueryDict) -> list[Chip]:
    """The applied filters in page order: the words, each chosen facet value, the dates."""
    cleaned = filterset.cleaned()
    labels = _single_labels(filterset)
    found = []
    if filterset.query:
        found.append(Chip("q", labels["q"], filterset.query, without(query, "q")))
    for group in groups:
        for option in group.options:
            if option.checked:
                remove = without(query, group.name, option.value)
                found.append(Chip(group.name, str(group.label), option.label, remove))
    for name in ("date_from", "date_to"):
        if cleaned.get(name):
            value = cleaned[name].isoformat()
            found.append(Chip(name, labels[name], value, without(query, name)))
    return found


def relaxations(filterset: ProvisionFilter, query: QueryDict) -> list[Relaxation]:
    """For an empty result: each filter whose removal alone finds provisions (a query each)."""
    labels = {**_single_labels(filterset), **{g: str(filterset.filters[g].label) for g in _GROUPS}}
    found = []
    for name in sorted(filterset.active, key=_ORDER.index):
        count = filterset.filter_queryset_except(published_provisions(), {name}).count()
        if count:
            found.append(Relaxation(name, labels[name], count, without(query, name)))
    return found


_GROUPS = ("category", "party", "region", "status", "trips_article", "language")
_ORDER = ["q", *_GROUPS, "date_from", "date_to"]
