"""The demo world loads twice without harm and its accounts sign in as documented."""

import pytest
from django.core.management import call_command

from portal.demo.accounts import ACCOUNTS, DEMO_PASSWORD
from portal.models import Membership, User

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_creates_the_documented_accounts(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    usernames = [username for username, _ in ACCOUNTS]
    assert sorted(
        User.objects.filter(username__in=usernames).values_list("username", flat=True)
    ) == sorted(usernames)
    for username in usernames:
        response = client.post(
            "/accounts/login/", {"username": username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, username
        client.post("/accounts/logout/")


def test_demo_accounts_belong_where_the_readme_says():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    memberships = dict(Membership.objects.values_list("user__username", "party__code"))
    assert memberships["ke-focal"] == "KE" and memberships["cl-official"] == "CL"
    assert memberships["th-focal"] == "TH"
    assert Membership.objects.get(user__username="ke-focal").role == "focal_point"
    assert User.objects.get(username="bureau-africa").bureau == "africa"
    assert User.objects.get(username="admin").is_superuser
    assert not User.objects.get(username="ke-focal").is_staff
    assert all(
        u.endswith("@demo.invalid") for u in User.objects.values_list("email", flat=True) if u
    )


def test_the_readme_lists_every_demo_account():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for username, _ in ACCOUNTS:
        assert f"`{username}`" in readme


def test_demo_staff_sign_in_with_the_printed_second_factor_code(client, settings):
    from io import StringIO

    settings.DEMO_MODE = True  # demo_code serves the demo world only (as `make run` sets it)

    call_command("load_demo", stdout=StringIO())
    client.post("/accounts/login/", {"username": "triage", "password": DEMO_PASSWORD})
    assert client.get("/admin/").status_code == 302  # the second factor first
    out = StringIO()
    call_command("demo_code", stdout=out)
    code = out.getvalue().split()[0]
    response = client.post("/account/two-factor/", {"token": code, "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
