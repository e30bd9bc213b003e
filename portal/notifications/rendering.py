"""Turn an outbox row into an e-mail: templates per event, in the recipient's language."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import select_template
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from portal.models import Notification, NotificationPreference

GENERIC = "generic"


def recipient_language(notification: Notification) -> str:
    """The recipient's chosen language, or the site's default when they chose none."""
    try:
        return notification.recipient.notification_preference.language
    except NotificationPreference.DoesNotExist:
        return settings.LANGUAGE_CODE


def template_names(event: str, suffix: str) -> list[str]:
    """The event's own template first, then the generic one every event falls back to."""
    return [f"email/{event}.{suffix}", f"email/{GENERIC}.{suffix}"]


def _render(event: str, suffix: str, context: dict) -> str:
    template = select_template(template_names(event, suffix))
    return template.render(context)


def _absolute_reverse(name: str) -> str:
    try:
        return urljoin(settings.SITE_URL, reverse(name))
    except NoReverseMatch:  # the page's URLs are not included in this configuration
        return settings.SITE_URL


def email_context(notification: Notification) -> dict:
    """What every e-mail template may use; the caller's context cannot override these."""
    return {
        **notification.context,
        "notification": notification,
        "recipient": notification.recipient,
        "event": notification.event,
        "event_label": notification.event_label,
        "reference": notification.reference,
        "url": urljoin(settings.SITE_URL, notification.url) if notification.url else "",
        "preferences_url": _absolute_reverse("notifications:preferences"),
        "site_url": settings.SITE_URL,
        "needs_action": notification.needs_action,
        **_made_when_rendered(notification),
    }


# Secrets an e-mail carries are made as it is rendered, never stored in the outbox. The module
# that owns such an event registers its maker at start-up (PortalConfig.ready: the password
# reset's link), as it sends its e-mails through the services that use this module.
SecretMaker = Callable[[Notification], dict[str, Any]]
_secret_makers: dict[str, SecretMaker] = {}


def register_secret_maker(event_key: str, maker: SecretMaker) -> None:
    _secret_makers[event_key] = maker


def _made_when_rendered(notification: Notification) -> dict:
    maker = _secret_makers.get(notification.event)
    return maker(notification) if maker is not None else {}


def render_email(notification: Notification) -> EmailMultiAlternatives:
    """The e-mail for this row, plain text and HTML, in the recipient's language."""
    context = email_context(notification)
    with translation.override(recipient_language(notification)):
        # Subjects are one line whatever the template's whitespace.
        subject = " ".join(_render(notification.event, "subject.txt", context).split())
        text = _render(notification.event, "txt", context)
        html = _render(notification.event, "html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient.email],
        headers={"X-Portal-Notification": str(notification.pk)},
    )
    message.attach_alternative(html, "text/html")
    return message
