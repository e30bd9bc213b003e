"""Read-only API of the public needs and resources (the same filters as the pages)."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle

from portal.matching import selectors
from portal.matching.filters import NeedFilter, ResourceFilter
from portal.security.client_ip import client_ip


def _codes():
    return serializers.ListField(child=serializers.CharField())


class _Shared(serializers.Serializer):
    """The columns of the downloads (portal.matching.exports), typed for the schema."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    legal_areas = _codes()
    kinds = _codes()
    languages = _codes()


class NeedRows(_Shared):
    offer_types = _codes()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    expected_outcome = serializers.CharField()
    published_at = serializers.DateTimeField()


class ResourceRows(_Shared):
    provider = serializers.CharField(source="provider.name")
    offer_type = serializers.CharField()
    regions = _codes()
    ldc_only = serializers.BooleanField()
    capacity = serializers.IntegerField()
    available_from = serializers.DateField()
    available_until = serializers.DateField()


class _Throttle(AnonRateThrottle):
    """Per address, as the lock-out reads it (DRF's own reading of X-Forwarded-For would let a
    client pick a new identity per request)."""

    def get_ident(self, request):
        return client_ip(request) or super().get_ident(request)


class _Pages(PageNumberPagination):
    page_size = 50


class _PublicList(generics.ListAPIView):
    filter_backends = [DjangoFilterBackend]
    pagination_class = _Pages
    throttle_classes = [_Throttle]


class NeedList(_PublicList):
    """Needs their party consented to make public (the party is never named)."""

    serializer_class = NeedRows
    filterset_class = NeedFilter

    def get_queryset(self):
        return selectors.public_needs()


class ResourceList(_PublicList):
    """Resources their approved provider offers publicly."""

    serializer_class = ResourceRows
    filterset_class = ResourceFilter

    def get_queryset(self):
        return selectors.public_resources()
