"""Forms of the flexibilities database: the staff's import and edit forms (the comparison's
picker is in compare.py).

Forms check shape; rules (the natural key, the category's options) live in the services.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from flexibilities.filters import CommaSeparatedMultiple
from flexibilities.imports import ImportFileError, format_of
from flexibilities.models import Provision

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
        except ImportFileError as error:
            raise forms.ValidationError(error.message) from error
        if upload.size > MAX_IMPORT_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."), params={"size": MAX_IMPORT_MB}
            )
        return upload


class ProvisionAdminForm(forms.ModelForm):
    """The staff's edit form; the natural key is checked here so a clash shows beside fields."""

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
        party, category = cleaned.get("party"), cleaned.get("category")
        law_key = cleaned.get("law_number") or cleaned.get("law_title")
        option = cleaned.get("implementation_option")
        if category is not None and option and option not in category.option_codes:
            choices = ", ".join(sorted(category.option_codes)) or _("none: leave it empty")
            self.add_error(
                "implementation_option",
                _("Not an option of this category (%(choices)s).") % {"choices": choices},
            )
        if party and category and law_key and cleaned.get("article"):
            clash = Provision.objects.filter(
                party=party, category=category, law_key=law_key, article=cleaned["article"]
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(
                    _("This party already has this provision (same category, law and article).")
                )
        return cleaned
