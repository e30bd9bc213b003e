"""The explainable score of a resource for a need: plain data in, points and reasons out.

No database here: selectors build the facts, this ranks them, and the tests check it on a
hand-built table. Weights (out of 100): legal areas 35, kind of assistance 15, the help
wanted 15, a shared language 15, dates 10, least-developed country 10. A resource the need's
party is not eligible for (region, LDC only) or with no capacity left is not ranked at all.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

from portal.localisation import join_list
from portal.models import AssistanceKind, LegalArea, OfferType, Region

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
    """One line of the explanation: what matches (with its points, if any) or what does not."""

    points: int
    text: str
    matches: bool = True


@dataclass(frozen=True)
class Scored:
    key: int
    points: int
    reasons: tuple[Reason, ...] = field(default=())


def _labels(values: Iterable[str], choices: Iterable[tuple[str, object]]) -> str:
    names = dict(choices)
    return join_list(sorted(str(names.get(value, value)) for value in values))


def _language_names(codes: Iterable[str]) -> str:
    """Languages by their names in the reader's language ("French"), not their codes."""
    full = {code.split("-")[0]: code for code, _name in settings.LANGUAGES}
    names = []
    for code in codes:
        try:
            names.append(str(get_language_info(full.get(code, code))["name_translated"]))
        except KeyError:
            names.append(code)
    return join_list(sorted(names))


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
    """Points out of 100, with what matches and what does not, each named."""
    reasons = [
        *_areas(need, resource),
        *_kinds(need, resource),
        *_help(need, resource),
        *_languages(need, resource),
        *_dates(need, resource),
    ]
    if resource.regions:  # eligible, so the party's region is among those served
        reasons.append(
            Reason(
                0,
                _("Serves %(region)s, the region of the need's party.")
                % {"region": _labels([need.region], Region.choices)},
            )
        )
    if resource.ldc_only:
        reasons.append(Reason(0, _("Reserved for least-developed countries; the party is one.")))
    if need.is_ldc:
        reasons.append(Reason(WEIGHTS["ldc"], _("Priority: a least-developed country.")))
    return Scored(resource.key, sum(r.points for r in reasons), tuple(reasons))


def _areas(need: NeedFacts, resource: ResourceFacts) -> list[Reason]:
    areas, missing = (
        need.legal_areas & resource.legal_areas,
        need.legal_areas - resource.legal_areas,
    )
    reasons = []
    if areas:
        points = round(WEIGHTS["areas"] * len(areas) / len(need.legal_areas))
        text = _("Covers %(areas)s (%(n)s of %(total)s legal areas).") % {
            "areas": _labels(areas, LegalArea.choices),
            "n": len(areas),
            "total": len(need.legal_areas),
        }
        reasons.append(Reason(points, text))
    if missing:
        reasons.append(
            Reason(
                0,
                _("Does not cover %(areas)s.") % {"areas": _labels(missing, LegalArea.choices)},
                matches=False,
            )
        )
    return reasons


def _kinds(need: NeedFacts, resource: ResourceFacts) -> list[Reason]:
    shared = need.kinds & resource.kinds
    if shared:
        text = _("Gives %(kinds)s, as asked.") % {
            "kinds": _labels(shared, AssistanceKind.choices).lower()
        }
        return [Reason(WEIGHTS["kind"], text)]
    if not need.kinds:
        return []
    text = _("Asked for %(asked)s; gives %(given)s.") % {
        "asked": _labels(need.kinds, AssistanceKind.choices).lower(),
        "given": _labels(resource.kinds, AssistanceKind.choices).lower() or _("no kind named"),
    }
    return [Reason(0, text, matches=False)]


def _help(need: NeedFacts, resource: ResourceFacts) -> list[Reason]:
    offered = _labels([resource.offer_type], OfferType.choices).lower()
    if resource.offer_type in need.offer_types:
        text = _("Offers %(what)s, which the need asks for.") % {"what": offered}
        return [Reason(WEIGHTS["help"], text)]
    if not need.offer_types:
        return []
    text = _("Offers %(what)s; the need asks for %(asked)s.") % {
        "what": offered,
        "asked": _labels(need.offer_types, OfferType.choices).lower(),
    }
    return [Reason(0, text, matches=False)]


def _languages(need: NeedFacts, resource: ResourceFacts) -> list[Reason]:
    shared = need.languages & resource.languages
    if shared:
        text = _("Works in a shared language: %(languages)s.") % {
            "languages": _language_names(shared)
        }
        return [Reason(WEIGHTS["language"], text)]
    if not (need.languages and resource.languages):
        return []
    text = _("No working language in common: the need asks for %(asked)s; it works in %(given)s.")
    return [
        Reason(
            0,
            text
            % {
                "asked": _language_names(need.languages),
                "given": _language_names(resource.languages),
            },
            matches=False,
        )
    ]


def _dates(need: NeedFacts, resource: ResourceFacts) -> list[Reason]:
    days, wanted = _overlap_days(need, resource)
    if not days:
        return [Reason(0, _("Not available in the time frame wanted."), matches=False)]
    reasons = [
        Reason(
            round(WEIGHTS["dates"] * min(days, wanted) / wanted),
            ngettext(
                "Available for %(days)s of the %(wanted)s day wanted.",
                "Available for %(days)s of the %(wanted)s days wanted.",
                wanted,
            )
            % {"days": days, "wanted": wanted},
        )
    ]
    if days < wanted:
        reasons.append(
            Reason(
                0,
                ngettext(
                    "Not available for the other %(days)s day.",
                    "Not available for the other %(days)s days.",
                    wanted - days,
                )
                % {"days": wanted - days},
                matches=False,
            )
        )
    return reasons


def rank(need: NeedFacts, resources: Iterable[ResourceFacts]) -> list[Scored]:
    """The eligible resources that cover a legal area of the need, best first (ties: newest)."""
    scored = [
        score(need, resource)
        for resource in resources
        if eligible(need, resource) and need.legal_areas & resource.legal_areas
    ]
    return sorted(scored, key=lambda s: (-s.points, -s.key))
