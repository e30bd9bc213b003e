"""Organisations apply to become providers; staff approve or decline (recommendation 9).

The applicant confirms their address through a signed link (valid CONFIRM_DAYS) before staff
see the application as waiting; approval creates the account, the provider it acts for and
its approval, and mails a link to set a password; each step writes to the applicant in the
language they applied in. The status moves only through portal.workflow.move.
"""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from portal import events
from portal.matching import permissions
from portal.matching.services import approve_provider
from portal.models import ApplicationStatus, Provider, ProviderApplication
from portal.models.provider_applications import APPLICATION_TRANSITIONS
from portal.notifications.mail import send_mail_message
from portal.notifications.services import notify
from portal.workflow import move

CONFIRM_DAYS = 3
_SALT = "portal.matching.provider-application"


def confirmation_token(application: ProviderApplication) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(application.pk))


@transaction.atomic
def apply(*, data: dict, language: str) -> ProviderApplication:
    """Record an application (unconfirmed) and mail the link that confirms its address."""
    application = ProviderApplication.objects.create(**data, language=language)
    token = confirmation_token(application)
    link = settings.SITE_URL + reverse("matching:apply_confirm", args=[token])
    body = N_(
        "You applied for %(organisation)s to become a provider of the IP assistance portal. "
        "Confirm your address within %(days)s days by opening this link:\n\n%(link)s\n\n"
        "If you did not apply, ignore this message: nothing happens without the confirmation."
    )
    context = {"organisation": application.organisation, "days": CONFIRM_DAYS, "link": link}
    transaction.on_commit(
        partial(_mail, application, N_("Confirm your application"), body, context)
    )
    return application


def application_for_token(token: str) -> ProviderApplication | None:
    """The application a link confirms, or None if it is forged, too old or unknown."""
    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=CONFIRM_DAYS * 86_400)
    except signing.BadSignature:
        return None
    return ProviderApplication.objects.filter(pk=pk).first()


@transaction.atomic
def confirm_address(application: ProviderApplication) -> ProviderApplication:
    """The link was opened and confirmed: the application now waits, and the staff hear so."""
    if application.status != ApplicationStatus.UNCONFIRMED:
        return application  # confirmed twice: nothing more to do
    return move(
        application,
        ApplicationStatus.PENDING,
        actor=None,
        table=APPLICATION_TRANSITIONS,
        may=_may,
        record=lambda locked, _from: _tell_staff(locked),
    )


def _tell_staff(locked: ProviderApplication) -> None:
    """Those who decide on applications (any active staff, as in the admin) get its link."""
    path = reverse("admin:portal_providerapplication_change", args=[locked.pk])
    notify(
        event=events.APPLICATION_WAITING,
        recipients=get_user_model().objects.filter(is_staff=True, is_active=True),
        subject_object=locked,
        context={
            "organisation": locked.organisation,
            "admin_url": settings.SITE_URL + path,
        },
        needs_action=True,
    )


@transaction.atomic
def approve_application(application: ProviderApplication, *, actor) -> ProviderApplication:
    """Create the provider, approve it, give it an account, and tell the applicant."""
    return move(
        application,
        ApplicationStatus.APPROVED,
        actor=actor,
        table=APPLICATION_TRANSITIONS,
        may=_may,
        prepare=partial(_create_provider, actor=actor),
        record=lambda locked, _from: _tell_approved(locked),
    )


@transaction.atomic
def decline_application(
    application: ProviderApplication, *, actor, reason: str
) -> ProviderApplication:
    """Decline with a reason the applicant reads; nothing is created."""
    if not reason.strip():
        raise ValidationError({"decline_reason": _("Say why the application is declined.")})

    def prepare(locked, _to):
        locked.decline_reason = reason.strip()
        locked.decided_by, locked.decided_at = actor, timezone.now()

    def record(locked, _from):
        body = N_(
            "Your application for %(organisation)s to become a provider was declined:\n\n%(reason)s"
        )
        context = {"organisation": locked.organisation, "reason": locked.decline_reason}
        transaction.on_commit(partial(_mail, locked, N_("Your application"), body, context))

    return move(
        application,
        ApplicationStatus.DECLINED,
        actor=actor,
        table=APPLICATION_TRANSITIONS,
        may=_may,
        prepare=prepare,
        record=record,
    )


def _may(actor, application, who: str, to_status: str) -> bool:
    if who == "applicant":
        return True  # the signed link stands for the applicant
    if who == "staff" and permissions.is_staff(actor):
        return True
    raise PermissionDenied


def _create_provider(locked: ProviderApplication, _to, *, actor) -> None:
    users = get_user_model().objects
    if users.filter(email__iexact=locked.email).exists():
        raise ValidationError(_("An account with this e-mail address exists already."))
    user = users.create_user(username=_free_username(locked.email), email=locked.email)
    user.first_name = locked.contact_name[:150]
    user.save(update_fields=["first_name"])
    provider = Provider.objects.create(
        name=locked.organisation,
        kind=locked.kind,
        website=locked.website,
        description=locked.description,
    )
    provider.members.add(user)
    approve_provider(provider, actor=actor)
    locked.provider = provider
    locked.decided_by, locked.decided_at = actor, timezone.now()


def _free_username(email: str) -> str:
    base = email.split("@")[0][:140] or "provider"
    users, candidate, n = get_user_model().objects, base, 1
    while users.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _tell_approved(locked: ProviderApplication) -> None:
    user = locked.provider.members.get()
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    body = N_(
        "Your application for %(organisation)s was approved. Your account's username is "
        "%(username)s. Choose its password here, then sign in and offer your resources:\n\n"
        "%(path)s"
    )
    context = {
        "organisation": locked.organisation,
        "username": user.username,
        "path": settings.SITE_URL + path,
    }
    transaction.on_commit(
        partial(_mail, locked, N_("Your application was approved"), body, context)
    )


def _mail(application: ProviderApplication, subject: str, body: str, context: dict) -> None:
    """One mail to the applicant, in the language they applied in."""
    with translation.override(application.language):
        message = EmailMessage(_(subject), _(body) % context, to=[application.email])
    send_mail_message(message)
