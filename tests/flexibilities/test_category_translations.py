"""Flexibility categories in all six languages, and the note on a translated description."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from flexibilities.models import FlexibilityCategory
from flexibilities.reference.loaders import CATEGORIES_FILE, LANGUAGE_FIELDS

SIX = list(LANGUAGE_FIELDS)


def categories() -> list[dict]:
    return json.loads(CATEGORIES_FILE.read_text(encoding="utf-8"))["categories"]


@pytest.mark.django_db
def test_every_category_has_a_name_and_description_in_all_six_languages():
    assert FlexibilityCategory.objects.count() == len(categories()) == 14
    for category in FlexibilityCategory.objects.all():
        for suffix in LANGUAGE_FIELDS.values():
            assert getattr(category, f"name_{suffix}"), (category.slug, suffix)
            assert getattr(category, f"description_{suffix}"), (category.slug, suffix)


def test_every_implementation_option_is_labelled_in_all_six_languages():
    for category in categories():
        for option in category["implementation_options"]:
            assert sorted(option["label"]) == sorted(SIX), (category["slug"], option["code"])


def test_article_numbers_in_the_english_description_survive_in_each_translation():
    for category in categories():
        description = category["description"]
        for figure in re.findall(r"\d+", description["en"]):
            for lang in SIX:
                assert figure in description[lang], (category["slug"], lang, figure)


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "suffix"), [("ar", "ar"), ("ru", "ru"), ("zh-hans", "zh_hans")])
def test_a_translated_description_says_so_and_gives_the_english_text(client, lang, suffix):
    category = FlexibilityCategory.objects.get(slug="exhaustion-of-rights")
    client.post(reverse("set_language"), {"language": lang, "next": "/"})
    page = client.get(category.get_absolute_url()).content.decode()
    translated = escape(getattr(category, f"description_{suffix}")[:30])
    assert f'<div class="category-description" lang="{lang}" dir="auto"><p>{translated}' in page
    assert 'class="translation-note" role="note"' in page and 'href="#english-text"' in page
    english = escape(category.description_en[:30])
    assert f'<div class="recommendation-text" lang="en" dir="ltr"><p>{english}' in page
    with translation.override(lang):
        assert category.option_label("international") != "International exhaustion"


@pytest.mark.django_db
def test_the_english_description_carries_no_translation_note(client):
    category = FlexibilityCategory.objects.get(slug="exhaustion-of-rights")
    page = client.get(category.get_absolute_url()).content.decode()
    assert '<div class="category-description" lang="en" dir="auto">' in page
    assert "translation-note" not in page
