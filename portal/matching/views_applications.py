"""The public application to become a provider, and the link that confirms its address."""

from django import forms
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from portal.forms import submitted
from portal.matching import applications
from portal.models import ApplicationStatus, ProviderApplication


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = ProviderApplication
        fields = ["organisation", "kind", "website", "description", "contact_name", "email"]
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "description": _("The expertise, training, tools or funding you could give."),
            "email": _("We send a link to this address; the application waits until it is opened."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in self.fields["kind"].choices if c[0]]


@require_http_methods(["GET", "POST"])
def apply(request):
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda data: applications.apply(data=data, language=get_language()),
        _("Application recorded: open the link we sent you to confirm your address."),
    ):
        return redirect("matching:apply_sent")
    return render(request, "portal/matching/apply.html", {"form": form})


@require_GET
def apply_sent(request):
    return render(request, "portal/matching/apply_sent.html")


@require_http_methods(["GET", "POST"])
def apply_confirm(request, token: str):
    """GET shows a button (mail scanners open links); POST confirms the address."""
    application = applications.application_for_token(token)
    if application is None:
        raise Http404
    if request.method == "POST":
        application = applications.confirm_address(application)
    confirmed = application.status != ApplicationStatus.UNCONFIRMED
    return render(
        request,
        "portal/matching/apply_confirm.html",
        {"application": application, "confirmed": confirmed},
    )
