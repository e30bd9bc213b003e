"""The cast every test draws on (STYLE.md): named users, each with one line saying who they are.

Parties and the registry come from the reference-data migration, so the cast belongs to real
member states: Kenya (Africa bureau), Chile (Latin America and the Caribbean).
"""

import os

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation

from portal import devdb
from portal.models import Membership, Party, Region
from portal.roles import OFFICERS_GROUP, TRIAGE_GROUP, ensure_staff_groups
from portal.services import set_membership, sync_role_groups

PASSWORD = "a-long-test-password-1"


def pytest_configure(config: pytest.Config) -> None:
    """Without DATABASE_URL the suite runs on the checkout's own PostgreSQL, started here as
    `make test` starts it (once: not again in each worker of a run split over cores)."""
    if "DATABASE_URL" not in os.environ and not hasattr(config, "workerinput"):
        try:
            devdb.Server().start()
        except devdb.Trouble as trouble:
            pytest.exit(str(trouble), returncode=1)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The cast signs in a lot; hashing passwords the production way would dominate the run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english_outside_requests():
    """A request in another language leaves it active in the thread; translated model fields
    read outside a request would then answer in that language in the next test."""
    translation.deactivate()
    yield
    translation.deactivate()


def make_user(username: str, **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    return user


def membership_admin():
    """The administrator who makes people members (in memory: the cast has no such row)."""
    return get_user_model()(username="membership-admin", is_staff=True, is_superuser=True)


def make_member(username: str, party_code: str, role: str):
    """A member of a party, made as the admin makes one (so group permissions follow)."""
    user = make_user(username)
    set_membership(user, Party.objects.get(code=party_code), role, actor=membership_admin())
    return user


@pytest.fixture
def kenya():
    return Party.objects.get(code="KE")


@pytest.fixture
def chile():
    return Party.objects.get(code="CL")


@pytest.fixture
def ke_official(db):
    """Drafts, comments and uploads for Kenya; cannot submit."""
    return make_member("ke-official", "KE", Membership.Role.OFFICIAL)


@pytest.fixture
def ke_focal(db):
    """Kenya's focal point: submits, withdraws, consents and rates for Kenya."""
    return make_member("ke-focal", "KE", Membership.Role.FOCAL_POINT)


@pytest.fixture
def cl_official(db):
    """An official of another state (Chile): must never learn anything of Kenya's requests."""
    return make_member("cl-official", "CL", Membership.Role.OFFICIAL)


@pytest.fixture
def cl_focal(db):
    """Chile's focal point: as powerful as Kenya's, over Chile's requests only."""
    return make_member("cl-focal", "CL", Membership.Role.FOCAL_POINT)


@pytest.fixture
def triage(db):
    """Staff on the triage desk: sees and triages every request."""
    user = make_user("triage", is_staff=True)
    user.groups.add(ensure_staff_groups()[TRIAGE_GROUP])
    return user


@pytest.fixture
def officer(db):
    """Staff officer: works on the requests assigned to them, and only those."""
    user = make_user("officer", is_staff=True)
    user.groups.add(ensure_staff_groups()[OFFICERS_GROUP])
    return user


@pytest.fixture
def bureau_africa(db):
    """Staff of the Regional Bureau for Africa: sees requests of African parties."""
    user = make_user("bureau-africa", is_staff=True, bureau=Region.AFRICA)
    sync_role_groups(user)
    return user


@pytest.fixture
def stranger(db):
    """Signed in, but neither staff nor a member of any party."""
    return make_user("stranger")


def client_for(user) -> Client:
    """A test client signed in as the user (or anonymous for None).

    Staff have passed their second factor, as they must before any page (see
    tests/portal/test_security.py for the factor itself).
    """
    client = Client()
    if user is not None:
        client.force_login(user)
        if user.is_staff:
            verify_second_factor(client, user)
    return client


@pytest.fixture
def admin_client(admin_user) -> Client:
    """pytest-django's superuser client, past the second factor as staff must be."""
    return client_for(admin_user)


def verify_second_factor(client: Client, user) -> None:
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
