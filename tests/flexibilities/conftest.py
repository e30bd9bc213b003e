"""Helpers of the flexibilities tests: provisions made through the real service."""

import itertools

import pytest
from django.core.cache import cache
from django.test import TestCase

from flexibilities import services
from flexibilities.models import FlexibilityCategory, Provision
from portal.models import Party

_numbers = itertools.count(1)


def make_provision(party: str = "KE", category: str = "compulsory-licences", **fields) -> Provision:
    """A provision saved through services.save_provision, as committed (its on-commit work,
    such as retiring the cached counts, is done); published unless told otherwise."""
    number = next(_numbers)
    values = {
        "law_title": f"Industrial Property Act {number}",
        "article": f"Section {number}",
        "text": "The Minister may authorise the exploitation of a patented invention.",
        "language": "en",
        "is_published": True,
        **fields,
    }
    provision = Provision(
        party=Party.objects.get(code=party),
        category=FlexibilityCategory.objects.get(slug=category),
        **values,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.save_provision(provision, actor=None)


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The API throttle counts in the cache; each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploaded import files go to a temporary folder, not the project's var/."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
