"""Filters of the public needs and resources, shared by the pages, downloads and API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.matching.forms import LANGUAGE_CHOICES
from portal.models import AssistanceKind, LegalArea, Need, OfferType, Region, Resource


def _has(field: str):
    """Filter a JSON list field for one value (JSON containment: the list holds it)."""

    def method(queryset, name, value):
        return queryset.filter(**{f"{field}__contains": [value]}) if value else queryset

    return method


class _Common(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words"), method="search")
    legal_area = django_filters.ChoiceFilter(
        label=_("Legal area"),
        choices=LegalArea.choices,
        empty_label=_("Any legal area"),
        method=_has("legal_areas"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of assistance"),
        choices=AssistanceKind.choices,
        empty_label=_("Any kind"),
        method=_has("kinds"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Working language"),
        choices=LANGUAGE_CHOICES,
        empty_label=_("Any language"),
        method=_has("languages"),
    )

    def search(self, queryset, name, value):
        words = Q()
        for word in value.split()[:10]:
            words &= Q(title__icontains=word) | Q(description__icontains=word)
        return queryset.filter(words)


class NeedFilter(_Common):
    offer_type = django_filters.ChoiceFilter(
        label=_("Help that would serve"),
        choices=OfferType.choices,
        empty_label=_("Any help"),
        method=_has("offer_types"),
    )

    class Meta:
        model = Need
        fields = ["q", "legal_area", "kind", "offer_type", "language"]


class ResourceFilter(_Common):
    offer_type = django_filters.ChoiceFilter(
        label=_("What is offered"), choices=OfferType.choices, empty_label=_("Anything")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region served"),
        choices=Region.choices,
        empty_label=_("Any region"),
        method="filter_region",
    )

    class Meta:
        model = Resource
        fields = ["q", "legal_area", "kind", "offer_type", "language", "region"]

    def filter_region(self, queryset, name, value):
        # An offer that names no region serves every region.
        return queryset.filter(Q(regions=[]) | Q(regions__icontains=f'"{value}"'))
