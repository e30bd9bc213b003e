"""Every page refuses the browser's powerful features: camera, microphone, location, payment."""

import pytest
from django.urls import reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", ["home", "flexibilities:search", "login"])
def test_pages_deny_camera_microphone_geolocation_payment_and_usb(url_name):
    response = client_for(None).get(reverse(url_name))
    policy = {
        directive.split("=")[0]: directive.split("=")[1]
        for directive in response["Permissions-Policy"].split(", ")
    }
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert policy[feature] == "()", feature
