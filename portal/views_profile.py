"""A person's notification settings, and the staff outbox with its retry action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.decorators import only_for
from portal.models import Notification, NotificationPreference
from portal.notifications import selectors, services
from portal.notifications.forms import NotificationPreferenceForm, OutboxFilterForm
from portal.roles import is_triage

OUTBOX_PAGE_SIZE = 50


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request):
    current = NotificationPreference.objects.filter(user=request.user).first()
    form = NotificationPreferenceForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.update_notification_preferences(
            request.user, level=form.cleaned_data["level"], language=form.cleaned_data["language"]
        )
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    return render(request, "portal/notifications/preferences.html", {"form": form})


@only_for(is_triage)
@require_http_methods(["GET"])
def outbox(request):
    form = OutboxFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.outbox(
        status=filters.get("status", ""), event=filters.get("event", ""), query=filters.get("q", "")
    )
    page = Paginator(rows, OUTBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    totals = selectors.outbox_counts()
    counts = [(value, label, totals[value]) for value, label in Notification.Status.choices]
    context = {"form": form, "page_obj": page, "counts": counts, "Status": Notification.Status}
    return render(request, "portal/notifications/outbox.html", context)


@only_for(is_triage)
@require_POST
def outbox_retry(request, pk: int):
    if not Notification.objects.filter(pk=pk).exists():
        raise Http404
    if services.retry_notifications([pk], actor=request.user):
        messages.success(request, _("The notification was queued again."))
    else:
        messages.info(request, _("That notification was already sent or is being sent."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("notifications:outbox")
    return redirect(back)
