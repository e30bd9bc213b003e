"""In Arabic, every Latin name, reference, title or marker inside a sentence is isolated.

The walk reads the main content of a sample of public, party and staff pages in Arabic and
fails on any text that mixes Arabic words with a Latin run outside an isolating element
(<bdi>, any element but <html> with a dir attribute, or Unicode's FSI ... PDI in text where
no markup can go): unisolated, the bidi algorithm moves brackets,
colons and numbers to the wrong side ("[Demo]" jumping to the end of a title). Short capital
acronyms (PDF, IP, TRIPS) lay out correctly on their own and are allowed.
"""

import re
from html.parser import HTMLParser

import pytest

from tests.conftest import client_for
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]")
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# Unicode's own isolates (FSI ... PDI), for text where no markup can go (escaped help texts).
UNICODE_ISOLATE = re.compile("\u2068[^\u2069]*\u2069")
SKIPPED = {"script", "style", "code", "pre", "textarea", "option", "select", "svg"}


class _Walker(HTMLParser):
    """Collects text of <main> that is not inside an isolating or skipped element."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.in_main = False
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if tag == "main":
            self.in_main = True
        # The page's own direction, on <html>, is the paragraph direction: it isolates nothing.
        isolating = (
            tag in SKIPPED
            or tag == "bdi"
            or (tag != "html" and any(name == "dir" for name, _ in attrs))
        )
        self.stack.append((tag, isolating))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            opened, _isolating = self.stack.pop()
            if opened == tag:
                break
        if tag == "main":
            self.in_main = False

    def handle_data(self, data):
        if not self.in_main or any(isolating for _tag, isolating in self.stack):
            return
        data = UNICODE_ISOLATE.sub(" ", data)
        if not ARABIC.search(data):
            return
        runs = [run for run in LATIN_RUN.findall(data) if not ACRONYM.match(run)]
        if runs:
            self.problems.append(f"{' '.join(data.split())!r} (Latin: {', '.join(runs)})")


def unisolated_latin(html: str) -> list[str]:
    walker = _Walker()
    walker.feed(html)
    return walker.problems


def test_the_walker_finds_an_unisolated_title_and_accepts_an_isolated_one():
    assert unisolated_latin("<main><p>طلب Draft patent law (2026)</p></main>")
    assert not unisolated_latin("<main><p>طلب <bdi>Draft patent law (2026)</bdi></p></main>")
    assert not unisolated_latin('<main><p dir="auto">طلب Draft</p></main>')
    assert not unisolated_latin("<main><p>ملف PDF</p></main>")
    assert not unisolated_latin("<main><p>ملف \u2068Word\u2069</p></main>")
    # A whole page: its <html dir="rtl"> does not isolate what <main> holds.
    page = '<html lang="ar" dir="rtl"><body><main><p>طلب Draft</p></main></body></html>'
    assert unisolated_latin(page)


@pytest.fixture
def latin_world(ke_official, ke_focal, triage):
    """A request with a Latin-script title and brackets, submitted and acknowledged."""
    assistance_request = draft(
        ke_official, title="Comments on the Patents (Amendment) Bill [Demo]", treaties="TRIPS"
    )
    submitted = move(assistance_request, "submitted", actor=ke_focal)
    return move(submitted, "acknowledged", actor=triage)


PUBLIC = ["/", "/recommendations/", "/recommendations/9/", "/activities/", "/needs/"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_in_arabic_isolate_latin_text(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert unisolated_latin(response.content.decode()) == []


def test_party_pages_in_arabic_isolate_latin_text(latin_world, ke_focal):
    browser = client_for(ke_focal)
    reference = latin_world.reference
    for path in ("/requests/", f"/requests/{reference}/", "/requests/new/?kind=legislative"):
        response = browser.get(path, HTTP_ACCEPT_LANGUAGE="ar")
        assert response.status_code == 200, path
        html = response.content.decode()
        assert '<html lang="ar" dir="rtl">' in html, path
        assert unisolated_latin(html) == [], path
    detail = browser.get(f"/requests/{reference}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "<bdi>Comments on the Patents (Amendment) Bill [Demo]</bdi>" in detail


def test_staff_pages_in_arabic_isolate_latin_text(latin_world, triage):
    browser = client_for(triage)
    for path in (f"/requests/{latin_world.reference}/", "/staff/outbox/"):
        response = browser.get(path, HTTP_ACCEPT_LANGUAGE="ar")
        assert response.status_code == 200, path
        assert unisolated_latin(response.content.decode()) == [], path
