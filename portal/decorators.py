"""View decorators that state a page's audience; the predicates live in portal.roles."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def only_for(predicate: Callable[[Any], bool]) -> Callable[[View], View]:
    """Signed-in users the predicate accepts; to anyone else signed in the page does not exist.

    The anonymous are sent to sign in first (they may be staff who have not signed in yet).
    """

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not predicate(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
