"""E-mail alerts on changes: a signed-in person follows a party or a flexibility; anyone holding
the e-mail's signed link can stop an alert without signing in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from flexibilities import alerts, dataset, selectors


@login_required
@require_POST
def alert_subscribe(request):
    form = dataset.ChangeFilterForm(
        request.POST,
        parties=selectors.all_parties(),
        categories=selectors.all_categories(),
        prefix="alert",
    )
    party, category = form.chosen()
    if party is None and category is None:
        messages.error(request, _("Choose a party or a flexibility to follow."))
    else:
        alerts.subscribe(request.user, party=party, category=category)
        messages.success(request, _("You will be e-mailed when these provisions change."))
    return redirect(reverse("flexibilities:dataset") + "#alerts")


@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request, token: str):
    alert = alerts.alert_for_token(token)
    if alert is None:
        return render(request, "flexibilities/alert_unsubscribe.html", {"gone": True}, status=404)
    if request.method == "POST":
        label = str(alert)
        alerts.unsubscribe(alert)
        return render(request, "flexibilities/alert_unsubscribe.html", {"done": label})
    return render(request, "flexibilities/alert_unsubscribe.html", {"alert": alert})
