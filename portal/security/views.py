"""The second factor (set up, verify, recover) and asking for a password-reset link."""

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from portal import services as portal_services
from portal.forms import submitted
from portal.security import services
from portal.security.client_ip import client_ip
from portal.security.forms import PartySecondFactorForm, TokenForm
from portal.security.password_reset import request_password_reset


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/admin/" if request.user.is_staff else "/"


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Verify a code when an authenticator is set up; otherwise set one up."""
    if services.confirmed_device(request.user) is None:
        return _set_up(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.verify(request.user, form.cleaned_data["token"])
        if device is not None:
            _verified(request, device)
            return redirect(_next(request))
        form.add_error("token", _("That code is not valid. Try the current one from your app."))
    return render(request, "portal/security/verify.html", {"form": form, "next": _next(request)})


def _verified(request, device) -> None:
    """Mark the session verified under a new key: a key seen before the factor is worthless."""
    otp_login(request, device)
    request.session.cycle_key()


def _set_up(request):
    device = services.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_device(device, form.cleaned_data["token"])
        if codes is not None:
            _verified(request, device)
            return render(
                request,
                "portal/security/recovery_codes.html",
                {"codes": codes, "next": _next(request)},
            )
        form.add_error("token", _("That code is not valid. Check the time on your phone."))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": _next(request),
        "qr_svg": mark_safe(qr.svg_inline(scale=4, title=_("QR code for your app"))),
        "secret": device.bin_key.hex(),
        "config_url": device.config_url,
    }
    return render(request, "portal/security/set_up.html", context)


@login_required
@require_POST
def recovery_codes(request):
    if not request.user.is_verified():
        raise PermissionDenied
    codes = services.new_recovery_codes(request.user)
    return render(request, "portal/security/recovery_codes.html", {"codes": codes, "next": "/"})


@login_required
@require_POST
def remove(request):
    """Officials may turn the second factor off again; staff may not go without one."""
    if request.user.is_staff or not request.user.is_verified():
        raise PermissionDenied
    services.remove_second_factor(request.user)
    messages.success(request, _("The second factor is turned off."))
    return redirect("home")


@login_required
@require_POST
def sign_out_everywhere(request):
    """End every session of this user, this one included."""
    portal_services.end_all_sessions(request.user)
    logout(request)
    messages.success(request, _("You are signed out on every device."))
    return redirect("login")


@login_required
@require_http_methods(["GET", "POST"])
def party_second_factor(request):
    """The focal point decides whether the party's officials must use a second factor."""
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.is_focal_point:
        raise PermissionDenied
    party = membership.party
    form = PartySecondFactorForm(
        request.POST or None, initial={"required": party.requires_second_factor}
    )
    if request.method == "POST" and form.is_valid():
        portal_services.set_party_second_factor(
            party, actor=request.user, required=form.cleaned_data["required"]
        )
        messages.success(request, _("Saved."))
        return redirect("party_second_factor")
    return render(request, "portal/security/party.html", {"form": form, "party": party})


@require_http_methods(["GET", "POST"])
def password_reset(request):
    """Ask for a reset link; the answer is the same whether or not the address has an account."""
    form = PasswordResetForm(request.POST or None)
    well_formed = request.method == "POST" and form.is_valid()
    if well_formed and submitted(
        request,
        form,
        lambda data: request_password_reset(data["email"], client_ip=client_ip(request)),
        None,  # the next page says what happens, whether or not the address has an account
    ):
        return redirect("password_reset_done")
    # A well-formed address the service refused: too many links asked for (throttled).
    return render(
        request,
        "registration/password_reset_form.html",
        {"form": form},
        status=429 if well_formed else 200,
    )
