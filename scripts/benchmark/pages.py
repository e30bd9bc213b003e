"""The benchmark's pages, each with the person who opens it, built from the seeded world."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from flexibilities.models import FlexibilityCategory, Provision
from portal.models import Party
from requests.models import AssistanceRequest

from .guard import recall

FLOOR = "floor (home page)"
ADMIN_LISTS = {
    "admin triage list (triage)",
    "admin triage list (bureau)",
    "desk queue: mine (officer)",
    "desk queue: overdue (triage)",
    "desk queue: waiting on the party (triage)",
    "desk queue: closed (bureau)",
    "desk case page (triage, 50 timeline entries)",
}
_DESK = "/admin/requests/assistancerequest/"
COMPARED = ["KE", "CL", "TH", "BR", "IN", "ZA", "EG", "ID", "MX", "NG"]
# The researcher's comparison: 20 parties, every flexibility.
COMPARED_20 = [*COMPARED, "AR", "BD", "CN", "CO", "GH", "MA", "MY", "PE", "PH", "VN"]


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    username: str | None = None  # None: an anonymous visitor


def pages() -> list[Page]:
    categories = list(FlexibilityCategory.objects.values_list("slug", flat=True)[:2])
    provision = (
        Provision.objects.filter(is_published=True).order_by("-pk").values_list("pk", flat=True)
    ).first()
    facts = recall()
    parties = ",".join(Party.objects.filter(code__in=COMPARED).values_list("code", flat=True))
    case = AssistanceRequest.objects.get(reference=facts["timeline_reference"]).pk
    twenty = ",".join(Party.objects.filter(code__in=COMPARED_20).values_list("code", flat=True))
    return [
        # The floor: a real template with the base layout through the same middleware.
        Page(FLOOR, "/"),
        Page(
            "flexibilities search (query + 2 filters)",
            f"/flexibilities/?q=compulsory+licence&category={categories[0]}&region=africa",
        ),
        Page("flexibilities search (no query, facets)", "/flexibilities/"),
        Page("API provision list (filtered)", f"/api/provisions/?category={categories[1]}"),
        Page("provision page", f"/flexibilities/provisions/{provision}/"),
        Page("compare matrix (10 parties)", f"/flexibilities/compare/?parties={parties}"),
        Page("compare matrix (20 parties)", f"/flexibilities/compare/?parties={twenty}"),
        Page(
            "flexibilities search (typo + 2 filters)",
            f"/flexibilities/?q=compulsory+lisence&category={categories[0]}&region=africa",
        ),
        Page("flexibilities dataset page", "/flexibilities/dataset/"),
        Page("official's request list", "/requests/", "ke-official"),
        Page(
            "request page (50 timeline entries)",
            f"/requests/{facts['timeline_reference']}/",
            "ke-official",
        ),
        Page("admin triage list (triage)", "/admin/requests/assistancerequest/", "triage"),
        Page("admin triage list (bureau)", "/admin/requests/assistancerequest/", "bureau-africa"),
        # The desk's queues: the lists above open on unassigned (triage) and the
        # region's current requests (bureau).
        Page("desk queue: mine (officer)", "/admin/requests/assistancerequest/", "officer"),
        Page("desk queue: overdue (triage)", f"{_DESK}?queue=overdue", "triage"),
        Page("desk queue: waiting on the party (triage)", f"{_DESK}?queue=waiting", "triage"),
        Page("desk queue: closed (bureau)", f"{_DESK}?queue=closed", "bureau-africa"),
        Page("desk case page (triage, 50 timeline entries)", f"{_DESK}{case}/change/", "triage"),
        Page("public activities list", "/activities/"),
        Page("recommendation page", "/recommendations/1/"),
    ]


def user(username: str):
    return get_user_model().objects.get(username=username)
