"""Public pages of recommendation 9: consented needs and resources, downloads, success stories.

Never cached: a focal point's change of mind takes a need off these pages at once.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.matching import exports, selectors
from portal.matching.filters import NeedFilter, ResourceFilter

PAGE_SIZE = 25
KINDS = {
    "needs": (NeedFilter, selectors.public_needs, exports.need_row, exports.NEED_COLUMNS),
    "resources": (
        ResourceFilter,
        selectors.public_resources,
        exports.resource_row,
        exports.RESOURCE_COLUMNS,
    ),
}


def _list(request, kind: str):
    filter_class, queryset, _row, _columns = KINDS[kind]
    filterset = filter_class(request.GET, queryset=queryset())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page_obj": page, "export_query": query.urlencode()}
    return render(request, f"portal/matching/public_{kind}.html", context)


@never_cache
@require_GET
def public_need_list(request):
    return _list(request, "needs")


@never_cache
@require_GET
def public_resource_list(request):
    return _list(request, "resources")


def _export(request, kind: str, fmt: str):
    filter_class, queryset, row, columns = KINDS[kind]
    filterset = filter_class(request.GET, queryset=queryset())
    if not filterset.is_valid():
        # Checked before the download starts: a bad filter never fails halfway through a file.
        if fmt == "json":
            return JsonResponse({"errors": filterset.errors.get_json_data()}, status=400)
        return HttpResponse(filterset.errors.as_text(), status=400, content_type="text/plain")
    rows = (row(obj) for obj in filterset.qs.iterator(chunk_size=500))
    if fmt == "json":
        response = JsonResponse({kind: list(rows)})
    else:
        response = StreamingHttpResponse(
            exports.csv_lines(rows, columns), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{kind}.{fmt}"'
    return response


@never_cache
@require_GET
def need_export(request, fmt: str):
    return _export(request, "needs", fmt)


@never_cache
@require_GET
def resource_export(request, fmt: str):
    return _export(request, "resources", fmt)


@never_cache
@require_GET
def success_stories(request):
    page = Paginator(selectors.success_stories(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/matching/stories.html", {"page_obj": page})
