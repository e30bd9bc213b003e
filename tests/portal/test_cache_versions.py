"""A versioned cache retires its values when the change commits, never before, never on rollback."""

import pytest
from django.core.cache import cache
from django.db import transaction

from portal.cache_versions import VersionedCache

pytestmark = pytest.mark.django_db

DATA = {"count": 1}


@pytest.fixture
def counts():
    cache.clear()
    DATA["count"] = 1
    yield VersionedCache("test:counts", timeout=60)
    cache.clear()


def read(counts: VersionedCache) -> int:
    return counts.get_or_set(("count",), lambda: DATA["count"])


def test_a_value_is_served_from_the_cache_until_a_change_commits(
    counts, django_capture_on_commit_callbacks
):
    assert read(counts) == 1
    DATA["count"] = 2  # changed behind the cache's back: not noticed
    assert read(counts) == 1
    with django_capture_on_commit_callbacks(execute=True):
        counts.retire()
    assert read(counts) == 2


def test_the_version_moves_on_commit_only(counts, django_capture_on_commit_callbacks):
    before = counts.version()
    with django_capture_on_commit_callbacks() as callbacks:
        counts.retire()
        # Another reader meanwhile keeps the committed data under the old version.
        assert counts.version() == before
    assert len(callbacks) == 1
    callbacks[0]()
    assert counts.version() != before


def test_a_rollback_moves_nothing(counts, django_capture_on_commit_callbacks):
    before = counts.version()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        _change_and_fail(counts)
    assert callbacks == []
    assert counts.version() == before


@transaction.atomic
def _change_and_fail(counts: VersionedCache) -> None:
    counts.retire()
    raise RuntimeError("rolled back")
