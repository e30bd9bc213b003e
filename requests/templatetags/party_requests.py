"""`{% load party_requests %}`: what the party's pages ask of a request.

Registered by the requests app so that the portal's home page can show a focal point the drafts
waiting for them through a template include, without the portal importing requests.
"""

from django import template

from requests import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def drafts_waiting_for_you(context):
    """The drafts handed to the signed-in focal point, oldest hand-over first."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return list(selectors.drafts_waiting_for(user))
