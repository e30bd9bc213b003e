"""The dataset page, its change log and the Atom feed of changes: what the database holds, under
which licence, from which sources, and what changed recently.

The licence of the data is the operator's decision: FLEXIBILITIES_DATA_LICENCE (name) and
FLEXIBILITIES_DATA_LICENCE_URL in the settings, CC BY 4.0 unless set.
"""

from django import forms
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from flexibilities import counts_cache, selectors
from flexibilities.models import FlexibilityCategory, Provision, ProvisionChange
from portal.models import Party

CHANGES_SHOWN = 50


def licence() -> tuple[str, str]:
    name = getattr(settings, "FLEXIBILITIES_DATA_LICENCE", "CC BY 4.0")
    url = getattr(
        settings,
        "FLEXIBILITIES_DATA_LICENCE_URL",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    return name, url


def summary() -> dict:
    """Counts by flexibility and by party, the total and the last update; cached per data
    version (they read every published provision: seconds at 250,000)."""

    def compute():
        by_category = list(selectors.categories_with_counts())
        return {
            "by_category": by_category,
            "by_party": list(selectors.parties_with_counts()),
            "total": sum(category.provision_count for category in by_category),
            "last_update": last_update(),
        }

    return counts_cache.COUNTS.get_or_set(("dataset-summary",), compute)


def last_update():
    """When the public data last changed (a change logged, else a published row written)."""
    logged = ProvisionChange.objects.aggregate(at=Max("at"))["at"]
    if logged:
        return logged
    return Provision.objects.filter(is_published=True).aggregate(at=Max("updated_at"))["at"]


def recent_changes(party: Party | None = None, category=None) -> QuerySet[ProvisionChange]:
    """The newest public changes, of one party or category if given."""
    changes = ProvisionChange.objects.select_related("provision", "party", "category")
    if party is not None:
        changes = changes.filter(party=party)
    if category is not None:
        changes = changes.filter(category=category)
    return changes[:CHANGES_SHOWN]


class ChangeFilterForm(forms.Form):
    party = forms.ChoiceField(label=_("Party"), required=False)
    category = forms.ChoiceField(label=_("Flexibility"), required=False)

    def __init__(
        self, data, *, parties: list[Party], categories: list[FlexibilityCategory], prefix=None
    ):
        super().__init__(data, prefix=prefix)
        self.fields["party"].choices = [("", _("Every party"))] + [
            (party.code, party.name) for party in parties
        ]
        self.fields["category"].choices = [("", _("Every flexibility"))] + [
            (category.slug, category.name) for category in categories
        ]
        self.by_code = {party.code: party for party in parties}
        self.by_slug = {category.slug: category for category in categories}

    def chosen(self) -> tuple[Party | None, FlexibilityCategory | None]:
        if not self.is_valid():
            return None, None
        data = self.cleaned_data
        return self.by_code.get(data["party"]), self.by_slug.get(data["category"])


def citation(provision: Provision, url: str, consulted) -> str:
    """A citation line: party, law, article, the database and the provision's stable URL."""
    law = provision.law_title
    if provision.law_number:
        law += f" ({provision.law_number})"
    if provision.law_date:
        law += f", {provision.law_date.year}"
    return str(
        _(
            "%(party)s. %(law)s, %(article)s. In: Flexibilities database. "
            "%(url)s (consulted %(date)s)."
        )
    ) % {
        "party": provision.party.name,
        "law": law,
        "article": provision.article,
        "url": url,
        "date": consulted.isoformat(),
    }


def describe(change: ProvisionChange) -> str:
    provision = change.provision
    return f"{change.party.name}: {provision.law_title}, {provision.article}"


class ChangesFeed(Feed):
    """Atom feed of the change log; ?party=KE&category=compulsory-licences narrow it."""

    feed_type = Atom1Feed
    title = _("Flexibilities database: changes")
    subtitle = _("Provisions added, amended or withdrawn")

    def get_object(self, request):
        form = ChangeFilterForm(
            request.GET,
            parties=list(Party.objects.all()),
            categories=list(FlexibilityCategory.objects.all()),
        )
        # The feed object serves every request: the state travels in the returned object.
        return (*form.chosen(), request.GET.urlencode())

    def link(self, obj):
        query = obj[2]
        return reverse("flexibilities:dataset") + (f"?{query}" if query else "")

    def items(self, obj):
        party, category, _query = obj
        return recent_changes(party, category)

    def item_title(self, item: ProvisionChange):
        return f"{item.get_kind_display()}: {describe(item)}"

    def item_description(self, item: ProvisionChange):
        parts = [item.category.name]
        if item.fields:
            parts.append(str(_("Changed: %(fields)s")) % {"fields": ", ".join(item.fields)})
        return " · ".join(parts)

    def item_link(self, item: ProvisionChange):
        if item.provision.is_published:
            return item.provision.get_absolute_url() + f"#change-{item.pk}"
        return reverse("flexibilities:dataset") + f"#change-{item.pk}"  # withdrawn: no page

    def item_pubdate(self, item: ProvisionChange):
        return item.at

    def item_updateddate(self, item: ProvisionChange):
        return item.at
