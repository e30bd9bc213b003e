"""Read-only API of the public needs and resources (the same filters as the pages)."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle

from portal.matching import exports, selectors
from portal.matching.filters import NeedFilter, ResourceFilter


class _Rows(serializers.BaseSerializer):
    row = staticmethod(exports.need_row)

    def to_representation(self, instance):
        return self.row(instance)


class NeedRows(_Rows):
    row = staticmethod(exports.need_row)


class ResourceRows(_Rows):
    row = staticmethod(exports.resource_row)


class _Pages(PageNumberPagination):
    page_size = 50


class _PublicList(generics.ListAPIView):
    filter_backends = [DjangoFilterBackend]
    pagination_class = _Pages
    throttle_classes = [AnonRateThrottle]


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
