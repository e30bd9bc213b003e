"""The interactive API explorer is served from the project, under the strict CSP."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("flexibilities:api_explorer")


def test_the_explorer_loads_only_its_own_files_and_no_inline_script_or_style(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") for source in sources), sources
    assert "<style" not in html and not re.search(r"<script>\s*\S", html)
    for path in sources:
        if path.startswith("/static/"):
            assert finders.find(path.removeprefix("/static/")), path


def test_its_start_up_script_is_a_file_that_reads_our_schema(client):
    script = client.get(URL + "?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


def test_the_api_page_links_the_explorer(client):
    assert f'href="{URL}"' in client.get(reverse("flexibilities:api_docs")).content.decode()
