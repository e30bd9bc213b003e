"""The one filter set of provisions, shared by the search page, the downloads and the API.

Parties and categories are small reference tables: they are read once per request and every
filter on them becomes `party_id IN (...)` or `category_id IN (...)`, so no filter needs a join
and the facet counts can be summed in Python from two grouped queries.
"""

import re

import django_filters
from django import forms
from django.conf.locale import LANG_INFO
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flexibilities import counts_cache, search
from flexibilities.models import FlexibilityCategory, Provision
from portal.models import Party, Region

MAX_QUERY_LENGTH = 200
# Above this many matches, a search is listed newest first instead of by relevance.
RANK_LIMIT = 5000


class CommaSeparatedMultiple(forms.SelectMultiple):
    """Reads ?party=KE&party=CL and ?party=KE,CL alike."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if values is None:
            return []
        if isinstance(values, str):
            values = [values]
        return [part.strip() for value in values for part in str(value).split(",") if part.strip()]


class MultipleFilter(django_filters.MultipleChoiceFilter):
    """A multiple choice filter (values OR-ed) applied by a FilterSet method."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", CommaSeparatedMultiple)
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


STATUS_CHOICES = [
    ("ldc", _("Least developed countries")),
    ("developing", _("Developing countries")),
    ("transition", _("Countries in transition")),
    ("developed", _("Developed countries")),
]
SORT_CHOICES = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest law first")),
    ("oldest", _("Oldest law first")),
    ("party", _("Party name")),
]


def category_choices() -> list[tuple[str, str]]:
    return [(category.slug, category.name) for category in FlexibilityCategory.objects.all()]


def party_choices() -> list[tuple[str, str]]:
    return [(party.code, party.name) for party in Party.objects.all()]


def language_choices() -> list[tuple[str, str]]:
    return sorted(
        (code, info["name"])
        for code, info in LANG_INFO.items()
        if "name" in info and "-" not in code
    )


def trips_article_choices(categories=None) -> list[tuple[str, str]]:
    categories = FlexibilityCategory.objects.all() if categories is None else categories
    articles = {article for category in categories for article in category.trips_articles}
    return [(article, _("Article %s") % article) for article in sorted(articles, key=_natural)]


def _natural(article: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", article)]


def party_status_matches(party: Party, statuses) -> bool:
    """Reads the status annotations of Party.objects.with_status(today)."""
    return ("ldc" in statuses and party.status_ldc) or party.status_grouping in statuses


class ProvisionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        label=_("Search words"),
        help_text=_('Words must all appear; use "quotes" for a phrase.'),
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    category = MultipleFilter(
        method="filter_category", choices=category_choices, label=_("Flexibility")
    )
    trips_article = MultipleFilter(
        method="filter_trips_article", choices=trips_article_choices, label=_("TRIPS article")
    )
    party = MultipleFilter(method="filter_party", choices=party_choices, label=_("Party"))
    region = MultipleFilter(
        method="filter_region", choices=Region.choices, label=_("Regional bureau")
    )
    status = MultipleFilter(
        method="filter_status", choices=STATUS_CHOICES, label=_("Development status")
    )
    language = MultipleFilter(
        method="filter_language", choices=language_choices, label=_("Language of the text")
    )
    date_from = django_filters.DateFilter(
        field_name="law_date",
        lookup_expr="gte",
        label=_("Law dated from"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="law_date",
        lookup_expr="lte",
        label=_("Law dated until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.ChoiceFilter(
        method="filter_nothing", choices=SORT_CHOICES, label=_("Order"), empty_label=None
    )

    class Meta:
        model = Provision
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, **reference):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.match_count: int | None = None  # counted when ranking is asked for
        self.ranked = True
        self.categories = reference.get("categories") or list(FlexibilityCategory.objects.all())
        self.parties = reference.get("parties") or list(
            Party.objects.with_status(timezone.localdate())
        )
        self.party_by_code = {party.code: party for party in self.parties}
        choices = {
            "category": [(category.slug, category.name) for category in self.categories],
            "trips_article": trips_article_choices(self.categories),
            "party": [(party.code, party.name) for party in self.parties],
        }
        for name, values in choices.items():
            self.filters[name].extra["choices"] = values

    # Filters --------------------------------------------------------------------------------

    def filter_q(self, queryset, name, value: str):
        return search.matching(queryset, self.parsed_query)

    def filter_category(self, queryset, name, value: list[str]):
        ids = [category.pk for category in self.categories if category.slug in value]
        return queryset.filter(category_id__in=ids)

    def filter_trips_article(self, queryset, name, value: list[str]):
        ids = [c.pk for c in self.categories if set(c.trips_articles) & set(value)]
        return queryset.filter(category_id__in=ids)

    def filter_party(self, queryset, name, value: list[str]):
        return queryset.filter(party_id__in=[self.party_by_code[code].pk for code in value])

    def filter_region(self, queryset, name, value: list[str]):
        return queryset.filter(party_id__in=[p.pk for p in self.parties if p.region in value])

    def filter_status(self, queryset, name, value: list[str]):
        ids = [party.pk for party in self.parties if party_status_matches(party, value)]
        return queryset.filter(party_id__in=ids)

    def filter_language(self, queryset, name, value: list[str]):
        return queryset.filter(language__in=value)

    def filter_nothing(self, queryset, name, value: str):
        return queryset  # ordering is applied last, in filter_queryset

    # Whole queryset ---------------------------------------------------------------------------

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        matches = self.filter_queryset_except(queryset, ())
        if self.sort_order == "relevance":
            # Ranking reads the search vector of every match: past RANK_LIMIT matches that
            # costs seconds, and a reader cannot use such a ranking anyway (the page says so).
            self.match_count = counts_cache.cached("matches", self, matches.count)
            self.ranked = self.match_count <= RANK_LIMIT
        return self.order(matches)

    def filter_queryset_except(self, queryset: QuerySet, excluded) -> QuerySet:
        """The queryset with every valid filter applied but the excluded ones, unordered."""
        for name, value in self.cleaned().items():
            if name not in excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def cleaned(self) -> dict:
        """The valid filter values (an invalid one is left out and its error shown)."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 - validates the form once
        return self.form.cleaned_data

    @property
    def active(self) -> set[str]:
        """Names of the filters that narrow the result (the sort order does not)."""
        empty = (None, "", [], ())
        return {n for n, v in self.cleaned().items() if v not in empty and n != "sort"}

    @property
    def query(self) -> str:
        return self.cleaned().get("q") or ""

    @property
    def parsed_query(self) -> search.ParsedQuery:
        """The query parsed once (its typo corrections cost a query on PostgreSQL)."""
        if getattr(self, "_parsed", None) is None or self._parsed.q != self.query:
            self._parsed = search.ParsedQuery(self.query)
        return self._parsed

    @property
    def sort_order(self) -> str:
        chosen = self.cleaned().get("sort")
        if chosen == "relevance" or not chosen:
            return "relevance" if self.query else "newest"
        return chosen

    def order(self, queryset: QuerySet) -> QuerySet:
        sort = self.sort_order
        if sort == "relevance" and self.ranked:
            return search.by_relevance(queryset, self.parsed_query)
        if sort == "oldest":
            return queryset.order_by(F("law_date").asc(nulls_last=True), "id")
        if sort == "party":
            return queryset.order_by("party__name", F("law_date").desc(nulls_last=True), "-id")
        return queryset.order_by(F("law_date").desc(nulls_last=True), "-id")
