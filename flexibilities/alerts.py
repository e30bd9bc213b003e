"""E-mail alerts on changes of the flexibilities database: subscribe, unsubscribe by a signed
link (no sign-in needed), and the outbox rows written with each logged change.

The event is declared in flexibilities/events.py (the core discovers it); the recipients and
the e-mail's content are decided here.
"""

from collections import defaultdict
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.urls import reverse

from flexibilities.events import CHANGED
from flexibilities.models import FlexibilityAlert, Provision, ProvisionChange
from portal.notifications.services import notify

EVENT = CHANGED
_SALT = "flexibilities.alert.unsubscribe"
CHANGES_LISTED = 20


def subscribe(user, *, party=None, category=None) -> FlexibilityAlert:
    """The user's alert for this party and/or flexibility (created once; idempotent)."""
    if party is None and category is None:
        raise ValueError("An alert needs a party or a flexibility.")
    alert, _created = FlexibilityAlert.objects.get_or_create(
        user=user, party=party, category=category
    )
    return alert


def unsubscribe_token(alert: FlexibilityAlert) -> str:
    return signing.dumps(alert.pk, salt=_SALT)


def alert_for_token(token: str) -> FlexibilityAlert | None:
    """The alert a signed unsubscribe token names, or None (bad token, already removed)."""
    try:
        pk = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    return FlexibilityAlert.objects.select_related("party", "category").filter(pk=pk).first()


def unsubscribe(alert: FlexibilityAlert) -> None:
    alert.delete()


def alert_subscribers(changes: list[ProvisionChange]) -> None:
    """One outbox row per person whose alerts match some of the changes; call inside the
    transaction that logged them (mail leaves after commit)."""
    if not changes:
        return
    parties = {change.party_id for change in changes}
    categories = {change.category_id for change in changes}
    alerts = FlexibilityAlert.objects.filter(
        Q(party_id__in=parties) | Q(category_id__in=categories)
    ).select_related("user", "party", "category")
    by_user = defaultdict(list)
    for alert in alerts:
        by_user[alert.user].append(alert)
    if not by_user:
        return
    _with_provisions(changes)
    for user, user_alerts in by_user.items():
        matching = [c for c in changes if any(alert.matches(c) for alert in user_alerts)]
        if matching:
            notify(event=EVENT, recipients=[user], context=_context(matching, user_alerts))


def _with_provisions(changes: list[ProvisionChange]) -> None:
    missing = [c.provision_id for c in changes if "provision" not in c._state.fields_cache]
    rows = Provision.objects.select_related("party", "category").in_bulk(missing)
    for change in changes:
        if change.provision_id in rows:
            change.provision = rows[change.provision_id]


def _absolute(path: str) -> str:
    return urljoin(settings.SITE_URL, path)


def _context(changes: list[ProvisionChange], alerts: list[FlexibilityAlert]) -> dict:
    listed = [
        {
            "kind": change.kind,
            "party": change.provision.party.name,
            "category": change.provision.category.name,
            "title": f"{change.provision.law_title}, {change.provision.article}",
            "url": _absolute(change.provision.get_absolute_url())
            if change.provision.is_published
            else "",
        }
        for change in changes[:CHANGES_LISTED]
    ]
    return {
        "changes": listed,
        "more": max(len(changes) - CHANGES_LISTED, 0),
        "total": len(changes),
        "dataset_url": _absolute(reverse("flexibilities:dataset")),
        "alerts": [
            {
                "label": str(alert),
                "unsubscribe_url": _absolute(
                    reverse("flexibilities:alert_unsubscribe", args=[unsubscribe_token(alert)])
                ),
            }
            for alert in alerts
        ],
    }
