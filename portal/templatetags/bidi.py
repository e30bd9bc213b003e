"""Right-to-left helpers: values isolated from the text around them, lists per language.

In an Arabic sentence a Latin-script name, a reference such as REQ-2026-0001 or a number
next to punctuation would otherwise pull the punctuation to the wrong side; <bdi> lets the
browser lay the value out on its own (Unicode bidi isolation).
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from portal.localisation import join_list

register = template.Library()


@register.filter
def bdi(value) -> SafeString:
    """The value in a <bdi> element; usable inside {% blocktranslate with x=value|bdi %}."""
    if value in (None, ""):
        return mark_safe("")
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def as_list(items) -> SafeString:
    """The items joined as the current language writes a list, each one isolated."""
    # Join placeholders, then put the escaped items in: no item can be mistaken for a separator.
    items = [item for item in items if item not in (None, "")]
    markers = [f"\x00{index}\x00" for index in range(len(items))]
    joined = conditional_escape(join_list(markers))
    for marker, item in zip(markers, items, strict=True):
        joined = joined.replace(marker, str(bdi(item)))
    return mark_safe(joined)
