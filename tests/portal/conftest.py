"""Fixtures shared by the core's tests (recommendation 9's cast lives in matching_support)."""

from tests.portal.matching_support import provider, provider_user, resource  # noqa: F401
