"""Request-level guards: unstorable input, the upload size limit, and the second factor."""

import logging
import time
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import SuspiciousOperation
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.views.defaults import bad_request
from rest_framework.views import APIView

# Forms carry a little besides the file; anything larger than the file limit plus this margin
# is refused before a byte of the body is read.
_MARGIN = 1024 * 1024
# What an unverified staff member may still reach: the second-factor pages and signing out.
_OPEN_TO_UNVERIFIED = ("/account/two-factor/", "/accounts/logout/", "/static/", "/healthz")


class UnstorableInput(SuspiciousOperation):
    """Logged under django.security, like every SuspiciousOperation, and answered with 400."""


class UnstorableInputMiddleware:
    """Answer 400 to a request with a NUL byte in its path, query string, cookies or headers.

    No text column stores NUL (PostgreSQL refuses it in any string), so such a value reaching a
    query, a filter or a log row can only end in a 500. Nobody types one by accident; forms
    already refuse it in posted fields with a message beside the field. The API answers in its
    own shape: JSON naming each parameter refused.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        places = _places_with_nul(request)
        if not places:
            return self.get_response(request)
        if _is_api_view(request):
            refused = [_("A NUL byte is not accepted.")]
            return JsonResponse(dict.fromkeys(places, refused), status=400)
        # Answered here rather than raised, so a development server shows the same page too.
        exception = UnstorableInput(f"A NUL byte in the request's {', '.join(places)}.")
        logging.getLogger("django.security.UnstorableInput").error(str(exception))
        return bad_request(request, exception)


def _places_with_nul(request) -> list[str]:
    """Where the request carries a NUL: 'path', each query parameter's name, and so on."""
    places = ["path"] if "\x00" in request.path else []
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            places.append(key.replace("\x00", "") or "query")
    if any("\x00" in text for text in [*request.COOKIES.keys(), *request.COOKIES.values()]):
        places.append("cookies")
    if any("\x00" in v for k, v in request.META.items() if k.startswith("HTTP_")):
        places.append("headers")
    return places


def _is_api_view(request) -> bool:
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return False
    view_class = getattr(view, "cls", None)
    return isinstance(view_class, type) and issubclass(view_class, APIView)


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.DOCUMENT_MAX_UPLOAD_MB * 1024 * 1024
        if length > limit + _MARGIN:
            response = render(
                request,
                "portal/security/too_large.html",
                {"limit_mb": settings.DOCUMENT_MAX_UPLOAD_MB},
                status=413,
            )
            # The body was not read: the connection cannot be reused for another request.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class SecondFactorMiddleware:
    """Staff, and officials of a party that requires it, reach no page before a second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(_OPEN_TO_UNVERIFIED)
            and _needs_second_factor(user)
        ):
            target = reverse("two_factor")
            return redirect(f"{target}?next={quote(request.get_full_path())}")
        return self.get_response(request)


class IdleSessionMiddleware:
    """Sign out a session left idle for SESSION_IDLE_MINUTES.

    The last-seen time is written at most once a minute, so a busy page costs no extra write.
    """

    KEY = "last_seen"
    GRANULARITY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(self.KEY, now)
            if now - last_seen > settings.SESSION_IDLE_MINUTES * 60:
                logout(request)
                return redirect(f"{reverse('login')}?next={quote(request.get_full_path())}")
            if now - last_seen >= self.GRANULARITY or self.KEY not in request.session:
                request.session[self.KEY] = now
        return self.get_response(request)


def _needs_second_factor(user) -> bool:
    if user.is_staff:
        return True
    party = user.party
    return bool(party and party.requires_second_factor)
