"""Lists written the way the current language writes them (CLDR patterns, through Babel)."""

from collections.abc import Iterable

from babel.lists import format_list
from django.utils import translation


def current_locale() -> str:
    """The active language as a Babel/CLDR locale name ("zh-hans" -> "zh_Hans")."""
    return translation.to_locale(translation.get_language() or "en")


def join_list(items: Iterable[object]) -> str:
    """'A, B and C' in English, 'A, B et C' in French, 'A、B和C' in Chinese, 'A وB وC' in Arabic."""
    return format_list([str(item) for item in items], locale=current_locale())
