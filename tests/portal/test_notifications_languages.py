"""Each recipient gets their e-mails in the language they chose, whichever of the six it is."""

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.html import escape

from portal.notifications import services
from portal.notifications.rendering import render_email
from requests import events

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_the_six_languages_can_be_chosen_for_mail():
    assert LANGUAGES == ["en", "fr", "es", "ar", "zh-hans", "ru"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_request_submitted_mail_is_written_in_the_recipients_language(ke_focal, kenya, language):
    services.update_notification_preferences(ke_focal, level="all", language=language)
    with transaction.atomic():
        (row,) = services.notify(
            event=events.SUBMITTED,
            recipients=[ke_focal],
            subject_object=kenya,
            context={"title": "Revision of the patent law"},
        )

    message = render_email(row)

    with translation.override(language):
        subject = translation.gettext("Request submitted")
        footer = translation.gettext("Choose which e-mails you receive, and their language")
        bidi = translation.get_language_bidi()
    if language != "en":
        assert subject != "Request submitted", f"no {language} translation to check against"
    html = message.alternatives[0][0]
    assert message.subject.endswith(subject)
    assert escape(footer) in html and footer in message.body
    assert f'<html lang="{language}" dir="{"rtl" if bidi else "ltr"}">' in html
    assert bidi == (language == "ar")
