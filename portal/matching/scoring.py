"""The explainable score of a resource for a need: plain data in, points and reasons out.

No database here: selectors build the facts, this ranks them, and the tests check it on a
hand-built table. Weights (out of 100): legal areas 35, kind of assistance 15, the help
wanted 15, a shared language 15, dates 10, least-developed country 10. A resource the need's
party is not eligible for (region, LDC only) or with no capacity left is not ranked at all.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from portal.localisation import join_list
from portal.models import LegalArea, OfferType

WEIGHTS = {"areas": 35, "kind": 15, "help": 15, "language": 15, "dates": 10, "ldc": 10}


@dataclass(frozen=True)
class NeedFacts:
    legal_areas: frozenset[str]
    kinds: frozenset[str]
    offer_types: frozenset[str]
    languages: frozenset[str]
    starts_on: datetime.date
    ends_on: datetime.date
    region: str
    is_ldc: bool


@dataclass(frozen=True)
class ResourceFacts:
    key: int
    offer_type: str
    legal_areas: frozenset[str]
    kinds: frozenset[str]
    languages: frozenset[str]
    regions: frozenset[str]
    ldc_only: bool
    capacity_left: int
    available_from: datetime.date
    available_until: datetime.date


@dataclass(frozen=True)
class Reason:
    points: int
    text: str


@dataclass(frozen=True)
class Scored:
    key: int
    points: int
    reasons: tuple[Reason, ...] = field(default=())


def _labels(values: Iterable[str], choices) -> str:
    names = dict(choices)
    return join_list(sorted(str(names.get(value, value)) for value in values))


def _overlap_days(need: NeedFacts, resource: ResourceFacts) -> tuple[int, int]:
    start = max(need.starts_on, resource.available_from)
    end = min(need.ends_on, resource.available_until)
    wanted = (need.ends_on - need.starts_on).days + 1
    return max((end - start).days + 1, 0), wanted


def eligible(need: NeedFacts, resource: ResourceFacts) -> bool:
    """The party may receive it: region served, LDC if LDC only, capacity left."""
    if resource.capacity_left <= 0:
        return False
    if resource.regions and need.region not in resource.regions:
        return False
    return not (resource.ldc_only and not need.is_ldc)


def score(need: NeedFacts, resource: ResourceFacts) -> Scored:
    """Points out of 100 with one reason per criterion that earned (or cost) something."""
    reasons: list[Reason] = []
    areas = need.legal_areas & resource.legal_areas
    if areas:
        points = round(WEIGHTS["areas"] * len(areas) / len(need.legal_areas))
        text = _("Covers %(areas)s (%(n)s of %(total)s legal areas).") % {
            "areas": _labels(areas, LegalArea.choices),
            "n": len(areas),
            "total": len(need.legal_areas),
        }
        reasons.append(Reason(points, text))
    else:
        reasons.append(Reason(0, _("Covers none of the need's legal areas.")))
    if need.kinds & resource.kinds:
        reasons.append(Reason(WEIGHTS["kind"], _("Gives the kind of assistance asked for.")))
    if resource.offer_type in need.offer_types:
        reasons.append(
            Reason(
                WEIGHTS["help"],
                _("Offers %(what)s, which the need asks for.")
                % {"what": _labels([resource.offer_type], OfferType.choices).lower()},
            )
        )
    languages = need.languages & resource.languages
    if languages:
        reasons.append(
            Reason(
                WEIGHTS["language"],
                _("Works in a shared language: %(languages)s.")
                % {"languages": join_list(sorted(languages))},
            )
        )
    elif need.languages and resource.languages:
        reasons.append(Reason(0, _("No working language in common.")))
    days, wanted = _overlap_days(need, resource)
    if days:
        reasons.append(
            Reason(
                round(WEIGHTS["dates"] * min(days, wanted) / wanted),
                _("Available for %(days)s of the %(wanted)s days wanted.")
                % {"days": days, "wanted": wanted},
            )
        )
    else:
        reasons.append(Reason(0, _("Not available in the time frame wanted.")))
    if resource.regions:
        reasons.append(Reason(0, _("Serves the region of the need's party.")))
    if resource.ldc_only:
        reasons.append(Reason(0, _("Reserved for least-developed countries; the party is one.")))
    if need.is_ldc:
        reasons.append(Reason(WEIGHTS["ldc"], _("Priority: a least-developed country.")))
    return Scored(resource.key, sum(r.points for r in reasons), tuple(reasons))


def rank(need: NeedFacts, resources: Iterable[ResourceFacts]) -> list[Scored]:
    """The eligible resources that cover a legal area of the need, best first (ties: newest)."""
    scored = [
        score(need, resource)
        for resource in resources
        if eligible(need, resource) and need.legal_areas & resource.legal_areas
    ]
    return sorted(scored, key=lambda s: (-s.points, -s.key))
