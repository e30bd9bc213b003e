"""The comparison: parties chosen one by one or by region, development group or regional
organisation, against the chosen flexibilities; shown as a table and downloaded as CSV/JSON.

Every state of the comparison is its GET URL (?parties=KE,CL&region=africa&group=ldc...), so a
matrix has a stable address and its downloads take the same parameters.
"""

import io
import json
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from flexibilities.filters import CommaSeparatedMultiple
from flexibilities.forms import CheckboxSelectMultiple
from flexibilities.models import FlexibilityCategory
from flexibilities.selectors import Cell, compare_matrix, organisation_members
from portal.csv_export import csv_writer
from portal.models import Party, Region

MAX_COMPARED_PARTIES = 200  # every member state: a region or a group is a few dozen
GROUP_CHOICES = [
    ("ldc", _("Least developed countries")),
    ("lldc", _("Landlocked developing countries")),
    ("sids", _("Small island developing states")),
    ("developing", _("Developing countries")),
    ("transition", _("Countries in transition")),
    ("developed", _("Developed countries")),
]
_LISTS = {"ldc", "lldc", "sids"}  # the UN lists; the others are the party's grouping
# ASEAN is one of the regional organisations (portal/reference/organisations.csv); "asean" is
# the address its choice had when it was listed apart, kept so that links made then still work.
OLD_ASEAN = "asean"
CHOOSERS = ("parties", "region", "group", "organisation")


def _in_group(party: Party, group: str) -> bool:
    """Reads the status annotations of Party.objects.with_status(today) (selectors.all_parties)."""
    if group in _LISTS:
        return bool(getattr(party, f"status_{group}"))
    return party.status_grouping == group


def _new_asean(value: str) -> str:
    return ",".join("ASEAN" if code == OLD_ASEAN else code for code in value.split(","))


