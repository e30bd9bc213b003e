"""Password-reset links: asked for on the page, sent through the outbox, throttled in the DB.

The page answers the same whether or not the address has an account. The mail is an outbox
row written in the request's transaction and delivered by a task on commit, so a mail server
that is down delays it and never breaks the page. The link itself is made when the mail is
rendered: no reset token is ever stored. Throttling counts recent requests in the database, so
it works with the cache down, per e-mail address and client address together (a stranger cannot
use up the owner's links) and per client address alone.
"""

from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from portal.events import PASSWORD_RESET
from portal.models import Notification
from portal.models.users import PasswordResetRequest
from portal.notifications.services import notify

WINDOW = timedelta(hours=1)


@transaction.atomic
def request_password_reset(email: str, *, client_ip: str | None) -> None:
    """Queue a reset link to every active account with this address; raises when throttled."""
    now = timezone.now()
    PasswordResetRequest.objects.filter(requested_at__lt=now - WINDOW).delete()
    digest = _digest(email)
    recent = PasswordResetRequest.objects.filter(requested_at__gte=now - WINDOW)
    # Counted per (address, client), as the lock-out counts per (user name, client): a stranger
    # asking for someone else's address spends his own allowance, never the owner's.
    too_many_for_address = (
        recent.filter(email_digest=digest, ip_address=client_ip).count()
        >= settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    )
    too_many_from_client = (
        client_ip is not None
        and recent.filter(ip_address=client_ip).count() >= settings.PASSWORD_RESET_LIMIT_PER_CLIENT
    )
    if too_many_for_address or too_many_from_client:
        raise ValidationError(
            {
                "email": _(
                    "Too many reset links were asked for this address or from your network. "
                    "Try again in an hour."
                )
            }
        )
    PasswordResetRequest.objects.create(email_digest=digest, ip_address=client_ip)
    users = list(PasswordResetForm().get_users(email))  # Django's rule: active, usable password
    notify(event=PASSWORD_RESET, recipients=users, needs_action=True)


def reset_context(notification: Notification) -> dict[str, str]:
    """The reset e-mail's link, made as the e-mail is rendered (never stored in the outbox)."""
    return {"reset_url": reset_link(notification.recipient)}


def reset_link(user) -> str:
    """A fresh link to set a new password, made when the e-mail is rendered."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return urljoin(settings.SITE_URL, path)


def _digest(email: str) -> str:
    return salted_hmac(
        "portal.password-reset", email.strip().casefold(), algorithm="sha256"
    ).hexdigest()
