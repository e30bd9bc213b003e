"""The recommendations' texts in all six languages, and the note that says a text is the
portal team's translation with the English text beside it."""

import json
import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from portal.models import Recommendation
from portal.reference.loaders import (
    DEVELOPMENT_AGENDA_FILE,
    DEVELOPMENT_AGENDA_TEXTS_FILE,
    LANGUAGE_FIELDS,
    load_all,
)

NOTE = "translation-note"
TRANSLATED = ("fr", "es", "ar", "zh", "ru")


def english_texts() -> dict[str, str]:
    agenda = json.loads(DEVELOPMENT_AGENDA_FILE.read_text(encoding="utf-8"))
    return {str(item["number"]): item["text"] for item in agenda["recommendations"]}


def translations() -> dict[str, dict[str, str]]:
    return json.loads(DEVELOPMENT_AGENDA_TEXTS_FILE.read_text(encoding="utf-8"))["texts"]


def read_in(client, language: str, url: str) -> str:
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_translations_file_says_whose_translations_they_are():
    about = json.loads(DEVELOPMENT_AGENDA_TEXTS_FILE.read_text(encoding="utf-8"))["about"]
    assert "portal team" in about and "not WIPO's official texts" in about
    assert "https://www.wipo.int/ip-development/" in about


@pytest.mark.django_db
def test_every_recommendation_has_its_text_in_all_six_languages():
    for recommendation in Recommendation.objects.all():
        english = recommendation.text_en
        assert english and len(english) > 40, recommendation.number
        for lang, suffix in LANGUAGE_FIELDS.items():
            text = getattr(recommendation, f"text_{suffix}")
            assert text and text.strip(), (recommendation.number, lang)
            assert lang == "en" or text != english, (recommendation.number, lang)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_numbers_in_the_english_text_survive_in_each_translation(lang):
    texts = translations()
    for number, english in english_texts().items():
        for figure in re.findall(r"\d+", english):
            assert figure in texts[number][lang], (number, lang, figure)


def test_each_translation_is_written_in_its_own_script():
    scripts = {"ar": r"[\u0600-\u06ff]", "zh": r"[\u4e00-\u9fff]", "ru": r"[\u0400-\u04ff]"}
    for number, texts in translations().items():
        for lang, script in scripts.items():
            letters = re.findall(script, texts[lang], flags=re.IGNORECASE)
            assert len(letters) > len(texts[lang]) / 3, (number, lang)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "html_lang"), [("fr", "fr"), ("ar", "ar"), ("zh-hans", "zh-hans")]
)
def test_a_recommendation_in_another_language_shows_the_translation_and_says_so(
    client, lang, html_lang
):
    recommendation = Recommendation.objects.get(number=45)
    html = read_in(client, lang, reverse("recommendation_detail", args=[45]))
    translated = getattr(recommendation, f"text_{html_lang.replace('-', '_')}")
    assert f'<blockquote class="recommendation-text" lang="{html_lang}" dir="auto"><p>' in html
    assert escape(translated[:40]) in html
    assert f'class="{NOTE}" role="note"' in html
    assert 'href="#english-text"' in html and 'id="english-text"' in html
    assert (
        f'<div class="recommendation-text" lang="en" dir="ltr"><p>{recommendation.text_en[:40]}'
        in html
    )
    official = "zh" if lang == "zh-hans" else lang
    assert f"https://www.wipo.int/ip-development/{official}/agenda/recommendations.html" in html


@pytest.mark.django_db
def test_in_english_there_is_no_translation_note(client):
    html = read_in(client, "en", reverse("recommendation_detail", args=[7]))
    assert '<blockquote class="recommendation-text" lang="en" dir="auto">' in html
    assert NOTE not in html and 'id="english-text"' not in html
    assert NOTE not in read_in(client, "en", reverse("recommendation_list"))


@pytest.mark.django_db
def test_a_missing_translation_falls_back_to_english_without_the_note(client):
    Recommendation.objects.filter(number=12).update(text_ru=None)
    html = read_in(client, "ru", reverse("recommendation_detail", args=[12]))
    english = Recommendation.objects.get(number=12).text_en
    assert f'lang="en" dir="auto"><p>{escape(english[:40])}' in html
    assert NOTE not in html


@pytest.mark.django_db
def test_the_recommendation_list_in_another_language_offers_the_english_page(
    client, django_assert_num_queries
):
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    with django_assert_num_queries(2):
        html = client.get(reverse("recommendation_list")).content.decode()
    assert f'class="{NOTE}" role="note"' in html
    assert '<button type="submit" name="language" value="en">' in html
    assert "https://www.wipo.int/ip-development/es/agenda/recommendations.html" in html


@pytest.mark.django_db
def test_reloading_the_reference_data_keeps_every_translation():
    Recommendation.objects.filter(number=3).update(text_ar="stale", text_en="stale")
    load_all()
    recommendation = Recommendation.objects.get(number=3)
    assert recommendation.text_ar == translations()["3"]["ar"]
    assert recommendation.text_en == english_texts()["3"]