class CompareForm(forms.Form):
    find = forms.CharField(
        label=_("Find a party"),
        help_text=_("Part of a name or a code; “Show matching parties” lists only those."),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    parties = forms.MultipleChoiceField(
        label=_("Parties"), required=False, widget=CheckboxSelectMultiple
    )
    region = forms.MultipleChoiceField(
        label=_("Every state of a regional bureau"),
        required=False,
        choices=Region.choices,
        widget=CheckboxSelectMultiple,
    )
    group = forms.MultipleChoiceField(
        label=_("Every state of a development group"),
        required=False,
        choices=GROUP_CHOICES,
        widget=CheckboxSelectMultiple,
    )
    organisation = forms.MultipleChoiceField(
        label=_("Every member of a regional organisation"),
        required=False,
        widget=CheckboxSelectMultiple,
    )
    categories = forms.MultipleChoiceField(
        label=_("Flexibilities"),
        help_text=_("Leave all unticked to compare every flexibility."),
        required=False,
        widget=CheckboxSelectMultiple,
    )
    hide_empty = forms.BooleanField(
        label=_("Hide the parties and flexibilities with no provision recorded"), required=False
    )

    def __init__(self, data=None, *, parties: list[Party], categories: list[FlexibilityCategory]):
        if data is not None and "organisation" in data:
            data = data.copy()  # each value may list several, comma-separated
            data.setlist("organisation", [_new_asean(v) for v in data.getlist("organisation")])
        super().__init__(data)
        self.party_list, self.category_list = parties, categories
        self.organisations = [party for party in parties if not party.is_state]
        self.fields["parties"].choices = [(party.code, party.name) for party in parties]
        self.fields["organisation"].choices = [
            (party.code, party.name) for party in self.organisations
        ]
        self.fields["categories"].choices = [(c.slug, c.name) for c in categories]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        chosen = self._chosen(cleaned)
        if not chosen and not cleaned.get("find"):
            raise forms.ValidationError(
                _("Choose at least one party, regional bureau, group or organisation.")
            )
        if len(chosen) > MAX_COMPARED_PARTIES:
            raise forms.ValidationError(
                _("Compare at most %(count)s parties at a time."),
                params={"count": MAX_COMPARED_PARTIES},
            )
        chosen_categories = set(cleaned.get("categories") or [])
        cleaned["chosen_parties"] = chosen
        cleaned["chosen_categories"] = [
            c for c in self.category_list if c.slug in chosen_categories
        ] or list(self.category_list)
        return cleaned

    def _chosen(self, cleaned) -> list[Party]:
        """Parties ticked one by one, then every state of each chosen region, group or
        organisation (a union), in name order."""
        codes = set(cleaned.get("parties") or [])
        regions, groups = set(cleaned.get("region") or []), cleaned.get("group") or []
        organisations = set(cleaned.get("organisation") or [])
        members = organisation_members(organisations) if organisations else set()

        def in_a_chosen_set(party: Party) -> bool:
            return party.is_state and (
                party.region in regions
                or any(_in_group(party, group) for group in groups)
                or party.pk in members
            )

        return [party for party in self.party_list if party.code in codes or in_a_chosen_set(party)]

    def party_groups(self) -> list[tuple[str, list[tuple[Party, bool]]]]:
        """The one-by-one checkboxes by regional bureau, narrowed by `find` (ticked ones stay)."""
        ticked = set(CommaSeparatedMultiple().value_from_datadict(self.data, None, "parties"))
        needle = (self.data.get("find") or "").strip().lower() if self.is_bound else ""
        labels = dict(Region.choices)
        groups: dict[str, list] = {}
        for party in self.party_list:
            shown = not needle or needle in party.name.lower() or needle == party.code.lower()
            if shown or party.code in ticked:
                key = party.region if party.is_state else "organisations"
                groups.setdefault(key, []).append((party, party.code in ticked))
        order = [*labels, "", "organisations"]
        names = {**labels, "": _("Other states"), "organisations": _("Regional organisations")}
        return [(names[key], groups[key]) for key in order if key in groups]


def is_asked(data) -> bool:
    return any(name in data for name in (*CHOOSERS, "find"))


# The matrix ----------------------------------------------------------------------------------


@dataclass
class Matrix:
    parties: list[Party]
    categories: list[FlexibilityCategory]
    cells: dict[tuple[int, int], Cell]

    def rows(self) -> list[tuple[Party, list[tuple[FlexibilityCategory, Cell | None]]]]:
        """One row per party, one cell per category (None: no published provision)."""
        return [
            (party, [(c, self.cells.get((party.pk, c.pk))) for c in self.categories])
            for party in self.parties
        ]


def build_matrix(form: CompareForm) -> Matrix:
    """The matrix of a valid form (one grouped query)."""
    parties = form.cleaned_data["chosen_parties"]
    categories = form.cleaned_data["chosen_categories"]
    cells = compare_matrix(parties, categories) if parties else {}
    if form.cleaned_data.get("hide_empty"):
        parties = [p for p in parties if any((p.pk, c.pk) in cells for c in categories)]
        categories = [c for c in categories if any((p.pk, c.pk) in cells for p in parties)]
    return Matrix(parties, categories, cells)


def matrix_csv(matrix: Matrix) -> str:
    """A row per party; per category its number of provisions and the options they use."""
    out = io.StringIO()
    writer = csv_writer(out)
    header = ["party", "party_name"]
    for category in matrix.categories:
        header += [category.slug, f"{category.slug}:options"]
    writer.writerow(header)
    for party, cells in matrix.rows():
        row = [party.code, party.name]
        for _category, cell in cells:
            row += [cell.count if cell else 0, "; ".join(cell.options) if cell else ""]
        writer.writerow(row)
    return out.getvalue()


def matrix_json(matrix: Matrix) -> str:
    data = {
        "categories": [{"slug": c.slug, "name": c.name} for c in matrix.categories],
        "parties": [
            {
                "code": party.code,
                "name": party.name,
                "cells": {
                    category.slug: {
                        "count": cell.count if cell else 0,
                        "options": cell.options if cell else [],
                    }
                    for category, cell in cells
                },
            }
            for party, cells in matrix.rows()
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)
