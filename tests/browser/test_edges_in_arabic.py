"""The pages the last round added, walked in Arabic on a 390 px phone by the person concerned.

Each page must read right to left, fit the phone's width without scrolling sideways, pass axe,
and isolate every Latin run inside Arabic text (the project's own walker of
tests/portal/test_arabic_pages_isolate_latin_text.py, run on what the browser shows). Every
new form is first sent with bad input: the error is shown beside the field and nothing is saved.
"""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import get_language_info

from enforcement.models import ReportStatus
from portal.models import Match, MatchStatus, ProviderApplication, Region, Visibility
from requests.forms import ConsentForm
from requests.models import AssistanceRequest, Status
from requests.services import set_consent
from tests.browser.helpers import (
    PHONE,
    assert_no_axe_violations,
    sign_in,
    sign_in_staff,
    switch_language,
)
from tests.conftest import PASSWORD, make_user
from tests.enforcement.conftest import (  # noqa: F401 (fixtures the report approval uses)
    make_report,
    mission,
    private_storage,
    programme,
    th_focal,
    thailand,
)
from tests.portal.matching_support import make_need, make_provider, make_resource
from tests.portal.test_arabic_pages_isolate_latin_text import unisolated_latin
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.browser


def check_arabic_phone(page) -> None:
    """Arabic, right to left, no sideways scrolling at 390 px, Latin isolated, axe clean."""
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl"), page.url
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a {PHONE['width']} px phone"
    problems = unisolated_latin(page.content())
    assert not problems, f"Latin not isolated on {page.url}:\n" + "\n".join(problems)
    assert_no_axe_violations(page)


def in_arabic_as(page, user=None, *, staff: bool = False) -> None:
    """A fresh visit on the phone (signed in as `user`, if any), switched to Arabic."""
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    if staff:
        sign_in_staff(page, user, PASSWORD)
    elif user is not None:
        sign_in(page, user.get_username(), PASSWORD)
    else:
        page.goto("/")
    switch_language(page, "ar")


def submit(page, selector: str = "main form button[type=submit]") -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_an_organisation_applies_to_become_a_provider_in_arabic(page):
    in_arabic_as(page)
    page.goto("/providers/apply/")
    check_arabic_phone(page)

    submit(page)  # nothing filled in
    for field in ("organisation", "kind", "description", "contact_name", "email"):
        assert page.locator(f"#id_{field}_error").is_visible(), field
    assert page.locator("#error-summary a").count() == 5
    assert ProviderApplication.objects.count() == 0
    check_arabic_phone(page)

    page.locator("#id_organisation").fill("Legal Aid Network")
    page.locator("input[name=kind]").first.check()
    page.locator("#id_description").fill("Two former legislative drafters.")
    page.locator("#id_contact_name").fill("Amina Odhiambo")
    page.locator("#id_email").fill("amina@example.org")
    submit(page)
    assert page.url.endswith("/providers/apply/sent/")
    application = ProviderApplication.objects.get()
    assert (application.organisation, application.language) == ("Legal Aid Network", "ar")
    check_arabic_phone(page)


def test_an_official_chooses_the_kind_then_answers_its_questions_in_arabic(page, ke_official):
    in_arabic_as(page, ke_official)
    page.goto("/requests/new/")
    check_arabic_phone(page)

    submit(page)  # Continue without a kind: the step says so instead of showing itself again
    assert page.locator("#id_kind_error").is_visible()
    assert page.locator("#error-summary").is_visible()
    check_arabic_phone(page)

    page.locator("input[name=kind][value=legislative]").check()
    submit(page)
    assert page.locator("#id_purpose_0").count() == 1  # legislative advice's own question
    assert page.locator("#id_policy_format_0").count() == 0  # not another kind's
    check_arabic_phone(page)

    page.locator("#id_title").fill("Comments on the Patents (Amendment) Bill [Demo]")
    page.locator("#id_purpose_0").check()
    page.locator("input[name=legal_areas]").first.check()
    wished_by = timezone.localdate() + datetime.timedelta(days=120)
    page.locator("#id_wished_by").fill(wished_by.isoformat())
    submit(page, "main form button[name=save]")  # the description is missing
    assert page.locator("#id_description_error").is_visible()
    assert "id_description_error" in page.locator("#id_description").get_attribute(
        "aria-describedby"
    )
    assert page.locator("#error-summary a[href='#id_description']").count() == 1
    assert AssistanceRequest.objects.count() == 0
    assert page.locator("#id_title").input_value().startswith("Comments on the Patents")
    check_arabic_phone(page)


