from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal import selectors
from portal.activities import selectors as activity_selectors
from portal.health import DEGRADED, OK, check_broker, check_cache, check_database, check_page
from portal.roles import is_triage


@require_GET
def home(request):
    return render(request, "portal/home.html")


@never_cache
@require_GET
def recommendation_list(request):
    clusters = selectors.clusters_with_recommendations()
    return render(request, "portal/recommendation_list.html", {"clusters": clusters})


@never_cache
@require_GET
def recommendation_detail(request, number: int):
    recommendation = selectors.recommendation_by_number(number)
    if recommendation is None:
        raise Http404
    context = {
        "recommendation": recommendation,
        # Recommendation 5: only what every beneficiary consented to publish.
        "rows": activity_selectors.summary_rows(
            activity_selectors.public_activities_for_recommendation(recommendation)
        ),
        "counts_by_year": activity_selectors.public_counts_by_year(recommendation),
    }
    return render(request, "portal/recommendation_detail.html", context)


@never_cache
@require_GET
def healthz(request):
    """503 when the site cannot serve pages (database, page rendering); cache and broker
    outages only degrade it (portal/health.py)."""
    checks = {
        "database": check_database(),
        "page": check_page(request),
        "cache": check_cache(),
        "broker": check_broker(),
    }
    if checks["database"] != OK or checks["page"] != OK:
        status, code = "error", 503
    elif DEGRADED in checks.values():
        status, code = DEGRADED, 200
    else:
        status, code = OK, 200
    return JsonResponse({"status": status, **checks}, status=code)


@staff_member_required
def admin_shortcut(request, content_type_id: int, object_id: str):
    """Django's "view on site" redirect, refused for confidential objects but to the desk."""
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    confidential = content_type is not None and (
        content_type.app_label in CONFIDENTIAL_APPS
        or (content_type.app_label, content_type.model) in CONFIDENTIAL_MODELS
    )
    if content_type is None or (confidential and not is_triage(request.user)):
        raise Http404
    return shortcut(request, content_type_id, object_id)


# Apps whose objects' addresses are themselves confidential (a request's reference).
CONFIDENTIAL_APPS = {"requests"}
# ...and models of otherwise public apps (a country report before its party approves it).
CONFIDENTIAL_MODELS = {("enforcement", "countryreport"), ("enforcement", "reportversion")}
