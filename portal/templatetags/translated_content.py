"""Which language a translated field is shown in, so pages can tag it and say when the
text is the portal team's translation rather than the English source."""

from dataclasses import dataclass

from django import template
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

register = template.Library()

# The organisation publishes the recommendations in its six languages; its URLs say "zh".
OFFICIAL_RECOMMENDATIONS_URL = (
    "https://www.wipo.int/ip-development/{lang}/agenda/recommendations.html"
)


@dataclass(frozen=True)
class ShownText:
    text: str
    lang: str  # the language the text is actually in (English where no translation exists)
    english: str

    @property
    def is_translation(self) -> bool:
        return self.lang != "en"


@register.simple_tag
def shown_text(obj, field: str) -> ShownText:
    """The field in the reader's language, or its English source where none is stored."""
    english = getattr(obj, build_localized_fieldname(field, "en")) or ""
    language = get_language() or "en"
    if language != "en":
        translated = getattr(obj, build_localized_fieldname(field, language), None)
        if translated:
            return ShownText(translated, language, english)
    return ShownText(english, "en", english)


@register.simple_tag
def official_recommendations_url() -> str:
    """The organisation's page with the official texts in the reader's language."""
    return OFFICIAL_RECOMMENDATIONS_URL.format(lang=(get_language() or "en").split("-")[0])
