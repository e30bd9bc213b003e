"""The desk's forms: one per action on the case page, each with its own button."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Party
from portal.roles import TRIAGE_GROUP
from portal.uploads import check_upload
from portal.workflow import targets
from requests import selectors
from requests.models import PAUSED_STATUSES, SavedReply, Status
from requests.models.workflow import TRANSITIONS
from requests.permissions import can_move, staff_who_may_take

_TEXT = forms.Textarea(attrs={"rows": 3})
# Moves with a form of their own on the case page (or the party's own, withdrawing).
_OWN_FORMS = {Status.INFORMATION_REQUESTED, Status.ON_HOLD, Status.DELIVERED, Status.WITHDRAWN}


class _ActionForm(forms.Form):
    """A move of the workflow; expected_status is what the staff member saw, so a change
    made meanwhile is refused rather than overwritten."""

    target: str = ""
    expected_status = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, assistance_request, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.assistance_request, self.user = assistance_request, user
        self.fields["expected_status"].initial = assistance_request.status

    def target_status(self) -> str:
        return self.target

    def offered(self) -> bool:
        return can_move(self.user, self.assistance_request, self.target_status())


class TransitionForm(_ActionForm):
    """Move the request along: the choices are exactly the moves this staff member may make."""

    to_status = forms.ChoiceField(label=_("Move the request to"))
    note = forms.CharField(label=_("Note"), required=False, widget=_TEXT)
    note_visible_to_party = forms.BooleanField(
        label=_("The party sees this note"), required=False, initial=True
    )
    reason = forms.CharField(
        label=_("Reason for declining"),
        required=False,
        widget=_TEXT,
        help_text=_("Required to decline; the party sees it."),
    )
    due_date = forms.DateField(
        label=_("Agreed time frame"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Required to accept."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        resume = self.assistance_request.status in PAUSED_STATUSES
        self.fields["to_status"].choices = [
            (status.value, status.label)
            for status in Status
            if status not in _OWN_FORMS
            and not resume
            and can_move(self.user, self.assistance_request, status)
        ]

    def target_status(self) -> str:
        return self.cleaned_data["to_status"] if hasattr(self, "cleaned_data") else ""

    def offered(self) -> bool:
        return bool(self.fields["to_status"].choices)


class AskForm(_ActionForm):
    prefix = "ask"
    target = Status.INFORMATION_REQUESTED
    note = forms.CharField(
        label=_("Your question to the party"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the question the party should answer.")},
        help_text=_("The party receives it by e-mail; the time frame stops until they answer."),
    )


class PauseForm(_ActionForm):
    prefix = "pause"
    target = Status.ON_HOLD
    note = forms.CharField(
        label=_("Reason for the pause"),
        widget=_TEXT,
        error_messages={"required": _("Give the reason for the pause; the party sees it.")},
        help_text=_("The party sees it; the time frame moves on by the days paused."),
    )


class ResumeForm(_ActionForm):
    prefix = "resume"

    def target_status(self) -> str:
        return self.assistance_request.paused_from or Status.UNDER_REVIEW

    def offered(self) -> bool:
        return self.assistance_request.status in PAUSED_STATUSES and super().offered()


class DeliverForm(_ActionForm):
    prefix = "deliver"
    target = Status.DELIVERED
    deliverable = forms.FileField(
        label=_("Deliverable"),
        required=False,
        help_text=_("Required unless a deliverable is already attached (see Documents)."),
    )
    note = forms.CharField(label=_("Note to the party"), required=False, widget=_TEXT)


class OfficerChoiceField(forms.ModelChoiceField):
    """People by name and role: "Amina Diallo — Officer, Africa"."""

    def label_from_instance(self, obj) -> str:
        groups = {group.name for group in obj.groups.all()}
        role = _("Triage desk") if TRIAGE_GROUP in groups else _("Officer")
        if obj.bureau:
            role = f"{role}, {obj.get_bureau_display()}"
        return f"{obj.get_full_name() or obj.username} — {role}"


class AssignForm(forms.Form):
    prefix = "assign"
    officer = OfficerChoiceField(
        label=_("Assigned officer"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Staff who may handle this party's region. Leave empty to unassign."),
    )

    def __init__(self, *args, region: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = _officers(region)


def _officers(region: str):
    return (
        staff_who_may_take(region)
        .prefetch_related("groups")
        .order_by("last_name", "first_name", "username")
    )


class GrantForm(forms.Form):
    prefix = "grant"
    party = forms.ModelChoiceField(
        label=_("Party"), queryset=Party.objects.order_by("name"), required=False
    )
    user = forms.ModelChoiceField(
        label=_("Person (e.g. a consultant's account)"), queryset=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = selectors.grant_candidates()

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("party")) == bool(cleaned.get("user")):
            raise forms.ValidationError(_("Choose a party or a person."))
        return cleaned


def composer_moves(user, assistance_request) -> list[tuple[str, str]]:
    """The moves a reply may carry: those the workflow lets this person make from here that
    the service would accept (a paused request resumes only where it was paused; the party's
    own moves are not staff's)."""
    status = assistance_request.status
    if status in PAUSED_STATUSES:
        allowed = [assistance_request.paused_from or Status.UNDER_REVIEW]
    else:
        allowed = list(targets(TRANSITIONS, status))
    return [
        (target, Status(target).label)
        for target in allowed
        if can_move(user, assistance_request, target)
    ]


class MacroSelect(forms.Select):
    """The saved replies, each option carrying its text in every language (filled in for this
    request), its move and its officer, so desk.js inserts one without a page load; without
    JavaScript the Insert button does the same on the server."""

    macros: dict[int, dict[str, str]] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        pk = getattr(value, "value", value)
        option["attrs"].update(self.macros.get(pk, {}))
        return option


def _macro_attrs(saved_reply, assistance_request) -> dict[str, str]:
    attrs = {
        f"data-text-{code}": selectors.fill_saved_reply(saved_reply, assistance_request, code)
        for code, _name in settings.LANGUAGES
    }
    attrs["data-to-status"] = saved_reply.to_status
    attrs["data-assignee"] = str(saved_reply.assignee_id or "")
    return attrs


class ReplyForm(forms.Form):
    """A reply to the party or an internal note, and the move that goes with it if any: who
    reads it is always chosen, never assumed."""

    prefix = "reply"
    AUDIENCES = [
        ("party", _("The party (sent by e-mail too)")),
        ("internal", _("Staff only (an internal note)")),
    ]
    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)
    audience = forms.ChoiceField(
        label=_("Who reads this"),
        choices=AUDIENCES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who reads this: the party, or staff only.")},
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write the reply.")},
    )
    to_status = forms.ChoiceField(
        label=_("And the request"),
        required=False,
        widget=forms.RadioSelect,
    )
    due_date = forms.DateField(
        label=_("Agreed time frame"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Required to accept."),
    )
    attachment = forms.FileField(
        label=_("Attach a file"),
        required=False,
        help_text=_(
            "Shared with the party (the deliverable, when delivering). PDF, Word, OpenDocument, "
            "RTF, spreadsheet or text."
        ),
    )
    assignee = OfficerChoiceField(
        label=_("And assign it to"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Leave empty to keep who handles it."),
    )
    saved_reply = forms.ModelChoiceField(
        label=_("Saved reply"),
        queryset=SavedReply.objects.none(),
        required=False,
        widget=MacroSelect,
        help_text=_(
            "Insert adds its text, filled in for this request, to the text above, and chooses "
            "its move and its officer."
        ),
    )
    language = forms.ChoiceField(
        label=_("In"), choices=settings.LANGUAGES, required=False, initial=settings.LANGUAGE_CODE
    )

    def __init__(self, *args, assistance_request, user, may_assign=False, **kwargs):
        super().__init__(*args, **kwargs)
        saved = list(selectors.saved_replies(user))
        self.fields["saved_reply"].queryset = selectors.saved_replies(user)
        self.fields["saved_reply"].widget.macros = {
            reply.pk: _macro_attrs(reply, assistance_request) for reply in saved
        }
        wished = assistance_request.wished_by
        if wished and wished >= timezone.localdate():
            self.fields["due_date"].initial = wished  # the party's wish, to agree or change
        if may_assign:  # the triage desk's own right; others' composers do not assign
            self.fields["assignee"].queryset = _officers(assistance_request.party.region)
        else:
            del self.fields["assignee"]
        self.fields["expected_status"].initial = assistance_request.status
        stay = _("stays “%(status)s”") % {"status": assistance_request.get_status_display()}
        self.fields["to_status"].choices = [
            ("", stay),
            *[
                (value, _("moves to “%(status)s”") % {"status": label})
                for value, label in composer_moves(user, assistance_request)
            ],
        ]
        self.fields["to_status"].initial = ""

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_upload(upload)  # the documents' own rules, with their messages
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("attachment") and cleaned.get("audience") == "internal":
            self.add_error(
                "attachment",
                ValidationError(_("Files are shared with the party: send them in a reply.")),
            )
        if cleaned.get("to_status") != Status.ACCEPTED:
            cleaned["due_date"] = None  # proposed (the party's wish), agreed only on accepting
        return cleaned
