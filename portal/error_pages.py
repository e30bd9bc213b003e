"""The error pages: the portal's layout, the reader's language, what to do next.

Production answers 400, 403, 404 and 500 with Django's handlers and the templates of the same
name; a refused CSRF check comes here too. With DEBUG on, Django answers a 404 and a bad
request with its technical pages instead (the 404 lists every URL pattern of the site): the
middleware below gives a development server the pages a visitor sees, while the traceback
still goes to the console. A bad request refused before the view (a Host header not in
ALLOWED_HOSTS, refused by the middleware) never reaches it; Django renders that one with the
exception reporter, so DEFAULT_EXCEPTION_REPORTER gives it the visitor's 400 too.
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.views import defaults
from django.views.debug import ExceptionReporter

security_log = logging.getLogger("django.security")
request_log = logging.getLogger("django.request")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: most often a form left open across a sign-out, or cookies refused."""
    return render(request, "403_csrf.html", status=403)


class VisitorErrorPagesMiddleware:
    """With DEBUG on, answer as production does: no URL list, no settings, no traceback.

    Near the end of MIDDLEWARE, so the others (sessions, language, APPEND_SLASH's redirect
    of a 404) treat these answers as they treat production's.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.DEBUG:
            try:
                resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404 as exc:
                return defaults.page_not_found(request, exc)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not settings.DEBUG:
            return None  # Django's own handlers already answer as production should
        if isinstance(exception, Http404):
            return defaults.page_not_found(request, exception)
        if isinstance(exception, SuspiciousOperation | BadRequest):
            security_log.error(str(exception), exc_info=exception)
            return defaults.bad_request(request, exception)
        if not isinstance(exception, PermissionDenied):  # Django's 403 is the visitor's already
            request_log.error("Internal Server Error: %s", request.path, exc_info=exception)
            return defaults.server_error(request)
        return None


class VisitorExceptionReporter(ExceptionReporter):
    """With DEBUG on, a bad request raised in a middleware is answered with this page: the
    visitor's 400, as in production (the security log still has the reason). Anything else,
    and any report written for the logs (DEBUG off), is Django's own traceback."""

    def _for_a_visitor(self) -> bool:
        bad_request = isinstance(self.exc_value, SuspiciousOperation | BadRequest)
        return settings.DEBUG and bad_request and self.request is not None

    def get_traceback_html(self):
        if self._for_a_visitor():
            return render_to_string("400.html", request=self.request)
        return super().get_traceback_html()

    def get_traceback_text(self):  # a client that does not accept HTML (an API call)
        return "Bad Request (400)" if self._for_a_visitor() else super().get_traceback_text()
