from django.conf import settings

from portal.roles import is_triage


def portal(request):
    """What the base layout needs on every page: the demo banner and the viewer's party."""
    user = getattr(request, "user", None)
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        # Staff belong to no party (DESIGN.md s.3): no need to look for a membership.
        "viewer_party": user.party
        if user is not None and user.is_authenticated and not user.is_staff
        else None,
        # Only the triage desk opens the yearly review; asked (one query) only when shown.
        "viewer_is_triage": lambda: user is not None and is_triage(user),
    }
