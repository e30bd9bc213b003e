"""Forms check shape; the services check the rules (STYLE.md convention 5)."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.forms import add_service_errors
from portal.models import Party
from portal.uploads import check_upload
from requests.models import (
    DRAFT_FIELDS,
    AssistanceRequest,
    Document,
    EnforcementAgency,
    EnforcementArea,
    EnforcementHelp,
    Kind,
    LegalArea,
)
from requests.models.records import MESSAGE_MAX_LENGTH
from requests.services.drafting import check_request_rules

# Notes and comments: a paragraph or two.
NOTE_MAX_LENGTH = 2_000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


# The questions only one kind asks; every other question is asked of every kind.
KIND_QUESTIONS = {
    Kind.LEGISLATIVE: ("purpose",),
    Kind.POLICY: ("policy_format",),
    Kind.ENFORCEMENT: ("enforcement_agencies", "enforcement_areas", "enforcement_help"),
}
# Each attachment is filed with its kind: one file input per kind, so no script is needed.
ATTACHMENT_KINDS = {
    "draft_law_files": Document.Kind.DRAFT_LAW,
    "existing_law_files": Document.Kind.EXISTING_LAW,
    "attachments": Document.Kind.SUPPORTING,
    "other_files": Document.Kind.OTHER,
}
_LAW_FILES = ("draft_law_files", "existing_law_files")
_FILE_TYPES = _("PDF, Word, OpenDocument, RTF, spreadsheets or plain text.")


def _files_field(label):
    return MultipleFileField(label=label, required=False, help_text=_FILE_TYPES)


class KindForm(forms.Form):
    """The first step of a new request: which kind of assistance, so only its questions follow."""

    kind = forms.ChoiceField(
        label=_("Kind of assistance"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Legislative advice is strictly bilateral and confidential. National IP "
            "strategy assistance is open to developing and least-developed countries."
        ),
    )

    def __init__(self, *args, party: Party, **kwargs):
        super().__init__(*args, **kwargs)
        self.party = party

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        try:
            check_request_rules(self.party, {"kind": kind, **_ANSWERED})
        except forms.ValidationError as error:
            if "kind" in error.error_dict:
                raise forms.ValidationError(error.error_dict["kind"]) from None
        return kind


# Stand-in answers so that asking the rules about the kind alone reports nothing else.
_ANSWERED = {
    "purpose": "x",
    "legal_areas": ["x"],
    "policy_format": "x",
    "venue": "x",
    "enforcement_agencies": ["x"],
    "enforcement_areas": ["x"],
    "enforcement_help": ["x"],
}


class RequestForm(forms.ModelForm):
    """A request's answers; given its kind, it asks only that kind's questions."""

    legal_areas = forms.MultipleChoiceField(
        label=_("Legal areas"),
        choices=LegalArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The fields of law the assistance concerns; required for legislative advice."),
    )
    enforcement_agencies = forms.MultipleChoiceField(
        label=_("Agencies concerned"),
        choices=EnforcementAgency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The national agencies the help is for."),
    )
    enforcement_areas = forms.MultipleChoiceField(
        label=_("Areas of enforcement"),
        choices=EnforcementArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The areas of the enforcement best practices."),
    )
    enforcement_help = forms.MultipleChoiceField(
        label=_("Kind of help wanted"),
        choices=EnforcementHelp.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    beneficiaries = forms.ModelMultipleChoiceField(
        label=_("Beneficiary member states"),
        queryset=Party.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisation's member states this request is for; they will see it."),
    )
    draft_law_files = _files_field(_("Draft law or regulation"))
    existing_law_files = _files_field(_("Existing law or regulation"))
    attachments = _files_field(_("Supporting material"))
    other_files = _files_field(_("Other documents"))
    # A new request's form carries a one-time token: posted twice, it creates one request.
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AssistanceRequest
        fields = [*DRAFT_FIELDS, "beneficiaries"]
        widgets = {
            "kind": forms.RadioSelect,
            "purpose": forms.RadioSelect,
            "policy_format": forms.RadioSelect,
            "venue": forms.RadioSelect,
            "wished_by": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "kind": KindForm.base_fields["kind"].help_text,
            "venue": _(
                "Required for policy assistance; for any other kind, say where you would "
                "like it to take place if it matters."
            ),
            "treaties": _("For example: Paris Convention, TRIPS Agreement, Marrakesh Treaty."),
            "description": _(
                "What you need and why, in a few pages at most; send drafts and laws as "
                "attachments below."
            ),
            "wished_by": _("The date by which you would like the assistance delivered."),
        }

    def __init__(self, *args, party: Party, kind: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.party = party
        for name in ("purpose", "policy_format", "venue"):
            self.fields[name].choices = [
                choice for choice in self.fields[name].choices if choice[0]
            ]
            self.fields[name].required = False
        self.fields["kind"].choices = Kind.choices  # no empty "---------" among the kinds
        if party.is_state:
            del self.fields["beneficiaries"]
        else:
            self.fields["beneficiaries"].queryset = party.members.order_by("name")
        if self.instance.pk:
            del self.fields["form_token"]
        else:
            self.fields["form_token"].initial = uuid.uuid4()
        # The error summary lists problems in the order the page asks the questions.
        self.order_fields([name for _heading, names in self.SECTIONS for name in names])
        self.kind = kind if kind in Kind.values else None
        if self.kind:
            self._ask_only_for(self.kind)

    def _ask_only_for(self, kind: str) -> None:
        """The kind was chosen in the first step: keep it, and drop every other kind's questions."""
        self.fields["kind"].widget = forms.HiddenInput()
        self.initial["kind"] = kind
        for other, names in KIND_QUESTIONS.items():
            if other != kind:
                for name in names:
                    del self.fields[name]
        if kind != Kind.LEGISLATIVE:
            for name in _LAW_FILES:
                del self.fields[name]

    def clean_form_token(self):
        # A missing or mangled token only loses the protection against a double post.
        try:
            return uuid.UUID(self.cleaned_data["form_token"])
        except ValueError:
            return None

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if self.kind and kind != self.kind:  # the hidden kind was changed by hand
            raise forms.ValidationError(_("Choose the kind of assistance again."))
        return kind

    # The form in parts, so each kind's own questions say which kind they are for.
    SECTIONS = (
        (None, ("kind",)),
        (_("For legislative advice"), KIND_QUESTIONS[Kind.LEGISLATIVE]),
        (_("For policy assistance"), KIND_QUESTIONS[Kind.POLICY]),
        (_("For enforcement assistance"), KIND_QUESTIONS[Kind.ENFORCEMENT]),
        (
            _("Every request"),
            (
                "title",
                "description",
                "legal_areas",
                "treaties",
                "venue",
                "wished_by",
                "beneficiaries",
            ),
        ),
        (_("Attachments (optional)"), tuple(ATTACHMENT_KINDS)),
    )

    def sections(self):
        return [
            (heading, fields)
            for heading, names in self.SECTIONS
            if (fields := [self[name] for name in names if name in self.fields])
            and not (heading is None and self.kind)
        ]

    def clean(self):
        cleaned = super().clean()
        # Every file with the kind its input names; the services store it under that kind.
        uploads = {name: cleaned.get(name) or [] for name in ATTACHMENT_KINDS}
        cleaned["attachments"] = []
        for name, kind in ATTACHMENT_KINDS.items():
            for upload in uploads[name]:
                try:
                    check_upload(upload)  # a refused file is named beside its own input
                except forms.ValidationError as error:
                    self.add_error(name, error)
                else:
                    cleaned["attachments"].append((kind, upload))
        # The rules live in the service; asking it here shows every problem in one go.
        try:
            check_request_rules(self.party, cleaned)
        except forms.ValidationError as error:
            add_service_errors(self, error)
        return cleaned

    def clean_wished_by(self):
        wished_by = self.cleaned_data.get("wished_by")
        if wished_by and wished_by <= timezone.localdate():
            raise forms.ValidationError(_("The time frame must be a date in the future."))
        return wished_by


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    attachments = MultipleFileField(
        label=_("Files (optional)"),
        required=False,
        help_text=_(
            "Sent with the message. PDF, Word, OpenDocument, RTF, spreadsheets or plain text."
        ),
    )


class StaffMessageForm(MessageForm):
    internal = forms.BooleanField(
        label=_("Internal note: never shown to the party"), required=False
    )


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    kind = forms.ChoiceField(
        label=_("Kind of document"),
        choices=[(kind, kind.label) for kind in Document.Kind if kind != Document.Kind.DELIVERABLE],
        initial=Document.Kind.SUPPORTING,
    )


class ConsentForm(forms.Form):
    general = forms.BooleanField(
        label=_("General information about the assistance may be published"), required=False
    )
    details = forms.BooleanField(
        label=_("Details of the assistance may be shared on request"), required=False
    )


SCORES = [(n, str(n)) for n in range(5, 0, -1)]


class FeedbackForm(forms.Form):
    relevance = forms.TypedChoiceField(
        label=_("Relevance"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 is the best."),
    )
    timeliness = forms.TypedChoiceField(
        label=_("Timeliness"), choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    quality = forms.TypedChoiceField(
        label=_("Quality"), choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=_("What should change"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The official who wrote the draft receives this comment."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
