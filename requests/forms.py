"""Forms check shape; the services check the rules (STYLE.md convention 5)."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.forms import add_service_errors
from portal.models import Party
from requests.models import (
    DRAFT_FIELDS,
    AssistanceRequest,
    Document,
    EnforcementAgency,
    EnforcementArea,
    EnforcementHelp,
    LegalArea,
)
from requests.services.drafting import check_request_rules


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


class RequestForm(forms.ModelForm):
    legal_areas = forms.MultipleChoiceField(
        label=_("Legal areas"),
        choices=LegalArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For legislative advice: the fields of law the advice concerns."),
    )
    enforcement_agencies = forms.MultipleChoiceField(
        label=_("Agencies concerned"),
        choices=EnforcementAgency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For enforcement assistance: the national agencies the help is for."),
    )
    enforcement_areas = forms.MultipleChoiceField(
        label=_("Areas of enforcement"),
        choices=EnforcementArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For enforcement assistance: the areas of the enforcement best practices."),
    )
    enforcement_help = forms.MultipleChoiceField(
        label=_("Kind of help wanted"),
        choices=EnforcementHelp.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For enforcement assistance."),
    )
    beneficiaries = forms.ModelMultipleChoiceField(
        label=_("Beneficiary member states"),
        queryset=Party.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisation's member states this request is for; they will see it."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Optional: a draft law or supporting material. PDF, Word, OpenDocument, RTF, "
            "spreadsheets or plain text."
        ),
    )
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
            "kind": _(
                "Legislative advice is strictly bilateral and confidential. National IP "
                "strategy assistance is open to developing and least-developed countries."
            ),
            "purpose": _("Required for legislative advice."),
            "policy_format": _("For policy assistance."),
            "venue": _(
                "Required for policy assistance; for any other kind, say where you would "
                "like it to take place if it matters."
            ),
            "treaties": _("For example: Paris Convention, TRIPS Agreement, Marrakesh Treaty."),
            "wished_by": _("The date by which you would like the assistance delivered."),
        }

    def __init__(self, *args, party: Party, **kwargs):
        super().__init__(*args, **kwargs)
        self.party = party
        for name in ("purpose", "policy_format", "venue"):
            self.fields[name].choices = [
                choice for choice in self.fields[name].choices if choice[0]
            ]
            self.fields[name].required = False
        if party.is_state:
            del self.fields["beneficiaries"]
        else:
            self.fields["beneficiaries"].queryset = party.members.order_by("name")
        if self.instance.pk:
            del self.fields["form_token"]
        else:
            self.fields["form_token"].initial = uuid.uuid4()

    def clean_form_token(self):
        # A missing or mangled token only loses the protection against a double post.
        try:
            return uuid.UUID(self.cleaned_data["form_token"])
        except ValueError:
            return None

    # The form in parts, so each kind's own questions say which kind they are for.
    SECTIONS = (
        (None, ("kind",)),
        (_("For legislative advice"), ("purpose", "legal_areas", "treaties")),
        (_("For policy assistance"), ("policy_format",)),
        (
            _("For enforcement assistance"),
            ("enforcement_agencies", "enforcement_areas", "enforcement_help"),
        ),
        (
            _("Every request"),
            ("venue", "title", "description", "wished_by", "beneficiaries", "attachments"),
        ),
    )

    def sections(self):
        return [
            (heading, [self[name] for name in names if name in self.fields])
            for heading, names in self.SECTIONS
        ]

    def clean(self):
        cleaned = super().clean()
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
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 5}))
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
        choices=[
            (Document.Kind.DRAFT_LAW, Document.Kind.DRAFT_LAW.label),
            (Document.Kind.SUPPORTING, Document.Kind.SUPPORTING.label),
        ],
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
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class SendBackForm(forms.Form):
    note = forms.CharField(
        label=_("What should change"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The official who wrote the draft receives this comment."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
