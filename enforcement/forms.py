"""Forms check shape (STYLE.md 5); rules such as who may act live in services and permissions."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enforcement.figures import figure_errors
from enforcement.models import AgencyType, InfringementStatistic, ReviewAction


class ReportReviewForm(forms.Form):
    """One move of a country report: the button pressed names the action."""

    # A new version is not a button here: it comes with its file (ReportVersionForm).
    action = forms.ChoiceField(
        choices=[c for c in ReviewAction.choices if c[0] != ReviewAction.NEW_VERSION],
        widget=forms.HiddenInput,
    )
    # The version the focal point read: approval is refused if a newer one arrived meanwhile.
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required when returning the report: say what should change."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("action") == ReviewAction.RETURNED
            and not cleaned.get("comment", "").strip()
        ):
            self.add_error("comment", _("Say what should change when returning the report."))
        return cleaned


class ReportVersionForm(forms.Form):
    """A new version of a report's document; its content is checked by the service."""

    file = forms.FileField(
        label=_("New version of the report"),
        help_text=_(
            "PDF, Word or OpenDocument. An approved report goes back to the party's focal point "
            "for approval."
        ),
    )


class AttendeeForm(forms.Form):
    """One attendee row; a row without a name is left out, so pre-filled rows cost nothing."""

    party = forms.ChoiceField(label=_("Party"), required=False)
    agency_type = forms.ChoiceField(
        label=_("Agency type"), choices=[("", "—"), *AgencyType.choices], required=False
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        # Plain choices built once for the whole formset: a ModelChoiceField would query per row.
        self.parties = {str(party.pk): party for party in parties}
        self.fields["party"].choices = [("", "—")] + [
            (key, party.name) for key, party in self.parties.items()
        ]
        # Tells the person what the default expects in a pre-filled enforcement or court row.
        self.expected = self.initial.get("expected", "")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name"):
            for field in ("party", "agency_type"):
                if not cleaned.get(field):
                    self.add_error(field, _("Needed for every attendee with a name."))
        return cleaned

    @property
    def attendee(self) -> dict | None:
        data = getattr(self, "cleaned_data", {})
        if not data.get("name"):
            return None
        fields = ("agency_type", "name", "organisation", "position")
        return {"party": self.parties[data["party"]], **{key: data[key] for key in fields}}


AttendeeFormSet = forms.formset_factory(AttendeeForm, extra=0, max_num=200)


class StatisticForm(forms.ModelForm):
    class Meta:
        model = InfringementStatistic
        fields = [
            "year",
            "agency_type",
            "agency_name",
            "metric",
            "ip_right",
            "product_category",
            "value",
            "currency",
            "note",
        ]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 1900 <= year <= timezone.localdate().year:
            raise forms.ValidationError(_("Give a year between 1900 and this year."))
        return year

    def clean_currency(self):
        return self.cleaned_data.get("currency", "").strip().upper()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("metric"):
            errors = figure_errors(
                cleaned["metric"], cleaned.get("value"), cleaned.get("currency", "")
            )
            for field, message in errors.items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned


class StatisticsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, comma or semicolon separated, first line the column names. Nothing is saved "
            "unless every row is good."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Choose a .csv file."))
        return upload


class ReleaseForm(forms.Form):
    """The focal point's choice of figures to release or withdraw."""

    action = forms.ChoiceField(
        label=_("Release or withdraw"),
        choices=[("release", _("Release")), ("withdraw", _("Withdraw release"))],
        error_messages={"required": _("Choose to release or to withdraw the ticked figures.")},
    )
    # The page draws the boxes itself (one per table row), with this widget's ids.
    statistics = forms.ModelMultipleChoiceField(
        label=_("Figures"),
        queryset=InfringementStatistic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one figure.")},
    )

    def __init__(self, *args, party, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statistics"].queryset = InfringementStatistic.objects.filter(party=party)
