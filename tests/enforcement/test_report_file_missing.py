"""A country report whose file is missing from storage: a 404 page that says so."""

import pytest
from django.urls import reverse

from enforcement.models import ReportStatus
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_a_report_whose_file_is_missing_is_a_404_that_says_so(make_report, th_official, caplog):
    report = make_report(ReportStatus.APPROVED)
    version = report.versions.get(number=1)
    version.file.storage.delete(version.file.name)

    url = reverse("enforcement:report_file", args=[report.pk, 1])
    response = client_for(th_official).get(url)

    assert response.status_code == 404
    assert "The file is missing" in response.content.decode()
    assert "stored file missing" in caplog.text
