from django import template
from django.utils.safestring import SafeString

from flexibilities import search

register = template.Library()


@register.filter
def highlight(text: str, terms: list[str]) -> SafeString:
    """The text escaped, with the search terms marked."""
    return search.highlight(text or "", terms or [])


@register.filter
def option_label(category, code: str) -> str:
    return category.option_label(code)


SNIPPET_CHARS = 320


@register.filter
def snippet(text: str, width: int = SNIPPET_CHARS) -> str:
    """The start of the text, cut at the last space before `width` characters (a text without
    spaces, such as Chinese, at `width`), with an ellipsis when cut."""
    text = text or ""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width + 1)
    return (text[:cut] if cut > width // 2 else text[:width]).rstrip(" ,;:") + " …"


@register.filter
def isolated(value) -> str:
    """The value between Unicode's first-strong isolate marks: plain text that keeps its own
    direction, for a page title, where markup such as <bdi> would be printed as text."""
    return f"\u2068{value}\u2069" if value not in (None, "") else ""
