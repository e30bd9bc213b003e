"""Second-factor devices (django-otp): set up, confirm, recover, remove."""

import secrets

from django.db import transaction
from django_otp import match_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import User

RECOVERY_CODES = 10


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: User) -> TOTPDevice:
    """The authenticator being set up (one unconfirmed device per user)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


@transaction.atomic
def confirm_device(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the authenticator with a first code; returns fresh recovery codes, or None."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes; each works once. Shown to the user only now."""
    static, _ = StaticDevice.objects.get_or_create(user=user, defaults={"name": "recovery"})
    static.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def verify(user: User, token: str) -> Device | None:
    """The device that accepts this code (a TOTP code or an unused recovery code), or None."""
    return match_token(user, token.strip().replace(" ", ""))


@transaction.atomic
def remove_second_factor(user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
