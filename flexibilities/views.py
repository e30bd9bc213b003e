"""Public pages of the flexibilities database: search, browse, compare, download.

Every page reads published provisions only (selectors.published_provisions) and works for
anonymous visitors; every state of the search is in its GET URL.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from flexibilities import alerts, citations, counts_cache, dataset, exports, search, selectors
from flexibilities.compare import CompareForm, build_matrix, is_asked, matrix_csv, matrix_json
from flexibilities.facets import chips, facet_groups, relaxations
from flexibilities.filters import RANK_LIMIT
from flexibilities.reference.loaders import load_source
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
    headlines = search.headlines(provisions, filterset.parsed_query)
    for provision in provisions:
        provision.headline = headlines.get(provision.pk)
    groups = facet_groups(filterset, selectors.facet_counts(filterset))
    download_query = request.GET.copy()
    download_query.pop("page", None)
    empty = paginator.count == 0
    parsed = filterset.parsed_query
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "provisions": provisions,
        "terms": parsed.terms,
        "corrections": parsed.corrections if parsed else {},
        **_suggestion(request, filterset, paginator.count),
        "nearest_categories": search.nearest_categories(filterset.query) if empty else [],
        "facet_groups": groups,
        "chips": chips(filterset, groups, request.GET),
        "relaxations": relaxations(filterset, request.GET) if empty else [],
        "download_query": download_query.urlencode(),
        "has_sample": any(provision.is_sample for provision in provisions),
        "too_many_to_rank": filterset.sort_order == "relevance" and not filterset.ranked,
        "rank_limit": RANK_LIMIT,
    }
    return render(request, "flexibilities/search.html", context)


def _suggestion(request, filterset, count: int) -> dict:
    """ "Did you mean", offered only when the corrected query, with the same filters, finds
    more provisions than the query typed (one count, only when a word is unknown)."""
    suggested = filterset.parsed_query.suggestion if filterset.query else ""
    if not suggested:
        return {"suggestion": ""}
    query = request.GET.copy()
    query.pop("page", None)
    query["q"] = suggested
    other = selectors.provision_filter(
        query, categories=filterset.categories, parties=filterset.parties
    )
    found = other.filter_queryset_except(selectors.published_provisions(), ()).count()
    if found <= count:
        return {"suggestion": ""}
    url = f"{reverse('flexibilities:search')}?{query.urlencode()}"
    return {"suggestion": suggested, "suggestion_count": found, "suggestion_url": url}


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
    url = request.build_absolute_uri(provision.get_absolute_url())
    context = {
        "provision": provision,
        "stable_url": url,
        "citation": dataset.citation(provision, url, timezone.localdate()),
        "changes": list(provision.changes.all()),
    }
    return render(request, "flexibilities/provision_detail.html", context)


@require_GET
def provision_citation(request, pk: int, fmt: str):
    """The provision's citation as a RIS, BibTeX or CSL-JSON download."""
    provision = selectors.public_provision(pk)
    if provision is None or fmt not in citations.FORMATS:
        raise Http404
    url = request.build_absolute_uri(provision.get_absolute_url())
    body = citations.WRITERS[fmt](provision, url, timezone.localdate())
    content_type, extension = citations.FORMATS[fmt]
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    name = f"provision-{provision.pk}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


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


def _compare_form(request) -> CompareForm:
    data = request.GET if is_asked(request.GET) else None
    return CompareForm(data, parties=selectors.all_parties(), categories=selectors.all_categories())


@require_GET
def compare(request):
    form = _compare_form(request)
    asked = form.is_bound and form.is_valid() and form.cleaned_data["chosen_parties"]
    matrix = build_matrix(form) if asked else None
    query = request.GET.copy()
    query.pop("find", None)
    context = {"form": form, "matrix": matrix, "matrix_query": query.urlencode()}
    return render(request, "flexibilities/compare.html", context)


@require_GET
def compare_export(request, suffix: str):
    form = _compare_form(request)
    if not form.is_bound or not form.is_valid() or not form.cleaned_data["chosen_parties"]:
        errors = form.errors.as_text() or _("Choose parties to compare.")
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    matrix = build_matrix(form)
    if suffix == "csv":
        response = HttpResponse(matrix_csv(matrix), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(matrix_json(matrix), content_type="application/json")
    name = f"flexibilities-comparison-{timezone.localdate():%Y-%m-%d}.{suffix}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def dataset_page(request):
    categories, parties = selectors.all_categories(), selectors.all_parties()
    form = dataset.ChangeFilterForm(request.GET or None, parties=parties, categories=categories)
    party, category = form.chosen() if form.is_bound else (None, None)
    feed_query = request.GET.urlencode()
    context = {
        **dataset.summary(),
        "form": form,
        "licence": dataset.licence(),
        "sources": load_source(),
        "changes": dataset.recent_changes(party, category),
        "feed_url": reverse("flexibilities:changes_feed")
        + (f"?{feed_query}" if feed_query else ""),
    }
    if request.user.is_authenticated:
        context["alert_form"] = dataset.ChangeFilterForm(
            None, parties=parties, categories=categories, prefix="alert"
        )
        context["my_alerts"] = [
            {"label": str(alert), "token": alerts.unsubscribe_token(alert)}
            for alert in request.user.flexibility_alerts.select_related("party", "category")
        ]
    return render(request, "flexibilities/dataset.html", context)


@require_GET
def api_docs(request):
    return render(request, "flexibilities/api_docs.html")
