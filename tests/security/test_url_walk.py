"""Every URL pattern the project defines, walked as every outsider to Kenya's confidential data.

The patterns come from the URL resolver, not a hand-typed list: a new URL is walked the day it
is added, and one whose parameters the walk cannot fill fails until it is taught them. Kenya's
draft and submitted requests, a document, an unpublished provision, a draft country report and
unreleased statistics are planted; no outsider may get a 200 that shows any of them.
"""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from enforcement.models import CountryReport, Programme
from enforcement.services import add_report_version
from portal.matching.services import propose_match
from portal.models import Party
from requests.services.conversation import add_document
from tests.conftest import client_for, make_user
from tests.enforcement.conftest import make_statistic
from tests.flexibilities.conftest import make_provision
from tests.portal.activities_support import make_activity
from tests.portal.matching_support import make_need, make_provider, make_resource
from tests.requests.conftest import draft, move, pdf

pytestmark = pytest.mark.django_db

SECRET = "Kenya-confidential-7f3a"  # planted in every confidential object's text
# Requests and country reports are closer still: staff who do not handle them (an unassigned
# officer) must not see them either (tests/security/test_report_walk.py walks every
# staff role over the reports).
REQUEST_SECRET = "Kenya-request-only-91c2"


def patterns(resolver=None, prefix="", namespace=None):
    """(name, route, converter names) of every non-admin URL pattern."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith("admin/"):
                continue  # the admin is walked by its own scope tests (tests/requests)
            yield from patterns(entry, prefix + str(entry.pattern), entry.namespace or namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, prefix + str(entry.pattern), list(entry.pattern.converters)


@pytest.fixture
def planted(ke_official, ke_focal, triage, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    kenya = Party.objects.get(code="KE")
    drafted = draft(ke_official, title=f"Draft {SECRET} {REQUEST_SECRET}")
    submitted = move(
        draft(ke_official, title=f"Submitted {SECRET} {REQUEST_SECRET}"),
        "submitted",
        actor=ke_focal,
    )
    document = add_document(submitted, pdf(f"{REQUEST_SECRET}.pdf"), actor=ke_official)
    provision = make_provision("KE", text=f"Unpublished {SECRET}", is_published=False)
    mission = Programme.objects.create(name="Walk programme").missions.create(
        title="Walk mission", start_date=date(2025, 1, 1)
    )
    report = CountryReport.objects.create(
        mission=mission, party=kenya, title=f"Report {SECRET} {REQUEST_SECRET}"
    )
    add_report_version(report.pk, triage, SimpleUploadedFile("r.pdf", b"%PDF-1.4\n%%EOF\n"))
    make_statistic(kenya, agency_name=SECRET)
    activity = make_activity(triage, title=f"Activity {SECRET}", description=SECRET)
    # Recommendation 9: a need Kenya published for itself and the staff only, with a match
    # proposed to Kenya (its provider learns nothing before Kenya accepts).
    need = make_need(
        ke_official, ke_focal, visibility="private", title=f"Need {SECRET} {REQUEST_SECRET}"
    )
    offering = make_user("walk-provider")
    resource = make_resource(offering, make_provider(members=[offering], approved_by=triage))
    match = propose_match(need, resource, actor=triage)
    return {
        "matching:need_detail": {"pk": need.pk},
        "matching:need_edit": {"pk": need.pk},
        "matching:need_visibility": {"pk": need.pk},
        "matching:need_close": {"pk": need.pk},
        "matching:need_propose": {"pk": need.pk},
        "requests:from_need": {"pk": need.pk},
        "matching:match_detail": {"pk": match.pk},
        "matching:match_answer": {"pk": match.pk},
        "matching:match_story": {"pk": match.pk},
        "activity_detail": {"pk": activity.pk},
        "activity_consent": {"pk": activity.pk},
        "reference": [drafted.reference, submitted.reference],
        "requests:document": {"pk": document.pk},
        "requests:document_read": {"pk": document.pk},
        "flexibilities:provision_detail": {"pk": provision.pk},
        "flexibilities:api_provision_detail": {"pk": provision.pk},
        "flexibilities:provision_citation": {"pk": provision.pk, "fmt": "ris"},
        "enforcement:report_detail": {"pk": report.pk},
        "enforcement:report_review": {"pk": report.pk},
        "enforcement:report_upload": {"pk": report.pk},
        "enforcement:report_file": {"pk": report.pk, "number": 1},
        "code": "KE",
    }


# Parameters that name public things: any real value will do.
PUBLIC_VALUES = {
    "number": 5,
    "slug": "compulsory-licences",
    "uidb64": "MQ",
    "token": "set-password",
    "year": 2026,
}


def urls_to_walk(planted) -> list[tuple[str, str]]:
    walked = []
    for name, _route, params in patterns():
        if not params:
            walked.append((name, reverse(name)))
            continue
        if name in planted:
            kwargs_list = [
                planted[name] | {k: planted["reference"][1] for k in params if k == "reference"}
            ]
        elif params == ["reference"]:
            kwargs_list = [{"reference": ref} for ref in planted["reference"]]
        elif params == ["code"]:
            kwargs_list = [{"code": planted["code"]}]
        elif all(param in PUBLIC_VALUES for param in params):
            kwargs_list = [{param: PUBLIC_VALUES[param] for param in params}]
        elif params == ["pk"]:
            kwargs_list = [{"pk": 1}]  # enforcement programmes, meetings, practices, retries
        else:
            pytest.fail(f"the walk does not know how to fill {name} {params}: teach it")
        walked += [(name, reverse(name, kwargs=kwargs)) for kwargs in kwargs_list]
    return walked


@pytest.fixture
def outsiders(planted, cl_official, cl_focal, officer, stranger):
    """Everyone with no right to Kenya's confidential objects (the officer is not assigned;
    the provider's offer is proposed for Kenya's need, which Kenya has not accepted)."""
    return {
        "provider": get_user_model().objects.get(username="walk-provider"),
        "anonymous": None,
        "cl_official": cl_official,
        "cl_focal": cl_focal,
        "officer": officer,
        "stranger": stranger,
    }


def test_no_outsider_gets_kenyas_confidential_data_from_any_url(planted, outsiders):
    walked = urls_to_walk(planted)
    assert len(walked) > 50
    leaks = []
    for who, user in outsiders.items():
        client = client_for(user)
        for name, url in walked:
            response = client.get(url)
            if response.status_code != 200:
                continue
            secret = REQUEST_SECRET if who == "officer" else SECRET
            if secret.encode() in _body(response):
                leaks.append(f"{who} saw the secret at {name} ({url})")
    assert leaks == []


def test_kenyas_own_urls_answer_404_not_403_to_another_party(planted, cl_official):
    client = client_for(cl_official)
    for name, url in urls_to_walk(planted):
        if "/requests/REQ-" in url or name in planted:
            assert client.get(url).status_code in (404, 405), (name, url)


def test_the_walk_does_find_the_secret_where_kenya_may_see_it(planted, ke_focal):
    # Guards the walk itself: were the secret never shown, the test above would prove nothing.
    client = client_for(ke_focal)
    seen = [
        name
        for name, url in urls_to_walk(planted)
        if client.get(url).status_code == 200 and SECRET.encode() in _body(client.get(url))
    ]
    assert {
        "requests:detail",
        "enforcement:report_detail",
        "activity_detail",
        "matching:need_detail",
        "matching:match_detail",
    } <= set(seen)


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content