def test_a_focal_point_is_told_what_they_approve_or_take_back_in_arabic(
    page,
    make_report,  # noqa: F811 (the enforcement cast's fixture, imported above)
    th_focal,  # noqa: F811
    ke_official,
    ke_focal,
    triage,
):
    # Thailand's focal point approves a country report: the page names file, date and sender.
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    in_arabic_as(page, th_focal)
    page.goto(report.get_absolute_url())
    check_arabic_phone(page)
    submit(page, "button[name=action][value=approved]")
    facts = page.locator("dl.details").inner_text()
    assert "report.pdf" in facts and triage.get_username() in facts
    assert page.locator("input[name=confirmed]").count() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.UNDER_NATIONAL_REVIEW  # nothing approved yet
    check_arabic_phone(page)
    submit(page)
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED

    # Kenya's focal point takes back the consent given on a request: the page says what first.
    submitted = move(
        draft(ke_official, title="Comments on the Patents (Amendment) Bill [Demo]"),
        Status.SUBMITTED,
        actor=ke_focal,
    )
    set_consent(submitted, actor=ke_focal, general=True, details=True)
    in_arabic_as(page, ke_focal)
    page.goto(submitted.get_absolute_url())
    check_arabic_phone(page)
    page.locator("#id_details").uncheck()
    submit(page, "form[action$='/consent/'] button[type=submit]")
    with translation.override("ar"):
        details = str(ConsentForm.base_fields["details"].label)
    assert page.locator("main ul li").all_inner_texts() == [details]  # only what is taken back
    submitted.refresh_from_db()
    assert submitted.consent_details  # not until confirmed
    check_arabic_phone(page)
    submit(page, "main form button.button-danger")
    submitted.refresh_from_db()
    assert (submitted.consent_general, submitted.consent_details) == (True, False)


def test_a_match_is_explained_in_arabic_to_the_staff_and_to_the_party(
    page, ke_official, ke_focal, triage
):
    offering = make_user("provider-member")
    provider = make_provider(members=[offering], approved_by=triage)
    make_resource(offering, provider, languages=["ar", "fr"], regions=[Region.AFRICA])
    need = make_need(
        ke_official,
        ke_focal,
        visibility=Visibility.PROVIDERS,
        legal_areas=["copyright", "trademarks"],
        languages=["ar", "en"],
    )

    with translation.override("ar"):
        arabic, africa = (
            str(get_language_info("ar")["name_translated"]),
            translation.gettext("Africa"),
        )

    # The triage desk reads the ranked resource's reasons and proposes it.
    in_arabic_as(page, triage, staff=True)
    page.goto(need.get_absolute_url())
    reasons = page.locator("ul.reasons").first.inner_text()
    assert arabic in reasons and africa in reasons  # language and region by their Arabic names
    assert page.locator("li.reason-miss").count() >= 1  # trademarks are not covered
    check_arabic_phone(page)
    submit(page, "form[action$='/propose/'] button[type=submit]")
    match = Match.objects.get()
    assert match.status == MatchStatus.PROPOSED

    # Kenya's focal point reads the same explanation on the match's page.
    in_arabic_as(page, ke_focal)
    page.goto(match.get_absolute_url())
    assert arabic in page.locator("ul.reasons").first.inner_text()
    assert page.locator("li.reason-miss").count() >= 1
    check_arabic_phone(page)
