"""The desk's forms: one per action on the case page, each with its own button."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.models import Party
from portal.uploads import check_upload
from requests import selectors
from requests.models import PAUSED_STATUSES, SavedReply, Status
from requests.permissions import can_move

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


class AssignForm(forms.Form):
    prefix = "assign"
    officer = forms.ModelChoiceField(
        label=_("Assigned officer"),
        queryset=get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .order_by("username"),
        required=False,
        help_text=_("Leave empty to unassign."),
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


class ReplyForm(forms.Form):
    """A reply to the party or an internal note: who reads it is always chosen, never assumed."""

    prefix = "reply"
    AUDIENCES = [
        ("party", _("The party (sent by e-mail too)")),
        ("internal", _("Staff only (an internal note)")),
    ]
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
    attachment = forms.FileField(
        label=_("Attach a file"),
        required=False,
        help_text=_("Shared with the party. PDF, Word, OpenDocument, RTF, spreadsheet or text."),
    )
    saved_reply = forms.ModelChoiceField(
        label=_("Saved reply"),
        queryset=SavedReply.objects.none(),
        required=False,
        help_text=_("Insert adds its text, filled in for this request, to the text above."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["saved_reply"].queryset = selectors.saved_replies()

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
        return cleaned
