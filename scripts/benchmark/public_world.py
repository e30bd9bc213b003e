"""The public side of the world: flexibility provisions, activities, infringement statistics."""

import random
from datetime import UTC, date, datetime, timedelta
from importlib.util import find_spec

from django.apps import apps
from django.utils import timezone

from flexibilities.models import FlexibilityCategory, Provision
from flexibilities.search_index import refresh_search_vectors
from portal.models import Party, Recommendation

from . import text
from .copyio import columns, copy_rows, next_id, reset_sequence
from .people import Cast

_LANGUAGES = ["en"] * 6 + ["fr"] * 3 + ["es"] * 3 + ["ar", "ru", "zh", "pt", "de"]

PROVISION_COLUMNS = columns(
    "law_title law_number law_date last_amended article text text_is_excerpt language "
    "implementation_option source_url last_verified note is_published is_sample law_key "
    "created_at updated_at category_id party_id"
)


def _provision_rows(count: int, rng: random.Random):
    parties = list(Party.objects.values_list("pk", "code"))
    categories = [(c.pk, sorted(c.option_codes)) for c in FlexibilityCategory.objects.all()]
    now = timezone.now()
    for n in range(count):
        party_id, code = rng.choice(parties)
        category_id, options = rng.choice(categories)
        year = rng.randint(1970, 2025)
        number = f"No. {rng.randint(1, 99)}/{year}"
        law_date = date(year, rng.randint(1, 12), rng.randint(1, 28))
        yield (
            text.law_title(rng, year),
            number,
            law_date,
            law_date + timedelta(days=rng.randint(100, 4000)) if rng.random() < 0.4 else None,
            f"Article {n + 1}",  # unique: the natural key holds whatever else repeats
            text.prose(rng, text.provision_length(rng)),
            rng.random() < 0.2,
            rng.choice(_LANGUAGES),
            rng.choice(options) if options else "",
            f"https://laws.example.invalid/{code.lower()}/{year}/{n}",
            law_date + timedelta(days=rng.randint(0, 9000)) if rng.random() < 0.7 else None,
            "",
            rng.random() < 0.92,
            False,
            number,
            now,
            now,
            category_id,
            party_id,
        )


def seed_provisions(count: int, seed: int = 10) -> dict[str, int]:
    """COPY the provisions, then compute their search vectors the way services do (in SQL)."""
    first = next_id("flexibilities_provision")
    rng = random.Random(seed)  # noqa: S311 - invented data, not secrets
    written = copy_rows("flexibilities_provision", PROVISION_COLUMNS, _provision_rows(count, rng))
    reset_sequence("flexibilities_provision")
    # The services' own function: each language's configuration, and the typo vocabulary.
    refresh_search_vectors(Provision.objects.filter(id__gte=first))
    return {"provisions": written}


def activities_available() -> bool:
    """Whether the portal's Activity model (issue of the activities) is installed."""
    return find_spec("portal.models.activities") is not None and any(
        model._meta.model_name == "activity" for model in apps.get_app_config("portal").get_models()
    )


