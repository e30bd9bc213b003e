"""Demo needs, providers, resources and matches (recommendation 9), all marked "(demo)".

Built through the real services by the demo accounts, so the scores, the notifications and
the activity of the accepted match are what the portal would really hold. Idempotent: what
exists already (by title) is left as it is.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.demo.accounts import _account
from portal.matching import services
from portal.models import Consultant, Match, MatchStatus, Need, Provider, Resource

# (name, kind, consultant on the roster)
PROVIDERS = [
    ("Legal Aid Network (demo)", Provider.Kind.ORGANISATION, None),
    ("IP Training Academy (demo)", Provider.Kind.INSTITUTION, None),
    ("Javier Morales (demo)", Provider.Kind.CONSULTANT, "Javier Morales (demo)"),
]
PENDING = "Pending Tech Company (demo)"

# (provider, title, offer type, legal areas, kinds, languages, regions, LDC only, capacity)
RESOURCES = [
    (0, "Pro-bono review of draft copyright laws (demo)", "pro_bono_hours", ["copyright"],
     ["legislative"], ["en", "fr"], [], False, 40),
    (1, "Places on the border-measures course (demo)", "training_places", ["building_respect",
     "trademarks"], ["enforcement"], ["en"], ["asia_pacific", "africa"], False, 6),
    (2, "Advice on registering geographical indications (demo)", "expertise",
     ["geographical_indications"], ["policy", "legislative"], ["es", "en"], [], False, 2),
    (0, "Grants for IP offices of least-developed countries (demo)", "funding",
     ["patents", "copyright"], ["strategy"], ["en", "fr"], [], True, 3),
]  # fmt: skip

# (party, title, legal areas, kinds, help, languages, visibility or None for a draft)
NEEDS = [
    ("ke", "Modernising the copyright law for the digital age (demo)", ["copyright"],
     ["legislative"], ["expertise", "pro_bono_hours"], ["en"], "providers"),
    ("ke", "Training patent examiners in prior-art search (demo)", ["patents"], ["policy"],
     ["training_places"], ["en"], None),
    ("cl", "Protecting the geographical indications of Chilean wines (demo)",
     ["geographical_indications"], ["policy"], ["expertise"], ["es"], "public"),
    ("th", "Border measures against counterfeit goods (demo)", ["building_respect",
     "trademarks"], ["enforcement"], ["training_places"], ["en"], "public"),
]  # fmt: skip

# (need index, resource index, final status)
MATCHES = [
    (2, 2, MatchStatus.ACCEPTED),
    (0, 0, MatchStatus.PROPOSED),
    (3, 1, MatchStatus.PARTY_ACCEPTED),
]


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _providers(triage) -> list[Provider]:
    member = _account("provider", "Provider, Legal Aid Network")
    providers = []
    for name, kind, consultant in PROVIDERS:
        provider, _created = Provider.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "description": "Invented for the demonstration portal.",
                "consultant": Consultant.objects.filter(name=consultant).first(),
            },
        )
        provider.members.add(member)
        if not provider.is_approved:
            services.approve_provider(provider, actor=triage)
        providers.append(provider)
    Provider.objects.get_or_create(name=PENDING, defaults={"kind": Provider.Kind.COMPANY})
    return providers


def _resources(providers) -> list[Resource]:
    member, today = _user("provider"), timezone.localdate()
    resources = []
    for index, title, offer, areas, kinds, languages, regions, ldc, capacity in RESOURCES:
        resource = Resource.objects.filter(title=title).first() or services.create_resource(
            actor=member,
            provider=providers[index],
            data={
                "title": title,
                "description": "An invented offer for the demonstration portal.",
                "offer_type": offer,
                "legal_areas": areas,
                "kinds": kinds,
                "languages": languages,
                "regions": regions,
                "ldc_only": ldc,
                "capacity": capacity,
                "available_from": today,
                "available_until": today + datetime.timedelta(days=365),
                "visibility": "public",
            },
        )
        resources.append(resource)
    return resources


def _needs() -> list[Need]:
    start = timezone.localdate() + datetime.timedelta(days=30)
    needs = []
    for code, title, areas, kinds, offers, languages, visibility in NEEDS:
        need = Need.objects.filter(title=title).first()
        if need is None:
            need = services.create_need(
                actor=_user(f"{code}-official"),
                data={
                    "title": title,
                    "description": "An invented need for the demonstration portal.",
                    "legal_areas": areas,
                    "kinds": kinds,
                    "offer_types": offers,
                    "languages": languages,
                    "starts_on": start,
                    "ends_on": start + datetime.timedelta(days=180),
                    "expected_outcome": "An invented outcome (demo).",
                },
            )
            if visibility:
                need = services.set_need_visibility(
                    need, actor=_user(f"{code}-focal"), visibility=visibility
                )
        needs.append(need)
    return needs


def _matches(needs, resources, triage) -> int:
    made = 0
    for need_index, resource_index, status in MATCHES:
        need, resource = needs[need_index], resources[resource_index]
        if Match.objects.filter(need=need, resource=resource).exists():
            continue
        match = services.propose_match(need, resource, actor=triage)
        focal = _user(f"{need.party.code.lower()}-focal")
        if status != MatchStatus.PROPOSED:
            match = services.answer_match(match, actor=focal, to_status=MatchStatus.PARTY_ACCEPTED)
        if status == MatchStatus.ACCEPTED:
            match = services.answer_match(
                match, actor=_user("provider"), to_status=MatchStatus.ACCEPTED
            )
            services.set_story_consent(match, actor=focal, public=True)
        made += 1
    return made


def load() -> str:
    triage = _user("triage")
    providers = _providers(triage)
    resources = _resources(providers)
    needs = _needs()
    made = _matches(needs, resources, triage)
    return f"{len(needs)} needs, {len(resources)} resources, {made} new matches"
