"""Forms check shape; portal.matching.services checks the rules (STYLE.md s.5)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.forms import add_service_errors  # noqa: F401  (the views import it from here)
from portal.models import AssistanceKind, LegalArea, OfferType, Region, Visibility
from portal.models.matching import ResourceVisibility

LANGUAGE_CHOICES = [(code.split("-")[0], name) for code, name in settings.LANGUAGES]
DATE = forms.DateInput(attrs={"type": "date"})


def _choices(choices, label, required=False, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class _DatedForm(forms.Form):
    start_field = end_field = ""

    def clean(self):
        data = super().clean()
        start, end = data.get(self.start_field), data.get(self.end_field)
        if start and end and end < start:
            self.add_error(self.end_field, _("The end cannot come before the start."))
        return data


class NeedForm(_DatedForm):
    start_field, end_field = "starts_on", "ends_on"

    title = forms.CharField(label=_("What is needed"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}))
    legal_areas = _choices(LegalArea.choices, _("Legal areas"), required=True)
    kinds = _choices(AssistanceKind.choices, _("Kinds of assistance"))
    offer_types = _choices(OfferType.choices, _("Help that would serve"))
    languages = _choices(LANGUAGE_CHOICES, _("Working languages"))
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("To"), widget=DATE)
    expected_outcome = forms.CharField(
        label=_("Expected outcome"), widget=forms.Textarea(attrs={"rows": 3})
    )


class VisibilityForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Who may see this need"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        help_text=_("Your party is never named to providers before you accept a match."),
    )


class ResourceForm(_DatedForm):
    start_field, end_field = "available_from", "available_until"

    def __init__(self, *args, providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Someone acting for several providers says for which one; one provider needs no field.
        if len(providers) > 1:
            self.fields = {
                "provider": forms.ChoiceField(
                    label=_("Offered by"), choices=[(p.pk, p.name) for p in providers]
                ),
                **self.fields,
            }

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}))
    offer_type = forms.ChoiceField(label=_("What is offered"), choices=OfferType.choices)
    legal_areas = _choices(LegalArea.choices, _("Legal areas"), required=True)
    kinds = _choices(AssistanceKind.choices, _("Kinds of assistance"))
    languages = _choices(LANGUAGE_CHOICES, _("Working languages"))
    regions = _choices(
        Region.choices, _("Regions served"), help_text=_("None chosen: every region.")
    )
    ldc_only = forms.BooleanField(label=_("For least-developed countries only"), required=False)
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=0,
        help_text=_("How many needs it can serve (places, hours, grants)."),
    )
    available_from = forms.DateField(label=_("Available from"), widget=DATE)
    available_until = forms.DateField(label=_("Available until"), widget=DATE)
    visibility = forms.ChoiceField(
        label=_("Who may see this offer"),
        choices=ResourceVisibility.choices,
        widget=forms.RadioSelect,
        initial=ResourceVisibility.PUBLIC,
    )


class ProposeForm(forms.Form):
    resource = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note to the party"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AnswerForm(forms.Form):
    to_status = forms.CharField(widget=forms.HiddenInput)
    expected_status = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason (needed to decline)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class StoryForm(forms.Form):
    public = forms.BooleanField(
        label=_("This match may be told as a success story, naming our party"), required=False
    )
