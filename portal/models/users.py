from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from portal.models.parties import Region


class User(AbstractUser):
    """A person who signs in: a member-state official (through a Membership) or staff."""

    # Staff of a regional bureau see the requests of that region's parties (DESIGN.md s.4).
    bureau = models.CharField(
        _("regional bureau"),
        max_length=32,
        blank=True,
        choices=Region.choices,
        help_text=_("For staff of a regional bureau only."),
    )

    # Raised to end every session of the user at once (role change, "sign out everywhere").
    session_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def party(self):
        """The party this user belongs to, or None (staff and the anonymous have none)."""
        membership = getattr(self, "membership", None)
        return membership.party if membership else None

    # Django ends a user's sessions when the session hash changes (it is made from the
    # password); mixing session_version in lets the portal end them without a password change.
    # Both public hooks are overridden, so SECRET_KEY_FALLBACKS keep working during a rotation.
    def get_session_auth_hash(self) -> str:
        return self._versioned_session_hash(settings.SECRET_KEY)

    def get_session_auth_fallback_hash(self):
        for fallback_secret in settings.SECRET_KEY_FALLBACKS:
            yield self._versioned_session_hash(fallback_secret)

    def _versioned_session_hash(self, secret: str) -> str:
        return salted_hmac(
            "portal.User.session_auth_hash",
            f"{self.password}:{self.session_version}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class PasswordResetRequest(models.Model):
    """One request for a password-reset link, kept for the throttling window only.

    The address typed is kept as a keyed digest, not in clear: it may belong to nobody.
    """

    email_digest = models.CharField(max_length=64, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("password reset request")
        verbose_name_plural = _("password reset requests")

    def __str__(self) -> str:
        return f"password reset {self.requested_at:%Y-%m-%d %H:%M} from {self.ip_address}"
