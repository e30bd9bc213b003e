"""Read-only API endpoints: categories, provisions (same filters and search as the page), parties.

Every endpoint answers 400 with a JSON object naming each unknown or invalid query parameter,
and anonymous use is throttled per address.
"""

from django.db.models import Count, Q
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from flexibilities import selectors
from flexibilities.api.serializers import CategorySerializer, PartySerializer, ProvisionSerializer
from flexibilities.filters import ProvisionFilter
from portal.models import Party
from portal.security.client_ip import client_ip

DEFAULT_ANON_RATE = "120/min"

ERRORS = OpenApiResponse(
    response={
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    description="A query parameter is unknown or invalid; each one is named with its problem.",
)
NOT_FOUND = OpenApiResponse(description="No such published record.")
PAGE_NOT_FOUND = OpenApiResponse(description="A page past the last one.")
THROTTLED = OpenApiResponse(description="Too many requests from this address; retry later.")


class PublicApiThrottle(AnonRateThrottle):
    """Per-address limit; REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"] overrides it."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or DEFAULT_ANON_RATE

    def get_ident(self, request):
        # The address the lock-out uses too; DRF's own reading of X-Forwarded-For would let a
        # client pick a new identity per request.
        return client_ip(request) or super().get_ident(request)


class StrictPagination(PageNumberPagination):
    """Page numbers; a bad `page` or `page_size` is a 400 naming it, never a silent default."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            message = f"A whole number from 1 to {self.max_page_size}."
            raise ValidationError({self.page_size_query_param: [message]})
        return int(raw)

    def get_schema_operation_parameters(self, view):
        # Say in the OpenAPI description what get_page_size and paginate_queryset enforce.
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            "page": {"minimum": 1},
            "page_size": {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def paginate_queryset(self, queryset, request, view=None):
        # A malformed page is the caller's error (400); a well-formed page past the last is
        # simply not there (404). Both name the parameter.
        raw = request.query_params.get(self.page_query_param, "1")
        if not raw.isdigit() or int(raw) < 1:
            message = "A whole number from 1."
            raise ValidationError({self.page_query_param: [message]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise NotFound({self.page_query_param: [str(error.detail)]}) from error


class PublicApiMixin:
    """Throttled, read-only, and strict about query parameters."""

    throttle_classes = [PublicApiThrottle]
    pagination_class = StrictPagination
    extra_query_params: tuple[str, ...] = ()

    def allowed_query_params(self) -> set[str]:
        allowed = set(self.extra_query_params)
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        if self.pagination_class and getattr(self, "action_is_list", False):
            allowed |= {"page", "page_size"}
        return allowed

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        unknown = sorted(set(request.query_params) - self.allowed_query_params())
        if unknown:
            raise ValidationError({name: ["Unknown query parameter."] for name in unknown})


@extend_schema_view(
    get=extend_schema(
        responses={200: CategorySerializer, 400: ERRORS, 404: PAGE_NOT_FOUND, 429: THROTTLED}
    )
)
class CategoryList(PublicApiMixin, generics.ListAPIView):
    """The flexibility categories, with their number of published provisions and parties."""

    serializer_class = CategorySerializer
    action_is_list = True

    def get_queryset(self):
        return selectors.categories_with_counts()


@extend_schema_view(
    get=extend_schema(
        responses={200: CategorySerializer, 400: ERRORS, 404: NOT_FOUND, 429: THROTTLED}
    )
)
class CategoryDetail(PublicApiMixin, generics.RetrieveAPIView):
    """One flexibility category, by slug."""

    serializer_class = CategorySerializer
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.categories_with_counts()


@extend_schema_view(
    get=extend_schema(
        responses={200: ProvisionSerializer, 400: ERRORS, 404: PAGE_NOT_FOUND, 429: THROTTLED}
    )
)
class ProvisionList(PublicApiMixin, generics.ListAPIView):
    """Published provisions, filtered and searched like the search page (`q` ranks by relevance)."""

    serializer_class = ProvisionSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProvisionFilter
    action_is_list = True

    def get_queryset(self):
        return selectors.with_relations(selectors.published_provisions())


@extend_schema_view(
    get=extend_schema(
        responses={200: ProvisionSerializer, 400: ERRORS, 404: NOT_FOUND, 429: THROTTLED}
    )
)
class ProvisionDetail(PublicApiMixin, generics.RetrieveAPIView):
    """One published provision."""

    serializer_class = ProvisionSerializer

    def get_queryset(self):
        return selectors.with_relations(selectors.published_provisions())


def _parties_with_counts():
    published = Q(flexibility_provisions__is_published=True)
    return (
        Party.objects.with_status(timezone.localdate())
        .annotate(provision_count=Count("flexibility_provisions", filter=published))
        .order_by("name")
    )


@extend_schema_view(
    get=extend_schema(
        responses={200: PartySerializer, 400: ERRORS, 404: PAGE_NOT_FOUND, 429: THROTTLED}
    )
)
class PartyList(PublicApiMixin, generics.ListAPIView):
    """Every party (member states and regional organisations) with its number of provisions."""

    serializer_class = PartySerializer
    action_is_list = True

    def get_queryset(self):
        return _parties_with_counts()


@extend_schema_view(
    get=extend_schema(responses={200: PartySerializer, 400: ERRORS, 404: NOT_FOUND, 429: THROTTLED})
)
class PartyDetail(PublicApiMixin, generics.RetrieveAPIView):
    """One party, by code (ISO 3166-1 alpha-2 for states)."""

    serializer_class = PartySerializer
    lookup_field = "code"

    def get_queryset(self):
        return _parties_with_counts()
