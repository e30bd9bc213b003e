"""The score ranks resources for a need on a hand-built table, and says why (no database)."""

import datetime

from portal.matching.scoring import NeedFacts, ResourceFacts, eligible, rank, score

DAY = datetime.date(2026, 3, 1)


def need(**fields) -> NeedFacts:
    return NeedFacts(
        **{
            "legal_areas": frozenset({"copyright", "patents"}),
            "kinds": frozenset({"legislative"}),
            "offer_types": frozenset({"expertise"}),
            "languages": frozenset({"fr"}),
            "starts_on": DAY,
            "ends_on": DAY + datetime.timedelta(days=99),
            "region": "africa",
            "is_ldc": False,
        }
        | fields
    )


def offer(key: int, **fields) -> ResourceFacts:
    return ResourceFacts(
        **{
            "key": key,
            "offer_type": "expertise",
            "legal_areas": frozenset({"copyright", "patents"}),
            "kinds": frozenset({"legislative"}),
            "languages": frozenset({"fr"}),
            "regions": frozenset(),
            "ldc_only": False,
            "capacity_left": 1,
            "available_from": DAY,
            "available_until": DAY + datetime.timedelta(days=99),
        }
        | fields
    )


TABLE = [
    offer(1),  # fits in every way: 35 + 15 + 15 + 15 + 10 = 90
    offer(2, legal_areas=frozenset({"copyright"})),  # half the areas: 18 + 55 = 73
    offer(3, languages=frozenset({"en"})),  # no shared language: 75
    offer(4, offer_type="funding", kinds=frozenset()),  # neither the kind nor the help: 60
    offer(5, available_from=DAY + datetime.timedelta(days=50)),  # half the days: 85
    offer(6, legal_areas=frozenset({"trademarks"})),  # no legal area: not ranked
    offer(7, regions=frozenset({"asia_pacific"})),  # another region: not eligible
    offer(8, ldc_only=True),  # for LDCs only: not eligible
    offer(9, capacity_left=0),  # full: not eligible
]


def test_resources_are_ranked_best_first_with_their_points():
    ranked = rank(need(), TABLE)
    assert [(s.key, s.points) for s in ranked] == [(1, 90), (5, 85), (3, 75), (2, 73), (4, 60)]


def test_each_criterion_says_what_matches_and_what_does_not_with_names():
    reasons = score(need(), TABLE[1]).reasons
    assert [(r.text, r.matches) for r in reasons] == [
        ("Covers Copyright (1 of 2 legal areas).", True),
        ("Does not cover Patents.", False),
        ("Gives legislative advice, as asked.", True),
        ("Offers expertise, which the need asks for.", True),
        ("Works in a shared language: French.", True),
        ("Available for 100 of the 100 days wanted.", True),
    ]
    texts = [r.text for r in score(need(), TABLE[2]).reasons]
    assert "No working language in common: the need asks for French; it works in English." in texts
    late = score(need(), TABLE[4]).reasons
    assert next(r for r in late if r.text.startswith("Available for 50 ")).points == 5
    assert "Not available for the other 50 days." in [r.text for r in late]
    other = [r.text for r in score(need(), TABLE[3]).reasons if not r.matches]
    assert other == [
        "Asked for legislative advice; gives no kind named.",
        "Offers funding; the need asks for expertise.",
    ]


def test_a_line_worth_nothing_says_something_named_or_is_left_out():
    served = score(need(), offer(10, regions=frozenset({"africa"}))).reasons
    assert "Serves Africa, the region of the need's party." in [r.text for r in served]
    for reasons in (score(need(), resource).reasons for resource in TABLE):
        for reason in reasons:
            assert "the need's party." not in reason.text or "Africa" in reason.text


def test_a_least_developed_country_comes_first_and_may_have_what_is_reserved_for_ldcs():
    ldc = need(is_ldc=True)
    assert eligible(ldc, TABLE[7])
    best = rank(ldc, TABLE)[0]
    assert best.points == 100
    assert "Priority: a least-developed country." in [r.text for r in best.reasons]
    reserved = score(ldc, TABLE[7]).reasons
    assert "Reserved for least-developed countries; the party is one." in [r.text for r in reserved]


def test_eligibility_follows_the_region_served():
    assert not eligible(need(), TABLE[6])
    assert eligible(need(region="asia_pacific"), TABLE[6])


def test_ties_go_to_the_newest_offer():
    assert [s.key for s in rank(need(), [offer(1), offer(2)])] == [2, 1]