def seed_activities(
    count: int, cast: Cast, request_ids: list[int], seed: int = 11
) -> dict[str, int]:
    """Activities with beneficiaries, recommendations, consents and links to requests.

    A no-op returning {} when the Activity model is not installed.
    """
    if not activities_available():
        return {}
    rng = random.Random(seed)  # noqa: S311 - invented data, not secrets
    parties = list(Party.objects.values_list("pk", flat=True))
    recommendations = list(Recommendation.objects.values_list("pk", flat=True))
    first = next_id("portal_activity")
    activities, beneficiaries, links, consents, request_links = [], [], [], [], []
    types = [
        "advisory_mission", "expert_mission", "national_workshop", "regional_workshop",
        "consultation", "study_visit", "training", "legislative_advice", "strategy_development",
    ]  # fmt: skip
    today = timezone.localdate()
    linkable = rng.sample(request_ids, min(len(request_ids), count // 3))
    for n in range(count):
        pk = first + n
        start = date(2015, 1, 1) + timedelta(days=rng.randrange(4300))
        status = "completed" if start < today - timedelta(days=60) else "planned"
        if rng.random() < 0.05:
            status = "cancelled"
        public = rng.random() < 0.65
        details = public and rng.random() < 0.5
        end = start + timedelta(days=rng.randint(1, 10))
        actual = status == "completed"
        at = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
        activities.append((
            rng.choice(types), text.title(rng), text.prose(rng, rng.randint(100, 800)), status,
            start, end, start if actual else None, end if actual else None,
            end + timedelta(days=rng.randint(-5, 30)), "" if rng.random() < 0.3 else "Geneva",
            rng.random() < 0.3, public, details, at - timedelta(days=30), cast.triage,
        ))  # fmt: skip
        chosen = rng.sample(parties, rng.choice((1, 1, 1, 2, 3)))
        for party_id in chosen:
            beneficiaries.append((pk, party_id))
            if public:
                consents.append((True, details, at - timedelta(days=10), "activity", pk,
                                 cast.focal[party_id], party_id))  # fmt: skip
        for recommendation_id in rng.sample(recommendations, rng.randint(1, 3)):
            links.append((pk, recommendation_id))
        if n < len(linkable):
            request_links.append((at, pk, linkable[n], cast.triage))
    written = {
        "activities": copy_rows(
            "portal_activity",
            columns(
                "type title description status planned_start planned_end actual_start "
                "actual_end due_date venue online general_info_public details_public "
                "created_at created_by_id"
            ),
            activities,
        ),
        "activity beneficiaries": copy_rows(
            "portal_activity_beneficiaries", ["activity_id", "party_id"], beneficiaries
        ),
        "activity recommendations": copy_rows(
            "portal_activity_recommendations", ["activity_id", "recommendation_id"], links
        ),
        "activity consents": copy_rows(
            "portal_activityconsent",
            columns("general details at source activity_id by_id party_id"),
            consents,
        ),
        "request-activity links": copy_rows(
            "requests_requestactivity",
            ["linked_at", "activity_id", "assistance_request_id", "linked_by_id"],
            request_links,
        ),
    }
    for table in (
        "portal_activity", "portal_activity_beneficiaries", "portal_activity_recommendations",
        "portal_activityconsent", "requests_requestactivity",
    ):  # fmt: skip
        reset_sequence(table)
    return written


def _statistic_rows(count: int, rng: random.Random, cast: Cast):
    from enforcement.models.choices import AgencyType, Metric

    parties = list(Party.objects.values_list("pk", flat=True))
    years = list(range(2008, 2026))
    agencies, metrics = AgencyType.values, Metric.values
    cells = len(parties) * len(years) * len(agencies) * len(metrics)
    now = timezone.now()
    for index in rng.sample(range(cells), min(count, cells)):
        index, metric = divmod(index, len(metrics))
        index, agency = divmod(index, len(agencies))
        party_index, year = divmod(index, len(years))
        party_id = parties[party_index]
        released = rng.random() < 0.7
        yield (
            years[year], agencies[agency], "Benchmark agency", metrics[metric], "all", "all",
            rng.randint(0, 500_000), "USD" if metrics[metric] == "retail_value" else "", "",
            now if released else None, now, False, cast.focal[party_id], party_id,
            cast.focal[party_id] if released else None,
            "released" if released else "unreleased",
        )  # fmt: skip


def seed_statistics(count: int, cast: Cast, seed: int = 12) -> dict[str, int]:
    written = copy_rows(
        "enforcement_infringementstatistic",
        columns(
            "year agency_type agency_name metric ip_right product_category value currency "
            "note released_at created_at is_demo created_by_id party_id released_by_id status"
        ),
        _statistic_rows(count, random.Random(seed), cast),  # noqa: S311 - invented, not secret
    )
    reset_sequence("enforcement_infringementstatistic")
    return {"statistics": written}
