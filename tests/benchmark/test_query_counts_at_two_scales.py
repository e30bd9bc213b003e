"""Every page of the benchmark costs the same SQL statements on a world three times larger.

Cheap and deterministic (no timing): the same seed at two small scales, each in a
transaction rolled back afterwards, and the statements of one request to every page counted.
"""

import pytest
from django.core.cache import cache
from django.db import transaction

from scripts.benchmark import run, seed

pytestmark = pytest.mark.django_db


def counts_on_a_world_of(scale: float) -> dict[str, tuple[int, int]]:
    with transaction.atomic():
        seed.seed(scale, fresh=False)
        cache.clear()  # nothing cached from the other world answers for this one
        counts = run.query_counts()
        transaction.set_rollback(True)
    cache.clear()
    return counts


def test_every_page_costs_the_same_queries_on_a_world_three_times_larger(keep_test_connection):
    small = counts_on_a_world_of(0.001)
    larger = counts_on_a_world_of(0.003)
    assert all(status == 200 for status, _ in small.values()), small
    assert larger == small
