"""Nothing typed is lost when a session ends: a form posted then is kept and given back.

A POST that ends in a redirect to the sign-in page (the session had gone idle or expired) has
its text fields stored server-side under a random token; the token travels in a short-lived,
HTTP-only cookie, never in the URL. Signing in binds the kept text to that account (only to
the account whose session ended, when that is known), and the next visit to the form's page
hands the text back to the view, which shows it in the form, ready to send again. Files
cannot be kept: the page says so.
"""

import secrets
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.db.models import Q
from django.dispatch import receiver
from django.http import QueryDict
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import KeptForm
from portal.models.kept_forms import KEPT_FOR

COOKIE = "kept_form"
# Form text is bounded by the fields' limits; anything far larger is not a person's typing.
_MAX_CHARACTERS = 200_000
# Never stored: the CSRF token, passwords and second-factor codes.
_SECRET_NAMES = {"csrfmiddlewaretoken", "token", "otp_token", "otp_device", "code"}


def _secret(key: str) -> bool:
    return key.lower() in _SECRET_NAMES or "password" in key.lower()


class KeepPostedTextMiddleware:
    """Sits between AuthenticationMiddleware and IdleSessionMiddleware (which signs out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST":
            response = self.get_response(request)
            if COOKIE in request.COOKIES and getattr(request, "kept_form_used", False):
                response.delete_cookie(COOKIE)
            return response
        was = request.user if request.user.is_authenticated else None
        response = self.get_response(request)
        if not request.user.is_authenticated and _sends_to_sign_in(response):
            page = _form_page(request)
            token = keep(request.POST, path=page, expected_user=was)
            if token:
                response["Location"] = f"{reverse('login')}?next={quote(page)}"
                response.set_cookie(
                    COOKIE,
                    token,
                    max_age=int(KEPT_FOR.total_seconds()),
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        return response


def keep(posted: QueryDict, *, path: str, expected_user=None) -> str | None:
    """Store the posted text for an hour; returns the token, or None when there is nothing."""
    data = {key: values for key, values in posted.lists() if not _secret(key)}
    if not any(value.strip() for values in data.values() for value in values):
        return None
    if sum(len(value) for values in data.values() for value in values) > _MAX_CHARACTERS:
        return None
    KeptForm.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
    token = secrets.token_urlsafe(32)
    KeptForm.objects.create(token=token, path=path, data=data, expected_user=expected_user)
    return token


@receiver(user_logged_in)
def bind_to_the_account_signing_in(sender, request, user, **kwargs) -> None:
    """The text kept on this browser becomes this account's (or stays unclaimed if not its)."""
    token = request.COOKIES.get(COOKIE) if request is not None else None
    if token:
        _fresh().filter(token=token, user=None).filter(
            Q(expected_user=None) | Q(expected_user=user)
        ).update(user=user)


def given_back(request) -> QueryDict | None:
    """The text kept for this account and this page, once; None when there is none."""
    token = request.COOKIES.get(COOKIE)
    if not token or not request.user.is_authenticated:
        return None
    kept = _fresh().filter(token=token, user=request.user, path=request.path).first()
    if kept is None:
        return None
    kept.delete()
    request.kept_form_used = True
    data = QueryDict(mutable=True)
    for key, values in kept.data.items():
        data.setlist(key, values)
    return data


def given_back_with_a_note(request) -> QueryDict | None:
    """given_back, telling the person their text is back and their files are not."""
    data = given_back(request)
    if data is not None:
        messages.info(
            request,
            _(
                "Your session had ended; what you typed is back in the form below. Nothing "
                "has been saved yet: check it and send it again. Files are not kept: choose "
                "them again."
            ),
        )
    return data


def _fresh():
    return KeptForm.objects.filter(created_at__gte=timezone.now() - KEPT_FOR)


def _sends_to_sign_in(response) -> bool:
    if response.status_code != 302:
        return False
    return urlsplit(response.get("Location", "")).path == reverse("login")


def _form_page(request) -> str:
    """The page the form was on: the referring page of this site, else the address posted to."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc == request.get_host() and referer.path:
        try:
            resolve(referer.path)
        except Resolver404:
            pass
        else:
            return referer.path
    return request.path
