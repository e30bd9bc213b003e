"""Public pages of the flexibilities database: search, browse, compare, download.

Every page reads published provisions only (selectors.published_provisions) and works for
anonymous visitors; every state of the search is in its GET URL.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from flexibilities import counts_cache, exports, search, selectors
from flexibilities.facets import facet_groups
from flexibilities.filters import RANK_LIMIT
from flexibilities.forms import CompareForm
from portal.development import status_as_of

PAGE_SIZE = 20


@require_GET
def search_page(request):
    categories, parties = selectors.all_categories(), selectors.all_parties()
    filterset = selectors.provision_filter(request.GET, categories=categories, parties=parties)
    paginator = Paginator(filterset.qs, PAGE_SIZE)
    if filterset.match_count is not None:
        paginator.count = filterset.match_count  # counted once, to decide on ranking
    else:
        paginator.count = counts_cache.cached("matches", filterset, filterset.qs.count)
    page_obj = paginator.get_page(request.GET.get("page"))
    provisions = list(page_obj.object_list)
    headlines = search.headlines(provisions, filterset.query)
    for provision in provisions:
        provision.headline = headlines.get(provision.pk)
    facets = selectors.facet_counts(filterset)
    download_query = request.GET.copy()
    download_query.pop("page", None)
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "provisions": provisions,
        "terms": search.search_terms(filterset.query),
        "facet_groups": facet_groups(filterset, facets),
        "download_query": download_query.urlencode(),
        "has_sample": any(provision.is_sample for provision in provisions),
        "too_many_to_rank": filterset.sort_order == "relevance" and not filterset.ranked,
        "rank_limit": RANK_LIMIT,
    }
    return render(request, "flexibilities/search.html", context)


@require_GET
def export_csv(request):
    return _export(request, "csv", exports.csv_chunks, "text/csv; charset=utf-8")


@require_GET
def export_json(request):
    return _export(request, "json", exports.json_chunks, "application/json")


def _export(request, suffix: str, chunks, content_type: str):
    filterset = selectors.provision_filter(request.GET)
    if not filterset.is_valid():
        return HttpResponse(
            filterset.errors.as_text(), status=400, content_type="text/plain; charset=utf-8"
        )
    response = StreamingHttpResponse(chunks(filterset.qs), content_type=content_type)
    name = f"flexibilities-{timezone.localdate():%Y-%m-%d}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def provision_detail(request, pk: int):
    provision = selectors.public_provision(pk)
    if provision is None:
        raise Http404
    return render(request, "flexibilities/provision_detail.html", {"provision": provision})


@require_GET
def category_list(request):
    categories = selectors.categories_with_counts()
    return render(request, "flexibilities/category_list.html", {"categories": categories})


@require_GET
def category_detail(request, slug: str):
    category = selectors.category_by_slug(slug)
    if category is None:
        raise Http404
    usage = selectors.category_usage(category)
    options = {option["code"]: 0 for option in category.implementation_options}
    for entry in usage:
        for code, count in entry.options.items():
            options[code] = options.get(code, 0) + count
    option_counts = [(category.option_label(code), count) for code, count in options.items()]
    context = {"category": category, "usage": usage, "option_counts": option_counts}
    return render(request, "flexibilities/category_detail.html", context)


@require_GET
def party_list(request):
    parties = selectors.parties_with_counts()
    return render(request, "flexibilities/party_list.html", {"parties": parties})


@require_GET
def party_detail(request, code: str):
    party = selectors.party_by_code(code)
    if party is None:
        raise Http404
    sections = selectors.party_provisions_by_category(party)
    context = {
        "party": party,
        "sections": sections,
        "region": selectors.region_label(party.region) if party.region else "",
        "has_sample": any(p.is_sample for section in sections for p in section.provisions),
        "status": status_as_of(party, timezone.localdate()),
    }
    return render(request, "flexibilities/party_detail.html", context)


@require_GET
def compare(request):
    categories, parties = selectors.all_categories(), selectors.all_parties()
    form = CompareForm(
        request.GET if "parties" in request.GET else None,
        parties=parties,
        categories=categories,
    )
    rows = None
    if form.is_bound and form.is_valid():
        chosen_parties = form.cleaned_data["parties"]
        chosen_categories = form.cleaned_data["categories"]
        cells = selectors.compare_matrix(chosen_parties, chosen_categories)
        rows = [
            (category, [(party, cells.get((party.pk, category.pk))) for party in chosen_parties])
            for category in chosen_categories
        ]
    context = {"form": form, "rows": rows, "chosen_parties": rows and chosen_parties}
    return render(request, "flexibilities/compare.html", context)


@require_GET
def api_docs(request):
    return render(request, "flexibilities/api_docs.html")
