"""View decorators that state a page's audience; the predicates live in portal.roles."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404


def only_for(predicate: Callable) -> Callable:
    """Signed-in users the predicate accepts; to anyone else signed in the page does not exist.

    The anonymous are sent to sign in first (they may be staff who have not signed in yet).
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not predicate(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
