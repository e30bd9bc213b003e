from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import Membership, Party, Region
from portal.roles import OFFICERS_GROUP, TRIAGE_GROUP, ensure_staff_groups
from portal.services import set_membership, sync_role_groups

DEMO_PASSWORD = "demo"  # noqa: S105 - the demo world's published password, listed in the README
# The demo staff's authenticator key, published like the password (`make code` prints the
# current code): the second factor stays on in the demo, so it shows what staff really do.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
STAFF_ACCOUNTS = ("triage", "officer", "bureau-africa", "admin")

# (username, what the account is for) in the order the README and `make run` print them.
ACCOUNTS = [
    ("ke-focal", "focal point of Kenya: submits, withdraws, consents, rates"),
    ("ke-official", "official of Kenya: drafts, comments, uploads"),
    ("cl-focal", "focal point of Chile"),
    ("cl-official", "official of Chile"),
    ("th-focal", "focal point of Thailand"),
    ("th-official", "official of Thailand"),
    ("provider", "acts for the demo providers: offers resources, answers matches"),
    ("triage", "staff, triage desk: sees and triages every request (admin)"),
    ("officer", "staff, assigned officer: sees the requests assigned to them (admin)"),
    ("bureau-africa", "staff, Regional Bureau for Africa: sees requests of African parties"),
    ("admin", "superuser"),
]

_PARTY_ACCOUNTS = {
    "KE": "Kenya",
    "CL": "Chile",
    "TH": "Thailand",
}


def _account(username: str, first_name: str, **fields):
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": "(demo)",
            "email": f"{username}@demo.invalid",
            **fields,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    return user


def load() -> str:
    """Create or refresh the demo accounts; returns a one-line summary."""
    groups = ensure_staff_groups()
    admin = _account("admin", "Administrator", is_staff=True, is_superuser=True)
    for code, country in _PARTY_ACCOUNTS.items():
        party = Party.objects.get(code=code)
        for role, label in (
            (Membership.Role.FOCAL_POINT, "Focal point"),
            (Membership.Role.OFFICIAL, "Official"),
        ):
            suffix = "focal" if role == Membership.Role.FOCAL_POINT else "official"
            user = _account(f"{code.lower()}-{suffix}", f"{label}, {country}")
            set_membership(user, party, role, actor=admin)
    _account("triage", "Triage desk", is_staff=True).groups.add(groups[TRIAGE_GROUP])
    _account("officer", "Assigned officer", is_staff=True).groups.add(groups[OFFICERS_GROUP])
    sync_role_groups(
        _account("bureau-africa", "Bureau for Africa", is_staff=True, bureau=Region.AFRICA)
    )
    for username in STAFF_ACCOUNTS:
        TOTPDevice.objects.update_or_create(
            user=get_user_model().objects.get(username=username),
            name="demo authenticator",
            defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
        )
    return f"{len(ACCOUNTS)} accounts"
