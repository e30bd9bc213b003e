import pytest
from django.core import signals
from django.db import close_old_connections


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: the handler must not close the connection of the test."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)
