"""Forms of the flexibilities database: the staff's import and edit forms (the comparison's
picker is in compare.py).

Forms check shape; rules (the natural key, the category's options) live in the services, which
the edit form asks so that a refusal shows beside its field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from flexibilities import services
from flexibilities.filters import CommaSeparatedMultiple
from flexibilities.imports import format_of
from flexibilities.models import Provision
from portal.csv_import import FileError

MAX_IMPORT_MB = 200


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes that also read ?categories=a,b.

    The class keeps Django's name because templates tell widgets apart by it (widget_type):
    includes/_field.html draws these as a fieldset.
    """

    def value_from_datadict(self, data, files, name):
        return CommaSeparatedMultiple().value_from_datadict(data, files, name)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File of provisions"),
        help_text=_("CSV or JSON in the documented import format (the format of the downloads)."),
    )
    partial = forms.BooleanField(
        label=_("Import the good rows even if some rows are bad"),
        help_text=_("Without this, one bad row means nothing is imported."),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            format_of(upload.name)
        except FileError as error:
            raise forms.ValidationError(error.message) from error
        if upload.size > MAX_IMPORT_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."), params={"size": MAX_IMPORT_MB}
            )
        return upload


class ProvisionAdminForm(forms.ModelForm):
    """The staff's edit form."""

    source_url = forms.URLField(
        label=_("source link"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = Provision
        fields = [
            "party",
            "category",
            "implementation_option",
            "law_title",
            "law_number",
            "law_date",
            "last_amended",
            "source_url",
            "article",
            "text",
            "text_is_excerpt",
            "language",
            "note",
            "is_published",
            "is_sample",
            "last_verified",
        ]

    def clean(self):
        cleaned = super().clean()
        # The rules are the service's; checked here too so a refusal shows beside its field.
        candidate = Provision(
            pk=self.instance.pk,
            **{name: cleaned.get(name) for name in _CHECKED if cleaned.get(name) is not None},
        )
        services.check_provision(candidate)
        return cleaned


# The fields services.check_provision reads.
_CHECKED = ("party", "category", "implementation_option", "law_title", "law_number", "article")
